/* Netlink protocols other than NETLINK_ROUTE and NETLINK_SOCK_DIAG:
 * NETLINK_NETFILTER (subsystem<<8|message types of each subsystem, known and unknown,
 * the request flags of NEW/GET/DELETE messages, struct nfgenmsg with its res_id in
 * both byte orders, attributes after it, batch messages, short and unreadable
 * payloads, NLMSG_DONE),
 * NETLINK_GENERIC (the controller's family id, an id no family has) and
 * NETLINK_KOBJECT_UEVENT (a libudev monitor header alone and with its properties, one
 * cut by an unmapped page, a kernel uevent, plain bytes).
 * argv[1]: the port id to bind the netfilter socket to (the same for every tracer's
 * run, so the kernel's answers print the same nlmsg_pid). */
#include <arpa/inet.h>
#include <linux/genetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <linux/netlink.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static char *tail;   /* the last bytes before an unmapped page */

static void send_msg(int fd, uint16_t type, uint16_t flags, const void *payload, size_t len)
{
	static unsigned char buf[256];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;

	memset(buf, 0, sizeof buf);
	h->nlmsg_len = NLMSG_HDRLEN + len;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	memcpy(buf + NLMSG_HDRLEN, payload, len);
	sendto(fd, buf, h->nlmsg_len, MSG_DONTWAIT, NULL, 0);
}

static void netfilter(const char *port)
{
	struct sockaddr_nl me = { .nl_family = AF_NETLINK };
	unsigned char answer[4096];
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);

	if (fd < 0)
		return;
	me.nl_pid = (uint32_t)strtoul(port, NULL, 0);
	if (bind(fd, (struct sockaddr *)&me, sizeof me) < 0)
		return;
	struct nfgenmsg nfg = { .nfgen_family = AF_INET, .version = NFNETLINK_V0,
				.res_id = htons(NFNL_SUBSYS_NFTABLES) };
	/* header only: types and flags of several subsystems */
	send_msg(fd, NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_NEW, NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL, NULL, 0);
	send_msg(fd, NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET, NLM_F_REQUEST | NLM_F_DUMP, NULL, 0);
	send_msg(fd, NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_DELETE, NLM_F_REQUEST | NLM_F_NONREC, NULL, 0);
	send_msg(fd, NFNL_SUBSYS_ACCT << 8 | NFNL_MSG_ACCT_GET_CTRZERO, NLM_F_REQUEST | NLM_F_ATOMIC, NULL, 0);
	send_msg(fd, NFNL_SUBSYS_QUEUE << 8 | NFQNL_MSG_VERDICT, NLM_F_REQUEST | 0x400, NULL, 0);
	send_msg(fd, NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETOBJ_RESET, NLM_F_REQUEST | NLM_F_MATCH, NULL, 0);
	send_msg(fd, NFNL_SUBSYS_NFTABLES << 8 | 0xfe, NLM_F_REQUEST | NLM_F_MATCH, NULL, 0);
	send_msg(fd, NFNL_SUBSYS_NONE << 8 | 0x42, NLM_F_REQUEST, NULL, 0);
	send_msg(fd, 0x7f << 8 | 0x42, NLM_F_REQUEST | 0x100, NULL, 0);
	send_msg(fd, NFNL_MSG_BATCH_END, NLM_F_REQUEST, NULL, 0);
	/* payloads: nfgenmsg with res_id in network order, in host order, another id */
	send_msg(fd, NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE, NLM_F_REQUEST | NLM_F_ACK, &nfg, sizeof nfg);
	recvfrom(fd, answer, sizeof answer, 0, NULL, NULL);
	nfg.res_id = NFNL_SUBSYS_NFTABLES;
	send_msg(fd, NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELTABLE, NLM_F_REQUEST, &nfg, sizeof nfg);
	nfg.res_id = htons(0x1234);
	nfg.nfgen_family = 0xfe;
	nfg.version = 7;
	send_msg(fd, NFNL_SUBSYS_ACCT << 8 | NFNL_MSG_ACCT_NEW, NLM_F_REQUEST, &nfg, sizeof nfg);
	nfg.nfgen_family = AF_UNSPEC;
	nfg.version = NFNETLINK_V0;
	nfg.res_id = htons(NFNL_SUBSYS_NFTABLES);
	send_msg(fd, NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, &nfg, sizeof nfg);
	/* a batch message's bytes after its nfgenmsg; a message too short for one */
	unsigned char more[8];
	memcpy(more, &nfg, sizeof nfg);
	memcpy(more + 4, "wxyz", 4);
	send_msg(fd, NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, more, sizeof more);
	send_msg(fd, NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE, NLM_F_REQUEST, "abc", 3);
	/* an nfgenmsg past the end of the mapping */
	struct nlmsghdr *h = (struct nlmsghdr *)(tail - NLMSG_HDRLEN - 2);
	memset(h, 0, sizeof *h);
	h->nlmsg_len = NLMSG_HDRLEN + sizeof nfg;
	h->nlmsg_type = NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE;
	h->nlmsg_flags = NLM_F_REQUEST;
	sendto(fd, h, h->nlmsg_len, MSG_DONTWAIT, NULL, 0);
	/* attributes after the nfgenmsg: types unnamed, data as bytes */
	unsigned char withattrs[4 + 8 + 4 + 6];
	struct nlattr *na = (struct nlattr *)(withattrs + 4);
	memcpy(withattrs, &nfg, sizeof nfg);
	na->nla_len = 8;
	na->nla_type = NFTA_TABLE_NAME;
	memcpy(withattrs + 8, "abc", 4);
	na = (struct nlattr *)(withattrs + 12);
	na->nla_len = 6;
	na->nla_type = NLA_F_NESTED | 0x123;
	memcpy(withattrs + 16, "\x01\x02", 2);
	send_msg(fd, NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE, NLM_F_REQUEST, withattrs, sizeof withattrs);
	send_msg(fd, NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE, NLM_F_REQUEST, withattrs, 4 + 3);
	int done = 7;
	send_msg(fd, NLMSG_DONE, NLM_F_MULTI, &done, sizeof done);
	close(fd);
}

