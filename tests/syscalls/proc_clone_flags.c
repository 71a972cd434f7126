/* clone with CLONE_PARENT_SETTID and CLONE_PIDFD: strace prints what the kernel wrote
 * at the parent_tid address, [tid] or [pidfd] (decorated by -y). */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/sched.h>
static char st[65536];
static int child(void *a) { (void)a; return 0; }
int main(void) {
	pid_t ptid = 0; int pidfd = -1;
	pid_t p = clone(child, st + sizeof st, CLONE_PARENT_SETTID | SIGCHLD, NULL, &ptid);
	waitpid(p, NULL, 0);
	p = clone(child, st + sizeof st, CLONE_PIDFD | SIGCHLD, NULL, &pidfd);
	waitpid(p, NULL, 0);
	return 0;
}
