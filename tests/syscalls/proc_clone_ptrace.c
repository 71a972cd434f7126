/* A child made with clone(CLONE_PTRACE): when the tracer does not follow forks, it stops
 * for a tracer that does not know it (strace: "Detached unknown pid N"); the parent
 * waits for it, so a tracer that leaves it stopped hangs both. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
static char stack[65536];
/* the child lives 200 ms, so its parent is blocked in wait4 when it exits */
static int child(void *a) { (void)a; usleep(200000); return 0; }
int main(void) {
	pid_t p = clone(child, stack + sizeof stack, CLONE_PTRACE | SIGCHLD, NULL);
	waitpid(p, NULL, 0);
	return 0;
}