static void generic(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	struct genlmsghdr g = { .cmd = CTRL_CMD_GETFAMILY, .version = 1 };

	if (fd < 0)
		return;
	send_msg(fd, GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, &g, sizeof g);
	send_msg(fd, 0xfff0, NLM_F_REQUEST, &g, sizeof g);
	send_msg(fd, NLMSG_NOOP, NLM_F_REQUEST, NULL, 0);
	close(fd);
}

struct udev_header {   /* libudev's struct udev_monitor_netlink_header */
	char prefix[8];
	uint32_t magic, header_size, properties_off, properties_len;
	uint32_t filter_subsystem_hash, filter_devtype_hash;
	uint32_t filter_tag_bloom_hi, filter_tag_bloom_lo;
};

static void uevent(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_KOBJECT_UEVENT);
	struct udev_header uh = {
		.prefix = "libudev", .magic = htonl(0xfeedcafe), .header_size = sizeof uh,
		.properties_off = sizeof uh, .properties_len = 16,
		.filter_subsystem_hash = htonl(0x12345678), .filter_devtype_hash = 0,
		.filter_tag_bloom_hi = htonl(1), .filter_tag_bloom_lo = 0xffffffff,
	};
	char buf[sizeof uh + 16];

	if (fd < 0)
		return;
	sendto(fd, &uh, sizeof uh, MSG_DONTWAIT, NULL, 0);
	memcpy(buf, &uh, sizeof uh);
	memcpy(buf + sizeof uh, "ACTION=add\0A=b\0\0", 16);
	sendto(fd, buf, sizeof buf, MSG_DONTWAIT, NULL, 0);
	sendto(fd, buf, sizeof uh - 1, MSG_DONTWAIT, NULL, 0);
	memcpy(tail - sizeof uh + 1, &uh, sizeof uh - 1);
	sendto(fd, tail - sizeof uh + 1, sizeof uh, MSG_DONTWAIT, NULL, 0);
	memcpy(buf, "add@/devices/x\0ACTION=add\0", 26);
	sendto(fd, buf, 26, MSG_DONTWAIT, NULL, 0);
	memcpy(uh.prefix, "libude", 7);
	sendto(fd, &uh, sizeof uh, MSG_DONTWAIT, NULL, 0);
	sendto(fd, NULL, sizeof uh, MSG_DONTWAIT, NULL, 0);
	close(fd);
}

int main(int argc, char **argv)
{
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (page == MAP_FAILED || argc < 2)
		return 1;
	munmap(page + 4096, 4096);
	tail = page + 4096;
	netfilter(argv[1]);
	generic();
	uevent();
	return 0;
}
