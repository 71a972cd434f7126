/* A process tree of known shape for --tree, --perfetto and --report:
 *   root: starts one thread (2 failing close(-1), then it ends), forks A, B, C and
 *   waits for each in turn, then exits 0;
 *   A: 5 failing close(-1), then _exit(3);
 *   B: forks D (D: 1 failing close(-1), then _exit(7)), waits for it, _exit(0);
 *   C: kill(getpid(), SIGTERM): killed by SIGTERM.
 * SIGCHLD is blocked so that no signal lands in the middle of the counts. */
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static void fail(int n)
{
	while (n-- > 0)
		close(-1);
}

static void *thread(void *arg)
{
	(void)arg;
	fail(2);
	return NULL;
}

int main(void)
{
	pthread_t t;
	sigset_t chld;
	pid_t a, b, c, d;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pthread_create(&t, NULL, thread, NULL);
	pthread_join(t, NULL);
	a = fork();
	if (a == 0) {
		fail(5);
		_exit(3);
	}
	waitpid(a, NULL, 0);
	b = fork();
	if (b == 0) {
		d = fork();
		if (d == 0) {
			fail(1);
			_exit(7);
		}
		waitpid(d, NULL, 0);
		_exit(0);
	}
	waitpid(b, NULL, 0);
	c = fork();
	if (c == 0) {
		kill(getpid(), SIGTERM);
		_exit(1);
	}
	waitpid(c, NULL, 0);
	return 0;
}
