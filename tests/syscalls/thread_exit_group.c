/* exit_group while another thread sleeps in pause(): strace ends the exit_group line at
   entry ("exit_group(5) = ?"), so the thread's last lines never cut it. */
#include <pthread.h>
#include <unistd.h>
static void *th(void *a) { pause(); return 0; }
int main(void) { pthread_t t; pthread_create(&t, 0, th, 0); usleep(300000); _exit(5); }
