/* A handled signal between untraced syscalls: -n on the signal and exit lines shows
   the number of the last syscall of any kind (strace 6.1), not the last traced one. */
#include <signal.h>
#include <unistd.h>
static void h(int s){}
int main(){ signal(SIGUSR1,h); write(1,"a",1); getppid(); raise(SIGUSR1); getpid(); return 0;}
