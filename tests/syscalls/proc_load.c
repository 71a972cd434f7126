/* Load for a -f tracer.  usage: proc_load MODE N [CALLS]
 *   serial:  N short-lived children one after the other (fork, getppid, _exit)
 *   spread:  N children alive at once: each makes a getppid() and waits on a shared
 *            pipe until the parent, once all are forked, closes it; then all exit
 *   threads: N threads, each making CALLS getppid() calls; joined
 * Every count of calls is fixed by N and CALLS whatever the scheduling. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int calls;

static void *work(void *arg)
{
	(void)arg;
	for (int i = 0; i < calls; i++)
		getppid();
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[2]) : 0;
	int fds[2];
	char c;

	if (argc < 3 || n < 1 || n > 100000)
		return 2;
	if (strcmp(argv[1], "serial") == 0) {
		for (int i = 0; i < n; i++) {
			if (fork() == 0) {
				getppid();
				_exit(0);
			}
			wait(NULL);
		}
	} else if (strcmp(argv[1], "spread") == 0) {
		pipe(fds);
		for (int i = 0; i < n; i++)
			if (fork() == 0) {
				close(fds[1]);
				getppid();
				read(fds[0], &c, 1);
				_exit(0);
			}
		close(fds[1]);
		while (wait(NULL) > 0)
			;
	} else {
		pthread_t *t = calloc(n, sizeof(*t));

		calls = argc > 3 ? atoi(argv[3]) : 1;
		for (int i = 0; i < n; i++)
			pthread_create(&t[i], NULL, work, NULL);
		for (int i = 0; i < n; i++)
			pthread_join(t[i], NULL);
	}
	return 0;
}
