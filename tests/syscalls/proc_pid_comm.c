/* --decode-pids=comm (-Y): pids in arguments, return values and siginfo carry the
 * process's name, and the line prefix the thread's own, read again after
 * prctl(PR_SET_NAME) and execve.  Names with an escape, "<>" and one longer than the
 * kernel keeps (15 bytes).  Nothing asks about the tracer itself (its name differs).
 * The child waits on a pipe until fork has returned in the parent, so that fork's
 * return value is named before the child renames itself; the re-executed child tells
 * the parent it runs and waits until the parent has named it; the parent waits for
 * its end (waitid WNOWAIT, untraced) before wait4 reaps it: one order of lines. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const char *const names[] = {
		"foo\33[2Jbar", "foo<bar>", "0123456789abcdefghijklmnop",
	};
	pid_t child;
	int status, fds[2], done[2], go[2];
	char c, arg[16], arg2[16];
	siginfo_t si;

	if (argc > 2) {   /* the re-executed child: the fds to tell and to wait on */
		syscall(SYS_getppid);
		if (write(atoi(argv[1]), "x", 1) != 1 || read(atoi(argv[2]), &c, 1) != 1)
			return 1;
		return 0;
	}
	prctl(PR_SET_NAME, "main-proc");
	syscall(SYS_getpid);
	if (pipe(fds) || pipe(done) || pipe(go))
		return 1;
	child = fork();
	if (child == 0) {
		pid_t me;

		close(done[0]);
		if (read(fds[0], &c, 1) != 1)
			return 1;
		me = syscall(SYS_gettid);

		syscall(SYS_getppid);
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			prctl(PR_SET_NAME, names[i]);
			syscall(SYS_getppid);
			syscall(SYS_tgkill, me, me, 0);
			syscall(SYS_kill, getppid(), 0);
		}
		syscall(SYS_tkill, me, 0);
		snprintf(arg, sizeof(arg), "%d", done[1]);
		snprintf(arg2, sizeof(arg2), "%d", go[0]);
		execl("/proc/self/exe", "again", arg, arg2, (char *)NULL);
		return 1;
	}
	if (write(fds[1], "x", 1) != 1)
		return 1;
	if (read(done[0], &c, 1) != 1)
		return 1;
	syscall(SYS_kill, child, 0);
	if (write(go[1], "x", 1) != 1 || waitid(P_PID, child, &si, WEXITED | WNOWAIT))
		return 1;
	syscall(SYS_wait4, child, &status, 0, NULL);   /* a zombie: named until reaped */
	syscall(SYS_kill, child, 0);
	return 0;
}
