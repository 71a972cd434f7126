/* Message syscalls for the differential tests: sendto, recvfrom, sendmsg, recvmsg (iovecs,
 * names, SCM_RIGHTS and SCM_CREDENTIALS control messages, flags), sendmmsg, recvmmsg,
 * over unix socketpairs and 127.0.0.1 UDP on fixed ports, succeeding and failing (EBADF,
 * ENOTSOCK, EFAULT, EAGAIN).  argv[1]: directory, argv[2]: base port, argv[3]: unused tag. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

static char big[200];

int main(int argc, char **argv)
{
    void *bad = (void *)1;
    int one = 1;
    int sv[2];
    char buf[100];

    if (argc < 3 || chdir(argv[1]) != 0)
        return 1;
    int port = atoi(argv[2]);
    for (int i = 0; i < (int)sizeof big; i++)
        big[i] = 'a' + i % 26;

    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
    /* sendto / recvfrom */
    struct sockaddr_un from;
    memset(&from, 0, sizeof from);
    socklen_t fl = sizeof from;
    syscall(SYS_sendto, sv[0], "hello", 5, 0, NULL, 0);
    syscall(SYS_recvfrom, sv[1], buf, sizeof buf, 0, NULL, NULL);
    syscall(SYS_sendto, sv[0], big, sizeof big, MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
    syscall(SYS_recvfrom, sv[1], buf, sizeof buf, MSG_PEEK, &from, &fl);
    syscall(SYS_recvfrom, sv[1], buf, 4, MSG_TRUNC, &from, &fl);
    syscall(SYS_recvfrom, sv[1], buf, sizeof buf, MSG_DONTWAIT, &from, &fl);
    syscall(SYS_recvfrom, sv[1], bad, sizeof buf, MSG_DONTWAIT, &from, &fl);
    syscall(SYS_sendto, sv[0], "\0\1\2\377binary\n", 11, 0, NULL, 0);
    syscall(SYS_recvfrom, sv[1], buf, sizeof buf, 0, NULL, NULL);
    syscall(SYS_sendto, -1, "x", 1, 0, &from, sizeof from);
    syscall(SYS_sendto, 0, "x", 1, 0, NULL, 0);
    syscall(SYS_sendto, sv[0], bad, 1, 0, NULL, 0);
    syscall(SYS_sendto, sv[0], "x", 1, 0x10000000, NULL, 0);
    syscall(SYS_recvfrom, sv[1], buf, sizeof buf, 0, NULL, NULL);
    syscall(SYS_recvfrom, -1, buf, sizeof buf, 0, NULL, NULL);

    /* UDP on 127.0.0.1: names on both sides */
    struct sockaddr_in a, b, got;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    b = a;
    a.sin_port = htons(port);
    b.sin_port = htons(port + 1);
    int ua = socket(AF_INET, SOCK_DGRAM, 0);
    int ub = socket(AF_INET, SOCK_DGRAM, 0);
    bind(ua, (struct sockaddr *)&a, sizeof a);
    bind(ub, (struct sockaddr *)&b, sizeof b);
    syscall(SYS_sendto, ua, "ping", 4, 0, &b, sizeof b);
    socklen_t gl = sizeof got + 4;
    syscall(SYS_recvfrom, ub, buf, sizeof buf, 0, &got, &gl);
    struct iovec uiov[1] = {{"pong!", 5}};
    struct msghdr um;
    memset(&um, 0, sizeof um);
    um.msg_name = &a;
    um.msg_namelen = sizeof a;
    um.msg_iov = uiov;
    um.msg_iovlen = 1;
    syscall(SYS_sendmsg, ub, &um, 0);
    char r0[16];
    struct iovec riov0[1] = {{r0, sizeof r0}};
    memset(&got, 0, sizeof got);
    um.msg_name = &got;
    um.msg_namelen = sizeof got;
    um.msg_iov = riov0;
    syscall(SYS_recvmsg, ua, &um, 0);
    close(ua);
    close(ub);

    /* sendmsg / recvmsg with control messages */
    struct iovec iov[2] = {{"abc", 3}, {"defgh", 5}};
    int fd = open("/dev/null", O_RDONLY);
    union {
        char buf[CMSG_SPACE(sizeof(int) * 2)];
        struct cmsghdr align;
    } cbuf;
    memset(&cbuf, 0, sizeof cbuf);
    struct msghdr mh;
    memset(&mh, 0, sizeof mh);
    mh.msg_iov = iov;
    mh.msg_iovlen = 2;
    mh.msg_control = cbuf.buf;
    mh.msg_controllen = sizeof cbuf.buf;
    struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int) * 2);
    int fds[2] = {fd, 0};
    memcpy(CMSG_DATA(cm), fds, sizeof fds);
    syscall(SYS_sendmsg, sv[0], &mh, 0);
    char r1[2], r2[20];
    struct iovec riov[2] = {{r1, sizeof r1}, {r2, sizeof r2}};
    union {
        char buf[256];
        struct cmsghdr align;
    } rc;
    memset(&rc, 0, sizeof rc);
    struct msghdr rm;
    memset(&rm, 0, sizeof rm);
    rm.msg_name = &from;
    rm.msg_namelen = sizeof from;
    rm.msg_iov = riov;
    rm.msg_iovlen = 2;
    rm.msg_control = rc.buf;
    rm.msg_controllen = sizeof rc.buf;
    syscall(SYS_recvmsg, sv[1], &rm, MSG_CMSG_CLOEXEC);
    for (int i = 5; i < 12; i++)
        close(i);
    rm.msg_controllen = sizeof rc.buf;
    syscall(SYS_sendmsg, sv[0], &mh, MSG_DONTWAIT);
    syscall(SYS_recvmsg, sv[1], &rm, MSG_DONTWAIT);
    for (int i = 5; i < 12; i++)
        close(i);
    rm.msg_controllen = sizeof rc.buf;
    syscall(SYS_recvmsg, sv[1], &rm, MSG_DONTWAIT);
    syscall(SYS_recvmsg, sv[1], bad, MSG_DONTWAIT);
    syscall(SYS_recvmsg, -1, &rm, 0);
    syscall(SYS_sendmsg, sv[0], bad, 0);
    syscall(SYS_sendmsg, sv[0], NULL, 0);
    struct msghdr em;
    memset(&em, 0, sizeof em);
    syscall(SYS_sendmsg, sv[0], &em, 0);
    syscall(SYS_recvmsg, sv[1], &rm, MSG_DONTWAIT);
    syscall(SYS_sendmsg, -1, &mh, 0);
    syscall(SYS_sendmsg, 0, &mh, 0);
    em.msg_iov = bad;
    em.msg_iovlen = 1;
    syscall(SYS_sendmsg, sv[0], &em, 0);
    /* many iovecs: -s cuts the array */
    struct iovec many[12];
    for (int i = 0; i < 12; i++) {
        many[i].iov_base = big + i;
        many[i].iov_len = 3;
    }
    em.msg_iov = many;
    em.msg_iovlen = 12;
    syscall(SYS_sendmsg, sv[0], &em, 0);
    syscall(SYS_recvfrom, sv[1], buf, sizeof buf, 0, NULL, NULL);

    /* sendmmsg / recvmmsg */
    struct mmsghdr mm[2];
    memset(mm, 0, sizeof mm);
    mm[0].msg_hdr.msg_iov = iov;
    mm[0].msg_hdr.msg_iovlen = 1;
    mm[1].msg_hdr.msg_iov = iov + 1;
    mm[1].msg_hdr.msg_iovlen = 1;
    syscall(SYS_sendmmsg, sv[0], mm, 2, 0);
    struct mmsghdr rmm[2];
    memset(rmm, 0, sizeof rmm);
    rmm[0].msg_hdr.msg_iov = riov;
    rmm[0].msg_hdr.msg_iovlen = 2;
    rmm[1].msg_hdr.msg_iov = riov;
    rmm[1].msg_hdr.msg_iovlen = 1;
    syscall(SYS_recvmmsg, sv[1], rmm, 2, MSG_DONTWAIT, NULL);
    syscall(SYS_sendmmsg, sv[0], mm + 1, 1, 0);
    syscall(SYS_recvmmsg, sv[1], rmm, 2, MSG_DONTWAIT, NULL);
    syscall(SYS_recvmmsg, sv[1], rmm, 2, MSG_DONTWAIT, NULL);
    syscall(SYS_sendmmsg, -1, mm, 2, 0);
    syscall(SYS_sendmmsg, sv[0], bad, 2, 0);
    syscall(SYS_recvmmsg, -1, rmm, 2, 0, bad);
    syscall(SYS_recvmmsg, sv[1], bad, 2, MSG_DONTWAIT, NULL);
    return 0;
}
