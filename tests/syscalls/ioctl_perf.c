/* perf event ioctls on /dev/null (no perf event: the kernel fails them, or an injected
 * success shows what the getters print): every request with a good, NULL, bad and
 * page-cut pointer or an odd number; flags known, unknown and zero; a filter string
 * short and long; BPF queries with no, some and unreadable ids; attributes; an unknown
 * '$' number. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/perf_event.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		PERF_EVENT_IOC_ENABLE, PERF_EVENT_IOC_DISABLE, PERF_EVENT_IOC_REFRESH,
		PERF_EVENT_IOC_RESET, PERF_EVENT_IOC_PERIOD, PERF_EVENT_IOC_SET_OUTPUT,
		PERF_EVENT_IOC_SET_FILTER, PERF_EVENT_IOC_ID, PERF_EVENT_IOC_SET_BPF,
		PERF_EVENT_IOC_PAUSE_OUTPUT, PERF_EVENT_IOC_QUERY_BPF,
		PERF_EVENT_IOC_MODIFY_ATTRIBUTES,
	};
	/* a page at a fixed address (some requests print numbers), then an unmapped one */
	char *page = mmap((void *) 0x7e000000, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + 4096;
	for (unsigned i = 0; i < 4096; i++)
		page[i] = (char) ('a' + i % 26);

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], page);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *) 8);
		ioctl(fd, reqs[i], end - 6);
		ioctl(fd, reqs[i], 0xfacefeed00000003UL);
		ioctl(fd, reqs[i], 1);
	}
	ioctl(fd, PERF_EVENT_IOC_ENABLE, 2);
	ioctl(fd, PERF_EVENT_IOC_SET_FILTER, "filter");
	ioctl(fd, PERF_EVENT_IOC_SET_OUTPUT, fd);

	struct { unsigned ids_len, prog_cnt, ids[4]; } q = { 4, 0, { 1, 2, 3, 4 } };
	ioctl(fd, PERF_EVENT_IOC_QUERY_BPF, &q);
	q.prog_cnt = 3;
	ioctl(fd, PERF_EVENT_IOC_QUERY_BPF, &q);
	unsigned *cut = (unsigned *) (end - 12);
	cut[0] = 2; cut[1] = 5;
	ioctl(fd, PERF_EVENT_IOC_QUERY_BPF, cut);

	struct perf_event_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_SOFTWARE;
	attr.size = sizeof(attr);
	attr.config = PERF_COUNT_SW_CPU_CLOCK;
	attr.sample_period = 1000;
	attr.disabled = 1;
	ioctl(fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &attr);
	ioctl(fd, _IO('$', 0x7e), page);
	return 0;
}
