/* NETLINK_ROUTE payloads (decoders/netlink_route.py, nlattr_route*.py): one message per
 * payload struct with some of its attributes (numbers, strings, addresses, nested
 * lists, structs, unknown types), a payload shorter than its struct, a struct past the
 * mapping, links of several kinds (IFLA_LINKINFO: a bridge's, a tun device's, a CAN
 * device's, a bridge port's data) and with virtual functions (IFLA_VFINFO_LIST), valid,
 * too short and running past the mapping, all sent to our own port (so the kernel acts
 * on none of them) and received back; then a request the kernel refuses with an
 * extended ACK.
 * argv[1]: the port id to bind (the same for every tracer's run, so printed pids match). */
#include <arpa/inet.h>
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_bridge.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <linux/neighbour.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/pkt_cls.h>
#include <linux/rtnetlink.h>
#include <linux/dcbnl.h>
#include <linux/net_namespace.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

static int fd;
static struct sockaddr_nl me = { .nl_family = AF_NETLINK };
static unsigned char buf[4096] __attribute__((aligned(8)));
static size_t len;

/* start a message of `type` whose payload struct is `size` bytes of `body` */
static void start(uint16_t type, const void *body, size_t size)
{
	struct nlmsghdr h = { .nlmsg_type = type, .nlmsg_flags = NLM_F_REQUEST };
	memset(buf, 0, sizeof buf);
	memcpy(buf, &h, sizeof h);
	memcpy(buf + NLMSG_HDRLEN, body, size);
	len = NLMSG_HDRLEN + NLMSG_ALIGN(size);
}

static void attr(uint16_t type, const void *data, size_t size)
{
	struct nlattr a = { .nla_len = (uint16_t)(NLA_HDRLEN + size), .nla_type = type };
	memcpy(buf + len, &a, sizeof a);
	memcpy(buf + len + NLA_HDRLEN, data, size);
	len += NLA_ALIGN(NLA_HDRLEN + size);
}

static void u32attr(uint16_t type, uint32_t v) { attr(type, &v, sizeof v); }

/* a nested attribute: the attributes added by `fill` */
static void nest(uint16_t type, void (*fill)(void))
{
	size_t at = len;
	len += NLA_HDRLEN;
	fill();
	struct nlattr a = { .nla_len = (uint16_t)(len - at), .nla_type = type };
	memcpy(buf + at, &a, sizeof a);
}

static void u8attr(uint16_t type, uint8_t v) { attr(type, &v, sizeof v); }
static void u16attr(uint16_t type, uint16_t v) { attr(type, &v, sizeof v); }
static void u64attr(uint16_t type, uint64_t v) { attr(type, &v, sizeof v); }

static void send_it(void)
{
	unsigned char back[4096];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	h->nlmsg_len = (uint32_t)len;
	sendto(fd, buf, len, MSG_DONTWAIT, (struct sockaddr *)&me, sizeof me);
	recvfrom(fd, back, sizeof back, MSG_DONTWAIT, NULL, NULL);
}

static void xdp(void)
{
	u32attr(IFLA_XDP_FD, 0);
	u32attr(IFLA_XDP_FLAGS, XDP_FLAGS_SKB_MODE | 0x100);
	u32attr(IFLA_XDP_PROG_ID, 7);
}

static void metrics(void)
{
	u32attr(RTAX_MTU, 1500);
	attr(RTAX_CC_ALGO, "cubic", 6);
}

static void linkinfo(void)
{
	attr(IFLA_INFO_KIND, "veth", 5);
	attr(IFLA_INFO_DATA, "\x01\x02\x03\x04", 4);
}

static void port(void)
{
	struct ifla_port_vsi vsi = { .vsi_mgr_id = 3, .vsi_type_id = { 1, 2, 3 },
				     .vsi_type_version = 4, .pad = { 0, 9, 0 } };
	u32attr(IFLA_PORT_VF, 2);
	attr(IFLA_PORT_VSI_TYPE, &vsi, sizeof vsi);
}

