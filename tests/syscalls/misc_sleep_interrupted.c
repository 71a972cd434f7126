/* A relative clock_nanosleep interrupted by a handled SIGALRM: the kernel writes the
 * remaining time, which strace prints beside ERESTART_RESTARTBLOCK; then the restart. */
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
static void h(int s){(void)s;}
int main(void){ struct sigaction sa = {0}; sa.sa_handler = h; sigaction(SIGALRM, &sa, 0);
 struct timespec req = {0, 999999999}, rem;
 alarm(1); syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &(struct timespec){2,0}, &rem);
 return 0; }
