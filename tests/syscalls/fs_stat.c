/* stat-family syscalls for the fs decoders' differential tests: stat, lstat, fstat,
 * newfstatat, statx, statfs, fstatfs.
 * "fs_stat setup" (run untraced, once) makes the tree "fx/" in the cwd with fixed times;
 * "fs_stat" (traced) only looks at it, so two traced runs see the same inodes and times.
 * The access times lie in the future so that relatime never updates them. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/stat.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define BAD ((void *)1)

static void fix_times(const char *path, long atime_ns, long mtime_ns)
{
	struct timespec ts[2] = { { 4000000000L, atime_ns }, { 1600000000L, mtime_ns } };
	utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW);
}

static int setup(void)
{
	int fd;
	mkdir("fx", 0755);
	fd = open("fx/file", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, "0123456789abcdefghijklmnopqrstuvwxyz\n", 37);
	close(fd);
	fd = open("fx/empty", O_WRONLY | O_CREAT | O_TRUNC, 04711);
	fchmod(fd, 04711);
	close(fd);
	mkdir("fx/dir", 01777);
	chmod("fx/dir", 01777);
	symlink("file", "fx/link");
	mkfifo("fx/fifo", 0600);
	fix_times("fx/file", 123456789, 0);
	fix_times("fx/empty", 0, 999999999);
	fix_times("fx/dir", 1, 500000000);
	fix_times("fx/link", 0, 0);
	fix_times("fx/fifo", 7, 8);
	{       /* time 0 (the epoch) and a negative time */
		struct timespec ts[2] = { { 0, 0 }, { -1, 0 } };
		utimensat(AT_FDCWD, "fx/fifo", ts, 0);
	}
	{       /* the epoch plus 5 ns, and an atime in the future */
		struct timespec ts[2] = { { 4000000000L, 0 }, { 0, 5 } };
		utimensat(AT_FDCWD, "fx/dir", ts, 0);
	}
	fix_times("fx", 0, 0);
	return 0;
}

int main(int argc, char **argv)
{
	struct stat st;
	struct statx stx;
	struct statfs sfs;
	int fd;

	if (argc > 1 && !strcmp(argv[1], "setup"))
		return setup();

	syscall(SYS_stat, "fx/file", &st);
	syscall(SYS_stat, "fx/empty", &st);
	syscall(SYS_stat, "fx/dir", &st);
	syscall(SYS_stat, "fx/link", &st);
	syscall(SYS_stat, "fx/fifo", &st);
	syscall(SYS_stat, "/dev/full", &st);
	syscall(SYS_stat, "/dev/loop7", &st);
	syscall(SYS_stat, "fx/nonexistent", &st);
	syscall(SYS_stat, "fx/file/x", &st);
	syscall(SYS_stat, "fx/file", BAD);
	syscall(SYS_stat, BAD, &st);
	syscall(SYS_stat, "fx/file", NULL);
	syscall(SYS_lstat, "fx/link", &st);
	syscall(SYS_lstat, "fx/dir", &st);
	syscall(SYS_lstat, "fx/none", &st);
	syscall(SYS_lstat, "fx/link", BAD);

	fd = open("fx/file", O_RDONLY);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_fstat, fd, BAD);
	syscall(SYS_fstat, 999, &st);
	syscall(SYS_fstat, -1, &st);
	syscall(SYS_fstat, 0, &st);            /* /dev/null from the harness */

	syscall(SYS_newfstatat, AT_FDCWD, "fx/file", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, "fx/link", &st, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
	syscall(SYS_newfstatat, fd, "", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, "fx/dir", &st, AT_NO_AUTOMOUNT | AT_SYMLINK_NOFOLLOW);
	syscall(SYS_newfstatat, AT_FDCWD, "fx/file", &st, 0x40000);
	syscall(SYS_newfstatat, 555, "file", &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, BAD, &st, 0);
	syscall(SYS_newfstatat, AT_FDCWD, "fx/file", BAD, 0);
	syscall(SYS_newfstatat, fd, NULL, &st, AT_EMPTY_PATH);

	syscall(SYS_statx, AT_FDCWD, "fx/file", 0, STATX_BASIC_STATS, &stx);
	syscall(SYS_statx, AT_FDCWD, "fx/dir", AT_STATX_SYNC_AS_STAT, STATX_ALL, &stx);
	syscall(SYS_statx, AT_FDCWD, "fx/link", AT_SYMLINK_NOFOLLOW | AT_STATX_FORCE_SYNC,
		STATX_TYPE | STATX_SIZE, &stx);
	syscall(SYS_statx, AT_FDCWD, "fx/empty", AT_STATX_DONT_SYNC, STATX_MODE | STATX_UID |
		STATX_GID | STATX_MTIME | STATX_BTIME, &stx);
	syscall(SYS_statx, AT_FDCWD, "fx/fifo", 0, 0, &stx);
	syscall(SYS_statx, AT_FDCWD, "fx/file", 0, STATX_DIOALIGN | STATX_BTIME, &stx);
	syscall(SYS_statx, AT_FDCWD, "fx/file", 0, 0xffffffffu & ~STATX__RESERVED, &stx);
	syscall(SYS_statx, fd, NULL, AT_EMPTY_PATH, STATX_MODE, &stx);
	/* not AT_FDCWD: the cwd's atime changes when a tracer (python) lists it */
	syscall(SYS_statx, AT_FDCWD, "/dev/loop7", 0, STATX_ALL, &stx);
	syscall(SYS_statx, fd, "", AT_EMPTY_PATH, STATX_ALL | 0x80000000u, &stx);
	syscall(SYS_statx, AT_FDCWD, "fx/file", AT_STATX_SYNC_TYPE, STATX_ALL, &stx); /* EINVAL */
	syscall(SYS_statx, AT_FDCWD, "fx/file", 0, STATX__RESERVED, &stx);           /* EINVAL */
	syscall(SYS_statx, AT_FDCWD, "fx/none", 0, STATX_ALL, &stx);
	syscall(SYS_statx, AT_FDCWD, "fx/file", 0, STATX_ALL, BAD);
	syscall(SYS_statx, 4444, "x", 0, STATX_ALL, &stx);

	/* not /proc: each traced run mounts its own, with its own f_fsid */
	syscall(SYS_statfs, "/sys", &sfs);
	syscall(SYS_statfs, "/dev/pts", &sfs);
	syscall(SYS_statfs, "/sys/fs/cgroup", &sfs);
	syscall(SYS_statfs, "/nonexistent", &sfs);
	syscall(SYS_statfs, "/sys", BAD);
	syscall(SYS_statfs, BAD, &sfs);
	close(fd);
	fd = open("/dev/pts", O_RDONLY | O_DIRECTORY);
	syscall(SYS_fstatfs, fd, &sfs);
	syscall(SYS_fstatfs, fd, BAD);
	syscall(SYS_fstatfs, 999, &sfs);
	close(fd);
	fd = open("/sys", O_RDONLY | O_DIRECTORY);
	syscall(SYS_fstatfs, fd, &sfs);
	close(fd);
	return 0;
}
