/* Files, duplicated descriptors, pipes and sockets for -P, -y/-yy and read=/write=
 * tests.  argv: PATH_A PATH_B PORT UNIX_SOCKET_PATH */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char b[64];
    struct stat st;
    if (argc < 5)
        return 2;
    int a = open(argv[1], O_RDWR | O_CREAT | O_TRUNC, 0644);
    int bb = open(argv[2], O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(a, "hello\nworld\0\1\2\3\377abcdefghijklmnopqrstuvwxyz0123456789", 50);
    int c = dup(a);
    int d = fcntl(bb, F_DUPFD, 10);
    int e = dup2(a, 20);
    int f = fcntl(bb, F_DUPFD_CLOEXEC, 30);
    lseek(c, 0, SEEK_SET);
    read(c, b, sizeof b);
    close(a);
    write(c, "x", 1);
    close(c);
    fstat(d, &st);
    close(d);
    close(e);
    close(f);
    close(bb);
    stat(argv[1], &st);
    access(argv[2], F_OK);
    unlink(argv[1]);
    unlink(argv[2]);
    write(1, "out\n", 4);
    read(0, b, 4);

    int n = open("/dev/null", O_WRONLY);
    close(n);
    int p[2];
    pipe(p);
    write(p[1], "ab", 2);
    read(p[0], b, 2);
    close(p[0]);
    close(p[1]);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[0]);
    close(sv[1]);
    int port = atoi(argv[3]);
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(port)};
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    bind(l, (void *)&in, sizeof in);
    listen(l, 1);
    int cl = socket(AF_INET, SOCK_STREAM, 0);
    connect(cl, (void *)&in, sizeof in);
    int s = accept(l, 0, 0);
    close(cl);
    close(s);
    close(l);
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    in.sin_port = htons(port + 1);
    bind(u, (void *)&in, sizeof in);
    int u2 = socket(AF_INET, SOCK_DGRAM, 0);
    connect(u2, (void *)&in, sizeof in);
    close(u);
    close(u2);
    int us = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    strncpy(sa.sun_path, argv[4], sizeof sa.sun_path - 1);
    unlink(argv[4]);
    bind(us, (void *)&sa, sizeof sa);
    listen(us, 1);
    int uc = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(uc, (void *)&sa, sizeof sa);
    int ua = accept(us, 0, 0);
    close(uc);
    close(ua);
    close(us);
    unlink(argv[4]);
    int pf = syscall(SYS_pidfd_open, getpid(), 0);
    close(pf);
    return 0;
}
