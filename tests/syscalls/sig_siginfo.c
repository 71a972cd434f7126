/* siginfo_t as strace prints it, for every signal and many si_code values: the struct is
 * passed to rt_sigqueueinfo (printed from memory at entry, whatever the kernel says).
 * All signals but SIGKILL/SIGSTOP are blocked, so nothing queued is ever delivered. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void send(int signo, int code, int err, int pattern)
{
	unsigned char raw[128];
	siginfo_t si;

	for (unsigned i = 0; i < sizeof raw; i++)
		raw[i] = pattern == 0 ? 0 : pattern == 1 ? (unsigned char)(i * 7 + 3)
			: pattern == 2 ? 0xff : (i >= 16 && i < 24 ? 0 : (unsigned char)(i * 5 + 1));
	memcpy(&si, raw, sizeof si);
	si.si_signo = signo;
	si.si_errno = err;
	si.si_code = code;
	syscall(SYS_rt_sigqueueinfo, 0, SIGRTMAX, &si);
}

int main(void)
{
	static const int codes[] = { 0, -1, -2, -3, -4, -5, -6, -7, -60, -8, 1, 2, 3, 4, 5, 6,
				     7, 8, 9, 10, 11, 12, 0x80, 0x81, -0x80 };
	sigset_t all;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	for (int s = 0; s <= 65; s++)
		for (unsigned c = 0; c < sizeof codes / sizeof codes[0]; c++)
			send(s, codes[c], 0, 1);
	for (int s = 1; s <= 65; s += 1)
		for (int p = 0; p < 4; p += 1) {
			send(s, 0, 0, p);
			send(s, 1, 0, p);
			send(s, -1, 0, p);
			send(s, -2, 0, p);
			send(s, 0x80, 0, p);
		}
	send(SIGSEGV, 1, 1, 1);
	send(SIGSEGV, 1, 200, 1);
	send(SIGSEGV, 1, -3, 1);
	send(SIGUSR1, 0, 4095, 0);
	send(SIGCHLD, 1, 512, 2);
	syscall(SYS_rt_sigqueueinfo, 0, SIGRTMAX, NULL);
	return 0;
}
