/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <sched.h>
#include <unistd.h>
#include <stdint.h>
int main(void){
 syscall(SYS_getpid); syscall(SYS_getppid); syscall(SYS_gettid);
 syscall(SYS_getuid); syscall(SYS_geteuid); syscall(SYS_getgid); syscall(SYS_getegid);
 syscall(SYS_getpgrp); syscall(SYS_getpgid, 0); syscall(SYS_getpgid, 99999); syscall(SYS_getsid, 0);
 syscall(SYS_getsid, -1);
 syscall(SYS_setsid);
 syscall(SYS_setsid);
 syscall(SYS_setpgid, 0, 0);
 syscall(SYS_setuid, 0); syscall(SYS_setgid, 0); syscall(SYS_setuid, -1); syscall(SYS_setuid, 0x100000000L);
 syscall(SYS_setreuid, -1, 0); syscall(SYS_setregid, 0, -1);
 syscall(SYS_setresuid, -1, 0, -1); syscall(SYS_setresgid, 0, 0, 0);
 syscall(SYS_setfsuid, 0); syscall(SYS_setfsgid, -1);
 uid_t a,b,c;
 syscall(SYS_getresuid, &a, &b, &c); syscall(SYS_getresgid, &a, &b, &c);
 syscall(SYS_getresuid, 1, &b, &c); syscall(SYS_getresgid, &a, &b, 1);
 gid_t g[4] = {0, 1, 2, 65534};
 syscall(SYS_getgroups, 0, 0);
 syscall(SYS_getgroups, 4, g);
 syscall(SYS_getgroups, 4, 1);
 syscall(SYS_getgroups, -1, g);
 syscall(SYS_setgroups, 4, g);
 syscall(SYS_setgroups, 0, 0);
 syscall(SYS_setgroups, 1, g);
 syscall(SYS_setgroups, 2, 1);
 syscall(SYS_setgroups, -1, g);
 syscall(SYS_setgroups, 100000, g);
 syscall(SYS_setgroups, 4, g);
 syscall(SYS_getgroups, 4, g);
 syscall(SYS_getgroups, 2, g);
 return 0;}
