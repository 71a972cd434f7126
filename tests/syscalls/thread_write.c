/* Several pthreads writing: four threads each write three lines to stdout.  The
 * threads start one after another (each waits for the previous one to finish its
 * writes, through a pipe), so every thread's syscalls are deterministic. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NTHREADS 4

static int gate[NTHREADS + 1][2];

static void *worker(void *arg)
{
	long n = (long)arg;
	char buf[64], c;
	int i, len;

	read(gate[n][0], &c, 1);
	for (i = 0; i < 3; i++) {
		len = snprintf(buf, sizeof buf, "thread %ld line %d\n", n, i);
		write(1, buf, len);
	}
	write(gate[n + 1][1], "x", 1);
	return NULL;
}

int main(void)
{
	pthread_t th[NTHREADS];
	long i;
	char c;

	for (i = 0; i <= NTHREADS; i++)
		pipe(gate[i]);
	for (i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, worker, (void *)i);
	write(gate[0][1], "x", 1);
	read(gate[NTHREADS][0], &c, 1);
	for (i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);
	write(1, "main done\n", 10);
	return 0;
}
