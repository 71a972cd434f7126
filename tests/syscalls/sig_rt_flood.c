/* Queued real-time signals that must all arrive, for detach tests.
 * usage: sig_rt_flood N READY_FD CTL_FD
 * Counts SIGRTMIN in a handler; one byte to READY_FD, then waits for a byte on CTL_FD;
 * a child then queues N SIGRTMIN to this process (sigqueue, retrying on EAGAIN) and
 * reports how many it queued.  Prints "sent S received R" and exits 0 when every
 * queued signal arrived, 1 otherwise. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t received;

static void count(int sig)
{
	(void)sig;
	received++;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int fds[2], ready, ctl;
	long n, sent = 0;
	pid_t parent = getpid();
	char c;

	if (argc != 4)
		return 2;
	n = atol(argv[1]);
	ready = atoi(argv[2]);
	ctl = atoi(argv[3]);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGRTMIN, &sa, NULL);
	pipe(fds);
	write(ready, "+", 1);
	if (read(ctl, &c, 1) != 1)
		return 2;
	if (fork() == 0) {
		union sigval v = { 0 };

		while (sent < n) {
			if (sigqueue(parent, SIGRTMIN, v) == 0)
				sent++;
			else
				sched_yield();
		}
		write(fds[1], &sent, sizeof(sent));
		_exit(0);
	}
	while (read(fds[0], &sent, sizeof(sent)) != sizeof(sent))
		;
	wait(NULL);
	for (int i = 0; i < 100 && received < sent; i++)
		usleep(1000);
	printf("sent %ld received %ld\n", sent, (long)received);
	return received == sent ? 0 : 1;
}
