/* getsockopt/setsockopt as strace 6.1 prints them per level: SOL_SOCKET values shorter
 * than their type (SO_TYPE, SO_ERROR, SO_LINGER, SO_TXREHASH), SO_ERROR's
 * errno, SO_GET_FILTER's instructions, SOL_RAW's icmp_filter, SOL_PACKET's rings, memberships and statistics, and the
 * MCAST_JOIN_GROUP/IPV6_JOIN_ANYCAST memberships.  Calls on fd -1 fail with EBADF after
 * the value is decoded; the others run on real sockets (no packet socket needs root:
 * the SOL_PACKET calls use fd -1). */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
/* <net/if.h> clashes with <linux/icmp.h>: its one function we need */
extern unsigned int if_nametoindex(const char *);
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef SO_TXREHASH
# define SO_TXREHASH 74
#endif

int main(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int pair[2];
	socklen_t len;
	union { int i; unsigned char b[16]; struct linger l; } v;
	unsigned char big[16];

	socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
	for (int n = 1; n <= 5; n++) {   /* short, whole and long lengths */
		len = n;
		memset(&v, 0xff, sizeof v);
		getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len);
		len = n;
		getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len);
		len = n;
		getsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, &len);
		len = n;
		getsockopt(pair[0], SOL_SOCKET, SO_PASSCRED, big, &len);
	}
	for (int n = 3; n <= 9; n++) {
		len = n;
		v.l.l_onoff = 1;
		v.l.l_linger = 5;
		setsockopt(s, SOL_SOCKET, SO_LINGER, &v, sizeof v.l);
		getsockopt(s, SOL_SOCKET, SO_LINGER, &v, &len);
	}
	len = 0;
	getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len);
	getsockopt(s, SOL_SOCKET, SO_TYPE, &v, NULL);

	/* SO_ERROR after a refused non-blocking connection: ECONNREFUSED */
	{
		struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(1) };
		struct pollfd p = { .fd = ls, .events = POLLOUT };
		sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		connect(ls, (void *)&sin, sizeof sin);
		poll(&p, 1, 5000);
		len = sizeof v.i;
		getsockopt(ls, SOL_SOCKET, SO_ERROR, &v, &len);
	}

	v.i = 1;
	setsockopt(s, SOL_SOCKET, SO_TXREHASH, &v, 3);
	setsockopt(s, SOL_SOCKET, SO_TXREHASH, &v, 4);
	setsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, 3);
	setsockopt(s, SOL_SOCKET, SO_TIMESTAMP, &v, 4);

	/* SO_GET_FILTER: the instruction count, then the instructions (-v prints them) */
	{
		struct sock_filter code[] = {
			BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
			BPF_STMT(BPF_RET | BPF_K, 0xffff),
		};
		struct sock_fprog prog = { .len = 2, .filter = code };
		struct sock_filter got[4];
		setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);
		len = 0;
		getsockopt(s, SOL_SOCKET, SO_GET_FILTER, NULL, &len);
		len = 4;
		getsockopt(s, SOL_SOCKET, SO_GET_FILTER, got, &len);
	}

	/* SOL_RAW ICMP_FILTER: few bits, most bits, short and negative lengths */
	{
		struct icmp_filter f = { (1 << ICMP_ECHO) | (1 << ICMP_REDIRECT) | (1 << 20) };
		setsockopt(-1, SOL_RAW, ICMP_FILTER, &f, sizeof f);
		f.data = ~f.data;
		setsockopt(-1, SOL_RAW, ICMP_FILTER, &f, sizeof f);
		setsockopt(-1, SOL_RAW, ICMP_FILTER, &f, 2);
		setsockopt(-1, SOL_RAW, ICMP_FILTER, &f, -2);
		setsockopt(-1, SOL_RAW, ICMP_FILTER, &f, 8);
		len = sizeof f;
		getsockopt(-1, SOL_RAW, ICMP_FILTER, &f, &len);
	}

	/* SOL_PACKET */
	{
		struct tpacket_req req = { 4096, 2, 2048, 4 };
		struct packet_mreq mr = { .mr_ifindex = (int)if_nametoindex("lo"),
					  .mr_type = PACKET_MR_PROMISC, .mr_alen = 6,
					  .mr_address = { 1, 2, 3, 4, 5, 6, 7, 8 } };
		struct tpacket_stats st;
		setsockopt(-1, SOL_PACKET, PACKET_RX_RING, &req, sizeof req);
		setsockopt(-1, SOL_PACKET, PACKET_TX_RING, &req, sizeof req + 1);
		setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr);
		mr.mr_type = 0x77;
		mr.mr_alen = 9;
		setsockopt(-1, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &mr, sizeof mr);
		setsockopt(-1, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &mr, sizeof mr - 1);
		setsockopt(-1, SOL_PACKET, 0x7777, &mr, 4);
		len = sizeof st;
		getsockopt(-1, SOL_PACKET, PACKET_STATISTICS, &st, &len);
	}

	/* group_req and anycast memberships on fd -1 */
	{
		struct group_req gr = { .gr_interface = if_nametoindex("lo") };
		struct sockaddr_in *gs = (void *)&gr.gr_group;
		struct ipv6_mreq m6 = { .ipv6mr_interface = if_nametoindex("lo") };
		gs->sin_family = AF_INET;
		gs->sin_port = htons(7);
		inet_pton(AF_INET, "224.0.0.3", &gs->sin_addr);
		setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, &gr, sizeof gr);
		setsockopt(-1, SOL_IP, MCAST_LEAVE_GROUP, &gr, sizeof gr - 1);
		setsockopt(-1, SOL_IPV6, MCAST_JOIN_GROUP, &gr, sizeof gr);
		inet_pton(AF_INET6, "ff01::c", &m6.ipv6mr_multiaddr);
		setsockopt(-1, SOL_IPV6, IPV6_JOIN_ANYCAST, &m6, sizeof m6);
		setsockopt(-1, SOL_IPV6, IPV6_LEAVE_ANYCAST, &m6, sizeof m6 - 1);
	}
	return 0;
}
