/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/prctl.h>
#include <sys/personality.h>
#include <linux/capability.h>
#include <sched.h>
#include <unistd.h>
#include <signal.h>
int main(void){
 unsigned long mask[16] = {0};
 syscall(SYS_sched_getaffinity, 0, 128, mask);
 syscall(SYS_sched_getaffinity, 0, 8, mask);
 syscall(SYS_sched_getaffinity, 0, 4, mask);
 syscall(SYS_sched_getaffinity, 0, 8, 1);
 syscall(SYS_sched_getaffinity, 999999, 8, mask);
 syscall(SYS_sched_setaffinity, 0, 8, mask);
 mask[0] = 0x5; mask[1] = 0x8000000000000001UL;
 syscall(SYS_sched_setaffinity, 0, 16, mask);
 mask[0] = 0;
 syscall(SYS_sched_setaffinity, 0, 8, mask);
 syscall(SYS_sched_setaffinity, 0, 8, 1);
 mask[0] = 3;
 syscall(SYS_sched_setaffinity, 0, 3, mask);
 mask[0] = 1; /* pin to CPU 0: getcpu prints it */
 syscall(SYS_sched_setaffinity, 0, 8, mask);
 unsigned cpu, node;
 syscall(SYS_getcpu, &cpu, &node, 0);
 syscall(SYS_getcpu, 0, 0, 0);
 syscall(SYS_getcpu, 1, &node, 0);
 syscall(SYS_getcpu, &cpu, 0, 1);
 syscall(SYS_personality, 0xffffffff);
 syscall(SYS_personality, PER_LINUX);
 syscall(SYS_personality, ADDR_NO_RANDOMIZE|PER_LINUX32);
 syscall(SYS_personality, 0xffffffff);
 syscall(SYS_personality, 0x1234567);
 syscall(SYS_personality, 0x40);
 syscall(SYS_personality, 0xffffffff);
 syscall(SYS_personality, PER_LINUX);
 char name[32] = "hello";
 syscall(SYS_prctl, PR_SET_NAME, "myname-is-very-long-indeed", 0, 0, 0);
 syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_NAME, 1, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_NAME, 1, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_PDEATHSIG, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_PDEATHSIG, 99, 0, 0, 0);
 int sig;
 syscall(SYS_prctl, PR_GET_PDEATHSIG, &sig, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_PDEATHSIG, 1, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_DUMPABLE, 1, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_DUMPABLE, 7, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0);
 syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_CAPBSET_READ, CAP_SYS_ADMIN, 0, 0, 0);
 syscall(SYS_prctl, PR_CAPBSET_READ, 200, 0, 0, 0);
 syscall(SYS_prctl, PR_CAPBSET_DROP, CAP_CHOWN, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_KEEPCAPS, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_KEEPCAPS, 1, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
 int v;
 syscall(SYS_prctl, PR_GET_CHILD_SUBREAPER, &v, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_TIMERSLACK, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_TIMERSLACK, 50000, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_SECCOMP, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_TID_ADDRESS, &v, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_THP_DISABLE, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_THP_DISABLE, 1, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_PTRACER, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_PTRACER, -1, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_PTRACER, 0x1234, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_IO_FLUSHER, 0, 0, 0, 0);
 syscall(SYS_prctl, 0x12345, 1, 2, 3, 4);
 syscall(SYS_prctl, 0, 1, 2, 3, 4);
 /* PR_SCHED_CORE: the scope as "N /* PIDTYPE_* * /", the pid by that scope, the
  * cookie of a successful GET; garbage in the upper bits of the int arguments */
 unsigned long long cookie = 0;
 long me = syscall(SYS_getpid), garbage = 0xdefaced00000000L;
 syscall(SYS_prctl, PR_SCHED_CORE, PR_SCHED_CORE_GET, me, 1, &cookie);
 syscall(SYS_prctl, PR_SCHED_CORE, garbage | PR_SCHED_CORE_GET, garbage | me, garbage | 0, &cookie);
 syscall(SYS_prctl, PR_SCHED_CORE, PR_SCHED_CORE_GET, me, 2, NULL);
 syscall(SYS_prctl, PR_SCHED_CORE, PR_SCHED_CORE_GET, me, 3, (char *)&cookie + 4096 * 64);
 syscall(SYS_prctl, PR_SCHED_CORE, PR_SCHED_CORE_SHARE_TO, 99999, 7, 0);
 syscall(SYS_prctl, PR_SCHED_CORE, 9, -1, -1, 0);
 return 0;}
