/* clone(CLONE_PARENT) while the tracer does not follow: the child becomes the tracer's
 * own child, untraced; when it ends strace says "Exit of unknown pid N ignored" (not
 * with -qq) and waits for it even after the traced process is gone. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts = { 0, 200 * 1000 * 1000 };
	long pid = syscall(SYS_clone, CLONE_PARENT | SIGCHLD, 0, 0, 0, 0);

	if (pid == 0) {   /* outlives the traced process */
		nanosleep(&ts, NULL);
		_exit(0);
	}
	return pid < 0;
}
