/* adjtimex and clock_adjtime: NULL, an unreadable pointer, unknown modes, a read of the
 * kernel clock state (struct timex and the TIME_* return state, strace 6.1 format). */
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
int main(void) {
	struct timex t = {0};
	syscall(SYS_adjtimex, NULL);
	syscall(SYS_adjtimex, &t);
	syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, NULL);
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, (char *)&t + 4096 * 16);
	t.modes = 0x80000;
	syscall(SYS_adjtimex, &t);
	t.modes = 0;
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, &t);
	return 0;
}
