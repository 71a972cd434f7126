/* PTP clock ioctls on /dev/null (no clock: the kernel fails them, or an injected
 * success shows what the getters print): every request and its "2" twin with a good,
 * NULL, bad and page-cut pointer; flags known, unknown and zero; reserved words set
 * and clear; phase and duty-cycle forms; sample counts 0, 2 and too many; names with
 * and without a NUL; an unknown '=' number. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/ptp_clock.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		PTP_CLOCK_GETCAPS, PTP_EXTTS_REQUEST, PTP_PEROUT_REQUEST, PTP_ENABLE_PPS,
		PTP_SYS_OFFSET, PTP_PIN_GETFUNC, PTP_PIN_SETFUNC, PTP_SYS_OFFSET_PRECISE,
		PTP_SYS_OFFSET_EXTENDED, PTP_CLOCK_GETCAPS2, PTP_EXTTS_REQUEST2,
		PTP_PEROUT_REQUEST2, PTP_ENABLE_PPS2, PTP_SYS_OFFSET2, PTP_PIN_GETFUNC2,
		PTP_PIN_SETFUNC2, PTP_SYS_OFFSET_PRECISE2, PTP_SYS_OFFSET_EXTENDED2,
	};
	/* two pages at a fixed address, the second unmapped: a struct at its end is cut */
	char *page = mmap((void *) 0x7e000000, 8192, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + 8192;
	for (unsigned i = 0; i < 8192; i++)
		page[i] = (char) (i * 7);
	for (unsigned i = 0; i < 8192; i += 16)   /* times with valid nanoseconds */
		memcpy(page + i + 8, "\x15\xcd\x5b\x07", 4);

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], page);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *) 8);
		ioctl(fd, reqs[i], end - 20);
		ioctl(fd, reqs[i], 0xfacefeedUL);
	}

	struct ptp_extts_request extts = { 3, PTP_ENABLE_FEATURE | PTP_FALLING_EDGE, { 0, 7 } };
	ioctl(fd, PTP_EXTTS_REQUEST, &extts);
	ioctl(fd, PTP_EXTTS_REQUEST2, &extts);
	extts.flags = 0xf0; extts.rsv[1] = 0;
	ioctl(fd, PTP_EXTTS_REQUEST2, &extts);

	struct ptp_perout_request perout;
	memset(&perout, 0, sizeof(perout));
	perout.start.sec = 1700000000; perout.start.nsec = 5;
	perout.period.sec = 1; perout.period.reserved = 9;
	perout.index = 2; perout.flags = PTP_PEROUT_ONE_SHOT;
	ioctl(fd, PTP_PEROUT_REQUEST, &perout);
	ioctl(fd, PTP_PEROUT_REQUEST2, &perout);
	perout.rsv[2] = 0xbad;
	ioctl(fd, PTP_PEROUT_REQUEST2, &perout);
	perout.flags = PTP_PEROUT_DUTY_CYCLE | PTP_PEROUT_PHASE | 0x100;
	ioctl(fd, PTP_PEROUT_REQUEST2, &perout);
	perout.flags = 0x80;
	perout.start.nsec = 2000000000;
	ioctl(fd, PTP_PEROUT_REQUEST, &perout);

	struct ptp_sys_offset *off = (void *) page;
	struct ptp_sys_offset_extended *ext = (void *) page;
	unsigned counts[] = { 0, 2, 40 };
	for (unsigned i = 0; i < 3; i++) {
		off->n_samples = counts[i];
		off->rsv[0] = i;
		ioctl(fd, PTP_SYS_OFFSET, off);
		ioctl(fd, PTP_SYS_OFFSET2, off);
		ext->n_samples = counts[i];
		ioctl(fd, PTP_SYS_OFFSET_EXTENDED, ext);
	}

	struct ptp_pin_desc pin;
	memset(&pin, 'x', sizeof(pin.name));
	pin.index = 1; pin.func = PTP_PF_PEROUT; pin.chan = 2;
	memset(pin.rsv, 0, sizeof(pin.rsv));
	ioctl(fd, PTP_PIN_GETFUNC, &pin);
	ioctl(fd, PTP_PIN_SETFUNC2, &pin);
	strcpy(pin.name, "pin\t1");
	pin.func = 17; pin.rsv[4] = 1;
	ioctl(fd, PTP_PIN_GETFUNC2, &pin);
	ioctl(fd, PTP_PIN_SETFUNC2, &pin);
	ioctl(fd, PTP_ENABLE_PPS, 1);
	ioctl(fd, _IOR('=', 0x7e, int), page);
	return 0;
}
