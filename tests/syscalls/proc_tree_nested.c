/* A nested process tree: the root forks A; A forks B with vfork (B execs /bin/true);
 * A then forks C, which forks D.  Every process writes one line and waits for its
 * children in creation order, so each process's own syscalls are deterministic.
 * Exit codes differ per process (A 10, C 11, D 12).  SIGCHLD stays blocked: its
 * delivery would land at a different place in each run. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *s)
{
	write(1, s, strlen(s));
}

static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(void)
{
	pid_t a, b, c, d;
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);

	say("root\n");
	a = fork();
	if (a == 0) {
		say("A\n");
		b = vfork();
		if (b == 0) {
			char *argv[] = { "/bin/true", NULL };
			execve(argv[0], argv, argv + 1);
			_exit(127);
		}
		reap(b);
		c = fork();
		if (c == 0) {
			say("C\n");
			d = fork();
			if (d == 0) {
				say("D\n");
				_exit(12);
			}
			_exit(reap(d) == 12 ? 11 : 1);
		}
		_exit(reap(c) == 11 ? 10 : 1);
	}
	return reap(a) == 10 ? 0 : 1;
}