static void multipath(void)
{
	struct rtnexthop nh = { .rtnh_len = sizeof nh + 8, .rtnh_flags = RTNH_F_ONLINK,
				.rtnh_hops = 2, .rtnh_ifindex = 1 };
	struct in_addr gw = { htonl(0xc0000202) };
	memcpy(buf + len, &nh, sizeof nh);
	len += sizeof nh;
	attr(RTA_GATEWAY, &gw, sizeof gw);
	nh.rtnh_len = sizeof nh;
	memcpy(buf + len, &nh, sizeof nh);
	len += sizeof nh;
}

static void mdb_entry(void)
{
	struct br_mdb_entry e = { .ifindex = 1, .state = MDB_PERMANENT,
				  .flags = MDB_FLAGS_OFFLOAD, .vid = 10 };
	e.addr.proto = htons(AF_INET);
	e.addr.u.ip4 = htonl(0xe0000001);
	attr(MDBA_MDB_ENTRY_INFO, &e, sizeof e);
}

static void mdb(void)
{
	nest(MDBA_MDB_ENTRY, mdb_entry);
}

static void brport(void)
{
	unsigned char id[8] = { 0x80, 0, 0, 0x11, 0x22, 0x33, 0x44, 0x55 };
	attr(IFLA_BRPORT_STATE, "\x03", 1);
	attr(IFLA_BRPORT_PRIORITY, "\x20\x00", 2);
	attr(IFLA_BRPORT_ROOT_ID, id, sizeof id);
}

static void vlan(void)
{
	struct bridge_vlan_info v = { .flags = BRIDGE_VLAN_INFO_PVID, .vid = 100 };
	attr(IFLA_BRIDGE_FLAGS, "\x02\x00", 2);
	attr(IFLA_BRIDGE_VLAN_INFO, &v, sizeof v);
}

static void inet6(void)
{
	int32_t conf[3] = { 1, 64, -1 };
	attr(IFLA_INET6_CONF, conf, sizeof conf);
	u32attr(IFLA_INET6_FLAGS, 0x80000010);
}

static void stp(void)
{
	uint64_t st[6] = { 1, 2, 3, 4, 5, 6 };
	attr(BRIDGE_XSTATS_STP, st, sizeof st);
}

static void xstats(void)
{
	nest(LINK_XSTATS_TYPE_BRIDGE, stp);
}

/* IFLA_LINKINFO's kinds and IFLA_VFINFO_LIST */
static void querier(void)
{
	struct in_addr a4 = { htonl(0xc0000201) };
	struct in6_addr a6 = { { { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 } } };
	attr(BRIDGE_QUERIER_IP_ADDRESS, &a4, sizeof a4);
	u32attr(BRIDGE_QUERIER_IP_PORT, 1);
	u64attr(BRIDGE_QUERIER_IP_OTHER_TIMER, 25500);
	attr(BRIDGE_QUERIER_IPV6_ADDRESS, &a6, sizeof a6);
	attr(BRIDGE_QUERIER_IPV6_PORT, "\x01\x00", 2);	/* too short: bytes */
	u32attr(0x33, 5);
}

