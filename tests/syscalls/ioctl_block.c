/* Block-device ioctls (type 0x12) on /dev/null (ENOTTY) and on a bad fd: every number
 * getter and setter with a good, NULL and unreadable pointer, the value arguments,
 * BLKDISCARD's pair, BLKPG with its partition (readable, unreadable, names without a
 * NUL), BLKTRACESETUP, the no-argument requests and an unknown 0x12 number.  With an
 * injected success the getters print what the buffers hold. */
#include <fcntl.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/blkzoned.h>
#include <linux/fs.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "page_tail.h"

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	uint64_t *num = tail(sizeof(*num));
	uint64_t *pair = tail(2 * sizeof(*pair));
	struct blkpg_ioctl_arg *pg = tail(sizeof(*pg));
	struct blkpg_partition *part = tail(sizeof(*part));
	struct blk_user_trace_setup *buts = tail(sizeof(*buts));
	unsigned long ptr_reqs[] = {
		BLKSECTGET, BLKROTATIONAL, BLKROGET, BLKBSZGET, BLKSSZGET, BLKALIGNOFF,
		BLKROSET, BLKBSZSET, BLKPBSZGET, BLKIOMIN, BLKIOOPT, BLKDISCARDZEROES,
		BLKGETZONESZ, BLKGETNRZONES, BLKRAGET, BLKFRAGET, BLKGETSIZE, BLKGETSIZE64,
		BLKGETDISKSEQ, BLKDISCARD, BLKSECDISCARD, BLKZEROOUT, BLKPG, BLKTRACESETUP,
		BLKREPORTZONE,
	};

	*num = 0xfeedfacedeadbeefULL;
	pair[0] = 0xdeadbeefcafef00dULL;
	pair[1] = 4096;
	for (unsigned i = 0; i < sizeof(ptr_reqs) / sizeof(ptr_reqs[0]); i++) {
		ioctl(fd, ptr_reqs[i], num);
		ioctl(-1, ptr_reqs[i], 0);
		ioctl(fd, ptr_reqs[i], (char *)num + 8);
	}
	ioctl(fd, BLKDISCARD, pair);
	ioctl(fd, BLKZEROOUT, (char *)pair + 8);
	syscall(SYS_ioctl, fd, GARBAGE | BLKRASET, 0xdeadbeefcafef00dUL);
	ioctl(fd, BLKFRASET, 8);
	ioctl(fd, BLKRRPART, 0xbad);
	ioctl(fd, BLKFLSBUF, 0);
	ioctl(fd, BLKTRACESTART, 1);
	ioctl(fd, BLKTRACESTOP, 2);
	ioctl(fd, BLKTRACETEARDOWN, 3);
	ioctl(fd, _IO(0x12, 0xfe), 0x1234);

	pg->op = BLKPG_ADD_PARTITION;
	pg->flags = -1;
	pg->datalen = sizeof(*part);
	pg->data = part;
	part->start = -1;
	part->length = 1 << 20;
	part->pno = 3;
	strcpy(part->devname, "sda3");
	memset(part->volname, 'V', sizeof(part->volname));
	ioctl(fd, BLKPG, pg);
	pg->op = 0xbad;
	pg->data = part + 1;
	ioctl(fd, BLKPG, pg);
	pg->op = BLKPG_DEL_PARTITION;
	pg->data = NULL;
	ioctl(fd, BLKPG, pg);

	memset(buts, 0, sizeof(*buts));
	strcpy(buts->name, "trace0");
	buts->act_mask = 0xffff;
	buts->buf_size = 1 << 20;
	buts->buf_nr = 4;
	buts->start_lba = 0xfedcba9876543210ULL;
	buts->end_lba = 1;
	buts->pid = 1;
	ioctl(fd, BLKTRACESETUP, buts);
	ioctl(fd, BLKTRACESETUP, (char *)buts + 1);
	return 0;
}
