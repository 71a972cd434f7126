/* Control messages and message vectors as strace 6.1 prints them: sendmsg on fd -1
 * (decoded, then EBADF) with SOL_SOCKET (rights, credentials, security, timestamps)
 * and SOL_IP (pktinfo, ttl, tos, options, recverr, origdstaddr, checksum) messages,
 * cut and short headers, a control buffer below one header; sendmmsg/recvmmsg on a
 * socketpair (run with -e read=/write= on fds 3 and 4: " = N buffers in vector K"),
 * recvmmsg with a name length that shrinks, an unreadable tail of a vector, and the
 * "(Timeout)" of a recvmmsg that got nothing. */
#define _GNU_SOURCE
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <linux/errqueue.h>
#include <unistd.h>

#ifndef SCM_SECURITY
# define SCM_SECURITY 3   /* include/linux/socket.h */
#endif

static void send_cmsg(int level, int type, const void *data, size_t len, size_t ctl_len)
{
	static unsigned char buf[256] __attribute__((aligned(8)));
	struct msghdr m = { .msg_control = buf, .msg_controllen = ctl_len };
	struct cmsghdr *c = (void *)buf;

	memset(buf, 0, sizeof buf);
	c->cmsg_len = CMSG_LEN(len);
	c->cmsg_level = level;
	c->cmsg_type = type;
	memcpy(CMSG_DATA(c), data, len);
	sendmsg(-1, &m, 0);
}

