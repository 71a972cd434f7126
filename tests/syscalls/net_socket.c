/* Socket syscalls for the differential tests: socket, socketpair, bind, listen, connect,
 * accept, accept4, getsockname, getpeername, shutdown over unix sockets, 127.0.0.1 and ::1
 * only, each succeeding and failing (EBADF, ENOTSOCK, EFAULT, EINVAL, ECONNREFUSED,
 * EAFNOSUPPORT), plus sockaddr edge cases (short, NULL, unreadable, unknown families).
 * argv[1]: a directory to run in; argv[2]: a base TCP port (base..base+3 are used, the
 * same for every run, so the printed ports are deterministic); argv[3]: a tag making the
 * abstract unix names unique to this test. Connections are closed with SO_LINGER {1, 0}
 * (reset, no TIME_WAIT), so the next run can bind the same ports again. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static void no_time_wait(int fd)
{
    struct linger lg = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
}

static void sin_at(struct sockaddr_in *a, int port)
{
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_port = htons(port);
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

static void sin6_at(struct sockaddr_in6 *a, int port)
{
    memset(a, 0, sizeof *a);
    a->sin6_family = AF_INET6;
    a->sin6_port = htons(port);
    a->sin6_addr = in6addr_loopback;
}

int main(int argc, char **argv)
{
    void *bad = (void *)1;
    int one = 1;
    socklen_t len;
    int sv[2];

    if (argc < 4 || chdir(argv[1]) != 0)
        return 1;
    int port = atoi(argv[2]);
    const char *tag = argv[3];
    unlink("net.sock");

    /* socket: families and protocols, flags, failures */
    syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    syscall(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    syscall(SYS_socket, AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_IP);
    syscall(SYS_socket, AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    syscall(SYS_socket, AF_INET6, SOCK_STREAM, IPPROTO_TCP);
    syscall(SYS_socket, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    syscall(SYS_socket, AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_KOBJECT_UEVENT);
    syscall(SYS_socket, AF_NETLINK, SOCK_RAW, 99);
    syscall(SYS_socket, AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
    syscall(SYS_socket, 12345, SOCK_STREAM, 0);
    syscall(SYS_socket, AF_INET, 77 | SOCK_CLOEXEC, 0);
    syscall(SYS_socket, AF_INET, 77, 0);
    syscall(SYS_socket, AF_INET, SOCK_STREAM, 999);
    syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 5);
    syscall(SYS_socket, -1, -1, -1);
    for (int fd = 3; fd < 20; fd++)
        close(fd);

    /* socketpair */
    syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[0]);
    close(sv[1]);
    syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv);
    close(sv[0]);
    close(sv[1]);
    syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, bad);
    syscall(SYS_socketpair, AF_INET, SOCK_STREAM, 0, sv);
    syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, NULL);

    /* unix stream: bind, listen, connect, accept, names */
    struct sockaddr_un un = {AF_UNIX, "net.sock"};
    struct sockaddr_un got;
    int ls = socket(AF_UNIX, SOCK_STREAM, 0);
    syscall(SYS_bind, ls, &un, sizeof un);
    syscall(SYS_bind, ls, &un, sizeof un);
    syscall(SYS_listen, ls, 5);
    syscall(SYS_listen, -1, 5);
    syscall(SYS_listen, 0, 5);
    int cs = socket(AF_UNIX, SOCK_STREAM, 0);
    syscall(SYS_connect, cs, &un, offsetof(struct sockaddr_un, sun_path) + 9);
    len = sizeof got;
    int as = syscall(SYS_accept, ls, &got, &len);
    len = sizeof got;
    syscall(SYS_getsockname, cs, &got, &len);
    len = sizeof got;
    syscall(SYS_getpeername, cs, &got, &len);
    len = sizeof got;
    syscall(SYS_getsockname, as, &got, &len);
    len = 4;
    syscall(SYS_getsockname, as, &got, &len);
    len = sizeof got;
    syscall(SYS_getsockname, -1, &got, &len);
    syscall(SYS_getsockname, 0, &got, &len);
    syscall(SYS_getsockname, as, bad, &len);
    syscall(SYS_getsockname, as, &got, bad);
    syscall(SYS_getsockname, as, &got, NULL);
    len = sizeof got;
    syscall(SYS_getpeername, ls, &got, &len);
    syscall(SYS_shutdown, cs, SHUT_WR);
    syscall(SYS_shutdown, cs, SHUT_RD);
    syscall(SYS_shutdown, cs, SHUT_RDWR);
    syscall(SYS_shutdown, cs, 7);
    syscall(SYS_shutdown, -1, SHUT_RDWR);
    syscall(SYS_shutdown, 0, SHUT_RDWR);
    close(as);
    close(cs);
    /* accept4 with flags, NULL address */
    cs = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(cs, (struct sockaddr *)&un, sizeof un);
    as = syscall(SYS_accept4, ls, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
    close(as);
    fcntl(ls, F_SETFL, O_NONBLOCK);  /* nothing pending: EAGAIN */
    syscall(SYS_accept4, ls, &got, &len, SOCK_NONBLOCK);
    syscall(SYS_accept4, ls, &got, &len, 0x1234);
    syscall(SYS_accept, -1, &got, &len);
    syscall(SYS_accept, 0, NULL, NULL);
    syscall(SYS_accept, cs, &got, &len);
    close(cs);
    close(ls);
    unlink("net.sock");

    /* abstract unix names, an autobind */
    char abs_name[64];
    int n = snprintf(abs_name, sizeof abs_name, "pstrace-net-%s", tag);
    memset(&un, 0, sizeof un);
    un.sun_family = AF_UNIX;
    memcpy(un.sun_path + 1, abs_name, n);
    ls = socket(AF_UNIX, SOCK_DGRAM, 0);
    syscall(SYS_bind, ls, &un, offsetof(struct sockaddr_un, sun_path) + 1 + n);
    len = sizeof got;
    syscall(SYS_getsockname, ls, &got, &len);
    close(ls);
    ls = socket(AF_UNIX, SOCK_DGRAM, 0);
    len = sizeof got;
    syscall(SYS_getsockname, ls, &got, &len);
    close(ls);

    /* inet: a listener and a client on fixed ports */
    struct sockaddr_in sin, sin_got;
    ls = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sin_at(&sin, port);
    syscall(SYS_bind, ls, &sin, sizeof sin);
    syscall(SYS_listen, ls, 1);
    cs = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(cs, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sin_at(&sin, port + 1);
    syscall(SYS_bind, cs, &sin, sizeof sin);
    sin_at(&sin, port);
    syscall(SYS_connect, cs, &sin, sizeof sin);
    len = sizeof sin_got + 4;
    as = syscall(SYS_accept4, ls, &sin_got, &len, SOCK_CLOEXEC);
    len = sizeof sin_got;
    syscall(SYS_getsockname, as, &sin_got, &len);
    len = sizeof sin_got;
    syscall(SYS_getpeername, as, &sin_got, &len);
    len = 8;
    syscall(SYS_getpeername, as, &sin_got, &len);
    no_time_wait(as);
    no_time_wait(cs);
    close(as);
    close(cs);
    close(ls);
    /* refused, wrong family, bad addresses */
    cs = socket(AF_INET, SOCK_STREAM, 0);
    sin_at(&sin, port + 2);
    syscall(SYS_connect, cs, &sin, sizeof sin);
    close(cs);
    cs = socket(AF_INET, SOCK_STREAM, 0);
    un.sun_family = AF_UNIX;
    syscall(SYS_bind, cs, &un, sizeof un);
    syscall(SYS_connect, cs, &sin, 8);
    syscall(SYS_connect, cs, bad, sizeof sin);
    syscall(SYS_connect, cs, NULL, sizeof sin);
    syscall(SYS_connect, cs, &sin, 1);
    syscall(SYS_connect, cs, &sin, -1);
    syscall(SYS_connect, -1, &sin, sizeof sin);
    syscall(SYS_connect, 0, &sin, sizeof sin);
    syscall(SYS_bind, cs, &sin, 20);
    close(cs);

    /* inet6 on ::1 */
    struct sockaddr_in6 s6, s6_got;
    ls = socket(AF_INET6, SOCK_STREAM, 0);
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sin6_at(&s6, port + 3);
    syscall(SYS_bind, ls, &s6, sizeof s6);
    syscall(SYS_listen, ls, 1);
    len = sizeof s6_got;
    syscall(SYS_getsockname, ls, &s6_got, &len);
    cs = socket(AF_INET6, SOCK_STREAM, 0);
    syscall(SYS_connect, cs, &s6, sizeof s6);
    len = sizeof s6_got;
    syscall(SYS_getpeername, cs, &s6_got, &len);
    as = accept(ls, NULL, NULL);
    no_time_wait(as);
    no_time_wait(cs);
    close(as);
    close(cs);
    close(ls);
    cs = socket(AF_INET6, SOCK_DGRAM, 0);
    s6.sin6_flowinfo = htonl(5);
    syscall(SYS_connect, cs, &s6, 24);
    syscall(SYS_connect, cs, &s6, 20);
    inet_pton(AF_INET6, "::ffff:127.0.0.1", &s6.sin6_addr);
    s6.sin6_scope_id = 7;
    syscall(SYS_connect, cs, &s6, sizeof s6);
    close(cs);

    /* netlink */
    ls = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    struct sockaddr_nl nl = {AF_NETLINK, 0, 0, 0};
    nl.nl_pid = 0x7fff0000 + (port & 0xffff);
    syscall(SYS_bind, ls, &nl, sizeof nl);
    len = sizeof nl;
    syscall(SYS_getsockname, ls, &nl, &len);
    nl.nl_pid = 0;
    nl.nl_groups = 0x11;
    syscall(SYS_connect, -1, &nl, sizeof nl);
    syscall(SYS_connect, -1, &nl, 8);
    close(ls);

    /* AF_PACKET and unknown families, only as addresses of a failing call */
    struct sockaddr_ll ll = {AF_PACKET, htons(ETH_P_IP), 0, 1, PACKET_BROADCAST, 6,
                             {1, 2, 3, 4, 5, 6}};
    syscall(SYS_connect, -1, &ll, sizeof ll);
    ll.sll_halen = 10;
    ll.sll_protocol = htons(0x1234);
    ll.sll_pkttype = 77;
    ll.sll_hatype = 0xfffe;
    syscall(SYS_connect, -1, &ll, sizeof ll);
    ll.sll_halen = 0;
    syscall(SYS_connect, -1, &ll, sizeof ll);
    syscall(SYS_connect, -1, &ll, 12);
    struct sockaddr_storage ss;
    memset(&ss, 'A', sizeof ss);
    ss.ss_family = 12345;
    syscall(SYS_connect, -1, &ss, 16);
    syscall(SYS_connect, -1, &ss, sizeof ss + 10);
    syscall(SYS_connect, -1, &ss, 2);
    ss.ss_family = AF_UNSPEC;
    memcpy((char *)&ss + 2, "\0\1\2\377\"\\\n", 7);
    syscall(SYS_connect, -1, &ss, 9);
    ss.ss_family = AF_APPLETALK;
    syscall(SYS_connect, -1, &ss, 16);
    ss.ss_family = AF_UNIX;
    syscall(SYS_connect, -1, &ss, 2);
    syscall(SYS_connect, -1, &ss, 3);
    syscall(SYS_connect, -1, &ss, sizeof ss);
    ((char *)&ss)[2] = 0;
    syscall(SYS_connect, -1, &ss, 3);
    syscall(SYS_connect, -1, &ss, 12);
    syscall(SYS_connect, -1, &ss, sizeof ss);
    return 0;
}
