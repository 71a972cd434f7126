/* NBD (0xab) and MTD ('M') ioctls on /dev/null (ENOTTY) and a bad fd: NBD's value,
 * descriptor and flag arguments (known, unknown and no bits) and its no-argument
 * requests; MTD's erase ranges, OOB buffers, MEMWRITE, OTP requests, MTDFILEMODE,
 * bad-block offsets and the getters (with an injected success, the buffers' contents:
 * arrays longer than -s), MEMGETREGIONINFO's index; NULL and unreadable pointers; and
 * requests strace names from their number: MIXER_READ/MIXER_WRITE ('M' requests no MTD
 * name covers, or "MIXER_READ(1) or MEMGETINFO"), HIDIOCGPHYS(len), JSIOCGNAME(len). */
#include <fcntl.h>
#include <linux/hiddev.h>
#include <linux/joystick.h>
#include <linux/nbd.h>
#include <mtd/mtd-abi.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "page_tail.h"

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned char *buf = tail(512);
	struct erase_info_user *ei = tail(sizeof(*ei));
	struct mtd_oob_buf64 *oob64 = tail(sizeof(*oob64));
	struct mtd_write_req *wr = tail(sizeof(*wr));
	struct region_info_user *ri = tail(sizeof(*ri));
	unsigned int *mode = tail(sizeof(*mode));
	unsigned long nbd_none[] = {
		NBD_DISCONNECT, NBD_CLEAR_SOCK, NBD_DO_IT, NBD_CLEAR_QUE, NBD_PRINT_DEBUG,
	};
	unsigned long mtd_ptr[] = {
		MEMERASE, MEMLOCK, MEMUNLOCK, MEMISLOCKED, MEMERASE64, MEMWRITEOOB, MEMREADOOB,
		MEMWRITEOOB64, MEMREADOOB64, MEMWRITE, OTPGETREGIONINFO, OTPLOCK, OTPSELECT,
		MEMGETBADBLOCK, MEMSETBADBLOCK, MEMGETINFO, MEMGETOOBSEL, ECCGETLAYOUT,
		ECCGETSTATS, OTPGETREGIONCOUNT, MEMGETREGIONCOUNT, MEMGETREGIONINFO, OTPERASE,
	};

	for (unsigned i = 0; i < sizeof(nbd_none) / sizeof(nbd_none[0]); i++)
		ioctl(fd, nbd_none[i], 0xbad);
	syscall(SYS_ioctl, -1, NBD_SET_SOCK, GARBAGE | (unsigned) fd);
	ioctl(-1, NBD_SET_BLKSIZE, 0xfedcba9876543210UL);
	ioctl(-1, NBD_SET_SIZE, 4096);
	ioctl(-1, NBD_SET_SIZE_BLOCKS, -1L);
	ioctl(-1, NBD_SET_TIMEOUT, 30);
	ioctl(-1, NBD_SET_FLAGS, 0);
	ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS | NBD_FLAG_SEND_TRIM | 0x100000000UL);
	ioctl(-1, NBD_SET_FLAGS, 0x800);
	ioctl(-1, _IO(0xab, 0x7f), 0x1234);

	for (unsigned i = 0; i < 512; i++)
		buf[i] = i * 7;
	for (unsigned i = 0; i < sizeof(mtd_ptr) / sizeof(mtd_ptr[0]); i++) {
		ioctl(fd, mtd_ptr[i], buf);
		ioctl(-1, mtd_ptr[i], 0);
		ioctl(fd, mtd_ptr[i], buf + 511);
	}
	ei->start = 0xdeadbeef;
	ei->length = 0x1000;
	ioctl(fd, MEMERASE, ei);
	oob64->start = 1ULL << 40;
	oob64->length = 64;
	oob64->usr_ptr = 0;
	ioctl(fd, MEMREADOOB64, oob64);
	memset(wr, 0, sizeof(*wr));
	wr->len = 2048;
	wr->usr_data = (unsigned long) buf;
	wr->mode = MTD_OPS_RAW;
	ioctl(fd, MEMWRITE, wr);
	wr->mode = 0x7f;
	ioctl(fd, MEMWRITE, wr);
	*mode = MTD_OTP_USER;
	ioctl(fd, OTPSELECT, mode);
	*mode = 9;
	ioctl(fd, OTPSELECT, mode);
	ioctl(-1, MTDFILEMODE, MTD_FILE_MODE_RAW);
	ioctl(-1, MTDFILEMODE, 0xbad);
	ri->regionindex = 3;
	ioctl(fd, MEMGETREGIONINFO, ri);

	ioctl(-1, _IOR('M', 0x7e, int), buf);
	ioctl(-1, _IOW('M', 0x7e, int), buf);
	ioctl(-1, _IOWR('M', 0x7e, int), buf);
	ioctl(-1, _IO('M', 0x7e), 0);
	ioctl(-1, HIDIOCGPHYS(64), buf);
	ioctl(-1, JSIOCGNAME(128), buf);
	return 0;
}
