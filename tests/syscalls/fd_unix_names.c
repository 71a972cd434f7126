/* What -y/-yy show of a descriptor: unix sockets bound to an abstract name (@"...")
 * and to a path, both with a byte that needs quoting, connected and accepted; a deleted
 * file; a character device.  argv: DIR (a private directory; the abstract name ends
 * with it too, so parallel runs never share one). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static void serve(const struct sockaddr_un *sa, socklen_t len)
{
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(l, (const void *)sa, len);
    listen(l, 1);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(c, (const void *)sa, len);
    int s = accept(l, 0, 0);
    struct sockaddr_un got;
    socklen_t glen = sizeof got;
    getsockname(s, (void *)&got, &glen);
    /* the accepted end first: strace 6.1 keeps printing a socket's peer after the
     * peer was closed (it remembers what it printed), pstrace asks the kernel again */
    close(s);
    close(c);
    close(l);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    int n = snprintf(sa.sun_path + 1, sizeof sa.sun_path - 1, "ab\1%s", argv[1]);
    serve(&sa, offsetof(struct sockaddr_un, sun_path) + 1 + n);

    struct sockaddr_un sp = {.sun_family = AF_UNIX};
    snprintf(sp.sun_path, sizeof sp.sun_path, "%s/s\303\251", argv[1]);
    unlink(sp.sun_path);
    serve(&sp, sizeof sp);
    unlink(sp.sun_path);

    char path[4096];
    snprintf(path, sizeof path, "%s/gone", argv[1]);
    int f = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    unlink(path);
    struct stat st;
    fstat(f, &st);
    close(f);
    int d = open("/dev/null", O_RDONLY);
    close(d);
    return 0;
}
