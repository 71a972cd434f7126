/* poll, ppoll, select, pselect6 for the differential tests.  Every timeout is 0 or
 * the call is ready at once, so the results (and ppoll's remaining time) are
 * deterministic.  Raw syscalls, so the kernel ABI (pselect6's sigset pair) is exact. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    void *bad = (void *)1;
    int p[2], q[2];

    if (argc > 1 && chdir(argv[1]) != 0)
        return 1;
    pipe(p);                       /* 3, 4 */
    pipe(q);                       /* 5, 6 */
    syscall(SYS_write, p[1], "x", 1);

    /* poll */
    struct pollfd fds[4] = {
        {.fd = p[0], .events = POLLIN | POLLPRI},
        {.fd = p[1], .events = POLLOUT},
        {.fd = q[0], .events = POLLIN},
        {.fd = 99, .events = POLLIN | POLLRDNORM | 0x8000},
    };
    syscall(SYS_poll, fds, 4, 0);
    syscall(SYS_poll, fds, 3, 100);
    syscall(SYS_poll, fds + 2, 1, 0);
    syscall(SYS_poll, fds, 0, 0);
    syscall(SYS_poll, NULL, 0, 0);
    syscall(SYS_poll, bad, 1, 0);
    syscall(SYS_poll, fds, 1, -1);
    struct pollfd neg[2] = {{.fd = -1, .events = POLLIN}, {.fd = p[0], .events = 0}};
    syscall(SYS_poll, neg, 2, 0);
    struct pollfd many[40];
    for (int i = 0; i < 40; i++)
        many[i].fd = p[0], many[i].events = POLLIN, many[i].revents = 0;
    syscall(SYS_poll, many, 40, 0);
    syscall(SYS_poll, many, 10, 0);

    /* ppoll: the kernel writes the remaining time back, so every timeout that can
     * be left over is 0 (the call returns at once and "left" is deterministic) */
    struct timespec ts = {0, 0};
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR2);
    syscall(SYS_ppoll, fds, 3, &ts, NULL, 8);
    syscall(SYS_ppoll, fds, 2, &ts, &set, 8);
    syscall(SYS_ppoll, fds + 2, 1, &ts, &set, 8);
    syscall(SYS_ppoll, fds, 1, NULL, NULL, 8);
    syscall(SYS_ppoll, fds, 1, bad, NULL, 8);
    syscall(SYS_ppoll, fds, 1, &ts, bad, 8);
    syscall(SYS_ppoll, fds, 1, &ts, &set, 4);
    syscall(SYS_ppoll, bad, 1, &ts, NULL, 8);
    ts.tv_sec = 7;
    ts.tv_nsec = 2000000000;
    syscall(SYS_ppoll, fds, 1, &ts, NULL, 8);
    ts.tv_sec = -1;
    ts.tv_nsec = 0;
    syscall(SYS_ppoll, fds, 1, &ts, NULL, 8);
    sigfillset(&set);
    ts.tv_sec = 0;
    syscall(SYS_ppoll, fds + 2, 1, &ts, &set, 8);
    sigemptyset(&set);
    syscall(SYS_ppoll, fds + 2, 1, &ts, &set, 8);
    sigfillset(&set);
    sigdelset(&set, SIGHUP);
    sigdelset(&set, SIGKILL);
    syscall(SYS_ppoll, fds + 2, 1, &ts, &set, 8);

    /* select: the kernel rewrites the sets and the timeout, so both are reset */
    fd_set rd, wr, ex;
    struct timeval tv = {0, 0};
