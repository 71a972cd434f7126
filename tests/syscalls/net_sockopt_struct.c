/* setsockopt/getsockopt with struct values: BPF programs (SO_ATTACH_FILTER,
 * SO_ATTACH_REUSEPORT_CBPF), multicast memberships (ip_mreq, ip_mreqn, ipv6_mreq). */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	int s6 = socket(AF_INET6, SOCK_DGRAM, 0);
	void *bad = (void *)1;
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { .len = 4, .filter = code };
	struct sock_fprog badprog = { .len = 2, .filter = bad };

	setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);
	setsockopt(s, SOL_SOCKET, SO_DETACH_FILTER, NULL, 0);
	setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &badprog, sizeof badprog);
	setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog - 1);
	setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, bad, sizeof prog);
	setsockopt(s, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &prog, sizeof prog);
	prog.len = 0;
	setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);

	{
		/* every instruction class, unknown bits and the SKF_* areas (-v prints them) */
		struct sock_filter all[] = {
			BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 12), BPF_STMT(BPF_LD | BPF_B | BPF_IND, 3),
			BPF_STMT(BPF_LD | BPF_W | BPF_LEN, 0), BPF_STMT(BPF_LD | BPF_IMM, 42),
			BPF_STMT(BPF_LD | BPF_MEM, 2), BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 14),
			BPF_STMT(BPF_LDX | BPF_IMM, 5), BPF_STMT(BPF_ST, 3), BPF_STMT(BPF_STX, 4),
			BPF_STMT(BPF_ALU | BPF_SUB | BPF_X, 0), BPF_STMT(BPF_ALU | BPF_NEG, 0),
			BPF_JUMP(BPF_JMP | BPF_JA, 3, 0, 0), BPF_JUMP(BPF_JMP | BPF_JGT | BPF_X, 0, 1, 2),
			BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 100, 255, 0),
			BPF_STMT(BPF_MISC | BPF_TAX, 0), BPF_STMT(BPF_MISC | BPF_TXA, 0),
			BPF_STMT(BPF_RET | BPF_A, 0), BPF_STMT(BPF_RET | BPF_X, 0),
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
			BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_NET_OFF + 9),
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_LL_OFF + 1),
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + 1000),
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0xffeffff0),
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0xffdffff0),
			BPF_STMT(BPF_LD | BPF_W | BPF_IND, 0xfffff000),
			BPF_STMT(BPF_LDX | BPF_W | BPF_ABS | 0x100, 0xfffff004),
			{0xffff, 1, 2, 3}, {0x07 | 0x40, 0, 0, 9}, {0x06 | 0x18, 0, 0, 1},
			{0x04 | 0xf0, 0, 0, 1}, {0x05 | 0xf0, 1, 1, 1}, {0x00 | 0x18 | 0x20, 0, 0, 1},
			{0x00 | 0xe0, 0, 0, 1}, {0x04 | 0xd0, 0, 0, 0}, {0x05 | 0xd0, 0, 0, 0},
			{0x00 | 0xc0, 0, 0, 0}, {0x02 | 0x40, 0, 0, 0},
		};
		struct sock_fprog p = { sizeof all / sizeof all[0], all };
		setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &p, sizeof p);
	}
	{
		struct ip_mreq m;
		struct ip_mreqn mn;
		m.imr_multiaddr.s_addr = inet_addr("224.0.0.251");
		m.imr_interface.s_addr = inet_addr("127.0.0.1");
		setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, &m, sizeof m);
		setsockopt(s, IPPROTO_IP, IP_DROP_MEMBERSHIP, &m, sizeof m);
		setsockopt(s, IPPROTO_IP, IP_DROP_MEMBERSHIP, &m, sizeof m);
		setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, &m, sizeof m - 1);
		setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, bad, sizeof m);
		memset(&mn, 0, sizeof mn);
		mn.imr_multiaddr.s_addr = inet_addr("224.0.0.252");
		mn.imr_address.s_addr = inet_addr("127.0.0.1");
		mn.imr_ifindex = 1;
		setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mn, sizeof mn);
		setsockopt(s, IPPROTO_IP, IP_DROP_MEMBERSHIP, &mn, sizeof mn);
		setsockopt(s, IPPROTO_IP, IP_MULTICAST_IF, &mn, sizeof mn);
		setsockopt(s, IPPROTO_IP, IP_MULTICAST_IF, &m.imr_interface, 4);
	}
	{
		struct ipv6_mreq m6;
		inet_pton(AF_INET6, "ff02::fb", &m6.ipv6mr_multiaddr);
		m6.ipv6mr_interface = 1;
		setsockopt(s6, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, &m6, sizeof m6);
		setsockopt(s6, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, &m6, sizeof m6);
		setsockopt(s6, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, &m6, sizeof m6);
		setsockopt(s6, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, &m6, sizeof m6 - 1);
		setsockopt(s6, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, bad, sizeof m6);
		m6.ipv6mr_interface = 12345;
		setsockopt(s6, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, &m6, sizeof m6);
	}
	close(s);
	close(s6);
	return 0;
}
