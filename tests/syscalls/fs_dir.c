/* directory and name syscalls for the fs decoders' differential tests: mkdir, mkdirat,
 * rmdir, unlink, unlinkat, rename, renameat, renameat2, symlink, symlinkat, link, linkat,
 * readlink, readlinkat, getdents64, getdents.
 * "fs_dir setup" (untraced, once) makes "dx/" (listed by getdents: inode numbers and
 * offsets stay the same while nobody changes it) and its symlinks; "fs_dir" (traced)
 * creates and removes everything else under "w/" and leaves the cwd as it found it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BAD ((void *)1)

static int setup(void)
{
	int fd;
	mkdir("dx", 0755);
	mkdir("dx/sub", 0755);
	fd = open("dx/reg", O_WRONLY | O_CREAT, 0644);
	close(fd);
	fd = open("dx/odd\001\377\"name\n", O_WRONLY | O_CREAT, 0644);
	close(fd);
	symlink("reg", "dx/short");
	symlink("a-target-name-that-is-longer-than-thirty-two-bytes/\377\001", "dx/long");
	mkfifo("dx/fifo", 0644);
	{
		char name[256];
		memset(name, 'n', 255);
		name[255] = 0;
		fd = open(name, O_WRONLY | O_CREAT, 0644);
		close(fd);
		rename(name, "dx/tmp");
		memcpy(name, "dx/", 3);
		memset(name + 3, 'n', 252);
		name[255] = 0;
		rename("dx/tmp", name);
	}
	return 0;
}

int main(int argc, char **argv)
{
	char buf[4096];
	int fd, dfd;
	long n;

	if (argc > 1 && !strcmp(argv[1], "setup"))
		return setup();

	/* mkdir, mkdirat, rmdir */
	syscall(SYS_mkdir, "w", 0755);
	syscall(SYS_mkdir, "w", 0700);                         /* EEXIST */
	syscall(SYS_mkdir, "w/a", 0);
	syscall(SYS_mkdir, "no/such", 0755);
	syscall(SYS_mkdir, BAD, 0755);
	syscall(SYS_mkdir, "w/s", 07777);
	dfd = open("w", O_RDONLY | O_DIRECTORY);
	syscall(SYS_mkdirat, dfd, "b", 0750);
	syscall(SYS_mkdirat, AT_FDCWD, "w/c", 0711);
	syscall(SYS_mkdirat, 999, "x", 0755);
	syscall(SYS_mkdirat, AT_FDCWD, BAD, 0755);
	syscall(SYS_mkdirat, dfd, "d\377\n", 0123777);
	syscall(SYS_rmdir, "w/d\377\n");
	syscall(SYS_rmdir, "w/a");
	syscall(SYS_rmdir, "w/a");                              /* ENOENT */
	syscall(SYS_rmdir, "w");                                /* ENOTEMPTY */
	syscall(SYS_rmdir, BAD);
	syscall(SYS_rmdir, "w/s");

	/* unlink, unlinkat */
	fd = open("w/f", O_WRONLY | O_CREAT, 0644);
	close(fd);
	syscall(SYS_unlink, "w/f");
	syscall(SYS_unlink, "w/f");
	syscall(SYS_unlink, "w/b");                             /* EISDIR */
	syscall(SYS_unlink, BAD);
	fd = open("w/g", O_WRONLY | O_CREAT, 0644);
	close(fd);
	syscall(SYS_unlinkat, dfd, "g", 0);
	syscall(SYS_unlinkat, dfd, "b", AT_REMOVEDIR);
	syscall(SYS_unlinkat, AT_FDCWD, "w/c", AT_REMOVEDIR);
	syscall(SYS_unlinkat, AT_FDCWD, "w/zz", 0x1234);          /* EINVAL */
	syscall(SYS_unlinkat, 4321, "zz", 0);
	syscall(SYS_unlinkat, AT_FDCWD, BAD, AT_REMOVEDIR);

	/* symlink, symlinkat, readlink, readlinkat */
	syscall(SYS_symlink, "target", "w/l1");
	syscall(SYS_symlink, "target", "w/l1");                 /* EEXIST */
	syscall(SYS_symlink, BAD, "w/l2");
	syscall(SYS_symlink, "t", BAD);
	syscall(SYS_symlink, "", "w/l3");                       /* ENOENT */
	syscall(SYS_symlinkat, "../dx/long", dfd, "l2");
	syscall(SYS_symlinkat, "x", 4321, "l3");
	syscall(SYS_symlinkat, "x", AT_FDCWD, "w/l4");
	syscall(SYS_readlink, "w/l1", buf, sizeof buf);
	syscall(SYS_readlink, "w/l1", buf, 3);                  /* truncated */
	syscall(SYS_readlink, "dx/long", buf, sizeof buf);
	syscall(SYS_readlink, "dx/long", buf, 0);               /* EINVAL */
	syscall(SYS_readlink, "dx/reg", buf, sizeof buf);       /* EINVAL: not a link */
	syscall(SYS_readlink, "w/nope", buf, sizeof buf);
	syscall(SYS_readlink, "w/l1", BAD, sizeof buf);
	syscall(SYS_readlink, BAD, buf, sizeof buf);
	syscall(SYS_readlinkat, dfd, "l2", buf, sizeof buf);
	syscall(SYS_readlinkat, AT_FDCWD, "dx/short", buf, 64);
	syscall(SYS_readlinkat, AT_FDCWD, "dx/short", buf, 1);
	syscall(SYS_readlinkat, 4321, "l2", buf, sizeof buf);
	syscall(SYS_readlinkat, AT_FDCWD, "w/l1", BAD, 10);
	syscall(SYS_readlinkat, AT_FDCWD, "/proc/self/cwd/dx/short", buf, sizeof buf);

	/* link, linkat */
	fd = open("w/h", O_WRONLY | O_CREAT, 0644);
	close(fd);
	syscall(SYS_link, "w/h", "w/h2");
	syscall(SYS_link, "w/h", "w/h2");                       /* EEXIST */
	syscall(SYS_link, "w/none", "w/h3");
	syscall(SYS_link, BAD, "w/h3");
	syscall(SYS_link, "w/h", BAD);
	syscall(SYS_linkat, dfd, "h", dfd, "h3", 0);
	syscall(SYS_linkat, AT_FDCWD, "w/l1", AT_FDCWD, "w/h4", AT_SYMLINK_FOLLOW); /* dangling */
	syscall(SYS_linkat, AT_FDCWD, "w/l1", dfd, "h4", 0);
	syscall(SYS_linkat, 4321, "h", AT_FDCWD, "w/h5", 0);
	syscall(SYS_linkat, AT_FDCWD, "w/h", AT_FDCWD, "w/h5", 0xffff);     /* EINVAL */
	syscall(SYS_linkat, AT_FDCWD, "", AT_FDCWD, "w/h6", AT_EMPTY_PATH);

	/* rename, renameat, renameat2 */
	syscall(SYS_rename, "w/h2", "w/r1");
	syscall(SYS_rename, "w/h2", "w/r1");                    /* ENOENT */
	syscall(SYS_rename, BAD, "w/r1");
	syscall(SYS_rename, "w/r1", BAD);
	syscall(SYS_renameat, dfd, "r1", AT_FDCWD, "w/r2");
	syscall(SYS_renameat, 4321, "r1", dfd, "r2");
	syscall(SYS_renameat2, dfd, "r2", dfd, "r3", 0);
	syscall(SYS_renameat2, dfd, "r3", dfd, "h", RENAME_NOREPLACE);     /* EEXIST */
	syscall(SYS_renameat2, dfd, "r3", dfd, "h", RENAME_EXCHANGE);
	syscall(SYS_renameat2, dfd, "r3", dfd, "h", RENAME_WHITEOUT);      /* EPERM/EINVAL */
	syscall(SYS_renameat2, dfd, "r3", dfd, "h", RENAME_NOREPLACE | RENAME_EXCHANGE);
	syscall(SYS_renameat2, AT_FDCWD, "w/r3", AT_FDCWD, "w/r4", 0xf0);
	syscall(SYS_renameat2, AT_FDCWD, "w/r3", AT_FDCWD, "w/r4", RENAME_NOREPLACE | 0x100);

	/* getdents64, getdents on the fixed tree */
	fd = open("dx", O_RDONLY | O_DIRECTORY);
	n = syscall(SYS_getdents64, fd, buf, sizeof buf);
	n = syscall(SYS_getdents64, fd, buf, sizeof buf);       /* end: 0 */
	lseek(fd, 0, SEEK_SET);
	n = syscall(SYS_getdents64, fd, buf, 40);               /* one entry fits */
	n = syscall(SYS_getdents64, fd, buf, 10);               /* EINVAL */
	n = syscall(SYS_getdents64, fd, BAD, sizeof buf);
	n = syscall(SYS_getdents64, 4321, buf, sizeof buf);
	lseek(fd, 0, SEEK_SET);
	n = syscall(SYS_getdents, fd, buf, sizeof buf);
	n = syscall(SYS_getdents, fd, buf, sizeof buf);
	lseek(fd, 0, SEEK_SET);
	n = syscall(SYS_getdents, fd, buf, 300);
	n = syscall(SYS_getdents, fd, NULL, sizeof buf);
	n = syscall(SYS_getdents, dfd + 100, buf, sizeof buf);
	close(fd);
	fd = open("dx/reg", O_RDONLY);
	n = syscall(SYS_getdents64, fd, buf, sizeof buf);       /* ENOTDIR */
	close(fd);
	(void)n;

	/* clean up w/ (not traced as a failure: plain libc calls are traced too) */
	unlink("w/h");
	unlink("w/h3");
	unlink("w/h4");
	unlink("w/r3");
	unlink("w/l1");
	unlink("w/l2");
	unlink("w/l4");
	close(dfd);
	rmdir("w");
	return 0;
}
