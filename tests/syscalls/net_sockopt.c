/* setsockopt/getsockopt for the differential tests: SOL_SOCKET int options, SO_LINGER,
 * SO_PEERCRED, timeouts (printed as bytes), TCP/IP/IPv6 options, unknown levels and names,
 * short and odd lengths, failures (EBADF, ENOTSOCK, EFAULT, EINVAL, ENOPROTOOPT).
 * argv[1]: directory, argv[2], argv[3]: unused (same interface as the other net_ tests). */
#define _GNU_SOURCE
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    void *bad = (void *)1;
    int v = 1;
    int vv[4] = {16, 17, 18, 19};
    socklen_t l;
    char name[32];

    if (argc < 2 || chdir(argv[1]) != 0)
        return 1;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int s6 = socket(AF_INET6, SOCK_STREAM, 0);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, 8);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, 2);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, 0);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, bad, 4);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, NULL, 4);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, -1);
    struct linger lg = {1, 5};
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_LINGER, &lg, 4);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_LINGER, &lg, 12);
    struct timeval tv = {3, 5000};
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    syscall(SYS_setsockopt, s, IPPROTO_TCP, TCP_NODELAY, &v, sizeof v);
    syscall(SYS_setsockopt, s, IPPROTO_TCP, TCP_NODELAY, vv, 8);
    syscall(SYS_setsockopt, s, IPPROTO_TCP, TCP_CONGESTION, "reno", 4);
    syscall(SYS_setsockopt, s, IPPROTO_TCP, TCP_CONGESTION, "cubic", 5);
    v = 0x10;
    syscall(SYS_setsockopt, s, IPPROTO_IP, IP_TOS, &v, sizeof v);
    syscall(SYS_setsockopt, s, IPPROTO_IP, IP_TOS, &v, 1);
    syscall(SYS_setsockopt, s, IPPROTO_IP, IP_TTL, &v, sizeof v);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_RCVBUF, &v, sizeof v);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof v);
    syscall(SYS_setsockopt, s, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3);
    syscall(SYS_setsockopt, s, SOL_SOCKET, 9999, &v, sizeof v);
    syscall(SYS_setsockopt, s, SOL_SOCKET, 9999, vv, 3);
    syscall(SYS_setsockopt, s, SOL_SOCKET, 9999, vv, 5);
    syscall(SYS_setsockopt, s, 9999, 1, &v, sizeof v);
    syscall(SYS_setsockopt, s, 9999, 9999, vv, 8);
    syscall(SYS_setsockopt, s, IPPROTO_TCP, 9999, &v, sizeof v);
    syscall(SYS_setsockopt, s, IPPROTO_IPV6, IPV6_V6ONLY, &v, sizeof v);
    syscall(SYS_setsockopt, s6, IPPROTO_IPV6, IPV6_V6ONLY, &v, sizeof v);
    syscall(SYS_setsockopt, s6, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, sizeof v);
    syscall(SYS_setsockopt, -1, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v);
    syscall(SYS_setsockopt, 0, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v);
    for (int o = 1; o < 80; o++)
        syscall(SYS_setsockopt, -1, SOL_SOCKET, o, vv, 8);

    l = sizeof v;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, &l);
    l = 8;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, vv, &l);
    l = 4;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_ERROR, &v, &l);
    l = 4;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_DOMAIN, &v, &l);
    l = 4;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_PROTOCOL, &v, &l);
    l = 4;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_ACCEPTCONN, &v, &l);
    l = 2;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_RCVBUF, &v, &l);
    l = 8;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_LINGER, &lg, &l);
    l = 16;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_RCVTIMEO, &tv, &l);
    l = 4;
    syscall(SYS_getsockopt, s, IPPROTO_TCP, TCP_NODELAY, &v, &l);
    l = 4;
    syscall(SYS_getsockopt, s, IPPROTO_IP, IP_TOS, &v, &l);
    l = 1;
    syscall(SYS_getsockopt, s, IPPROTO_IP, IP_TOS, &v, &l);
    l = 4;
    syscall(SYS_getsockopt, s, IPPROTO_TCP, TCP_MAXSEG, &v, &l);
    memset(name, 0, sizeof name);
    l = 16;
    syscall(SYS_getsockopt, s, IPPROTO_TCP, TCP_CONGESTION, name, &l);
    l = 4;
    syscall(SYS_getsockopt, s6, IPPROTO_IPV6, IPV6_V6ONLY, &v, &l);
    l = 4;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_REUSEADDR, bad, &l);
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, bad);
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, NULL);
    l = 4;
    syscall(SYS_getsockopt, -1, SOL_SOCKET, SO_REUSEADDR, &v, &l);
    syscall(SYS_getsockopt, 0, SOL_SOCKET, SO_REUSEADDR, &v, &l);
    syscall(SYS_getsockopt, s, SOL_SOCKET, 9999, &v, &l);
    syscall(SYS_getsockopt, s, 9999, 9999, &v, &l);
    struct ucred uc;
    l = sizeof uc;
    syscall(SYS_getsockopt, s, SOL_SOCKET, SO_PEERCRED, &uc, &l);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    l = sizeof uc + 4;
    syscall(SYS_getsockopt, sv[0], SOL_SOCKET, SO_PEERCRED, &uc, &l);
    l = 4;
    syscall(SYS_getsockopt, sv[0], SOL_SOCKET, SO_PEERCRED, &uc, &l);
    /* lengths that cut a field (its bytes in hex) or return nothing (the address) */
    static const int cuts[] = { 0, 3, 7, 11 };
    for (unsigned i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        l = cuts[i];
        syscall(SYS_getsockopt, sv[0], SOL_SOCKET, SO_PEERCRED, &uc, &l);
    }
    return 0;
}
