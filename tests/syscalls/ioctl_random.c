/* Random-device ioctls on /dev/null (not /dev/random: the kernel fails them): every
 * named request incl. the FastRPC one sharing RNDZAPENTCNT's number, RNDADDENTROPY with
 * a buffer (longer than -s too), NULL and a bad pointer, and an unknown 'R' number. */
#include <fcntl.h>
#include <linux/random.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	int cnt = 7;
	struct rand_pool_info *info = malloc(sizeof(*info) + 64);
	unsigned long reqs[] = {
		RNDGETENTCNT, RNDADDTOENTCNT, RNDGETPOOL, RNDADDENTROPY, RNDZAPENTCNT,
		RNDCLEARPOOL, RNDRESEEDCRNG,
	};

	static const char data[] = "entropy\0bytes\1\2\3 and a tail longer than thirty-two bytes";

	memcpy(info->buf, data, sizeof(data));
	info->entropy_count = 3;
	info->buf_size = 8;
	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], info);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *)8);
	}
	ioctl(fd, RNDADDTOENTCNT, &cnt);
	info->buf_size = sizeof(data);
	ioctl(fd, RNDADDENTROPY, info);
	info->buf_size = 0;
	ioctl(fd, RNDADDENTROPY, info);
	ioctl(fd, _IO('R', 0x55), 0x1234);
	return 0;
}
