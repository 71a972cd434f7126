/* perf_event_open(2) with valid and invalid arguments: NULL and bad pointers, sizes
 * below, at and between the published ones, zero, larger than known (with zero and
 * nonzero tails: E2BIG rewrites the size), every event type and an unknown one,
 * sample_freq, use_clockid, breakpoints, branch stacks, the reserved bits, unknown
 * sample/read/flag bits, garbage in the upper 32 bits of pid, cpu and group_fd, and
 * one counter that opens (the software task clock of this process). */
#define _GNU_SOURCE
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

static union {
	struct perf_event_attr attr;
	unsigned char bytes[256];
} u;

static long pe(unsigned long pid, unsigned long cpu, unsigned long group, unsigned long flags)
{
	return syscall(SYS_perf_event_open, &u.attr, pid, cpu, group, flags);
}

static void fill(unsigned char seed)
{
	for (size_t i = 0; i < sizeof(u.bytes); i++)
		u.bytes[i] = seed + i;
}

int main(void)
{
	syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0);
	syscall(SYS_perf_event_open, (void *)8, GARBAGE | 1, GARBAGE | 2, GARBAGE | 3, 0);
	syscall(SYS_perf_event_open, &u.attr, -1, -1, -1, ~0UL);

	/* sizes */
	static const unsigned int sizes[] = { 8, 0, PERF_ATTR_SIZE_VER0, PERF_ATTR_SIZE_VER1,
		PERF_ATTR_SIZE_VER2, PERF_ATTR_SIZE_VER3, PERF_ATTR_SIZE_VER4, PERF_ATTR_SIZE_VER5,
		PERF_ATTR_SIZE_VER6, PERF_ATTR_SIZE_VER7, 92, 108, 114, 118, 200 };
	static const unsigned int types[] = { PERF_TYPE_HARDWARE, PERF_TYPE_SOFTWARE,
		PERF_TYPE_TRACEPOINT, PERF_TYPE_HW_CACHE, PERF_TYPE_RAW, PERF_TYPE_BREAKPOINT,
		0x77 };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
			fill(i * 16 + t);
			u.attr.type = types[t];
			u.attr.size = sizes[i];
			pe(GARBAGE | (unsigned) -1, -1, -1, PERF_FLAG_FD_CLOEXEC);
		}

	/* E2BIG: a size larger than the kernel's with nonzero bytes past its struct */
	fill(0x40);
	u.attr.type = PERF_TYPE_SOFTWARE;
	u.attr.config = PERF_COUNT_SW_CPU_CLOCK;
	u.attr.size = 250;
	pe(0, -1, -1, 0);

	/* known values: hardware and cache configs, clockid, breakpoint, branch stack */
	memset(&u, 0, sizeof(u));
	u.attr.size = sizeof(u.attr);
	u.attr.type = PERF_TYPE_HARDWARE;
	u.attr.config = PERF_COUNT_HW_INSTRUCTIONS | 0x1234500000000UL;
	u.attr.freq = 1;
	u.attr.sample_freq = 4000;
	u.attr.use_clockid = 1;
	u.attr.clockid = CLOCK_MONOTONIC;
	u.attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_BRANCH_STACK | PERF_SAMPLE_STACK_USER;
	u.attr.branch_sample_type = PERF_SAMPLE_BRANCH_USER | PERF_SAMPLE_BRANCH_ANY;
	u.attr.sample_stack_user = 4096;
	u.attr.read_format = PERF_FORMAT_ID | PERF_FORMAT_GROUP;
	u.attr.precise_ip = 2;
	u.attr.watermark = 1;
	u.attr.wakeup_watermark = 100;
	pe(0, -1, -1, PERF_FLAG_FD_NO_GROUP | 0x100);
	u.attr.type = PERF_TYPE_HW_CACHE;
	u.attr.config = PERF_COUNT_HW_CACHE_LL | (PERF_COUNT_HW_CACHE_OP_PREFETCH << 8) |
		(PERF_COUNT_HW_CACHE_RESULT_MISS << 16) | (0x5UL << 24);
	pe(0, -1, -1, 0);
	u.attr.config = 0x99 | (0x98 << 8) | (0x97 << 16);
	pe(0, -1, -1, 0);
	u.attr.type = PERF_TYPE_BREAKPOINT;
	u.attr.bp_type = HW_BREAKPOINT_W;
	u.attr.bp_addr = 0x1000;
	u.attr.bp_len = HW_BREAKPOINT_LEN_4;
	pe(0, -1, -1, 0);
	u.attr.bp_type = 6;
	pe(0, -1, -1, 0);
	u.attr.bp_type = 0x10;
	pe(0, -1, -1, 0);

	/* one that opens */
	memset(&u, 0, sizeof(u));
	u.attr.size = PERF_ATTR_SIZE_VER5;
	u.attr.type = PERF_TYPE_SOFTWARE;
	u.attr.config = PERF_COUNT_SW_TASK_CLOCK;
	u.attr.disabled = 1;
	u.attr.exclude_kernel = 1;
	long fd = pe(0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	pe(0, -1, GARBAGE | fd, 0);
	close(fd);
	return 0;
}
