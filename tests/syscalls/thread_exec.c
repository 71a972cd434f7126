/* execve by a non-leader thread: the second thread execs /bin/echo while the leader
 * waits in pause(); the kernel gives the thread the leader's pid.  The worker waits
 * (without system calls: a flag and the vDSO's clock) until the leader is about to
 * call pause(), then 200 ms more, so that the leader's pause line is always there. */
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static volatile int leader_ready;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);   /* vDSO: no system call */
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *worker(void *arg)
{
	char *argv[] = { "/bin/echo", "from", "thread", NULL };
	char *envp[] = { "ONE=1", NULL };
	double until;

	(void)arg;
	while (!leader_ready)
		;
	until = now() + 0.2;
	while (now() < until)
		;
	execve(argv[0], argv, envp);
	return NULL;
}

int main(void)
{
	pthread_t th;

	pthread_create(&th, NULL, worker, NULL);
	leader_ready = 1;
	pause();
	return 1;
}
