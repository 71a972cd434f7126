/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <sched.h>
#include <unistd.h>
#include <stdint.h>
#include <signal.h>
int main(void){
 struct timespec ts = {0, 1000}, rem = {7, 7}, bad = {0, 1000000000}, neg = {-1, 0};
 syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
 syscall(SYS_clock_getres, CLOCK_REALTIME, 0);
 syscall(SYS_clock_getres, 99, &ts);
 syscall(SYS_clock_getres, CLOCK_BOOTTIME, 1);
 ts.tv_sec = 0; ts.tv_nsec = 1000;
 syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts);
 syscall(SYS_clock_settime, CLOCK_REALTIME, 1);
 syscall(SYS_clock_settime, CLOCK_REALTIME, &bad);
 syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem);
 syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, 0);
 syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &ts, &rem);
 syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 2, &ts, &rem);
 syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &bad, &rem);
 syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &neg, &rem);
 syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, 1, &rem);
 syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &ts, &rem);
 syscall(SYS_clock_nanosleep, -1, 0, &ts, &rem);
 syscall(SYS_clock_nanosleep, -10, 0, &ts, &rem);
 syscall(SYS_clock_nanosleep, -13, 0, &ts, &rem);
 syscall(SYS_nanosleep, &ts, &rem);
 syscall(SYS_nanosleep, &ts, 0);
 syscall(SYS_nanosleep, &bad, &rem);
 syscall(SYS_nanosleep, 1, &rem);
 for (int i = 0; i < 13; i++) syscall(SYS_clock_getres, i, 0);
 struct itimerval it = {{0, 0}, {0, 0}}, old;
 syscall(SYS_getitimer, ITIMER_REAL, &old);
 syscall(SYS_getitimer, ITIMER_VIRTUAL, 1);
 syscall(SYS_getitimer, 5, &old);
 syscall(SYS_setitimer, ITIMER_PROF, &it, &old);
 syscall(SYS_setitimer, ITIMER_REAL, &it, 0);
 syscall(SYS_setitimer, ITIMER_REAL, 1, 0);
 it.it_value.tv_usec = 2000000;
 syscall(SYS_setitimer, ITIMER_REAL, &it, 0);
 syscall(SYS_alarm, 0);
 syscall(SYS_alarm, 100);
 syscall(SYS_alarm, 0);
 syscall(SYS_sched_yield);
 syscall(SYS_time, 1);
 syscall(SYS_gettimeofday, 1, 1);
 syscall(SYS_gettimeofday, 0, 0);
 syscall(SYS_times, 1);
 return 0;}
