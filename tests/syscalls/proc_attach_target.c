/* A process to attach to (-p).  usage: proc_attach_target FILE MODE [NTHREADS]
 * It writes "ready" to fd 3, then:
 *   step: blocks in read(4); on a byte, appends lines 0..9 to FILE; blocks in read(4)
 *         again; on a byte, appends lines 10..19 and exits 7.  Every step is driven by
 *         the test, so what a tracer sees between attach and detach is deterministic.
 *   run:  appends lines 0..1999 to FILE with a 1 ms sleep after each, then exits 7.
 * With NTHREADS, that many threads are started first; each blocks in read() on a pipe of
 * its own until the main thread has finished, then writes one line to FILE and exits;
 * the main thread joins them before exiting 7. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int out;
static int gates[8][2];

static void line(const char *what, int i)
{
	char buf[64];
	int len = snprintf(buf, sizeof buf, "%s %d\n", what, i);

	write(out, buf, len);
}

static void *worker(void *arg)
{
	long n = (long)arg;
	char c;

	read(gates[n][0], &c, 1);
	line("thread", (int)n);
	return NULL;
}

int main(int argc, char **argv)
{
	int nthreads = argc > 3 ? atoi(argv[3]) : 0, i;
	pthread_t th[8];
	char c;

	out = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0644);
	for (i = 0; i < nthreads; i++) {
		pipe(gates[i]);
		pthread_create(&th[i], NULL, worker, (void *)(long)i);
	}
	write(3, "ready", 5);
	if (strcmp(argv[2], "step") == 0) {
		read(4, &c, 1);
		for (i = 0; i < 10; i++)
			line("line", i);
		read(4, &c, 1);
		for (i = 10; i < 20; i++)
			line("line", i);
	} else {
		struct timespec ms = { 0, 1000000 };

		for (i = 0; i < 2000; i++) {
			line("line", i);
			nanosleep(&ms, NULL);
		}
	}
	for (i = 0; i < nthreads; i++) {
		write(gates[i][1], "x", 1);
		pthread_join(th[i], NULL);
	}
	return 7;
}