static void bridge_data(void)
{
	unsigned char id[8] = { 0x80, 0, 0, 0x11, 0x22, 0x33, 0x44, 0x55 };
	unsigned char group[6] = { 0x01, 0x80, 0xc2, 0, 0, 0 };
	struct br_boolopt_multi bo = {
		.optval = 1 << BR_BOOLOPT_NO_LL_LEARN | 1 << 20,
		.optmask = 1 << BR_BOOLOPT_NO_LL_LEARN | 1 << BR_BOOLOPT_MCAST_VLAN_SNOOPING };
	u32attr(IFLA_BR_FORWARD_DELAY, 1500);
	u64attr(IFLA_BR_AGEING_TIME, 30000);
	u32attr(IFLA_BR_STP_STATE, 1);
	u16attr(IFLA_BR_PRIORITY, 0x8000);
	u8attr(IFLA_BR_VLAN_FILTERING, 1);
	u16attr(IFLA_BR_VLAN_PROTOCOL, htons(ETH_P_8021AD));
	u16attr(IFLA_BR_GROUP_FWD_MASK, 0x4008);
	attr(IFLA_BR_ROOT_ID, id, sizeof id);
	attr(IFLA_BR_BRIDGE_ID, id, 7);			/* too short: bytes */
	attr(IFLA_BR_GROUP_ADDR, group, sizeof group);
	attr(IFLA_BR_FDB_FLUSH, "", 0);
	attr(IFLA_BR_MULTI_BOOLOPT, &bo, sizeof bo);
	nest(IFLA_BR_MCAST_QUERIER_STATE, querier);
	attr(IFLA_BR_PAD, "\x00\x00\x00\x00", 4);
	u8attr(IFLA_BR_MCAST_IGMP_VERSION, 3);
	u32attr(0x70, 1);
}

static void bridge(void)
{
	attr(IFLA_INFO_KIND, "bridge", 7);
	nest(IFLA_INFO_DATA, bridge_data);
}

static void tun_data(void)
{
	u32attr(IFLA_TUN_OWNER, 1000);
	u32attr(IFLA_TUN_GROUP, (uint32_t)-1);
	u8attr(IFLA_TUN_TYPE, IFF_TAP);
	u8attr(IFLA_TUN_PI, 0);
	u8attr(IFLA_TUN_MULTI_QUEUE, 1);
	u32attr(IFLA_TUN_NUM_QUEUES, 4);
	attr(IFLA_TUN_NUM_DISABLED_QUEUES, "\x01\x02", 2);	/* too short: bytes */
	u8attr(IFLA_TUN_TYPE, 0x33);
	u8attr(0x44, 1);
}

static void tun(void)
{
	attr(IFLA_INFO_KIND, "tun", 3);		/* no NUL: still the kind */
	nest(IFLA_INFO_DATA, tun_data);
}

static void can(void)
{
	uint32_t st[6] = { 1, 2, 3, 4, 5, 6 };
	attr(IFLA_INFO_DATA, "\x01\x02\x03\x04", 4);	/* before the kind: bytes */
	attr(IFLA_INFO_KIND, "can", 4);
	attr(IFLA_INFO_XSTATS, st, sizeof st);
	attr(IFLA_INFO_XSTATS, st, 20);			/* too short: bytes */
	attr(IFLA_INFO_SLAVE_KIND, "bridge", 7);
	nest(IFLA_INFO_SLAVE_DATA, brport);
	attr(IFLA_INFO_KIND, "vxlan", 6);		/* a kind not decoded */
	nest(IFLA_INFO_DATA, tun_data);
}

static void vf_vlans(void)
{
	struct ifla_vf_vlan_info v = { .vf = 1, .vlan = 100, .qos = 2,
				       .vlan_proto = htons(ETH_P_8021Q) };
	attr(IFLA_VF_VLAN_INFO, &v, sizeof v);
	v.vlan_proto = htons(0x1234);
	attr(IFLA_VF_VLAN_INFO, &v, sizeof v);
	attr(IFLA_VF_VLAN_INFO, &v, sizeof v - 4);	/* too short: bytes */
}

static void vf_stats(void)
{
	u64attr(IFLA_VF_STATS_RX_PACKETS, 10);
	u64attr(IFLA_VF_STATS_TX_BYTES, 1ULL << 40);
	u64attr(IFLA_VF_STATS_PAD, 0);
	u64attr(IFLA_VF_STATS_TX_DROPPED, 3);
	u64attr(0x20, 1);
}

