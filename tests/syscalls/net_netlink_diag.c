/* A NETLINK_SOCK_DIAG socket: requests (NLM_F_REQUEST) and reply-shaped messages of
 * every family sock_diag knows (unix, inet v2 and the TCPDIAG_GETSOCK compat form,
 * netlink, packet, smc), whole, too short for their struct, and cut by an unmapped
 * page; an unknown family, an unknown type, unknown state and flag bits; and the
 * kernel's error answers quoting requests for sockets that do not exist.
 * argv[1]: the port id to bind (the same for every tracer's run, so printed pids match). */
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef AF_SMC
# define AF_SMC 43
#endif

static int fd;
static char *tail;   /* the last bytes before an unmapped page */

/* Sends a header of type/flags followed by len bytes of payload. */
static void send_msg(uint16_t type, uint16_t flags, const void *payload, size_t len)
{
	static unsigned char buf[512];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;

	memset(buf, 0, sizeof buf);
	h->nlmsg_len = NLMSG_HDRLEN + len;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	memcpy(buf + NLMSG_HDRLEN, payload, len);
	sendto(fd, buf, h->nlmsg_len, MSG_DONTWAIT, NULL, 0);
}

/* The same message, its payload cut by the unmapped page after `tail`: the header
 * and the family byte readable, the rest of the struct not. */
static void send_cut(uint16_t type, uint16_t flags, const void *payload, size_t len)
{
	struct nlmsghdr *h = (struct nlmsghdr *)(tail - NLMSG_HDRLEN - 1);

	memset(h, 0, sizeof *h);
	h->nlmsg_len = NLMSG_HDRLEN + len;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	memcpy(tail - 1, payload, 1);
	sendto(fd, h, h->nlmsg_len, MSG_DONTWAIT, NULL, 0);
}

/* A message of every length: its payload's family byte alone, the whole struct, and
 * the struct cut by the unmapped page. */
static void send_all(uint16_t type, uint16_t flags, const void *payload, size_t len)
{
	send_msg(type, flags, payload, 1);
	send_msg(type, flags, payload, len);
	send_msg(type, flags, payload, len - 1);
	send_cut(type, flags, payload, len);
}

static void fill_id(struct inet_diag_sockid *id, int family)
{
	id->idiag_sport = htons(4242);
	id->idiag_dport = htons(80);
	if (family == AF_INET6) {
		inet_pton(AF_INET6, "fe80::1:2", id->idiag_src);
		inet_pton(AF_INET6, "::1", id->idiag_dst);
	} else {
		inet_pton(AF_INET, "10.1.2.3", id->idiag_src);
		inet_pton(AF_INET, "127.0.0.1", id->idiag_dst);
	}
	id->idiag_if = if_nametoindex("lo");
	id->idiag_cookie[0] = 0xdeadbeef;
	id->idiag_cookie[1] = INET_DIAG_NOCOOKIE;
}

