/* attribute syscalls for the fs decoders' differential tests: chmod, fchmod, fchmodat,
 * chown, fchown, lchown, fchownat, truncate, ftruncate, utimensat, fsync, fdatasync.
 * Run in a scratch cwd; creates "a/" and removes it at the end. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BAD ((void *)1)

int main(void)
{
	int fd, dfd;

	mkdir("a", 0755);
	fd = open("a/f", O_RDWR | O_CREAT, 0644);
	dfd = open("a", O_RDONLY | O_DIRECTORY);
	symlink("f", "a/l");

	/* chmod, fchmod, fchmodat */
	syscall(SYS_chmod, "a/f", 0600);
	syscall(SYS_chmod, "a/f", 04755);
	syscall(SYS_chmod, "a/f", 0);
	syscall(SYS_chmod, "a/f", 0177777);
	syscall(SYS_chmod, "a/none", 0644);
	syscall(SYS_chmod, BAD, 0644);
	syscall(SYS_fchmod, fd, 0640);
	syscall(SYS_fchmod, 999, 0640);
	syscall(SYS_fchmod, -1, 01000);
	syscall(SYS_fchmodat, dfd, "f", 0444);
	syscall(SYS_fchmodat, AT_FDCWD, "a/f", 02644);
	syscall(SYS_fchmodat, 999, "f", 0644);
	syscall(SYS_fchmodat, AT_FDCWD, BAD, 0644);

	/* chown family */
	syscall(SYS_chown, "a/f", 0, 0);
	syscall(SYS_chown, "a/f", -1, -1);
	syscall(SYS_chown, "a/f", 1000, -1);
	syscall(SYS_chown, "a/none", 1, 2);
	syscall(SYS_chown, BAD, 1, 2);
	syscall(SYS_chown, "a/f", 0xfffffffe, 65535);
	syscall(SYS_fchown, fd, -1, 0);
	syscall(SYS_fchown, 999, 0, 0);
	syscall(SYS_lchown, "a/l", 0, 0);
	syscall(SYS_lchown, "a/l", -1, -1);
	syscall(SYS_lchown, "a/none", 0, 0);
	syscall(SYS_fchownat, dfd, "l", 0, 0, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_fchownat, AT_FDCWD, "a/f", -1, 0, 0);
	syscall(SYS_fchownat, fd, "", 0, -1, AT_EMPTY_PATH);
	syscall(SYS_fchownat, AT_FDCWD, "a/f", 0, 0, 0xffffffff);
	syscall(SYS_fchownat, 999, "f", 0, 0, 0);

	/* truncate, ftruncate */
	syscall(SYS_truncate, "a/f", 100);
	syscall(SYS_truncate, "a/f", 0);
	syscall(SYS_truncate, "a/f", -1);
	syscall(SYS_truncate, "a/f", 0x7fffffffffffffffL);
	syscall(SYS_truncate, "a/none", 1);
	syscall(SYS_truncate, "a", 1);
	syscall(SYS_truncate, BAD, 1);
	syscall(SYS_ftruncate, fd, 4096);
	syscall(SYS_ftruncate, fd, -5);
	syscall(SYS_ftruncate, 999, 0);
	syscall(SYS_ftruncate, dfd, 0);

	/* utimensat */
	{
		struct timespec ts[2] = { { 1600000000, 123 }, { 1700000000, 999999999 } };
		syscall(SYS_utimensat, AT_FDCWD, "a/f", ts, 0);
		syscall(SYS_utimensat, dfd, "l", ts, AT_SYMLINK_NOFOLLOW);
		syscall(SYS_utimensat, AT_FDCWD, "a/f", NULL, 0);
		syscall(SYS_utimensat, fd, NULL, ts, 0);
		ts[0].tv_nsec = UTIME_NOW;
		ts[1].tv_nsec = UTIME_OMIT;
		syscall(SYS_utimensat, AT_FDCWD, "a/f", ts, 0);
		ts[0].tv_sec = 0;
		ts[0].tv_nsec = 0;
		ts[1].tv_sec = 0;
		ts[1].tv_nsec = 5;
		syscall(SYS_utimensat, AT_FDCWD, "a/f", ts, 0);
		ts[0].tv_sec = -100;
		ts[0].tv_nsec = 1000000000;                         /* EINVAL */
		syscall(SYS_utimensat, AT_FDCWD, "a/f", ts, 0);
		ts[0].tv_sec = 1;
		ts[0].tv_nsec = -1;
		syscall(SYS_utimensat, AT_FDCWD, "a/f", ts, 0);
		syscall(SYS_utimensat, AT_FDCWD, "a/f", BAD, 0);
		syscall(SYS_utimensat, AT_FDCWD, BAD, NULL, 0);
		syscall(SYS_utimensat, AT_FDCWD, "a/f", NULL, 0x1234);
		syscall(SYS_utimensat, 999, "f", NULL, 0);
		syscall(SYS_utimensat, AT_FDCWD, "", ts, AT_EMPTY_PATH);
	}

	/* fsync, fdatasync */
	syscall(SYS_fsync, fd);
	syscall(SYS_fsync, 999);
	syscall(SYS_fsync, -1);
	syscall(SYS_fdatasync, fd);
	syscall(SYS_fdatasync, 999);

	close(fd);
	close(dfd);
	unlink("a/l");
	unlink("a/f");
	rmdir("a");
	return 0;
}
