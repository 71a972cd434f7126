/* Calls every x86_64 syscall number in the ranges argv[1], argv[2], ... ("0-334") with all arguments -1 (each
 * fails harmlessly: EBADF, EFAULT, EINVAL, ENOSYS...), skipping the few that would end,
 * block, fork or change the process for good.  For -e trace= class tests: only the
 * names strace prints matter.  Then raises signals for -e signal= tests. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

static const long skip[] = {
    SYS_exit, SYS_exit_group, SYS_fork, SYS_vfork, SYS_rt_sigreturn, SYS_pause,
    SYS_vhangup, SYS_msgget, SYS_set_tid_address, SYS_sync, SYS_clone, SYS_clone3,
    SYS_rt_sigsuspend, SYS_umask, SYS_alarm, SYS_setsid, SYS_personality, SYS_brk,
    SYS_mmap, SYS_munmap, SYS_mremap, SYS_sigaltstack, SYS_rseq,
};

static void handler(int sig) { (void)sig; }

int main(int argc, char **argv)
{
    for (int a = 1; a < argc; a++) {
    char *dash;
    long lo = strtol(argv[a], &dash, 10), hi = strtol(dash + 1, NULL, 10);
    for (long nr = lo; nr <= hi; nr++) {
        int skipped = 0;
        for (unsigned i = 0; i < sizeof skip / sizeof skip[0]; i++)
            if (skip[i] == nr)
                skipped = 1;
        if (!skipped)
            syscall(nr, -1L, -1L, -1L, -1L, -1L, -1L);
    }
    }
    signal(SIGUSR1, handler);
    signal(SIGUSR2, handler);
    signal(SIGINT, handler);
    raise(SIGUSR1);
    raise(SIGUSR2);
    raise(SIGCHLD);
    raise(SIGINT);
    return 0;
}
