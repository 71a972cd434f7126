/* Process syscalls as the parent sees them (no -f): fork/vfork/clone/clone3, wait4 and
 * waitid in every status form, kill/tkill/tgkill, get/setpriority, failures. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define WAITID(a, b, c, d, e) syscall(SYS_waitid, a, b, c, d, e)

static int child_stack[4096];

static int clone_fn(void *arg) { (void)arg; return 7; }

static void on_usr2(int sig) { (void)sig; }

/* SIGCHLD stays blocked; flush() lets the pending one in after a known syscall, so the
 * "--- SIGCHLD" line always comes at the same place (no race with the child's exit). */
static sigset_t chld;

/* The CLD_CONTINUED SIGCHLD is sent when the continued child next runs, which may be
 * after wait4(WCONTINUED) returned, and the CLD_STOPPED one after the child is already
 * seen stopped: wait (untraced: /proc reads) until it is pending. */
static void wait_chld_pending(void)
{
	char line[256];

	for (;;) {
		FILE *f = fopen("/proc/self/status", "r");
		unsigned long long pnd = 0;
		while (fgets(line, sizeof line, f))
			if (sscanf(line, "ShdPnd: %llx", &pnd) == 1)
				break;
		fclose(f);
		if (pnd & (1ULL << (SIGCHLD - 1)))
			return;
		usleep(1000);
	}
}

static void flush(void)
{
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	sigprocmask(SIG_BLOCK, &chld, NULL);
}