#define RESET() do { FD_ZERO(&rd); FD_ZERO(&wr); FD_ZERO(&ex); tv.tv_sec = 0; tv.tv_usec = 0; } while (0)
    RESET();
    FD_SET(p[0], &rd); FD_SET(q[0], &rd); FD_SET(p[1], &wr); FD_SET(q[1], &wr); FD_SET(p[0], &ex);
    syscall(SYS_select, 7, &rd, &wr, &ex, &tv);
    RESET(); FD_SET(q[0], &rd);
    syscall(SYS_select, 6, &rd, NULL, NULL, &tv);
    RESET(); FD_SET(q[0], &rd); FD_SET(p[0], &rd);
    syscall(SYS_select, 6, &rd, NULL, NULL, NULL);
    RESET(); FD_SET(p[1], &wr);
    syscall(SYS_select, 5, NULL, &wr, NULL, NULL);
    RESET();
    syscall(SYS_select, 0, NULL, NULL, NULL, &tv);
    RESET(); FD_SET(p[0], &rd); FD_SET(40, &rd);
    tv.tv_sec = 3;
    syscall(SYS_select, 41, &rd, NULL, NULL, &tv);
    RESET();
    syscall(SYS_select, 4, bad, NULL, NULL, &tv);
    RESET(); FD_SET(p[0], &rd);
    syscall(SYS_select, 4, &rd, NULL, NULL, bad);
    RESET(); FD_SET(p[0], &rd);
    syscall(SYS_select, -1, &rd, NULL, NULL, &tv);
    RESET(); FD_SET(p[0], &rd);
    tv.tv_usec = -5;
    syscall(SYS_select, 4, &rd, NULL, NULL, &tv);
    RESET();
    syscall(SYS_select, 4, &rd, &wr, &ex, &tv);
    RESET(); FD_SET(p[0], &rd); FD_SET(p[0], &ex); FD_SET(q[0], &ex);
    syscall(SYS_select, 6, &rd, NULL, &ex, &tv);
    /* one buffer as all three sets: the kernel writes the except set last: "= 2 ()" */
    RESET(); FD_SET(p[1], &rd); FD_SET(q[1], &rd);
    syscall(SYS_select, 0xdefaced00000000UL | 7, &rd, &rd, &rd, NULL);
    RESET(); FD_SET(p[1], &rd);
    syscall(SYS_select, 0, &rd, &rd, NULL, &tv);   /* no descriptors: addresses */
    static unsigned long huge[1024 * 1024 / 64];   /* strace reads at most 1M bits */
    huge[0] = 1UL << p[1];
    huge[1024 * 1024 / 64 - 1] = 1UL << 63;
    syscall(SYS_select, 0x7fffffff, huge, NULL, NULL, &tv);
    RESET(); for (int i = 3; i < 100; i++) FD_SET(i, &rd);
    syscall(SYS_select, 100, &rd, NULL, NULL, &tv);

    /* pselect6: the 6th argument points at {sigset pointer, sigset size} */
    struct timespec pts = {0, 0};
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    struct { void *ss; size_t len; } sd = {&set, 8}, sdnull = {NULL, 8}, sdbad = {bad, 8};
#define PRESET() do { FD_ZERO(&rd); FD_ZERO(&wr); pts.tv_sec = 0; pts.tv_nsec = 0; } while (0)
    PRESET(); FD_SET(p[0], &rd); FD_SET(q[0], &rd);
    syscall(SYS_pselect6, 6, &rd, NULL, NULL, &pts, &sd);
    PRESET(); FD_SET(q[0], &rd);
    syscall(SYS_pselect6, 6, &rd, NULL, NULL, &pts, NULL);
    PRESET(); FD_SET(q[0], &rd);
    syscall(SYS_pselect6, 6, &rd, NULL, NULL, &pts, &sdnull);
    PRESET(); FD_SET(q[0], &rd);
    syscall(SYS_pselect6, 6, &rd, NULL, NULL, &pts, &sdbad);
    PRESET(); FD_SET(q[0], &rd);
    syscall(SYS_pselect6, 6, &rd, NULL, NULL, &pts, bad);
    PRESET(); FD_SET(p[0], &rd); FD_SET(p[1], &wr);
    syscall(SYS_pselect6, 5, &rd, &wr, NULL, NULL, &sd);
    PRESET(); FD_SET(p[0], &rd);
    syscall(SYS_pselect6, 4, &rd, NULL, NULL, bad, &sd);
    PRESET(); FD_SET(p[0], &rd);
    pts.tv_nsec = -1;
    syscall(SYS_pselect6, 4, &rd, NULL, NULL, &pts, &sd);
    PRESET(); FD_SET(p[0], &rd);
    syscall(SYS_pselect6, -1, &rd, NULL, NULL, &pts, &sd);
    PRESET(); FD_SET(p[0], &rd);
    sd.len = 4;
    syscall(SYS_pselect6, 4, &rd, NULL, NULL, &pts, &sd);
    return 0;
}