int main(void)
{
	int fds[3] = { 0, 1, 2 };
	struct ucred cr = { 1, 2, 3 };
	struct timeval tv = { 1234567890, 123456 };
	struct timespec ts[3] = { { 1, 2 }, { 3, 4 }, { 5, 6 } };
	struct in_pktinfo pi = { .ipi_ifindex = 1 };
	unsigned int ttl = 64, sum = 0xdeadbeef;
	unsigned char tos[5] = { 1, 0, 0x10, 0xff, 7 };
	struct { struct sock_extended_err ee; struct sockaddr_in sin; } re = {
		{ .ee_errno = 111, .ee_origin = 2, .ee_type = 3, .ee_code = 3 },
		{ .sin_family = AF_INET, .sin_port = htons(53) } };
	struct sockaddr_in od = { .sin_family = AF_INET, .sin_port = htons(7) };
	char label[] = "unconfined";

	pi.ipi_spec_dst.s_addr = htonl(INADDR_LOOPBACK);
	pi.ipi_addr.s_addr = htonl(0x7f000002);
	od.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

	send_cmsg(SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds, CMSG_SPACE(sizeof fds));
	send_cmsg(SOL_SOCKET, SCM_CREDENTIALS, &cr, sizeof cr, CMSG_SPACE(sizeof cr));
	send_cmsg(SOL_SOCKET, SCM_CREDENTIALS, &cr, sizeof cr - 1, CMSG_SPACE(sizeof cr));
	send_cmsg(SOL_SOCKET, SCM_SECURITY, label, sizeof label - 1, CMSG_SPACE(sizeof label));
	send_cmsg(SOL_SOCKET, SO_TIMESTAMP_OLD, &tv, sizeof tv, CMSG_SPACE(sizeof tv));
	send_cmsg(SOL_SOCKET, SO_TIMESTAMP_OLD, &tv, sizeof tv - 1, CMSG_SPACE(sizeof tv));
	send_cmsg(SOL_SOCKET, SO_TIMESTAMPNS_NEW, ts, sizeof ts[0], CMSG_SPACE(sizeof ts[0]));
	send_cmsg(SOL_SOCKET, SO_TIMESTAMPING_OLD, ts, sizeof ts, CMSG_SPACE(sizeof ts));
	send_cmsg(SOL_SOCKET, SO_TIMESTAMPING_NEW, ts, sizeof ts - 8, CMSG_SPACE(sizeof ts));
	send_cmsg(SOL_SOCKET, 0x777, &ttl, sizeof ttl, CMSG_SPACE(sizeof ttl));
	send_cmsg(SOL_IP, IP_PKTINFO, &pi, sizeof pi, CMSG_SPACE(sizeof pi));
	send_cmsg(SOL_IP, IP_TTL, &ttl, sizeof ttl, CMSG_SPACE(sizeof ttl));
	send_cmsg(SOL_IP, IP_TOS, tos, 1, CMSG_SPACE(1));
	send_cmsg(SOL_IP, IP_RECVOPTS, tos, sizeof tos, CMSG_SPACE(sizeof tos));
	send_cmsg(SOL_IP, IP_RETOPTS, tos, 0, CMSG_SPACE(0));
	send_cmsg(SOL_IP, IP_RECVERR, &re, sizeof re, CMSG_SPACE(sizeof re));
	send_cmsg(SOL_IP, IP_ORIGDSTADDR, &od, sizeof od, CMSG_SPACE(sizeof od));
	send_cmsg(SOL_IP, IP_CHECKSUM, &sum, sizeof sum, CMSG_SPACE(sizeof sum));
	send_cmsg(SOL_IP, 0x99, &sum, sizeof sum, CMSG_SPACE(sizeof sum));
	send_cmsg(SOL_TCP, 1, &sum, sizeof sum, CMSG_SPACE(sizeof sum));
	/* a cmsg_len past the buffer, a header cut short, a buffer below one header */
	send_cmsg(SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds, CMSG_SPACE(sizeof fds) - 8);
	send_cmsg(SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds, CMSG_SPACE(sizeof fds) + 12);
	send_cmsg(SOL_SOCKET, SCM_RIGHTS, fds, 0, 8);
	{
		/* two messages, then a cmsg_len below a header */
		static unsigned char two[64] __attribute__((aligned(8)));
		struct msghdr m = { .msg_control = two, .msg_controllen = sizeof two };
		struct cmsghdr *c = (void *)two;
		c->cmsg_len = CMSG_LEN(sizeof ttl);
		c->cmsg_level = SOL_IP;
		c->cmsg_type = IP_TTL;
		memcpy(CMSG_DATA(c), &ttl, sizeof ttl);
		c = (void *)(two + CMSG_SPACE(sizeof ttl));
		c->cmsg_len = 5;
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		sendmsg(-1, &m, 0);
	}

	/* message vectors on a socketpair */
	{
		int sv[2];
		char a[] = "012", b[] = "34567", d[] = "89abcde";
		char r0[8], r1[8], r2[16];
		struct iovec out0[] = { { a, 3 }, { b, 5 } }, out1[] = { { d, 7 } };
		struct iovec in0[] = { { r0, sizeof r0 } }, in1[] = { { r1, 2 }, { r2, sizeof r2 } };
		struct sockaddr_un names[2];
		struct mmsghdr mm[2] = {
			{ .msg_hdr = { .msg_iov = out0, .msg_iovlen = 2 } },
			{ .msg_hdr = { .msg_iov = out1, .msg_iovlen = 1 } } };
		struct timespec tmo = { 0, 1000 };
		size_t page = (size_t)sysconf(_SC_PAGESIZE);
		unsigned char *end = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		struct mmsghdr *last = (void *)(end + page - sizeof *last);

		munmap(end + page, page);
		socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
		sendmmsg(sv[0], mm, 2, 0);
		memset(mm, 0, sizeof mm);
		mm[0].msg_hdr = (struct msghdr){ .msg_iov = in0, .msg_iovlen = 1,
			.msg_name = &names[0], .msg_namelen = sizeof names[0] };
		mm[1].msg_hdr = (struct msghdr){ .msg_iov = in1, .msg_iovlen = 2,
			.msg_name = &names[1], .msg_namelen = 1 };
		recvmmsg(sv[1], mm, 2, MSG_DONTWAIT, NULL);
		recvmmsg(sv[1], mm, 2, MSG_DONTWAIT, &tmo);
		/* the second entry is past the mapping */
		*last = (struct mmsghdr){ .msg_hdr = { .msg_iov = out1, .msg_iovlen = 1 } };
		sendmmsg(-1, last, 2, MSG_DONTWAIT);
		sendmmsg(-1, (void *)(end + page), 1, 0);
		sendmmsg(-1, NULL, 0, 0);
	}
	return 0;
}
