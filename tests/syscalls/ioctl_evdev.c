/* Input event device ioctls (type 'E') on /dev/null (not an input device: the kernel
 * fails them with ENOTTY; under -e inject=ioctl:retval=N the read requests print what
 * they "filled"): every fixed request with a filled, NULL, unmapped and page-cut
 * pointer; EVIOCGBIT of every event type (known and unknown), EVIOCGABS/EVIOCSABS of
 * known and unknown axes and of sizes around struct input_absinfo's, the
 * variable-length requests (name, key, LED, sound, switch, property, MT slots),
 * force-feedback effects of every type, odd scalar arguments, and 'E' requests of no
 * family (_IOC_NONE, read-write, unknown numbers). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/input.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static void fill(void *p, size_t n, unsigned char seed)
{
	unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		b[i] = (unsigned char)(seed + i * 7);
}

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	long page = sysconf(_SC_PAGESIZE);
	char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(map + page, page, PROT_NONE);
	char *bad = map + page;            /* unmapped */
	char *cut = map + page - 6;        /* 6 readable bytes, then the unmapped page */
	unsigned char buf[256];
	static const unsigned long fixed[] = {
		EVIOCGVERSION, EVIOCGID, EVIOCGREP, EVIOCSREP, EVIOCGKEYCODE,
		EVIOCGKEYCODE_V2, EVIOCSKEYCODE, EVIOCSKEYCODE_V2, EVIOCSFF, EVIOCGEFFECTS,
		EVIOCGMASK, EVIOCSMASK, EVIOCSCLOCKID,
		EVIOCGNAME(sizeof(buf)), EVIOCGPHYS(16), EVIOCGUNIQ(0), EVIOCGPROP(8),
		EVIOCGKEY(96), EVIOCGLED(8), EVIOCGSND(8), EVIOCGSW(8),
		EVIOCGMTSLOTS(0), EVIOCGMTSLOTS(4), EVIOCGMTSLOTS(16),
		EVIOCGABS(ABS_X), EVIOCSABS(ABS_MT_PRESSURE), EVIOCGABS(0x3f),
		EVIOCSABS(0x2f),
		_IOC(_IOC_READ, 'E', 0x40 + ABS_Y, 16), _IOC(_IOC_READ, 'E', 0x40 + ABS_Y, 20),
		_IOC(_IOC_READ, 'E', 0x40 + ABS_Y, 22), _IOC(_IOC_WRITE, 'E', 0xc0 + ABS_Z, 28),
	};

	for (unsigned int i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		fill(buf, sizeof(buf), (unsigned char)i);
		ioctl(fd, fixed[i], buf);
		ioctl(-1, fixed[i], NULL);
		ioctl(fd, fixed[i], bad);
		ioctl(fd, fixed[i], cut);
	}

	/* EVIOCGBIT of every event type number, a filled set */
	for (unsigned int ev = 0; ev <= EV_MAX; ev++) {
		fill(buf, sizeof(buf), (unsigned char)(ev * 13 + 1));
		ioctl(fd, EVIOCGBIT(ev, 64), buf);
	}
	memset(buf, 0, sizeof(buf));
	ioctl(fd, EVIOCGBIT(0, 8), buf);                  /* no bit set */
	buf[0] = 1 << EV_KEY;
	ioctl(fd, EVIOCGBIT(EV_KEY, 0), buf);
	ioctl(fd, EVIOCGBIT(EV_ABS, 64), bad);
	ioctl(fd, EVIOCGBIT(EV_PWR, 4), cut);

	/* keycodes known and unknown */
	unsigned int pair[2] = { 0x1e, KEY_A };
	ioctl(fd, EVIOCSKEYCODE, pair);
	pair[1] = 0x2fe;
	ioctl(fd, EVIOCSKEYCODE, pair);
	pair[1] = BTN_TRIGGER_HAPPY1;
	ioctl(fd, EVIOCSKEYCODE, pair);
	struct input_keymap_entry ike;
	fill(&ike, sizeof(ike), 3);
	ike.keycode = BTN_0;
	ioctl(fd, EVIOCSKEYCODE_V2, &ike);
	ike.keycode = 0xdead;
	ioctl(fd, EVIOCSKEYCODE_V2, &ike);

	/* absinfo in full */
	struct input_absinfo abs = { -1, -100, 100, 2, 3, 12 };
	ioctl(fd, EVIOCSABS(ABS_X), &abs);

	/* MT slots: a known code and an unknown one, values cut by the page */
	int *slots = (int *)(map + page - 3 * sizeof(int));
	slots[0] = ABS_MT_POSITION_X;
	slots[1] = -5;
	slots[2] = 7;
	ioctl(fd, EVIOCGMTSLOTS(12), slots);
	ioctl(fd, EVIOCGMTSLOTS(24), slots);
	slots[0] = 0x7777;
	ioctl(fd, EVIOCGMTSLOTS(8), slots);

	/* force-feedback effects of every kind */
	static const unsigned short types[] = {
		FF_CONSTANT, FF_RAMP, FF_PERIODIC, FF_RUMBLE, FF_SPRING, FF_GAIN, 0x7e,
	};
	struct ff_effect ffe;
	for (unsigned int i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		fill(&ffe, sizeof(ffe), (unsigned char)(0x80 + i));
		ffe.type = types[i];
		ffe.id = -1;
		ioctl(fd, EVIOCSFF, &ffe);
	}
	ffe.type = FF_PERIODIC;
	ffe.u.periodic.custom_data = NULL;
	ioctl(fd, EVIOCSFF, &ffe);

	/* scalar arguments */
	ioctl(fd, EVIOCRMFF, (unsigned long)-2);
	ioctl(fd, EVIOCRMFF, 0xfeedface00000005UL);
	ioctl(fd, EVIOCGRAB, 0xfeedfacedeadbeefUL);
	ioctl(fd, EVIOCREVOKE, 0);
	int clock = CLOCK_MONOTONIC_COARSE;
	ioctl(fd, EVIOCSCLOCKID, &clock);

	/* 'E' requests of no family */
	ioctl(fd, _IOC(_IOC_NONE, 'E', 0x01, 0), 0);
	ioctl(fd, _IOC(_IOC_READ | _IOC_WRITE, 'E', 0x02, 8), buf);
	ioctl(fd, _IOC(_IOC_READ, 'E', 0x05, 4), 0);
	ioctl(fd, _IOC(_IOC_READ, 'E', 0x90, 4), buf);
	ioctl(fd, _IOC(_IOC_WRITE, 'E', 0x05, 4), 0);
	ioctl(fd, _IOC(_IOC_WRITE, 'E', 0xa1, 4), buf);
	return 0;
}
