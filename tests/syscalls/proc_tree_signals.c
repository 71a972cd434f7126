/* Signals between traced processes, with SIGCHLD blocked in the parent so that each
 * process's own sequence of lines is deterministic:
 *   child 1 gets SIGUSR1 from the parent in rt_sigsuspend() (a handler writes, then
 *   exit 3);
 *   child 2 kills itself with SIGTERM while the others go on;
 *   child 3 spins without syscalls; the parent stops it with SIGSTOP, checks that a
 *   counter it increments in shared memory stays still for 200 ms, continues it with
 *   SIGCONT, checks that the counter moves again, then lets it exit 5.
 * The parent writes what it saw and exits 0 if all went as without a tracer. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
	write(1, "usr1\n", 5);
}

static void say(const char *s)
{
	write(1, s, strlen(s));
}

static void nap(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

int main(void)
{
	volatile unsigned long *shared;
	unsigned long before, after;
	int p[2], status, ok = 1;
	pid_t c1, c2, c3;
	sigset_t chld, none;
	char c;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigaddset(&chld, SIGUSR1);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pipe(p);

	c1 = fork();
	if (c1 == 0) {
		signal(SIGUSR1, on_usr1);
		sigemptyset(&none);
		write(p[1], "r", 1);
		sigsuspend(&none);
		_exit(3);
	}
	read(p[0], &c, 1);
	kill(c1, SIGUSR1);
	waitpid(c1, &status, 0);
	ok &= WIFEXITED(status) && WEXITSTATUS(status) == 3;

	c2 = fork();
	if (c2 == 0) {
		raise(SIGTERM);
		_exit(1);
	}
	waitpid(c2, &status, 0);
	ok &= WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM;

	c3 = fork();
	if (c3 == 0) {
		while (shared[0] < 1000)
			shared[0]++;
		write(p[1], "r", 1);
		while (!shared[2])
			shared[0]++;
		_exit(5);
	}
	read(p[0], &c, 1);
	kill(c3, SIGSTOP);
	waitpid(c3, &status, WUNTRACED);
	ok &= WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP;
	before = shared[0];
	nap(200);
	after = shared[0];
	say(before == after ? "stayed stopped\n" : "ran while stopped\n");
	ok &= before == after;
	kill(c3, SIGCONT);
	waitpid(c3, &status, WCONTINUED);
	ok &= WIFCONTINUED(status);
	nap(50);
	say(shared[0] != after ? "ran again\n" : "still stopped\n");
	ok &= shared[0] != after;
	shared[2] = 1;
	waitpid(c3, &status, 0);
	ok &= WIFEXITED(status) && WEXITSTATUS(status) == 5;
	say(ok ? "all as without a tracer\n" : "something differed\n");
	return ok ? 0 : 1;
}