static void vf(void)
{
	struct ifla_vf_mac m = { .vf = 1, .mac = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 } };
	struct ifla_vf_vlan vl = { .vf = 1, .vlan = 10, .qos = 3 };
	struct ifla_vf_tx_rate tr = { .vf = 1, .rate = 1000 };
	struct ifla_vf_spoofchk sc = { .vf = 1, .setting = 1 };
	struct ifla_vf_link_state ls = { .vf = 1, .link_state = IFLA_VF_LINK_STATE_DISABLE };
	struct ifla_vf_rate r = { .vf = 1, .min_tx_rate = 10, .max_tx_rate = 100 };
	struct ifla_vf_rss_query_en rq = { .vf = 1, .setting = 0 };
	struct ifla_vf_trust t = { .vf = 1, .setting = 1 };
	struct ifla_vf_guid g = { .vf = 1, .guid = 0x0123456789abcdefULL };
	struct ifla_vf_broadcast b = { .broadcast = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } };
	struct { uint32_t vf; uint64_t guid; } __attribute__((packed)) g12 = { 2, 0xfeed };
	attr(IFLA_VF_MAC, &m, sizeof m);
	attr(IFLA_VF_VLAN, &vl, sizeof vl);
	attr(IFLA_VF_TX_RATE, &tr, sizeof tr);
	attr(IFLA_VF_SPOOFCHK, &sc, sizeof sc);
	attr(IFLA_VF_LINK_STATE, &ls, sizeof ls);
	ls.link_state = 7;
	attr(IFLA_VF_LINK_STATE, &ls, sizeof ls);
	attr(IFLA_VF_RATE, &r, sizeof r);
	attr(IFLA_VF_RSS_QUERY_EN, &rq, sizeof rq);
	nest(IFLA_VF_STATS, vf_stats);
	attr(IFLA_VF_TRUST, &t, sizeof t);
	attr(IFLA_VF_IB_NODE_GUID, &g, sizeof g);
	attr(IFLA_VF_IB_PORT_GUID, &g12, sizeof g12);
	attr(IFLA_VF_IB_PORT_GUID, &g, 14);		/* neither size: bytes */
	nest(IFLA_VF_VLAN_LIST, vf_vlans);
	attr(IFLA_VF_BROADCAST, &b, sizeof b);
	attr(IFLA_VF_VLAN, &vl, 8);			/* too short: bytes */
	u32attr(0x55, 1);
}

static void vf_small(void)
{
	struct ifla_vf_tx_rate tr = { .vf = 7, .rate = 5 };
	attr(IFLA_VF_TX_RATE, &tr, sizeof tr);
}

static void vfinfo(void)
{
	nest(IFLA_VF_INFO, vf);
	nest(IFLA_VF_INFO, vf_small);
	attr(IFLA_VF_INFO_UNSPEC, "\x01\x02\x03", 3);
	nest(0x9, vf_small);
}

static void vf_mac_only(void)
{
	struct ifla_vf_mac m = { .vf = 3, .mac = { 0x02, 0xaa } };
	attr(IFLA_VF_MAC, &m, sizeof m);
}

static void vfinfo_short(void)
{
	nest(IFLA_VF_INFO, vf_mac_only);
}

static void tun_short(void)
{
	attr(IFLA_INFO_KIND, "tun", 4);
	nest(IFLA_INFO_DATA, tun_data);
}

static void kind_only(void)
{
	attr(IFLA_INFO_KIND, "bridge", 7);
}

/* the message built in buf, copied to end `cut` bytes past the end of a mapping */
static void send_cut(size_t cut)
{
	unsigned char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	if (page == MAP_FAILED)
		return;
	munmap(page + 4096, 4096);
	h->nlmsg_len = (uint32_t)len;
	memcpy(page + 4096 - (len - cut), buf, len - cut);
	sendto(fd, page + 4096 - (len - cut), len, MSG_DONTWAIT, (struct sockaddr *)&me,
	       sizeof me);
	munmap(page, 4096);
}

