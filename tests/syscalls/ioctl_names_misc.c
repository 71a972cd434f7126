/* Requests strace names from its request table but decodes no argument of: HID
 * (hiddev and hidraw, 'H'), the SGI mmtimer ('m') and OpenZFS's /dev/zfs requests
 * ('Z', BLKZNAME, KSTAT_IOC_*), on a bad descriptor and on /dev/null (the kernel fails
 * them); neighbours with another size or number print in the generic _IOC() form. */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <linux/hiddev.h>
#include <linux/hidraw.h>
#include <linux/mmtimer.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long data = 0;
	unsigned long reqs[] = {
		HIDIOCGVERSION, HIDIOCAPPLICATION, HIDIOCGDEVINFO, HIDIOCGUSAGES,
		HIDIOCGRDESC, HIDIOCGRAWINFO, HIDIOCGPHYS(16), HIDIOCGRAWNAME(32),
		_IOR('H', 0x01, long),
		MMTIMER_GETOFFSET, MMTIMER_GETRES, MMTIMER_GETFREQ, MMTIMER_GETBITS,
		MMTIMER_MMAPAVAIL, MMTIMER_GETCOUNTER, _IOR('m', 1, int),
		'Z' << 8, ('Z' << 8) | 0x41, ('Z' << 8) | 0x56, ('Z' << 8) | 0x57,
		('Z' << 8) | 0x81, ('Z' << 8) | 0x88, ('Z' << 8) | 0x89,
		_IOR(0x12, 125, char[256]), _IOR(0x12, 125, char[128]),
		('K' << 8) | 1, ('K' << 8) | 3, ('K' << 8) | 4,
	};

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(-1, reqs[i], &data);
		ioctl(fd, reqs[i], 0);
	}
	return 0;
}
