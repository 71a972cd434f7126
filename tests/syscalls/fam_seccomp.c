/* seccomp(2) and prctl(PR_SET_SECCOMP/PR_GET_SECCOMP) with valid and invalid arguments:
 * every operation and an unknown one, known and unknown filter flags, filters with every
 * instruction class, jumps, every return action and unknown ones, an empty filter, one
 * longer than BPF_MAXINSNS, one running into an unreadable page, bad pointers, garbage
 * in the upper 32 bits of the int arguments.  Filters that install are installed in
 * forked children (one with seccomp(2), one with prctl, one in strict mode, which may
 * only leave through the raw exit system call). */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

static void wait_child(pid_t pid)
{
	int status;
	waitpid(pid, &status, 0);
}

int main(void)
{
	void *bad = (void *)8;
	static const struct sock_filter every[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
		BPF_STMT(BPF_LD | BPF_H | BPF_IND, 4),
		BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 1),
		BPF_STMT(BPF_ST, 2),
		BPF_STMT(BPF_STX, 3),
		BPF_STMT(BPF_ALU | BPF_X | BPF_ADD, 0),
		BPF_JUMP(BPF_JMP | BPF_K | BPF_JGT, 0x3c, 1, 0),
		BPF_STMT(BPF_MISC | BPF_TXA, 0),
		BPF_STMT(BPF_RET | BPF_A, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 13),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | 0xbeef),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_RET | BPF_K, 0x60000),
		BPF_STMT(BPF_RET | BPF_K, 0x60001),
		BPF_STMT(0xff, 0x1234),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(every) / sizeof(every[0]), (struct sock_filter *)every };
	static const struct sock_filter allow[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
		BPF_JUMP(BPF_JMP | BPF_K | BPF_JEQ, SYS_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog allow_prog = { 4, (struct sock_filter *)allow };

	/* unknown operation, unknown flags, bad pointers */
	syscall(SYS_seccomp, GARBAGE | 0xff, GARBAGE | 1, bad);
	syscall(SYS_seccomp, GARBAGE | SECCOMP_SET_MODE_STRICT, GARBAGE | 0x10, bad);
	syscall(SYS_seccomp, GARBAGE | SECCOMP_SET_MODE_FILTER, GARBAGE | 0xff, &prog);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0xffffff80, &prog);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, bad);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, NULL);

	/* filters the kernel rejects: EINVAL without NO_NEW_PRIVS is not certain as
	 * root, so each has an invalid flag */
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80, &prog);
	struct sock_fprog empty = { 0, (struct sock_filter *)every };
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80, &empty);
	struct sock_fprog nullf = { 3, NULL };
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80, &nullf);
	struct sock_fprog badf = { 3, bad };
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80, &badf);

	/* a filter running into an unreadable page */
	long page = sysconf(_SC_PAGESIZE);
	char *pages = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pages + page, page);
	struct sock_filter *tail = (struct sock_filter *)(pages + page) - 2;
	memcpy(tail, every + 8, 2 * sizeof(*tail));
	struct sock_fprog partial = { 5, tail };
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80, &partial);

	/* longer than BPF_MAXINSNS */
	size_t n = BPF_MAXINSNS + 2;
	struct sock_filter *many = calloc(n, sizeof(*many));
	for (size_t i = 0; i < n; i++)
		many[i] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_IMM, i);
	struct sock_fprog big = { n, many };
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80, &big);

	/* SECCOMP_GET_ACTION_AVAIL: every action, unknown ones, bad pointers */
	static const unsigned int actions[] = {
		SECCOMP_RET_KILL_THREAD, SECCOMP_RET_KILL_PROCESS, SECCOMP_RET_TRAP,
		SECCOMP_RET_ERRNO, SECCOMP_RET_USER_NOTIF, SECCOMP_RET_TRACE, SECCOMP_RET_LOG,
		SECCOMP_RET_ALLOW, 0x60000, 0xffffffff,
	};
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		syscall(SYS_seccomp, GARBAGE | SECCOMP_GET_ACTION_AVAIL, GARBAGE, &actions[i]);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, bad);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0xcafef00d, NULL);

	/* SECCOMP_GET_NOTIF_SIZES */
	static struct seccomp_notif_sizes sizes;  /* not on the stack: its address is printed */
	syscall(SYS_seccomp, GARBAGE | SECCOMP_GET_NOTIF_SIZES, GARBAGE, &sizes);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, bad);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, NULL);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0xdeadc0de, &sizes);

	/* prctl: modes, bad pointers, garbage */
	prctl(PR_GET_SECCOMP, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_SECCOMP, 0xffffffffUL, 1, 2, 3);
	syscall(SYS_prctl, PR_SET_SECCOMP, GARBAGE | SECCOMP_MODE_STRICT, 1, 2, 3);
	syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_DISABLED, 1, 2, 3);
	syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, bad, 0, 0);
	syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL, 0, 0);
	syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &badf, 0, 0);

	/* filters that install, each in a child */
	pid_t pid = fork();
	if (pid == 0) {
		prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
		syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_LOG, &allow_prog);
		getppid();
		prctl(PR_GET_SECCOMP, 0, 0, 0, 0);
		_exit(0);
	}
	wait_child(pid);
	pid = fork();
	if (pid == 0) {
		prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
		prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &allow_prog, 0, 0);
		getppid();
		_exit(0);
	}
	wait_child(pid);
	pid = fork();
	if (pid == 0) {
		syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL);
		syscall(SYS_exit, 0);
	}
	wait_child(pid);
	pid = fork();
	if (pid == 0) {
		prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0, 0, 0);
		syscall(SYS_exit, 0);
	}
	wait_child(pid);
	return 0;
}
