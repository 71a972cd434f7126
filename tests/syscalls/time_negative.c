/* Negative fractions in timespec arguments: strace prints tv_nsec unsigned everywhere. */
#include <time.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(){ struct timespec t={1,-5}; nanosleep(&t,0); syscall(SYS_ppoll, 0, 0, &t, 0, 8); struct timespec w={0,-1}; syscall(SYS_rt_sigtimedwait, 0, 0, &w, 8); return 0;}
