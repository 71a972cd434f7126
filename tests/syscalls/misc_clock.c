/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
int main(void){
 time_t t; struct timeval tv; struct timezone tz; struct tms tm; struct timespec ts;
 syscall(SYS_time, 0); syscall(SYS_time, &t);
 syscall(SYS_gettimeofday, &tv, &tz); syscall(SYS_gettimeofday, &tv, 0);
 syscall(SYS_times, &tm); syscall(SYS_times, 0);
 syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
 syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
 syscall(SYS_clock_gettime, CLOCK_MONOTONIC, 0);
 syscall(SYS_clock_gettime, CLOCK_MONOTONIC, 1);
 syscall(SYS_clock_gettime, 12345, &ts);
 return 0;}
