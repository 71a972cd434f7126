/* Test program for pstrace differential tests (tests/differential/test_fs_mknod.py):
 * mknod/mknodat (file types, unknown types, devices, garbage in the upper bits), acct,
 * chroot, swapoff, iopl and ioperm with bad arguments, and -y of a file whose name ends in
 * " (deleted)" next to a really deleted one.  argv[1]: a scratch directory. */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <sys/time.h>
#include <utime.h>
#include <stdio.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

int main(int argc, char **argv)
{
	if (argc < 2 || chdir(argv[1]))
		return 2;
	unlink("fifo");
	syscall(SYS_mknod, "fifo", GARBAGE | S_IFIFO | 0600, 0);
	syscall(SYS_mknod, "fifo", 0, 0);
	syscall(SYS_mknod, "fifo", 0177777, 0);
	syscall(SYS_mknod, "fifo", S_IFREG | S_ISUID | 0644, 0);
	syscall(SYS_mknod, "x", S_IFDIR | 06, 0);
	syscall(SYS_mknod, "x", S_IFCHR | 024, GARBAGE | makedev(1, 7));
	syscall(SYS_mknod, "x", S_IFBLK | S_ISGID | S_ISVTX | 0777, makedev(0xc0d, 0xbaded));
	syscall(SYS_mknod, NULL, S_IFCHR, 0);
	syscall(SYS_mknodat, GARBAGE | 0xffffff9cUL, "fifo", S_IFIFO | 0600, 0);
	syscall(SYS_mknodat, -1, "y", S_IFBLK | 0600, makedev(8, 1));
	syscall(SYS_mknodat, 1234, "y", 0170000, 0);
	unlink("fifo");
	syscall(SYS_acct, "no-such-dir/acct");
	syscall(SYS_chroot, "no-such-dir");
	syscall(SYS_chroot, (void *) 1);
	syscall(SYS_swapoff, "no-such-dir/swap");
	syscall(SYS_iopl, GARBAGE | 4);
	syscall(SYS_iopl, -1);
	syscall(SYS_ioperm, 0x3f8UL, 8UL, GARBAGE | 1);
	syscall(SYS_ioperm, -1UL, 0UL, -1L);
	syscall(SYS_ioperm, 0UL, 0x10000UL, GARBAGE);

	int a = open("file (deleted)", O_CREAT | O_RDWR, 0600);   /* a real name */
	int b = open("file", O_CREAT | O_RDWR, 0600);
	unlink("file");                                          /* really deleted */
	syscall(SYS_fchmod, a, 0600);
	syscall(SYS_fchmod, b, 0600);
	unlink("file (deleted)");
	syscall(SYS_fchmod, a, 0640);

	/* utime, utimes, futimesat */
	close(open("stamp", O_CREAT | O_RDWR, 0600));
	struct timeval tv[2] = { { 1492356708, 567891 }, { 1492357086, 678902 } };
	syscall(SYS_utimes, "stamp", tv);
	syscall(SYS_futimesat, GARBAGE | 0xffffff9cUL, "stamp", tv);
	tv[1].tv_usec = 1000000;
	syscall(SYS_utimes, "stamp", tv);
	tv[0].tv_sec = 0; tv[0].tv_usec = 0;
	syscall(SYS_futimesat, -1, "stamp", tv);
	syscall(SYS_utimes, "stamp", NULL);
	syscall(SYS_utimes, NULL, (void *) 8);
	struct utimbuf ub = { 1492350678, 0 };
	syscall(SYS_utime, "stamp", &ub);
	syscall(SYS_utime, "no-such-file", NULL);
	syscall(SYS_utime, "stamp", (void *) 8);
	return 0;
}