int main(void)
{
	int st;
	pid_t p;
	siginfo_t si;

	signal(SIGUSR2, on_usr2);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigaddset(&chld, SIGUSR2);
	sigprocmask(SIG_BLOCK, &chld, NULL);

	/* exited 0, exited 3, with options and NULL rusage */
	p = fork();
	if (p == 0) _exit(0);
	wait4(p, &st, 0, NULL);
	flush();
	p = fork();
	if (p == 0) _exit(3);
	wait4(-1, &st, __WALL, NULL);
	flush();
	/* killed by a signal */
	p = fork();
	if (p == 0) { pause(); _exit(1); }
	kill(p, SIGKILL);
	wait4(p, &st, 0, NULL);
	flush();
	p = fork();
	if (p == 0) { pause(); _exit(1); }
	kill(p, SIGTERM);
	memset(&si, 0x55, sizeof si);
	WAITID(P_PID, p, &si, WEXITED, NULL);
	flush();
	/* stopped and continued */
	{
		/* the child says it runs before it is stopped: a SIGSTOP that reaches a
		 * child before it first ran may be reported with si_status 0 */
		int ready[2];
		char c;

		pipe(ready);
		p = fork();
		if (p == 0) { write(ready[1], "r", 1); for (;;) pause(); }
		read(ready[0], &c, 1);
		close(ready[0]);
		close(ready[1]);
	}
	/* the stopping child reads the stop signal for its SIGCHLD only after it is seen
	 * stopped: a wait that reaps the stop first leaves si_status 0 in that SIGCHLD.
	 * Waiting (untraced) until the SIGCHLD is pending makes the value SIGSTOP. */
	kill(p, SIGSTOP);
	wait_chld_pending();
	wait4(p, &st, WUNTRACED, NULL);
	flush();
	kill(p, SIGCONT);
	wait_chld_pending();
	wait4(p, &st, WCONTINUED, NULL);
	flush();
	kill(p, SIGSTOP);
	wait_chld_pending();
	memset(&si, 0x55, sizeof si);
	WAITID(P_PID, p, &si, WSTOPPED, NULL);
	flush();
	kill(p, SIGCONT);
	wait_chld_pending();
	memset(&si, 0x55, sizeof si);
	WAITID(P_ALL, 0, &si, WCONTINUED | WNOWAIT, NULL);
	flush();
	memset(&si, 0x55, sizeof si);
	WAITID(P_PID, p, &si, WCONTINUED, NULL);
	flush();
	kill(p, SIGKILL);
	memset(&si, 0x55, sizeof si);
	WAITID(P_PGID, 0, &si, WEXITED | WNOWAIT, NULL);
	flush();
	memset(&si, 0x55, sizeof si);
	WAITID(P_PID, p, &si, WEXITED, NULL);
	flush();
	/* exit code via waitid */
	p = fork();
	if (p == 0) _exit(42);
	memset(&si, 0x55, sizeof si);
	WAITID(P_ALL, 0, &si, WEXITED, NULL);
	flush();
	/* WNOHANG with nothing ready */
	p = fork();
	if (p == 0) { pause(); _exit(0); }
	wait4(p, &st, WNOHANG, NULL);
	flush();
	memset(&si, 0x55, sizeof si);
	WAITID(P_PID, p, &si, WEXITED | WNOHANG, NULL);
	flush();
	tgkill(p, p, SIGKILL);
	wait4(p, &st, 0, NULL);
	flush();
	/* failures */
	wait4(-1, &st, 0, NULL);
	flush();
	wait4(-1, (int *)1, WNOHANG, (struct rusage *)1);
	flush();
	wait4(-1, &st, 0x40000000, NULL);
	flush();
	memset(&si, 0x55, sizeof si);
	WAITID(P_ALL, 0, &si, WEXITED, NULL);
	flush();
	memset(&si, 0x55, sizeof si);
	WAITID(P_ALL, 0, (siginfo_t *)1, WEXITED, NULL);
	flush();
	memset(&si, 0x55, sizeof si);
	WAITID(7, 0, &si, WEXITED, NULL);
	flush();
	memset(&si, 0x55, sizeof si);
	WAITID(P_ALL, 0, &si, 0, NULL);
	flush();
	kill(4242, SIGTERM);
	kill(getpid(), 0);
	kill(getpid(), 12345);
	kill(0, 0);
	kill(-1, 0);
	syscall(SYS_tkill, 4242, SIGUSR1);
	syscall(SYS_tkill, getpid(), 0);
	syscall(SYS_tgkill, getpid(), getpid(), 0);
	syscall(SYS_tgkill, 4242, 4243, SIGRTMIN + 3);
	syscall(SYS_tgkill, -1, 3, SIGRTMAX);
	/* vfork, raw clone, clone3 */
	p = vfork();
	if (p == 0) _exit(5);
	wait4(p, &st, 0, NULL);
	flush();
	p = clone(clone_fn, child_stack + 4096, CLONE_VM | CLONE_FS | CLONE_FILES | SIGCHLD, NULL);
	wait4(p, &st, 0, NULL);
	flush();
	p = clone(clone_fn, child_stack + 4096, CLONE_VM | SIGUSR2 | CLONE_UNTRACED, NULL);
	wait4(p, &st, __WCLONE, NULL);
	flush();
	{
		struct clone_args ca;
		memset(&ca, 0, sizeof ca);
		ca.flags = CLONE_CLEAR_SIGHAND;
		ca.exit_signal = SIGCHLD;
		p = syscall(SYS_clone3, &ca, sizeof ca);
		if (p == 0) syscall(SYS_exit, 9);
		wait4(p, &st, 0, NULL);
	flush();
		ca.flags = CLONE_PIDFD | CLONE_PARENT_SETTID;
		int pidfd = -1; pid_t ptid = 0;
		ca.pidfd = (uintptr_t)&pidfd;
		ca.parent_tid = (uintptr_t)&ptid;
		p = syscall(SYS_clone3, &ca, sizeof ca);
		if (p == 0) syscall(SYS_exit, 0);
		wait4(p, &st, 0, NULL);
	flush();
		syscall(SYS_clone3, &ca, 12);
		syscall(SYS_clone3, (void *)1, sizeof ca);
		/* set_tid as an array or an address, cgroup without the flag, a huge exit
		 * signal, flags with no name, a struct larger than the kernel knows */
		{
			struct { struct clone_args a; unsigned long long extra; } big;
			pid_t tids[2] = { 1, 2 };
			memset(&big, 0, sizeof big);
			big.a.flags = CLONE_NEWTIME;
			big.a.set_tid = (uintptr_t)tids;
			big.a.set_tid_size = 2;
			big.a.cgroup = 12345;
			syscall(SYS_clone3, &big.a, sizeof big.a);
			big.a.set_tid_size = 33;
			big.a.exit_signal = 0xfffffffffULL;
			syscall(SYS_clone3, &big.a, sizeof big.a);
			memset(&big, 0, sizeof big);
			big.a.flags = 0xdec0deac00000000ULL;
			big.extra = 0xfacefeedULL;
			syscall(SYS_clone3, &big, sizeof big);
			big.a.flags = 0;
			big.a.stack_size = 1;   /* no stack but a size: EINVAL, no child */
			syscall(SYS_clone3, &big, 64);
		}
		ca.flags = CLONE_NEWPID | CLONE_VM | 0x100000000ULL;
		ca.exit_signal = 77;
		ca.stack = (uintptr_t)child_stack;
		ca.stack_size = sizeof child_stack;
		ca.tls = 0x1234;
		syscall(SYS_clone3, &ca, sizeof ca);
		syscall(SYS_clone, CLONE_THREAD, 0, 0, 0, 0);
		syscall(SYS_clone, CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_VM | CLONE_THREAD | 0x2000000000ULL,
			child_stack, (void *)1, (void *)2, 0x1234);
	}
	/* priorities */
	errno = 0;
	getpriority(PRIO_PROCESS, 0);
	setpriority(PRIO_PROCESS, 0, 3);
	getpriority(PRIO_PROCESS, 0);
	/* PRIO_PGRP/PRIO_USER of 0 would see the tracer's own nice value */
	getpriority(PRIO_PGRP, 4242);
	getpriority(PRIO_USER, 4242);
	getpriority(9, 0);
	setpriority(PRIO_PROCESS, 4242, 1);
	setpriority(PRIO_USER, 0, -25);
	syscall(SYS_exit_group, 0);
	return 0;
}
