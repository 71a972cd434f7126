/* A process to attach to (-p).  usage: proc_attach_target FILE MODE [NTHREADS]
 * It writes "ready" to fd 3, then:
 *   step: blocks in read(4); on a byte, appends lines 0..9 to FILE; blocks in read(4)
 *         again; on a byte, appends lines 10..19 and exits 7.  Every step is driven by
 *         the test, so what a tracer sees between attach and detach is deterministic.
 *   run:  appends lines 0..1999 to FILE with a 1 ms sleep after each, then exits 7.
 * With NTHREADS, that many threads are started first; each blocks in read() on a pipe of
 * its own until the main thread has finished, then writes one line to FILE and exits;
 * the main thread joins them before exiting 7.  "ready" is written only once every
 * thread is blocked in that read() (seen in /proc/self/task/TID/syscall), so a tracer
 * attaching after "ready" never sees a thread still starting. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int out;
static int gates[8][2];
static volatile pid_t tids[8];

static void line(const char *what, int i)
{
	char buf[64];
	int len = snprintf(buf, sizeof buf, "%s %d\n", what, i);

	write(out, buf, len);
}

/* Wait until thread n is blocked in read(2) (syscall number 0). */
static void wait_blocked(int n)
{
	char path[64], buf[64];
	struct timespec tick = { 0, 200000 };

	for (;;) {
		if (tids[n]) {
			int fd;
			ssize_t len;

			snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int)tids[n]);
			fd = open(path, O_RDONLY);
			len = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
			if (fd >= 0)
				close(fd);
			if (len > 2 && buf[0] == '0' && buf[1] == ' ')
				return;
		}
		nanosleep(&tick, NULL);
	}
}

static void *worker(void *arg)
{
	long n = (long)arg;
	char c;

	tids[n] = (pid_t)syscall(SYS_gettid);
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
	for (i = 0; i < nthreads; i++)
		wait_blocked(i);
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
