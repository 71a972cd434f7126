/* --pidns-translation (--decode-pids=pidns): a process in a pid namespace of its own
 * (unshare(CLONE_NEWPID), then fork: pid 1 there, whose child is pid 2) passes and
 * gets ids of its namespace; the tracer shows each with its number in the tracer's
 * namespace (" /* N in strace's PID NS * /"): thread ids (gettid, tkill, tgkill's
 * second, get_robust_list, F_OWNER_TID), process ids (getpid, kill, sched_*,
 * getpriority, ioprio_get, prlimit64, pidfd_open, F_SETOWN, wait4, waitid, si_pid),
 * process groups (getpgrp, getpgid, setpgid's second, kill(-N), PRIO_PGRP,
 * F_GETOWN's negative) and sessions (getsid); a pid that names nobody is left alone.
 * The parent in the tracer's namespace sees the same children by their outer pids.
 * Needs CAP_SYS_ADMIN (the tests run as root). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/ioprio.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

static void work(void)
{
	pid_t me = syscall(SYS_getpid);
	struct sched_param sp;
	struct rlimit rl;
	struct f_owner_ex ex;
	cpu_set_t cpus;
	void *head;
	size_t len;
	int p[2];

	syscall(SYS_gettid);
	syscall(SYS_getppid);
	setpgid(0, me);
	syscall(SYS_getpgid, 0);
	syscall(SYS_getpgid, me);
	syscall(SYS_getpgrp);
	syscall(SYS_getsid, 0);
	syscall(SYS_getsid, me);
	kill(me, 0);
	kill(-me, 0);
	kill(4321, 0);
	syscall(SYS_tkill, me, 0);
	syscall(SYS_tgkill, me, me, 0);
	sched_getparam(me, &sp);
	sched_getscheduler(me);
	sched_getaffinity(me, sizeof(cpus), &cpus);
	syscall(SYS_get_robust_list, me, &head, &len);
	getpriority(PRIO_PROCESS, me);
	getpriority(PRIO_PGRP, me);
	setpriority(PRIO_PROCESS, me, 0);
	syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, me);
	syscall(SYS_ioprio_get, IOPRIO_WHO_PGRP, me);
	prlimit(me, RLIMIT_NOFILE, NULL, &rl);
	close(syscall(SYS_pidfd_open, me, 0));
	if (pipe(p))
		return;
	fcntl(p[0], F_SETOWN, me);
	fcntl(p[0], F_GETOWN);
	fcntl(p[0], F_SETOWN, -me);
	fcntl(p[0], F_GETOWN);
	ex.type = F_OWNER_TID;
	ex.pid = me;
	fcntl(p[0], F_SETOWN_EX, &ex);
	fcntl(p[0], F_GETOWN_EX, &ex);
	signal(SIGUSR1, on_usr1);
	kill(me, SIGUSR1);
	setsid();
}

int main(void)
{
	pid_t init, child;
	siginfo_t si;
	int status;

	if (unshare(CLONE_NEWPID)) {
		perror("unshare(CLONE_NEWPID)");
		return 1;
	}
	init = fork();
	if (init == 0) {   /* pid 1 of the new namespace */
		child = fork();
		if (child == 0) {
			work();
			_exit(0);
		}
		waitid(P_PID, child, &si, WEXITED | WNOWAIT);
		wait4(child, &status, 0, NULL);
		_exit(0);
	}
	waitid(P_PID, init, &si, WEXITED | WNOWAIT);
	wait4(init, &status, 0, NULL);
	return 0;
}
