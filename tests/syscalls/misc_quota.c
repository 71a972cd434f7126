/* quotactl and quotactl_fd with every command (tests/differential/test_misc_admin.py):
 * bogus devices, NULL and unreadable pointers, unknown commands and types, garbage in
 * the upper half of the int arguments, structs cut by an unmapped page.  Every call
 * fails (no such device, bad descriptor) or only reads the quota state. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_quotactl_fd
#define __NR_quotactl_fd 443
#endif

static const unsigned int cmds[] = {
	Q_SYNC, Q_QUOTAON, Q_QUOTAOFF, Q_GETFMT, Q_GETINFO, Q_SETINFO, Q_GETQUOTA,
	Q_SETQUOTA, Q_GETNEXTQUOTA, Q_XQUOTAON, Q_XQUOTAOFF, Q_XGETQUOTA, Q_XSETQLIM,
	Q_XGETQSTAT, Q_XQUOTARM, Q_XQUOTASYNC, Q_XGETQSTATV, Q_XGETNEXTQUOTA,
	0x0300 /* the old interface's Q_V1_GETQUOTA */, 0x1100, 0, 0xbadc0d,
};

int main(void)
{
	long garbage = (long)0xdefaced00000000ULL;
	char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = page + 4096;	/* unmapped */
	unsigned int i, t;
	int root;

	munmap(end, 4096);
	memset(page, 0xa5, 4096);
	page[40] = 0;	/* a path of 40 bytes (Q_QUOTAON) */
	root = open("/", O_RDONLY | O_DIRECTORY);
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		for (t = 0; t < 4; t++) {
			unsigned int type = t == 3 ? 0xed : t;
			unsigned long word = QCMD(cmds[i], type);
			/* the structs whole, then cut by the unmapped page */
			syscall(SYS_quotactl, garbage | word, "/dev/bogus/", garbage | 1000, page);
			syscall(SYS_quotactl, word, NULL, -1, end - 8);
		}
		syscall(SYS_quotactl, QCMD(cmds[i], USRQUOTA), end, 0, NULL);
		syscall(SYS_quotactl, QCMD(cmds[i], GRPQUOTA), "/dev/bogus/", 0, end);
		syscall(__NR_quotactl_fd, garbage | -1, garbage | QCMD(cmds[i], PRJQUOTA),
			garbage | 42, page);
		syscall(__NR_quotactl_fd, 1000, QCMD(cmds[i], USRQUOTA), 0, end - 4);
	}
	/* read-only commands on a real file system: whatever it answers */
	syscall(__NR_quotactl_fd, root, QCMD(Q_GETFMT, USRQUOTA), 0, page);
	syscall(__NR_quotactl_fd, root, QCMD(Q_GETINFO, GRPQUOTA), 0, page);
	syscall(__NR_quotactl_fd, root, QCMD(Q_XGETQSTAT, USRQUOTA), 0, page);
	syscall(__NR_quotactl_fd, root, QCMD(Q_XGETQSTATV, USRQUOTA), 0, page);
	syscall(__NR_quotactl_fd, root, QCMD(Q_GETQUOTA, USRQUOTA), 0, page);
	syscall(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), "/dev/bogus/", QFMT_VFS_V1, "/tmp/bogus");
	syscall(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), "/dev/bogus/", 0xca7faced, end);
	close(root);
	return 0;
}
