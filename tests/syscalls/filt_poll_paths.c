/* Test program for pstrace differential tests (tests/differential/test_filters.py,
 * test_paths_in_memory_that_changes): the same pollfd array polled three times, naming
 * /dev/full, then not, then again; -P /dev/full must print the first and the last
 * (what the filter read at one stop must not be what it sees at the next). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

int main(void)
{
	int full = open("/dev/full", O_WRONLY), null = open("/dev/null", O_WRONLY);
	struct pollfd p[2] = { { full, POLLOUT, 0 }, { null, POLLOUT, 0 } };
	poll(p, 2, 0);
	p[0].fd = null;
	poll(p, 2, 0);
	p[0].fd = full;
	poll(p, 2, 0);
	return 0;
}
