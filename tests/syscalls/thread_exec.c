/* execve by a non-leader thread: the second thread execs /bin/echo while the leader
 * waits in pause(); the kernel gives the thread the leader's pid. */
#include <pthread.h>
#include <unistd.h>

static void *worker(void *arg)
{
	char *argv[] = { "/bin/echo", "from", "thread", NULL };
	char *envp[] = { "ONE=1", NULL };

	(void)arg;
	execve(argv[0], argv, envp);
	return NULL;
}

int main(void)
{
	pthread_t th;

	pthread_create(&th, NULL, worker, NULL);
	pause();
	return 1;
}