int main(int argc, char **argv)
{
	struct sockaddr_nl me = { .nl_family = AF_NETLINK };
	unsigned char answer[8192];
	char *page;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0 || argc < 2)
		return 1;
	me.nl_pid = (uint32_t)strtoul(argv[1], NULL, 0);
	if (bind(fd, (struct sockaddr *)&me, sizeof me) < 0)
		return 1;
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	munmap(page + 4096, 4096);
	tail = page + 4096;

	/* unix: a request (answered with an error quoting it) and a reply */
	struct unix_diag_req ureq = {
		.sdiag_family = AF_UNIX, .sdiag_protocol = 0,
		.udiag_states = 1 << TCP_ESTABLISHED | 1 << TCP_LISTEN,
		.udiag_ino = 0xfffffffe, .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | 0x1000,
		.udiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE },
	};
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ureq, sizeof ureq);
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_ACK, &ureq, sizeof ureq);
	recvfrom(fd, answer, sizeof answer, 0, NULL, NULL);
	ureq.udiag_states = 1u << 31;
	ureq.udiag_show = 0x80000000;
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ureq, sizeof ureq);
	struct unix_diag_msg umsg = {
		.udiag_family = AF_UNIX, .udiag_type = SOCK_DGRAM, .udiag_state = TCP_CLOSE,
		.udiag_ino = 1234, .udiag_cookie = { 1, 2 },
	};
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_DUMP, &umsg, sizeof umsg);
	umsg.udiag_type = 0xf;
	umsg.udiag_state = 0xfe;
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &umsg, sizeof umsg);

	/* netlink */
	struct netlink_diag_req nreq = {
		.sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL,
		.ndiag_ino = 0, .ndiag_show = NDIAG_SHOW_MEMINFO | NDIAG_SHOW_FLAGS,
		.ndiag_cookie = { 3, 4 },
	};
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &nreq, sizeof nreq);
	nreq.sdiag_protocol = NETLINK_ROUTE;
	nreq.ndiag_show = 0x100;
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &nreq, sizeof nreq);
	nreq.sdiag_protocol = 0xfe;
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &nreq, sizeof nreq);
	struct netlink_diag_msg nmsg = {
		.ndiag_family = AF_NETLINK, .ndiag_type = SOCK_RAW,
		.ndiag_protocol = NETLINK_SOCK_DIAG, .ndiag_state = 1, .ndiag_portid = 7,
		.ndiag_dst_portid = 0, .ndiag_dst_group = 1, .ndiag_ino = 99,
		.ndiag_cookie = { 5, 6 },
	};
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &nmsg, sizeof nmsg);
	nmsg.ndiag_state = TCP_CLOSE;
	send_msg(SOCK_DIAG_BY_FAMILY, 0, &nmsg, sizeof nmsg);
	nmsg.ndiag_state = 3;
	send_msg(SOCK_DIAG_BY_FAMILY, 0, &nmsg, sizeof nmsg);

	/* packet */
	struct packet_diag_req preq = {
		.sdiag_family = AF_PACKET, .sdiag_protocol = 0x60, .pdiag_ino = 8,
		.pdiag_show = PACKET_SHOW_INFO | PACKET_SHOW_FILTER, .pdiag_cookie = { 7, 8 },
	};
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &preq, sizeof preq);
	struct packet_diag_msg pmsg = {
		.pdiag_family = AF_PACKET, .pdiag_type = SOCK_DGRAM, .pdiag_num = 0x0800,
		.pdiag_ino = 9, .pdiag_cookie = { 9, 10 },
	};
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &pmsg, sizeof pmsg);
	pmsg.pdiag_num = 0xfff0;
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &pmsg, sizeof pmsg);

	/* inet: inet_diag_req_v2 (IPv4, IPv6), the compat inet_diag_req, replies */
	struct inet_diag_req_v2 ireq = {
		.sdiag_family = AF_INET, .sdiag_protocol = IPPROTO_TCP,
		.idiag_ext = 1 << (INET_DIAG_INFO - 1) | 1 << (INET_DIAG_CONG - 1),
		.idiag_states = 1 << TCP_CLOSE | 1 << (TCP_CLOSING + 1),   /* TCP_NEW_SYN_RECV */
	};
	fill_id(&ireq.id, AF_INET);
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ireq, sizeof ireq);
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_ACK, &ireq, sizeof ireq);
	recvfrom(fd, answer, sizeof answer, 0, NULL, NULL);
	ireq.sdiag_family = AF_INET6;
	ireq.sdiag_protocol = IPPROTO_UDP;
	ireq.idiag_ext = 0;
	ireq.idiag_states = 0;
	fill_id(&ireq.id, AF_INET6);
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ireq, sizeof ireq);
	ireq.sdiag_protocol = 0xfe;
	ireq.idiag_states = 1u << 31;
	ireq.id.idiag_if = 0xfff0;
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ireq, sizeof ireq);
	struct inet_diag_req creq = {
		.idiag_family = AF_INET, .idiag_src_len = 32, .idiag_dst_len = 8,
		.idiag_ext = 1 << (INET_DIAG_TOS - 1), .idiag_states = 1 << TCP_LISTEN,
		.idiag_dbs = 77,
	};
	fill_id(&creq.id, AF_INET);
	send_all(TCPDIAG_GETSOCK, NLM_F_REQUEST, &creq, sizeof creq);
	creq.idiag_ext = 0x80;
	send_msg(DCCPDIAG_GETSOCK, NLM_F_REQUEST, &creq, sizeof creq);
	struct inet_diag_msg imsg = {
		.idiag_family = AF_INET6, .idiag_state = TCP_ESTABLISHED, .idiag_timer = 1,
		.idiag_retrans = 2, .idiag_expires = 3, .idiag_rqueue = 4, .idiag_wqueue = 5,
		.idiag_uid = 1000, .idiag_inode = 123456,
	};
	fill_id(&imsg.id, AF_INET6);
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &imsg, sizeof imsg);
	imsg.idiag_family = AF_INET;
	imsg.idiag_state = 0xee;
	fill_id(&imsg.id, AF_INET);
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &imsg, sizeof imsg);

	/* smc */
	struct smc_diag_req sreq = { .diag_family = AF_SMC,
				     .diag_ext = 1 << (SMC_DIAG_CONNINFO - 1) | 0x80 };
	fill_id(&sreq.id, AF_INET);
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &sreq, sizeof sreq);
	struct smc_diag_msg smsg = {
		.diag_family = AF_SMC, .diag_state = 1, .diag_fallback = SMC_DIAG_MODE_SMCD,
		.diag_shutdown = 3, .diag_uid = 0, .diag_inode = 42,
	};
	fill_id(&smsg.id, AF_INET);
	send_all(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &smsg, sizeof smsg);
	smsg.diag_state = 0xfd;
	smsg.diag_fallback = 0xfc;
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &smsg, sizeof smsg);

	/* no decoder for the family, for the type; the NLMSG_DONE of a dump */
	unsigned char other[8] = { AF_BLUETOOTH, 1, 2, 3, 4, 5, 6, 7 };
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, other, sizeof other);
	other[0] = 0xff;
	send_msg(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, other, sizeof other);
	send_msg(SOCK_DESTROY, NLM_F_REQUEST, &ureq, sizeof ureq);
	send_msg(0x77, NLM_F_REQUEST | NLM_F_ROOT | NLM_F_EXCL, other, 4);
	int done = 0;
	send_msg(NLMSG_DONE, NLM_F_MULTI, &done, sizeof done);
	send_msg(NLMSG_DONE, NLM_F_MULTI, other, 3);
	return 0;
}
