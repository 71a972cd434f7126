/* Loop-device ioctls (type 'L') on /dev/null (ENOTTY) and a bad fd: struct loop_info,
 * loop_info64 and loop_config with encryption off and on, names without a NUL, unknown
 * types and flags, NULL and unreadable pointers; the descriptor, int and value
 * arguments, the no-argument requests and an unknown 'L' number.  With an injected
 * success the getters print what the buffers hold. */
#include <fcntl.h>
#include <linux/loop.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "page_tail.h"

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	struct loop_info *li = tail(sizeof(*li));
	struct loop_info64 *li64 = tail(sizeof(*li64));
	struct loop_config *cfg = tail(sizeof(*cfg));

	memset(li, 0, sizeof(*li));
	li->lo_number = -3;
	li->lo_device = 0x0801;
	li->lo_inode = 12345;
	li->lo_offset = 0xdeadbeef;
	li->lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR;
	strcpy(li->lo_name, "/tmp/disk.img");
	ioctl(fd, LOOP_SET_STATUS, li);
	ioctl(fd, LOOP_GET_STATUS, li);
	li->lo_encrypt_type = LO_CRYPT_XOR;
	li->lo_encrypt_key_size = 5;
	memcpy(li->lo_encrypt_key, "k\0ey\377", 5);
	memset(li->lo_name, 'N', sizeof(li->lo_name));
	li->lo_init[1] = 0xfeed;
	li->reserved[2] = 0x7f;
	ioctl(fd, LOOP_SET_STATUS, li);
	li->lo_encrypt_type = 0xbad;
	li->lo_encrypt_key_size = -1;
	li->lo_flags = 0xdead0000;
	ioctl(fd, LOOP_SET_STATUS, li);
	ioctl(-1, LOOP_SET_STATUS, 0);
	ioctl(fd, LOOP_SET_STATUS, (char *)li + 8);
	ioctl(fd, LOOP_GET_STATUS, li + 1);

	memset(li64, 0, sizeof(*li64));
	li64->lo_device = 0x123456789abcdefULL;
	li64->lo_offset = 0xfedcba9876543210ULL;
	li64->lo_sizelimit = 1 << 30;
	li64->lo_number = 7;
	li64->lo_flags = LO_FLAGS_PARTSCAN | LO_FLAGS_DIRECT_IO | 0x100;
	strcpy((char *)li64->lo_file_name, "backing");
	ioctl(fd, LOOP_SET_STATUS64, li64);
	ioctl(fd, LOOP_GET_STATUS64, li64);
	li64->lo_encrypt_type = LO_CRYPT_CRYPTOAPI;
	li64->lo_encrypt_key_size = 40;
	strcpy((char *)li64->lo_crypt_name, "aes");
	memset(li64->lo_encrypt_key, 'K', sizeof(li64->lo_encrypt_key));
	ioctl(fd, LOOP_SET_STATUS64, li64);
	ioctl(-1, LOOP_GET_STATUS64, 0);
	ioctl(fd, LOOP_SET_STATUS64, (char *)li64 + 1);

	memset(cfg, 0, sizeof(*cfg));
	cfg->fd = fd;
	cfg->block_size = 4096;
	cfg->info = *li64;
	ioctl(fd, LOOP_CONFIGURE, cfg);
	cfg->fd = -1;
	cfg->__reserved[7] = 0xabcdef;
	ioctl(fd, LOOP_CONFIGURE, cfg);
	ioctl(fd, LOOP_CONFIGURE, 0);
	ioctl(fd, LOOP_CONFIGURE, cfg + 1);

	syscall(SYS_ioctl, -1, GARBAGE | LOOP_SET_FD, GARBAGE | (unsigned) fd);
	ioctl(-1, LOOP_CHANGE_FD, -1);
	ioctl(-1, LOOP_CLR_FD, 0xbad);
	ioctl(-1, LOOP_SET_CAPACITY, 0);
	ioctl(-1, LOOP_CTL_GET_FREE, 1);
	ioctl(-1, LOOP_CTL_ADD, 0xfffffffeUL);
	ioctl(-1, LOOP_CTL_REMOVE, 12);
	ioctl(-1, LOOP_SET_DIRECT_IO, 0xfedcba9876543210UL);
	ioctl(-1, LOOP_SET_BLOCK_SIZE, 512);
	ioctl(-1, _IO('L', 0x7f), 0x1234);
	return 0;
}
