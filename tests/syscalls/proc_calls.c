/* Many system calls, with two pauses where a tracer's memory can be measured.
 * usage: proc_calls N READY_FD CTL_FD
 * 1,000 calls to warm up, one byte to READY_FD, a blocking read of CTL_FD; then N
 * calls (getppid and a 16-byte write to /dev/null, in turn), one byte to READY_FD, a
 * read of CTL_FD again, exit 0. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static void calls(int fd, long n)
{
	for (long i = 0; i < n; i++) {
		if (i & 1)
			write(fd, "0123456789abcdef", 16);
		else
			getppid();
	}
}

int main(int argc, char **argv)
{
	int fd = open("/dev/null", O_WRONLY);
	int ready, ctl;
	char c;

	if (argc != 4 || fd < 0)
		return 2;
	ready = atoi(argv[2]);
	ctl = atoi(argv[3]);
	calls(fd, 1000);
	write(ready, "1", 1);
	read(ctl, &c, 1);
	calls(fd, atol(argv[1]));
	write(ready, "2", 1);
	read(ctl, &c, 1);
	return 0;
}
