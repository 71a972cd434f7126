/* Test program for pstrace differential tests (tests/differential/test_keys_sched.py):
 * memfd_create, pkey_*, syslog (only harmless actions), add_key/request_key,
 * sched_{get,set}{attr,scheduler}, getrandom, wait4/waitid's rusage; valid and invalid
 * arguments, bad pointers, garbage in the upper 32 bits of int arguments. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <linux/sched.h>
#include <linux/keyctl.h>
#include <signal.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#include <stdint.h>

#define GARBAGE 0xdefaced00000000UL

/* include/uapi/linux/sched/types.h (not included: it clashes with glibc's sched_param) */
struct attr {
	uint32_t size, sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime, sched_deadline, sched_period;
	uint32_t sched_util_min, sched_util_max;
};

int main(void)
{
	char *page = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(page + 4096, 4096);
	char *end = page + 4096;     /* the first unmapped byte */
	char name[300];
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;

	/* memfd_create */
	syscall(SYS_memfd_create, name, 0);
	name[249] = 0;
	syscall(SYS_memfd_create, name, GARBAGE | 0x78000000);
	syscall(SYS_memfd_create, "", MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB | (21U << 26));
	syscall(SYS_memfd_create, NULL, -1L);
	syscall(SYS_memfd_create, end, 0);
	syscall(SYS_memfd_create, end - 3, 0x10);
	int fd = syscall(SYS_memfd_create, "pstrace", MFD_CLOEXEC);
	close(fd);

	/* pkeys */
	syscall(SYS_pkey_alloc, 0, 0);
	syscall(SYS_pkey_alloc, 0, GARBAGE | 7);
	syscall(SYS_pkey_alloc, GARBAGE, 0x80);
	syscall(SYS_pkey_alloc, 1, 0xbadc0de8);
	syscall(SYS_pkey_free, GARBAGE | 0xffffffffUL);
	syscall(SYS_pkey_free, 1234);
	syscall(SYS_pkey_mprotect, page, 4096, PROT_READ | PROT_WRITE, GARBAGE | 0xffffffffUL);
	syscall(SYS_pkey_mprotect, page, 4096, PROT_READ | 0x100, 99);

	/* syslog: nothing that changes the kernel's log or console */
	char buf[64];
	syscall(SYS_syslog, 0, NULL, 0);
	syscall(SYS_syslog, 1, NULL, 0);
	syscall(SYS_syslog, 10, NULL, 0);
	syscall(SYS_syslog, GARBAGE | 3, end, 0);
	syscall(SYS_syslog, 3, NULL, -1);
	syscall(SYS_syslog, 8, end, GARBAGE | 0xffffffffUL);
	syscall(SYS_syslog, 8, NULL, 9);
	syscall(SYS_syslog, -1, buf, 64);
	syscall(SYS_syslog, 11, 0xfacefeeddeadbeefUL, 0);

	/* keys: nothing is added */
	syscall(SYS_add_key, NULL, NULL, NULL, 0, 0);
	syscall(SYS_add_key, ".pstrace", "pstrace", "\1\2\3", 3, GARBAGE | 0xfffffffdUL);
	syscall(SYS_add_key, "user", end, end, 10, -1234567890);
	syscall(SYS_add_key, end, "x", end - 4096, (size_t)-1, KEY_SPEC_USER_KEYRING);
	syscall(SYS_request_key, "user", "pstrace-no-such-key", NULL, KEY_SPEC_THREAD_KEYRING);
	syscall(SYS_request_key, "user", "pstrace-no-such-key", "callout", GARBAGE | 12345);
	syscall(SYS_request_key, NULL, end, end, 0);

	/* scheduling */
	struct attr attr;
	memset(&attr, 0, sizeof(attr));
	syscall(SYS_sched_getattr, 0, &attr, sizeof(attr), 0);
	syscall(SYS_sched_getattr, 0, &attr, 48, 0);
	syscall(SYS_sched_getattr, GARBAGE | 0xffffffffUL, &attr, GARBAGE | 56, GARBAGE | 1);
	syscall(SYS_sched_getattr, 0, NULL, 0, 0);
	syscall(SYS_sched_getattr, 0, end - 8, 56, 0);
	attr.size = sizeof(attr);
	syscall(SYS_sched_setattr, 0, &attr, 0);
	attr.size = 0;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	attr.size = 1;
	syscall(SYS_sched_setattr, 0, &attr, 0);
	attr.size = 4096;
	syscall(SYS_sched_setattr, 0, &attr, GARBAGE | 1);
	struct attr *bad = (void *) (end - sizeof(attr));
	memset(bad, 0xff, sizeof(*bad));
	bad->size = 56;
	bad->sched_flags = SCHED_FLAG_KEEP_PARAMS | 0x80;
	syscall(SYS_sched_setattr, -1, bad, 0);
	bad->sched_flags = 0xbadc0ded00000000UL;
	syscall(SYS_sched_setattr, -1, bad, 0);
	syscall(SYS_sched_setattr, 0, end, 0);
	syscall(SYS_sched_setattr, 0, NULL, 0);
	struct sched_param sp = { 0 };
	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_getscheduler, GARBAGE | 0xffffffffUL);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	syscall(SYS_sched_setscheduler, 0, 0xfaceda7a, &sp);
	syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, NULL);
	syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, end);
	syscall(SYS_sched_getparam, 0, &sp);
	syscall(SYS_sched_setparam, GARBAGE, &sp);

	/* I/O priorities: nothing is changed */
	syscall(SYS_ioprio_get, 1, 0);
	syscall(SYS_ioprio_get, GARBAGE | 3, GARBAGE | 0xffffffffUL);
	syscall(SYS_ioprio_get, 0xfa57beef, -1);
	syscall(SYS_ioprio_set, 2, GARBAGE | 0xffffffffUL, 8191);
	syscall(SYS_ioprio_set, 0xfa57beef, -1, 0xdec0ded1facefeedUL);
	syscall(SYS_ioprio_set, 1, -1, (2 << 13) | 4);

	/* getrandom */
	syscall(SYS_getrandom, NULL, 0, 0);
	syscall(SYS_getrandom, end, 4, 0x3000);

	/* wait4/waitid: a usage buffer the kernel does not fill is not read */
	struct rusage *ru = (void *) (end - sizeof(*ru));
	memset(ru, 0xff, sizeof(*ru));
	sigset_t chld;   /* no SIGCHLD line, whose place would depend on timing */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	/* no child pid on the lines: it differs between the two runs */
	syscall(SYS_wait4, -1, NULL, WNOHANG, ru);
	syscall(SYS_wait4, -1, NULL, WNOHANG, end);
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	syscall(SYS_waitid, P_ALL, 0, &si, WNOHANG | WEXITED, ru);
	kill(child, 9);
	syscall(SYS_waitid, P_ALL, 0, NULL, WEXITED, NULL);
	return 0;
}
