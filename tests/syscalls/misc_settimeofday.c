/* settimeofday with invalid times (garbage, negative, out-of-range microseconds), NULL
 * and unreadable pointers: EINVAL or EFAULT, never a change of the clock. */
#include <sys/time.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void){struct timeval tv={-1,1000000}; struct timezone tz={0,0}; syscall(SYS_settimeofday,&tv,&tz); tv.tv_sec=0xdeadbeef; tv.tv_usec=0xfacefeed; syscall(SYS_settimeofday,&tv,&tz); syscall(SYS_settimeofday,NULL,NULL); syscall(SYS_settimeofday,(void*)8,&tz); tv.tv_sec=-3819351491602432273L; tv.tv_usec=(long)13464652301697220333UL; syscall(SYS_settimeofday,&tv,NULL); return 0;}
