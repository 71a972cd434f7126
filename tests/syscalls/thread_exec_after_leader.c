/* execve by a non-leader thread after the leader thread has exited (SYS_exit): the
 * thread's execve line is still open when it takes the leader's pid, and strace ends
 * it with " <pid changed to LEADER ...>" before "+++ superseded ... +++". */
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

static void *worker(void *arg)
{
	char *argv[] = { "/bin/echo", "from", "thread", NULL };
	char *envp[] = { "ONE=1", NULL };

	(void)arg;
	usleep(300000);
	execve(argv[0], argv, envp);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	usleep(100000);         /* the tracer has seen the thread start */
	syscall(SYS_exit, 0);   /* the leader thread alone */
	return 1;
}
