/* exit_group failed by -e fault= returns: its line waits for the injected result
 * instead of ending "= ?" at entry; then exit ends the thread for good. */
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	syscall(SYS_exit_group, 42);
	syscall(SYS_exit, 42);
	return 1;
}
