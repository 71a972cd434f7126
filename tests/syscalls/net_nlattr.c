/* Netlink attributes (decoders/nlattr.py) as the extended ACK of NLMSG_ERROR messages:
 * sent to ourselves on a NETLINK_ROUTE socket (a string, a u32, a cookie, unknown and
 * flagged types, attributes cut short, one past the mapping, many attributes), and
 * received back.
 * argv[1]: the port id to bind (the same for every tracer's run, so printed pids match). */
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

struct errmsg {
	struct nlmsghdr h;
	struct nlmsgerr e;
	unsigned char attrs[512];
};

static int fd;
static struct sockaddr_nl me = { .nl_family = AF_NETLINK };

static unsigned char *put(unsigned char *p, uint16_t len, uint16_t type, const void *data,
			  size_t size)
{
	struct nlattr a = { .nla_len = len, .nla_type = type };
	memcpy(p, &a, sizeof a);
	memcpy(p + NLA_HDRLEN, data, size);
	return p + NLA_ALIGN(NLA_HDRLEN + size);
}

/* send the error message whose attributes end at `end` (its length: up to `end` + extra) */
static void send_err(struct errmsg *m, unsigned char *end, int extra)
{
	m->h.nlmsg_len = (uint32_t)(end - (unsigned char *)m) + extra;
	m->h.nlmsg_type = NLMSG_ERROR;
	m->h.nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS;
	m->e.error = -EINVAL;
	m->e.msg.nlmsg_len = sizeof m->e.msg;
	m->e.msg.nlmsg_type = RTM_GETLINK;
	m->e.msg.nlmsg_flags = NLM_F_REQUEST;
	sendto(fd, m, m->h.nlmsg_len, MSG_DONTWAIT, (struct sockaddr *)&me, sizeof me);
}

int main(int argc, char **argv)
{
	static struct errmsg m;
	unsigned char buf[8192], *p;
	uint32_t u32 = 42;
	unsigned char cookie[10] = { 1, 2, 3, 250, 5, 6, 7, 8, 9, 10 };
	char *page;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0 || argc < 2)
		return 1;
	me.nl_pid = (uint32_t)strtoul(argv[1], NULL, 0);
	if (bind(fd, (struct sockaddr *)&me, sizeof me) < 0)
		return 1;

	/* a string, an offset and a cookie */
	p = put(m.attrs, NLA_HDRLEN + 6, NLMSGERR_ATTR_MSG, "hello", 6);
	p = put(p, NLA_HDRLEN + 4, NLMSGERR_ATTR_OFFS, &u32, 4);
	p = put(p, NLA_HDRLEN + 10, NLMSGERR_ATTR_COOKIE, cookie, 10);
	send_err(&m, p, 0);
	/* one attribute alone; a string without its NUL; a string with a NUL inside */
	p = put(m.attrs, NLA_HDRLEN + 6, NLMSGERR_ATTR_MSG, "hello", 6);
	send_err(&m, p, 0);
	p = put(m.attrs, NLA_HDRLEN + 5, NLMSGERR_ATTR_MSG, "hello", 5);
	send_err(&m, p, 0);
	p = put(m.attrs, NLA_HDRLEN + 6, NLMSGERR_ATTR_MSG, "he\0lo", 6);
	send_err(&m, p, 0);
	/* an offset too short; an unknown type; the flag bits */
	p = put(m.attrs, NLA_HDRLEN + 2, NLMSGERR_ATTR_OFFS, &u32, 2);
	p = put(p, NLA_HDRLEN + 4, 0x1ff, &u32, 4);
	p = put(p, NLA_HDRLEN, NLA_F_NESTED | NLMSGERR_ATTR_MSG, "", 0);
	p = put(p, NLA_HDRLEN, NLA_F_NET_BYTEORDER | 0x77, "", 0);
	p = put(p, NLA_HDRLEN + 4, NLA_F_NESTED | NLA_F_NET_BYTEORDER | NLMSGERR_ATTR_OFFS,
		&u32, 4);
	send_err(&m, p, 0);
	/* a header only, an nla_len past the message, an nla_len below the header */
	p = put(m.attrs, NLA_HDRLEN, NLMSGERR_ATTR_MSG, "", 0);
	send_err(&m, p, 0);
	put(m.attrs, NLA_HDRLEN + 40, NLMSGERR_ATTR_MSG, "abc", 4);
	send_err(&m, m.attrs + 8, 0);
	p = put(m.attrs, 2, NLMSGERR_ATTR_OFFS, "", 0);
	p = put(p, NLA_HDRLEN + 4, NLMSGERR_ATTR_OFFS, &u32, 4);
	send_err(&m, p, 0);
	/* bytes left after the last attribute: fewer than a header */
	p = put(m.attrs, NLA_HDRLEN + 4, NLMSGERR_ATTR_OFFS, &u32, 4);
	memcpy(p, "xyz", 3);
	send_err(&m, p, 3);
	/* 40 attributes: "..." past -s 32 */
	p = m.attrs;
	for (int i = 0; i < 40; i++)
		p = put(p, NLA_HDRLEN + 4, NLMSGERR_ATTR_OFFS, &i, 4);
	send_err(&m, p, 0);
	while (recvfrom(fd, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL) >= 0)
		;

	/* attributes running into an unmapped page */
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	munmap(page + 4096, 4096);
	{
		struct errmsg *e = (struct errmsg *)(page + 4096 - sizeof(struct nlmsghdr)
						     - sizeof(struct nlmsgerr) - 8);
		p = put(e->attrs, NLA_HDRLEN + 4, NLMSGERR_ATTR_OFFS, &u32, 4);
		send_err(e, p, 8);
		/* the first attribute header itself unreadable */
		e = (struct errmsg *)(page + 4096 - sizeof(struct nlmsghdr)
				      - sizeof(struct nlmsgerr));
		memset(e, 0, sizeof e->h + sizeof e->e);
		send_err(e, e->attrs, 8);
	}

	close(fd);
	return 0;
}
