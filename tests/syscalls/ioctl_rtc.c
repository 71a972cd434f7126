/* Real-time clock ioctls on /dev/null (no clock: the kernel fails them, or an injected
 * success shows what the getters print): every request with a good, NULL, bad and
 * page-cut pointer; parameters of each kind, known and unknown, with and without
 * padding; voltage flags known and unknown; requests of other drivers sharing type 'p';
 * an unknown 'p' number. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/rtc.h>
#include <linux/phantom.h>
#include <linux/pps.h>

struct param { unsigned long long param, value; unsigned index, pad; };

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		RTC_AIE_ON, RTC_AIE_OFF, RTC_UIE_ON, RTC_UIE_OFF, RTC_PIE_ON, RTC_PIE_OFF,
		RTC_WIE_ON, RTC_WIE_OFF, RTC_ALM_SET, RTC_ALM_READ, RTC_RD_TIME,
		RTC_SET_TIME, RTC_IRQP_READ, RTC_IRQP_SET, RTC_EPOCH_READ, RTC_EPOCH_SET,
		RTC_WKALM_SET, RTC_WKALM_RD, RTC_PLL_GET, RTC_PLL_SET, RTC_VL_READ,
		RTC_VL_CLR, RTC_PARAM_GET, RTC_PARAM_SET, PHN_GET_REG, PPS_FETCH,
	};
	/* a page at a fixed address (the setters print numbers), then an unmapped one */
	char *page = mmap((void *) 0x7e000000, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + 4096;
	for (unsigned i = 0; i < 4096; i++)
		page[i] = (char) (i * 3);

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], page);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *) 8);
		ioctl(fd, reqs[i], end - 6);
		ioctl(fd, reqs[i], 0xfacefeedUL);
	}

	struct rtc_time tm = { 1, 2, 3, 4, 5, 120, 6, 200, -1 };
	ioctl(fd, RTC_SET_TIME, &tm);
	struct rtc_wkalrm wk = { 1, 0, { 59, 59, 23, 31, 11, 99, 0, 0, 0 } };
	ioctl(fd, RTC_WKALM_SET, &wk);
	struct rtc_pll_info pll = { 1, -2, 3, -4, 5, 6, 1000000000000L };
	ioctl(fd, RTC_PLL_SET, &pll);
	unsigned vl = RTC_VL_BACKUP_LOW | RTC_VL_BACKUP_SWITCH | 0x100;
	ioctl(fd, RTC_VL_READ, &vl);

	struct param params[] = {
		{ RTC_PARAM_FEATURES, 0x81, 0, 0 },
		{ RTC_PARAM_FEATURES, 0x300, 1, 0 },
		{ RTC_PARAM_FEATURES, 0, 2, 5 },
		{ RTC_PARAM_CORRECTION, -5ULL, 3, 0 },
		{ RTC_PARAM_BACKUP_SWITCH_MODE, RTC_BSM_LEVEL, 0, 0 },
		{ RTC_PARAM_BACKUP_SWITCH_MODE, 9, 0, 0 },
		{ 77, 0xdeadbeef, 4, 0 },
	};
	for (unsigned i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
		ioctl(fd, RTC_PARAM_SET, &params[i]);
		ioctl(fd, RTC_PARAM_GET, &params[i]);
	}
	ioctl(fd, RTC_IRQP_SET, 64);
	ioctl(fd, _IO('p', 0x7e), page);
	return 0;
}
