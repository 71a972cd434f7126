/* Processes that die inside a system call.  usage: proc_killed MODE
 *   self:   kill(getpid(), SIGKILL) (the call never returns)
 *   pause:  a child blocks in pause(); the parent kills it with SIGKILL and waits
 *   read:   a child blocks in read() on a pipe; the parent kills it and waits
 *   thread: a thread blocks in pause(); the main thread calls exit_group
 * Each step is separated by 200 ms so that what a tracer sees does not depend on
 * its speed. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *pauser(void *arg)
{
	(void)arg;
	pause();
	return NULL;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "self";
	int fds[2];
	pid_t pid;
	char c;

	if (strcmp(mode, "self") == 0) {
		kill(getpid(), SIGKILL);
		return 1;
	}
	if (strcmp(mode, "thread") == 0) {
		pthread_t t;

		pthread_create(&t, NULL, pauser, NULL);
		usleep(200000);
		exit(0);
	}
	pipe(fds);
	pid = fork();
	if (pid == 0) {
		if (strcmp(mode, "read") == 0)
			read(fds[0], &c, 1);
		else
			pause();
		_exit(1);
	}
	usleep(200000);
	kill(pid, SIGKILL);
	usleep(200000);
	waitpid(pid, NULL, 0);
	return 0;
}
