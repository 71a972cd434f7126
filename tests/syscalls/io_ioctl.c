/* Terminal and generic ioctls for the differential tests, on a pty pair the program
 * creates itself (posix_openpt/grantpt/unlockpt/ptsname, then the slave is opened):
 * deterministic, no outer terminal needed.  Also a regular file (ENOTTY), bad
 * descriptors (EBADF), bad pointers (EFAULT) and unknown requests. */
#define _GNU_SOURCE
#include <asm/termbits.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define IOCTL(fd, req, arg) syscall(SYS_ioctl, (fd), (unsigned long)(req), (arg))

int main(int argc, char **argv)
{
    void *bad = (void *)1;
    struct termios t;
    struct winsize ws;
    int n;

    if (argc > 1 && chdir(argv[1]) != 0)
        return 1;
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    grantpt(m);
    unlockpt(m);
    int s = open(ptsname(m), O_RDWR | O_NOCTTY);
    int f = open("io_ioctl.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);

    /* termios */
    IOCTL(s, TCGETS, &t);
    IOCTL(s, TCSETS, &t);
    t.c_lflag &= ~(ICANON | ECHO);
    t.c_iflag |= IGNBRK | IUTF8;
    t.c_cflag = (t.c_cflag & ~CBAUD) | B9600 | PARENB;
    t.c_oflag &= ~OPOST;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 5;
    IOCTL(s, TCSETSW, &t);
    IOCTL(s, TCSETSF, &t);
    IOCTL(s, TCGETS, &t);
    IOCTL(m, TCGETS, &t);
    {   /* termios2: the speeds follow c_cc (printed with -v) */
        char t2[64];
        IOCTL(s, TCGETS2, t2);
        IOCTL(s, TCSETS2, t2);
    }
    IOCTL(f, TCGETS, &t);
    IOCTL(-1, TCGETS, &t);
    IOCTL(s, TCGETS, bad);
    IOCTL(s, TCGETS, NULL);
    IOCTL(s, TCSETS, bad);
    IOCTL(f, TCSETS, &t);
    /* window size */
    ws.ws_row = 24;
    ws.ws_col = 80;
    ws.ws_xpixel = 0;
    ws.ws_ypixel = 0;
    IOCTL(s, TIOCSWINSZ, &ws);
    memset(&ws, 0, sizeof ws);
    IOCTL(s, TIOCGWINSZ, &ws);
    IOCTL(f, TIOCGWINSZ, &ws);
    IOCTL(s, TIOCGWINSZ, bad);
    IOCTL(s, TIOCSWINSZ, bad);
    IOCTL(-1, TIOCSWINSZ, &ws);
    /* process group, controlling terminal */
    pid_t pg = 0;
    IOCTL(s, TIOCGPGRP, &pg);
    IOCTL(f, TIOCGPGRP, &pg);
    IOCTL(s, TIOCGPGRP, bad);
    pg = 1;
    IOCTL(f, TIOCSPGRP, &pg);
    IOCTL(s, TIOCSPGRP, bad);
    IOCTL(s, TIOCSCTTY, 0);
    IOCTL(f, TIOCSCTTY, 1);
    /* become a session leader: the pty is then our controlling terminal and the
     * process-group calls succeed (the pgrp is our pid: deterministic in the
     * harness's pid namespace) */
    if (setsid() >= 0) {
        IOCTL(s, TIOCSCTTY, 0);
        IOCTL(s, TIOCGPGRP, &pg);
        IOCTL(s, TIOCSPGRP, &pg);
        IOCTL(s, TIOCGSID, &pg);
        pg = 99999;
        IOCTL(s, TIOCSPGRP, &pg);
    }
    /* byte counts, close-on-exec, non-blocking, flush */
    syscall(SYS_write, m, "xyz\n", 4);
    /* the pty moves the bytes to the slave asynchronously: wait until they are there */
    struct pollfd pfd = {.fd = s, .events = POLLIN};
    poll(&pfd, 1, 5000);
    n = -1;
    IOCTL(s, FIONREAD, &n);
    IOCTL(f, FIONREAD, &n);
    IOCTL(s, FIONREAD, bad);
    IOCTL(-1, FIONREAD, &n);
    IOCTL(f, FIOCLEX, NULL);
    IOCTL(f, FIONCLEX, NULL);
    IOCTL(-1, FIOCLEX, NULL);
    n = 1;
    IOCTL(f, FIONBIO, &n);
    n = 0;
    IOCTL(f, FIONBIO, &n);
    IOCTL(f, FIONBIO, bad);
    IOCTL(s, TCFLSH, TCIFLUSH);
    IOCTL(s, TCFLSH, TCOFLUSH);
    IOCTL(s, TCFLSH, TCIOFLUSH);
    IOCTL(s, TCFLSH, 7);
    IOCTL(f, TCFLSH, TCIFLUSH);
    /* more int-pointer and plain-int requests */
    IOCTL(s, TIOCGEXCL, &n);
    IOCTL(s, TIOCGETD, &n);
    n = 0;
    IOCTL(s, TIOCSETD, &n);
    n = 1;
    IOCTL(m, TIOCPKT, &n);
    n = 0;
    IOCTL(m, TIOCPKT, &n);
    IOCTL(s, FIOASYNC, &n);
    IOCTL(s, TIOCSTI, "a");
    IOCTL(s, TIOCSTI, bad);
    IOCTL(s, TCSBRK, 1);
    IOCTL(s, TCXONC, TCOON);
    IOCTL(s, TCXONC, 9);
    IOCTL(m, TIOCSIG, 0);
    IOCTL(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
    IOCTL(s, TIOCGDEV, &n);
    struct termio tio;
    IOCTL(s, TCGETA, &tio);
    IOCTL(s, TCSETA, &tio);
    IOCTL(f, TCGETA, &tio);
    IOCTL(f, TIOCNOTTY, 0);
    /* requests strace names but does not decode, and unknown ones */
    IOCTL(f, TIOCEXCL, NULL);
    IOCTL(s, TIOCEXCL, NULL);
    IOCTL(s, TIOCNXCL, NULL);
    IOCTL(s, TIOCOUTQ, &n);
    IOCTL(f, _IOC(_IOC_READ, 0x12, 0x34, 0x8), &n);
    IOCTL(f, _IOC(_IOC_WRITE, 0xee, 0x1, 0x10), bad);
    IOCTL(f, _IOC(_IOC_READ | _IOC_WRITE, 0xee, 0x2, 0x4), NULL);
    IOCTL(f, _IOC(_IOC_NONE, 0xee, 0x3, 0), 7);
    IOCTL(f, 0x5401 + 0x200, 3);
    IOCTL(f, 0x12345678, 0);
    close(f);
    unlink("io_ioctl.tmp");
    /* termios2 requests: named (TCGETS2 ...), argument printed as a pointer */
    ioctl(-1, TCGETS2, 0);
    ioctl(-1, TCSETS2, 0);
    ioctl(-1, TCSETSW2, 0);
    ioctl(-1, TCSETSF2, 0);
    return 0;
}
