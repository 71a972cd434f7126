/* Syscalls for -e inject=/fault= tests: the program reports what each call returned on
 * its stdout (with writev, so that injecting into write() does not hide the report).
 *   (no argument)  8 write(2) calls to /dev/null, then 3 rounds of getppid() by
 *                  syscall(2) compared with glibc's getppid(), under a SIGUSR1 handler
 *   fork           3 getppid() in the parent, fork; the child makes 4 and exits, the
 *                  parent waits for it and makes 4 more (one order, always)
 *   close N        open /dev/null and close it N times (the first close succeeds)
 *   chdir          chdir() on an unmapped address, then on a writable name (poke=
 *                  fails on the first: strace says so and marks nothing injected)
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(const char *s)
{
	struct iovec v = { (void *) s, strlen(s) };
	writev(1, &v, 1);
}

static void handler(int sig)
{
	char b[64];
	snprintf(b, sizeof b, "handler %d\n", sig);
	report(b);
}

static void getppids(const char *who, int n)
{
	char b[128];
	for (int i = 0; i < n; i++) {
		errno = 0;
		long r = syscall(SYS_getppid);
		snprintf(b, sizeof b, "%s getppid %d: %s errno %d\n", who, i + 1,
			 r == getppid() ? "real" : "other", r < 0 ? errno : 0);
		report(b);
	}
}

int main(int argc, char **argv)
{
	char b[128];
	signal(SIGUSR1, handler);
	if (argc > 1 && !strcmp(argv[1], "fork")) {
		getppids("parent", 3);
		pid_t p = fork();
		if (p == 0) {
			getppids("child", 4);
			_exit(0);
		}
		waitpid(p, 0, 0);
		getppids("parent", 4);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "chdir")) {
		char name[] = "abc";
		syscall(SYS_chdir, (char *) 8);
		syscall(SYS_chdir, name);
		/* the name's last byte ends a page, the next page unmapped: a poke
		 * longer than one byte is written in part (strace: injected) */
		long pg = sysconf(_SC_PAGESIZE);
		char *m = mmap(0, 2 * pg, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		munmap(m + pg, pg);
		m[pg - 1] = 'x';
		syscall(SYS_chdir, m + pg - 1);
		return 0;
	}
	if (argc > 2 && !strcmp(argv[1], "close")) {
		int fd = open("/dev/null", O_RDONLY);
		for (int i = 0, n = atoi(argv[2]); i < n; i++) {
			errno = 0;
			int r = close(fd);
			snprintf(b, sizeof b, "close %d = %d errno %d\n", i + 1, r, errno);
			report(b);
		}
		return 0;
	}
	int fd = open("/dev/null", O_WRONLY);
	for (int i = 1; i <= 8; i++) {
		errno = 0;
		long r = write(fd, "abc", 3);
		snprintf(b, sizeof b, "write %d = %ld errno %d\n", i, r, errno);
		report(b);
	}
	getppids("main", 3);
	return 0;
}
