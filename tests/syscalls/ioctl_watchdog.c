/* Watchdog ioctls on /dev/null (not a watchdog: the kernel fails them with ENOTTY):
 * every named request, int getters and setters with a good, NULL and bad pointer, and an
 * unknown 'W' number. */
#include <fcntl.h>
#include <linux/watchdog.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	int val = 42;
	unsigned long reqs[] = {
		WDIOC_GETSUPPORT, WDIOC_GETSTATUS, WDIOC_GETBOOTSTATUS, WDIOC_GETTEMP,
		WDIOC_SETOPTIONS, WDIOC_KEEPALIVE, WDIOC_SETTIMEOUT, WDIOC_GETTIMEOUT,
		WDIOC_SETPRETIMEOUT, WDIOC_GETPRETIMEOUT, WDIOC_GETTIMELEFT,
	};

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], &val);
		ioctl(-1, reqs[i], 0);
		ioctl(fd, reqs[i], (void *)8);
	}
	ioctl(fd, _IOC(_IOC_READ, 'W', 0x7f, 4), &val);
	return 0;
}
