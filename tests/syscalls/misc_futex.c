/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <linux/futex.h>
#include <time.h>
#include <unistd.h>
#include <stdint.h>
#include <limits.h>
int main(void){
 uint32_t f = 5, f2 = 7;
 struct timespec ts = {0, 1000};
 syscall(SYS_futex, &f, FUTEX_WAIT, 4, 0, 0, 0);
 syscall(SYS_futex, &f, FUTEX_WAIT_PRIVATE, 5, &ts, 0, 0);
 syscall(SYS_futex, &f, FUTEX_WAIT|FUTEX_CLOCK_REALTIME, 5, &ts, 0, 0);
 syscall(SYS_futex, &f, FUTEX_WAKE, 1, 0, 0, 0);
 syscall(SYS_futex, &f, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
 syscall(SYS_futex, &f, FUTEX_WAIT_BITSET_PRIVATE, 4, 0, 0, FUTEX_BITSET_MATCH_ANY);
 syscall(SYS_futex, &f, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 4, &ts, 0, 0x1234);
 syscall(SYS_futex, &f, FUTEX_WAKE_BITSET, 1, 0, 0, FUTEX_BITSET_MATCH_ANY);
 syscall(SYS_futex, &f, FUTEX_WAKE_BITSET_PRIVATE, 1, 0, 0, 3);
 syscall(SYS_futex, &f, FUTEX_WAKE_OP_PRIVATE, 1, 1, &f2, FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 1));
 syscall(SYS_futex, &f, FUTEX_WAKE_OP, 1, 2, &f2, FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_EQ, 0));
 syscall(SYS_futex, &f, FUTEX_WAKE_OP, 1, 2, &f2, FUTEX_OP(FUTEX_OP_OR|FUTEX_OP_OPARG_SHIFT, 5, FUTEX_OP_CMP_NE, 4095));
 syscall(SYS_futex, &f, FUTEX_WAKE_OP, 1, 2, &f2, 0xffffffff);
 syscall(SYS_futex, &f, FUTEX_WAKE_OP, 1, 2, &f2, (7<<28)|(7<<24));
 syscall(SYS_futex, &f, FUTEX_REQUEUE, 1, 2, &f2, 0);
 syscall(SYS_futex, &f, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &f2, 5);
 syscall(SYS_futex, &f, FUTEX_CMP_REQUEUE, 1, 2, &f2, 4);
 syscall(SYS_futex, &f, FUTEX_FD, 1, 0, 0, 0);
 syscall(SYS_futex, &f, FUTEX_LOCK_PI, 0, &ts, 0, 0);
 syscall(SYS_futex, &f, FUTEX_LOCK_PI2, 0, &ts, 0, 0);
 syscall(SYS_futex, &f, FUTEX_UNLOCK_PI, 0, 0, 0, 0);
 syscall(SYS_futex, &f, FUTEX_TRYLOCK_PI, 0, 0, 0, 0);
 syscall(SYS_futex, &f, FUTEX_WAIT_REQUEUE_PI, 5, &ts, &f2, 0);
 syscall(SYS_futex, &f, FUTEX_CMP_REQUEUE_PI, 1, 2, &f2, 5);
 syscall(SYS_futex, &f, 14, 1, 2, &f2, 5);
 syscall(SYS_futex, &f, 0x7f, 1, 2, &f2, 5);
 syscall(SYS_futex, &f, 0x300, 1, 2, &f2, 5);
 syscall(SYS_futex, &f, 0x380, 1, 2, &f2, 5);
 syscall(SYS_futex, 1, FUTEX_WAIT, 1, 0, 0, 0);
 syscall(SYS_futex, &f, FUTEX_WAIT, 5, 1, 0, 0);
 syscall(SYS_futex, 0, FUTEX_WAKE, -1, 0, 0, 0);
 syscall(SYS_futex, &f, FUTEX_WAIT_PRIVATE, 5, &ts, 0x1234, 0x5678);
 return 0;}
