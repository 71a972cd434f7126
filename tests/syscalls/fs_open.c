/* open-family syscalls for the fs decoders' differential tests: open, openat, openat2,
 * creat, close, access, faccessat, faccessat2, umask, chdir, fchdir, getcwd.
 * Run in an empty scratch directory (the cwd); every path is relative, so the trace is
 * the same wherever that directory is. Everything created is removed at the end. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BAD ((void *)1)

static char longpath[5000];

int main(void)
{
	long fd, fd2;
	char buf[512];

	/* open: every access mode and a spread of flags; mode only with O_CREAT/O_TMPFILE */
	fd = syscall(SYS_open, "f1", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_RDONLY);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_RDONLY | O_NONBLOCK | O_NOATIME | O_NOCTTY | O_SYNC, 0777);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_WRONLY | O_DSYNC | O_LARGEFILE);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, ".", O_RDONLY | O_DIRECTORY);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, ".", O_PATH);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, ".", O_TMPFILE | O_RDWR, 0600);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_RDWR | O_CREAT | O_EXCL, 0600);   /* EEXIST */
	fd = syscall(SYS_open, "f1", 3);                                  /* O_ACCMODE 3 */
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_RDONLY | 0x40000000 | 0x4000000);  /* unknown bits */
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_CREAT | O_WRONLY, 04755 | 01000);  /* setuid, sticky */
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_CREAT | O_RDONLY, 0);
	syscall(SYS_close, fd);
	fd = syscall(SYS_open, "f1", O_CREAT | O_RDONLY, 0123456);        /* bits above 07777 */
	syscall(SYS_close, fd);
	syscall(SYS_open, "no/such/file", O_RDONLY);                      /* ENOENT */
	syscall(SYS_open, "f1/x", O_RDONLY);                              /* ENOTDIR */
	syscall(SYS_open, BAD, O_RDONLY);                                 /* EFAULT */
	syscall(SYS_open, NULL, O_RDONLY);
	syscall(SYS_open, "odd\001\377\"\\\n\tname", O_RDONLY);
	memset(buf, 'a', 300);
	buf[300] = 0;
	syscall(SYS_open, buf, O_RDONLY);                                 /* ENAMETOOLONG */
	memset(longpath, 'b', sizeof longpath - 1);
	syscall(SYS_open, longpath, O_RDONLY);                            /* > PATH_MAX */
	longpath[4095] = 0;
	syscall(SYS_open, longpath, O_RDONLY);
	longpath[4094] = 0;
	syscall(SYS_open, longpath, O_RDONLY);

	/* openat */
	fd = syscall(SYS_openat, AT_FDCWD, "f1", O_RDONLY | O_CLOEXEC);
	fd2 = syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
	syscall(SYS_close, fd);
	fd = syscall(SYS_openat, fd2, "f2", O_WRONLY | O_CREAT | O_EXCL, 0640);
	syscall(SYS_close, fd);
	syscall(SYS_openat, 12345, "f1", O_RDONLY);                       /* EBADF */
	syscall(SYS_openat, -1, "f1", O_RDONLY);                          /* relative: EBADF */
	syscall(SYS_openat, -1, "/nonexistent", O_RDONLY);
	syscall(SYS_openat, AT_FDCWD, BAD, O_RDONLY);
	syscall(SYS_openat, fd2, "f1", O_RDWR | O_TMPFILE, 0600);         /* not a dir: ENOTDIR */
	syscall(SYS_openat, AT_FDCWD, "f1", -1, 0644);

	/* openat2 */
	{
		struct open_how how = { .flags = O_RDONLY | O_CLOEXEC, .mode = 0,
					.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS };
		fd = syscall(SYS_openat2, AT_FDCWD, "f1", &how, sizeof how);
		syscall(SYS_close, fd);
		how.flags = O_CREAT | O_WRONLY;
		how.mode = 0600;
		how.resolve = 0;
		fd = syscall(SYS_openat2, fd2, "f3", &how, sizeof how);
		syscall(SYS_close, fd);
		how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV |
			      RESOLVE_CACHED | 0x100;
		syscall(SYS_openat2, AT_FDCWD, "f1", &how, sizeof how);   /* EINVAL */
		how.flags = O_RDONLY;
		how.mode = 0644;                                          /* EINVAL: mode w/o O_CREAT */
		how.resolve = 0;
		syscall(SYS_openat2, AT_FDCWD, "f1", &how, sizeof how);
		syscall(SYS_openat2, AT_FDCWD, "f1", &how, 7);            /* EINVAL size */
		syscall(SYS_openat2, AT_FDCWD, "f1", BAD, sizeof how);    /* EFAULT */
		syscall(SYS_openat2, AT_FDCWD, "f1", NULL, sizeof how);
		{
			struct { struct open_how h; unsigned long extra; } big = {
				{ O_RDONLY, 0, 0 }, 0 };
			fd = syscall(SYS_openat2, AT_FDCWD, "f1", &big, sizeof big);
			syscall(SYS_close, fd);
			big.extra = 1;
			syscall(SYS_openat2, AT_FDCWD, "f1", &big, sizeof big); /* E2BIG */
			/* resolve bits with no name; a tail that runs off the mapping
			 * ("???" where the bytes cannot be read) */
			big.h.resolve = 0xdec0dedbeeffffc0ULL;
			syscall(SYS_openat2, AT_FDCWD, "f1", &big, sizeof big.h);
			char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			munmap(pg + 4096, 4096);
			memcpy(pg + 4096 - sizeof big.h, &big.h, sizeof big.h);
			syscall(SYS_openat2, AT_FDCWD, "f1", pg + 4096 - sizeof big.h, sizeof big);
		}
	}

	/* creat */
	fd = syscall(SYS_creat, "f4", 0600);
	syscall(SYS_close, fd);
	syscall(SYS_creat, "no/such", 0644);
	syscall(SYS_creat, BAD, 0);

	/* close */
	syscall(SYS_close, 9999);
	syscall(SYS_close, -1);
	syscall(SYS_close, fd2);

	/* access, faccessat, faccessat2 */
	syscall(SYS_access, "f1", F_OK);
	syscall(SYS_access, "f1", R_OK | W_OK);
	syscall(SYS_access, "f1", X_OK);
	syscall(SYS_access, "f1", R_OK | W_OK | X_OK | 0x10);
	syscall(SYS_access, "nope", R_OK);
	syscall(SYS_access, BAD, F_OK);
	syscall(SYS_faccessat, AT_FDCWD, "f1", R_OK);
	syscall(SYS_faccessat, 777, "f1", W_OK);
	syscall(SYS_faccessat, AT_FDCWD, BAD, 0);
	syscall(SYS_faccessat2, AT_FDCWD, "f1", R_OK, AT_EACCESS);
	syscall(SYS_faccessat2, AT_FDCWD, "f1", F_OK, AT_SYMLINK_NOFOLLOW | AT_EACCESS);
	syscall(SYS_faccessat2, AT_FDCWD, "", F_OK, AT_EMPTY_PATH);
	syscall(SYS_faccessat2, AT_FDCWD, "f1", F_OK, 0x8000000);
	syscall(SYS_faccessat2, -1, "f1", X_OK, 0);

	/* umask: octal return */
	syscall(SYS_umask, 022);
	syscall(SYS_umask, 0777);
	syscall(SYS_umask, 0);
	syscall(SYS_umask, 0170777);
	syscall(SYS_umask, 022);

	/* chdir, fchdir, getcwd (relative results only: the scratch dir's name differs) */
	syscall(SYS_mkdir, "sub", 0755);
	syscall(SYS_chdir, "sub");
	fd = syscall(SYS_open, "..", O_RDONLY | O_DIRECTORY);
	syscall(SYS_chdir, "nonexistent");
	syscall(SYS_chdir, BAD);
	syscall(SYS_chdir, "../f1");
	syscall(SYS_fchdir, fd);
	syscall(SYS_fchdir, 4242);
	syscall(SYS_fchdir, -1);
	syscall(SYS_close, fd);
	/* leave the scratch directory as it was found (the other tracer runs next) */
	unlink("f1");
	unlink("f2");
	unlink("f3");
	unlink("f4");
	rmdir("sub");
	syscall(SYS_chdir, "/");
	syscall(SYS_getcwd, buf, sizeof buf);
	syscall(SYS_getcwd, buf, 1);                                      /* ERANGE */
	syscall(SYS_getcwd, BAD, sizeof buf);                             /* EFAULT */
	syscall(SYS_getcwd, NULL, 0);
	syscall(SYS_chdir, "/usr/share/zoneinfo");
	syscall(SYS_getcwd, buf, sizeof buf);
	syscall(SYS_getcwd, buf, 20);
	syscall(SYS_getcwd, buf, 19);
	syscall(SYS_fchdir, fd2);                                         /* closed: EBADF */
	return 0;
}
