/* A NETLINK_ROUTE socket: requests sent by sendto and sendmsg (one message, several,
 * a short buffer, a bad pointer), the kernel's acknowledgements and errors received by
 * recvfrom and recvmsg (whole, and cut short by a small buffer).
 * argv[1]: the port id to bind (the same for every tracer's run, so printed pids match). */
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

struct req {
	struct nlmsghdr h;
	unsigned char family;
	unsigned char pad[3];
};

static void noop(struct nlmsghdr *h, uint32_t seq)
{
	memset(h, 0, sizeof *h);
	h->nlmsg_len = sizeof *h;
	h->nlmsg_type = NLMSG_NOOP;
	h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	h->nlmsg_seq = seq;
}

int main(int argc, char **argv)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct sockaddr_nl me = { .nl_family = AF_NETLINK };
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	unsigned char buf[8192];
	struct nlmsghdr two[2];
	struct req bad;
	struct iovec iov[2];
	struct msghdr msg;
	char *page;

	if (fd < 0 || argc < 2)
		return 1;
	me.nl_pid = (uint32_t)strtoul(argv[1], NULL, 0);
	if (bind(fd, (struct sockaddr *)&me, sizeof me) < 0)
		return 1;

	/* one message, acknowledged */
	noop(&two[0], 1);
	sendto(fd, &two[0], sizeof two[0], 0, (struct sockaddr *)&kernel, sizeof kernel);
	recvfrom(fd, buf, sizeof buf, 0, NULL, NULL);

	/* two messages in one buffer, two acknowledgements */
	noop(&two[0], 2);
	noop(&two[1], 3);
	sendto(fd, two, sizeof two, 0, NULL, 0);
	recvfrom(fd, buf, sizeof buf, 0, NULL, NULL);
	recvfrom(fd, buf, sizeof buf, 0, NULL, NULL);

	/* an unknown message type: an error answer that quotes the request */
	memset(&bad, 0, sizeof bad);
	bad.h.nlmsg_len = sizeof bad.h + 1;
	bad.h.nlmsg_type = 0xffff;
	bad.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	bad.h.nlmsg_seq = 4;
	bad.family = AF_INET;
	sendto(fd, &bad, bad.h.nlmsg_len, 0, NULL, 0);
	recvfrom(fd, buf, sizeof buf, 0, NULL, NULL);

	/* sendmsg/recvmsg with a netlink address: the iovecs are messages */
	noop(&two[0], 5);
	noop(&two[1], 6);
	iov[0].iov_base = &two[0];
	iov[0].iov_len = sizeof two[0];
	iov[1].iov_base = &two[1];
	iov[1].iov_len = sizeof two[1];
	memset(&msg, 0, sizeof msg);
	msg.msg_name = &kernel;
	msg.msg_namelen = sizeof kernel;
	msg.msg_iov = iov;
	msg.msg_iovlen = 2;
	sendmsg(fd, &msg, 0);
	iov[0].iov_base = buf;
	iov[0].iov_len = sizeof buf;
	msg.msg_iovlen = 1;
	recvmsg(fd, &msg, 0);
	/* a buffer too small for the answer: the message is cut */
	iov[0].iov_len = 20;
	recvmsg(fd, &msg, 0);

	/* a buffer shorter than a header, a bad pointer, a header past the mapping */
	sendto(fd, "abcd", 4, 0, NULL, 0);
	sendto(fd, (void *)8, sizeof two[0], 0, NULL, 0);
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	munmap(page + 4096, 4096);
	noop((struct nlmsghdr *)(page + 4096 - 16), 7);
	sendto(fd, page + 4096 - 16, 32, 0, NULL, 0);
	memcpy(page + 4096 - 8, page + 4096 - 16, 8);
	sendto(fd, page + 4096 - 8, 16, MSG_DONTWAIT, NULL, 0);
	/* an error message with the header it answers, sent to ourselves */
	{
		struct { struct nlmsghdr h; struct nlmsgerr e; } err;
		memset(&err, 0, sizeof err);
		err.h.nlmsg_len = sizeof err;
		err.h.nlmsg_type = NLMSG_ERROR;
		err.e.error = -EACCES;
		noop(&err.e.msg, 9);
		sendto(fd, &err, sizeof err, 0, (struct sockaddr *)&me, sizeof me);
		recvfrom(fd, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL);
	}
	close(fd);

	/* other protocols name their message types (and the kernel may refuse them) */
	{
		static const int protos[] = { NETLINK_AUDIT, NETLINK_SELINUX, NETLINK_XFRM,
					      NETLINK_SOCK_DIAG };
		static const uint16_t types[] = { 1000, 0x10, 0x12, 20 };
		struct { struct nlmsghdr h; int32_t v; } m;
		for (unsigned i = 0; i < sizeof protos / sizeof protos[0]; i++) {
			fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protos[i]);
			if (fd < 0)
				continue;
			me.nl_pid = 0;   /* the kernel picks: sock_diag lists bound sockets only */
			bind(fd, (struct sockaddr *)&me, sizeof me);
			memset(&m, 0, sizeof m);
			m.h.nlmsg_len = sizeof m;
			m.h.nlmsg_type = types[i];
			m.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
			m.v = -2;
			sendto(fd, &m, sizeof m, MSG_DONTWAIT, NULL, 0);
			close(fd);
		}
	}
	return 0;
}