static void reason(void)
{
	u32attr(IFLA_PROTO_DOWN_REASON_MASK, 0xff);
	u32attr(IFLA_PROTO_DOWN_REASON_VALUE, 3);
}

int main(int argc, char **argv)
{
	struct in_addr a4;
	struct in6_addr a6;
	unsigned char mac[6] = { 0, 0x11, 0x22, 0x33, 0x44, 0x55 };
	int one = 1;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0 || argc < 2)
		return 1;
	me.nl_pid = (uint32_t)strtoul(argv[1], NULL, 0);
	if (bind(fd, (struct sockaddr *)&me, sizeof me) < 0)
		return 1;
	inet_pton(AF_INET, "192.0.2.1", &a4);
	inet_pton(AF_INET6, "2001:db8::1", &a6);

	{	/* links */
		struct ifinfomsg i = { .ifi_family = AF_UNSPEC, .ifi_type = 1,
				       .ifi_index = 1, .ifi_flags = IFF_UP | IFF_RUNNING,
				       .ifi_change = 0xffffffff };
		start(RTM_NEWLINK, &i, sizeof i);
		attr(IFLA_IFNAME, "dummy0", 7);
		u32attr(IFLA_MTU, 9000);
		attr(IFLA_ADDRESS, mac, sizeof mac);
		nest(IFLA_XDP, xdp);
		nest(IFLA_PROTO_DOWN_REASON, reason);
		nest(IFLA_LINKINFO, linkinfo);
		nest(IFLA_PORT_SELF, port);
		u32attr(IFLA_EXT_MASK, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);
		u32attr(IFLA_EVENT, IFLA_EVENT_REBOOT);
		attr(IFLA_LINK_NETNSID, "\xff\xff\xff\xff", 4);
		attr(0x7ff, "abc", 3);
		send_it();
		start(RTM_GETLINK, &i, 8);	/* shorter than struct ifinfomsg */
		send_it();
		i.ifi_family = AF_BRIDGE;	/* a bridge port, a bridge's own lists */
		start(RTM_NEWLINK, &i, sizeof i);
		nest(IFLA_PROTINFO, brport);
		nest(IFLA_AF_SPEC, vlan);
		send_it();
		i.ifi_family = AF_INET6;
		start(RTM_NEWLINK, &i, sizeof i);
		nest(IFLA_PROTINFO, inet6);
		send_it();
		i.ifi_family = AF_BRIDGE;	/* a bridge's neighbours: ifinfomsg */
		start(RTM_GETNEIGH, &i, sizeof i);
		send_it();
	}
	{	/* link kinds, virtual functions */
		struct ifinfomsg i = { .ifi_family = AF_UNSPEC, .ifi_index = 1 };
		start(RTM_NEWLINK, &i, sizeof i);
		nest(IFLA_LINKINFO, bridge);
		send_it();
		start(RTM_NEWLINK, &i, sizeof i);
		nest(IFLA_LINKINFO, tun);
		u32attr(IFLA_NUM_VF, 2);
		nest(IFLA_VFINFO_LIST, vfinfo);
		send_it();
		start(RTM_NEWLINK, &i, sizeof i);
		nest(IFLA_LINKINFO, can);
		send_it();
		start(RTM_NEWLINK, &i, sizeof i);	/* cut short by nla_len */
		nest(IFLA_VFINFO_LIST, vfinfo_short);
		len -= 8;
		send_it();
		start(RTM_NEWLINK, &i, sizeof i);	/* data past the mapping */
		nest(IFLA_VFINFO_LIST, vfinfo_short);
		send_cut(8);
		start(RTM_NEWLINK, &i, sizeof i);
		nest(IFLA_LINKINFO, tun_short);
		send_cut(4);
		start(RTM_NEWLINK, &i, sizeof i);	/* a kind past the mapping */
		nest(IFLA_LINKINFO, kind_only);
		send_cut(3);
	}
	{	/* addresses */
		struct ifaddrmsg a = { .ifa_family = AF_INET, .ifa_prefixlen = 24,
				       .ifa_flags = IFA_F_PERMANENT, .ifa_scope = RT_SCOPE_HOST,
				       .ifa_index = 1 };
		uint32_t ci[4] = { 1, 2, 3, 4 };
		start(RTM_NEWADDR, &a, sizeof a);
		attr(IFA_ADDRESS, &a4, sizeof a4);
		attr(IFA_LOCAL, &a4, 2);	/* too short: bytes */
		attr(IFA_LABEL, "lo:1", 5);
		attr(IFA_CACHEINFO, ci, sizeof ci);
		u32attr(IFA_FLAGS, IFA_F_NODAD | 0x80000);
		send_it();
		a.ifa_family = AF_INET6;
		a.ifa_flags = 0;
		start(RTM_DELADDR, &a, sizeof a);
		attr(IFA_ADDRESS, &a6, sizeof a6);
		send_it();
	}
	{	/* routes */
		struct rtmsg r = { .rtm_family = AF_INET, .rtm_dst_len = 32, .rtm_tos = 0x10,
				   .rtm_table = RT_TABLE_MAIN, .rtm_protocol = RTPROT_STATIC,
				   .rtm_scope = RT_SCOPE_LINK, .rtm_type = RTN_UNICAST,
				   .rtm_flags = RTM_F_NOTIFY };
		start(RTM_NEWROUTE, &r, sizeof r);
		attr(RTA_DST, &a4, sizeof a4);
		u32attr(RTA_OIF, 1);
		u32attr(RTA_TABLE, RT_TABLE_LOCAL);
		nest(RTA_METRICS, metrics);
		nest(RTA_MULTIPATH, multipath);
		attr(RTA_ENCAP_TYPE, "\x01\x00", 2);
		send_it();
		r.rtm_protocol = 0xfe;
		r.rtm_type = 0xfe;
		start(RTM_GETROUTE, &r, sizeof r);
		send_it();
	}
	{	/* neighbours and their tables */
		struct ndmsg n = { .ndm_family = AF_INET6, .ndm_ifindex = 1,
				   .ndm_state = NUD_REACHABLE, .ndm_flags = NTF_ROUTER,
				   .ndm_type = RTN_UNICAST };
		struct ndtmsg t = { .ndtm_family = AF_INET };
		start(RTM_NEWNEIGH, &n, sizeof n);
		attr(NDA_DST, &a6, sizeof a6);
		attr(NDA_LLADDR, mac, sizeof mac);
		attr(NDA_PORT, "\x12\x34", 2);
		send_it();
		start(RTM_GETNEIGHTBL, &t, sizeof t);
		attr(NDTA_NAME, "arp_cache", 10);
		u32attr(NDTA_THRESH1, 128);
		send_it();
	}
	{	/* rules, traffic control, labels, netconf, next hops, mdb, dcb, nsid */
		struct fib_rule_hdr f = { .family = AF_INET, .dst_len = 8,
					  .table = RT_TABLE_MAIN, .action = FR_ACT_TO_TBL,
					  .flags = FIB_RULE_INVERT };
		struct tcmsg tc = { .tcm_family = AF_UNSPEC, .tcm_ifindex = 1,
				    .tcm_handle = 0x10000, .tcm_parent = 0xffffffff };
		struct tcamsg ta = { .tca_family = AF_UNSPEC };
		struct ifaddrlblmsg l = { .ifal_family = AF_INET6, .ifal_prefixlen = 64,
					  .ifal_index = 1, .ifal_seq = 5 };
		struct netconfmsg nc = { .ncm_family = AF_INET };
		struct nhmsg nh = { .nh_family = AF_INET, .nh_scope = RT_SCOPE_LINK,
				    .nh_protocol = RTPROT_KERNEL, .resvd = 7,
				    .nh_flags = RTNH_F_ONLINK };
		struct br_port_msg b = { .family = AF_BRIDGE, .ifindex = 1 };
		struct dcbmsg d = { .dcb_family = AF_UNSPEC, .cmd = DCB_CMD_GSTATE };
		struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
		uint32_t grp[2] = { 5, 0x10203 };

		start(RTM_NEWRULE, &f, sizeof f);
		attr(FRA_DST, &a4, sizeof a4);
		u32attr(FRA_PRIORITY, 100);
		attr(FRA_IIFNAME, "lo", 3);
		send_it();
		start(RTM_NEWQDISC, &tc, sizeof tc);
		attr(TCA_KIND, "pfifo", 6);
		u32attr(TCA_CHAIN, 3);
		send_it();
		start(RTM_GETACTION, &ta, sizeof ta);
		attr(TCA_ACT_KIND, "gact", 5);
		send_it();
		start(RTM_NEWADDRLABEL, &l, sizeof l);
		attr(IFAL_ADDRESS, &a6, sizeof a6);
		u32attr(IFAL_LABEL, 9);
		send_it();
		start(RTM_NEWNETCONF, &nc, sizeof nc);
		u32attr(NETCONFA_IFINDEX, 1);
		u32attr(NETCONFA_FORWARDING, (uint32_t)-1);
		send_it();
		start(RTM_NEWNEXTHOP, &nh, sizeof nh);
		u32attr(NHA_ID, 12);
		attr(NHA_GROUP, grp, sizeof grp);
		attr(NHA_GATEWAY, &a4, sizeof a4);
		send_it();
		start(RTM_GETMDB, &b, sizeof b);
		nest(MDBA_MDB, mdb);
		send_it();
		start(RTM_GETDCB, &d, sizeof d);
		attr(DCB_ATTR_IFNAME, "eth0", 5);
		send_it();
		{
			struct if_stats_msg st = { .family = AF_UNSPEC, .ifindex = 1,
						   .filter_mask = 1 << IFLA_STATS_LINK_64 };
			uint64_t s64[23] = { 1, 2, 3 };
			start(RTM_GETSTATS, &st, sizeof st);
			attr(IFLA_STATS_LINK_64, s64, sizeof s64);
			nest(IFLA_STATS_LINK_XSTATS, xstats);
			send_it();
		}
		start(RTM_NEWNSID, &g, sizeof g);
		u32attr(NETNSA_NSID, (uint32_t)-1);
		send_it();
	}
	{	/* a struct past the end of the mapping */
		unsigned char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		struct nlmsghdr *h;
		if (page == MAP_FAILED)
			return 1;
		munmap(page + 4096, 4096);
		h = (struct nlmsghdr *)(page + 4096 - NLMSG_HDRLEN - 4);
		memset(h, 0, NLMSG_HDRLEN + 4);
		h->nlmsg_len = NLMSG_HDRLEN + 16;
		h->nlmsg_type = RTM_NEWLINK;
		h->nlmsg_flags = NLM_F_REQUEST;
		page[4095 - 3] = AF_INET;
		sendto(fd, h, NLMSG_HDRLEN + 16, MSG_DONTWAIT, (struct sockaddr *)&me, sizeof me);
	}

	/* the kernel's extended ACK: a bad request answered with attributes */
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one);
	{
		struct { struct nlmsghdr h; struct ifinfomsg i; unsigned char a[8]; } req;
		unsigned char back[4096];
		memset(&req, 0, sizeof req);
		req.h.nlmsg_len = sizeof req;
		req.h.nlmsg_type = RTM_NEWLINK;
		req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
		req.h.nlmsg_seq = 1;
		req.i.ifi_index = 0x7fffffff;
		sendto(fd, &req, sizeof req, 0, NULL, 0);
		recvfrom(fd, back, sizeof back, 0, NULL, NULL);
	}
	close(fd);
	return 0;
}
