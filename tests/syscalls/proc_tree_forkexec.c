/* The classic fork + execve: the child execs /bin/echo with the environment
 * {"ONE=1", "TWO=2"}; the parent waits for it and exits with its status. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	char *argv[] = { "/bin/echo", "hello", "world", NULL };
	char *envp[] = { "ONE=1", "TWO=2", NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execve(argv[0], argv, envp);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
