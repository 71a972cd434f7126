/* A NETLINK_SOCK_DIAG socket: requests (NLM_F_REQUEST) and reply-shaped messages of
 * every family sock_diag knows (unix, inet v2 and the TCPDIAG_GETSOCK compat form,
 * netlink, packet, smc), whole, too short for their struct, and cut by an unmapped
 * page; replies (and an inet request) followed by attributes of many types; an
 * unknown family, an unknown type, unknown state and flag bits; and the kernel's
 * error answers quoting requests for sockets that do not exist.
 * argv[1]: the port id to bind (the same for every tracer's run, so printed pids match). */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <linux/tls.h>
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

/* Attributes appended to a struct: put_attr adds one, send_with_attrs sends the
 * struct (padded to 4 bytes) and the attributes so far. */
static unsigned char attrs[1024];
static size_t attrs_len;

static void put_attr(uint16_t type, const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(attrs + attrs_len);

	a->nla_len = NLA_HDRLEN + len;
	a->nla_type = type;
	memcpy(attrs + attrs_len + NLA_HDRLEN, data, len);
	attrs_len += NLA_ALIGN(a->nla_len);
}

static void send_with_attrs(uint16_t type, uint16_t flags, const void *head, size_t len)
{
	unsigned char payload[1280];
	size_t aligned = NLMSG_ALIGN(len);

	memset(payload, 0, sizeof payload);
	memcpy(payload, head, len);
	memcpy(payload + aligned, attrs, attrs_len);
	send_msg(type, flags, payload, aligned + attrs_len);
	attrs_len = 0;
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

	/* replies with attributes, one list per family */
	uint32_t u32s[4] = { 11, 22, 33, 44 };
	uint32_t meminfo[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	uint8_t one = 3;
	put_attr(UNIX_DIAG_NAME, "/tmp/sock", 10);
	put_attr(UNIX_DIAG_VFS, u32s, 8);
	put_attr(UNIX_DIAG_PEER, u32s, 4);
	put_attr(UNIX_DIAG_ICONS, u32s, 12);
	put_attr(UNIX_DIAG_RQLEN, u32s, 8);
	put_attr(UNIX_DIAG_MEMINFO, meminfo, sizeof meminfo);
	put_attr(UNIX_DIAG_SHUTDOWN, &one, 1);
	put_attr(UNIX_DIAG_UID, u32s, 4);
	put_attr(UNIX_DIAG_UID, u32s, 2);
	put_attr(0x70, u32s, 4);
	send_with_attrs(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &umsg, sizeof umsg);
	uint64_t groups[2] = { 0x8000000000000001ULL, 2 };
	uint32_t nflags = NDIAG_FLAG_CB_RUNNING | NDIAG_FLAG_CAP_ACK | 0x100;
	put_attr(NETLINK_DIAG_GROUPS, groups, sizeof groups);
	put_attr(NETLINK_DIAG_FLAGS, &nflags, sizeof nflags);
	put_attr(NETLINK_DIAG_RX_RING, u32s, 16);
	put_attr(NETLINK_DIAG_MEMINFO, meminfo, 8);
	send_with_attrs(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &nmsg, sizeof nmsg);
	struct packet_diag_info pinfo = { .pdi_index = 1, .pdi_version = TPACKET_V2,
					  .pdi_reserve = 4, .pdi_flags = PDI_RUNNING | PDI_LOSS };
	struct packet_diag_mclist ml = { .pdmc_index = 1, .pdmc_count = 2, .pdmc_type = 3,
					 .pdmc_alen = 6, .pdmc_addr = "\x01\x02\x03\x04\x05\x06" };
	struct sock_filter prog[2] = { BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PKTTYPE),
				       BPF_STMT(BPF_RET | BPF_K, 0x2a) };
	put_attr(PACKET_DIAG_INFO, &pinfo, sizeof pinfo);
	put_attr(PACKET_DIAG_MCLIST, &ml, sizeof ml);
	put_attr(PACKET_DIAG_FILTER, prog, sizeof prog);
	put_attr(PACKET_DIAG_FANOUT, u32s, 4);
	put_attr(PACKET_DIAG_TX_RING, meminfo, 28);
	send_with_attrs(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &pmsg, sizeof pmsg);
	struct inet_diag_meminfo im = { 1, 2, 3, 4 };
	struct sockaddr_storage locals[2];
	struct sockaddr_in *sin = (struct sockaddr_in *)&locals[0];
	unsigned char tls[16], sockopt[4] = { 0x05, 0x03, 0, 0x7f };
	uint16_t tls_version = TLS_1_3_VERSION;
	memset(locals, 0, sizeof locals);
	sin->sin_family = AF_INET;
	sin->sin_port = htons(8080);
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	locals[1].ss_family = AF_UNIX;
	struct nlattr *tls_attr = (struct nlattr *)tls;
	tls_attr->nla_len = NLA_HDRLEN + 2;
	tls_attr->nla_type = TLS_INFO_VERSION;
	memcpy(tls + NLA_HDRLEN, &tls_version, 2);
	put_attr(INET_DIAG_MEMINFO, &im, sizeof im);
	put_attr(INET_DIAG_CONG, "cubic", 6);
	put_attr(INET_DIAG_SHUTDOWN, &one, 1);
	put_attr(INET_DIAG_LOCALS, locals, sizeof locals);
	put_attr(INET_DIAG_SOCKOPT, sockopt, sizeof sockopt);
	put_attr(INET_DIAG_ULP_INFO, tls, 8);
	tls_attr->nla_type = INET_ULP_INFO_TLS;
	tls_attr->nla_len = NLA_HDRLEN + 8;
	memcpy(tls + NLA_HDRLEN, "\x06\x00\x01\x00\x04\x03\x00\x00", 8);
	put_attr(INET_DIAG_ULP_INFO, tls, 12);
	put_attr(INET_DIAG_SKMEMINFO, meminfo, 12);
	send_with_attrs(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &imsg, sizeof imsg);
	struct inet_diag_bc_op op = { .code = INET_DIAG_BC_S_COND, .yes = 4, .no = 8 };
	unsigned char bc[sizeof op + 8];
	struct inet_diag_hostcond hc = { .family = AF_INET, .prefix_len = 8, .port = 80 };
	memcpy(bc, &op, sizeof op);
	memcpy(bc + sizeof op, &hc, sizeof hc);
	put_attr(INET_DIAG_REQ_BYTECODE, bc, sizeof bc);
	put_attr(INET_DIAG_REQ_PROTOCOL, &one, 1);
	ireq.sdiag_family = AF_INET;
	send_with_attrs(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ireq, sizeof ireq);
	struct smc_diag_fallback fb = { .reason = 0x03020000, .peer_diagnosis = 0x12 };
	put_attr(SMC_DIAG_FALLBACK, &fb, sizeof fb);
	put_attr(SMC_DIAG_SHUTDOWN, &one, 1);
	send_with_attrs(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, &smsg, sizeof smsg);

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
