/* Signals the kernel raises for faults, each caught and left with siglongjmp, then (with
 * an argument) a death by an unhandled signal: "segv" plain, "core" with a core dump. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static sigjmp_buf env;

static void on_fault(int sig) { (void)sig; siglongjmp(env, 1); }

static void seccomp_trap_getppid(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP | 7),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof f / sizeof f[0], f };
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS };
	char *ro, *file;
	int fd;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fault;
	sa.sa_flags = SA_NODEFER;
	for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);

	if (!sigsetjmp(env, 1))
		*(volatile int *)0x10 = 1;                      /* SEGV_MAPERR */
	ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!sigsetjmp(env, 1))
		*(volatile char *)ro = 1;                       /* SEGV_ACCERR */
	if (!sigsetjmp(env, 1))
		*(volatile int *)0x8000000000000000UL = 1;      /* SI_KERNEL (general protection) */
	fd = open("/dev/null", O_RDONLY);
	fd = memfd_create("bus", 0);
	file = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	if (!sigsetjmp(env, 1))
		(void)*(volatile char *)file;                   /* BUS_ADRERR */
	if (!sigsetjmp(env, 1))
		__asm__ volatile("ud2");                        /* ILL_ILLOPN */
	if (!sigsetjmp(env, 1))
		__asm__ volatile("xor %%ecx, %%ecx; mov $1, %%eax; cltd; idiv %%ecx" ::: "eax", "ecx", "edx"); /* FPE_INTDIV */
	if (!sigsetjmp(env, 1))
		__asm__ volatile("int3");                       /* SIGTRAP, SI_KERNEL */
	seccomp_trap_getppid();
	if (!sigsetjmp(env, 1))
		syscall(SYS_getppid);                           /* SIGSYS, SYS_SECCOMP */
	if (argc > 1 && !strcmp(argv[1], "core")) {
		struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
		setrlimit(RLIMIT_CORE, &rl);
	}
	if (argc > 1) {
		signal(SIGSEGV, SIG_DFL);
		*(volatile int *)0x20 = 1;
	}
	return 0;
}
