/* A workload that runs until told to stop, for the tracer-signal tests.
 * usage: proc_busy MODE N READY_FD CTL_FD
 *   one:     this process works
 *   procs:   N children work, the parent waits for them
 *   threads: N threads work, the main thread joins them
 * Each worker loops getppid() and a 1 ms nanosleep until CTL_FD (the non-blocking read
 * end of a pipe) reaches end of file; one byte goes to READY_FD once every worker
 * started.  Every process exits 0 when it is not killed. */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int ctl;

static void *work(void *arg)
{
	const struct timespec ms = { 0, 1000000 };
	char c;

	(void)arg;
	for (;;) {
		getppid();
		nanosleep(&ms, NULL);
		if (read(ctl, &c, 1) == 0)
			return NULL;
	}
}

int main(int argc, char **argv)
{
	const char *mode;
	int n, ready, i;
	pthread_t t[256];

	if (argc != 5)
		return 2;
	mode = argv[1];
	n = atoi(argv[2]);
	ready = atoi(argv[3]);
	ctl = atoi(argv[4]);
	if (n < 1 || n > 256)
		return 2;
	fcntl(ctl, F_SETFL, O_NONBLOCK);
	if (strcmp(mode, "one") == 0) {
		write(ready, "+", 1);
		work(NULL);
	} else if (strcmp(mode, "procs") == 0) {
		for (i = 0; i < n; i++)
			if (fork() == 0) {
				work(NULL);
				return 0;
			}
		write(ready, "+", 1);
		while (wait(NULL) > 0)
			;
	} else {
		for (i = 0; i < n; i++)
			pthread_create(&t[i], NULL, work, NULL);
		write(ready, "+", 1);
		for (i = 0; i < n; i++)
			pthread_join(t[i], NULL);
	}
	return 0;
}
