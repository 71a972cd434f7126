/* Socket ioctls (0x89) sock.c decodes that net_ioctl.c leaves out: the requests whose
 * argument strace prints as an address only (NULL, a pointer), SIOC[GS]IFSLAVE,
 * SIOC{ADD,DEL}MULTI and SIOCSIFHWBROADCAST (an ifreq with a hardware address),
 * SIOC[GS]IFENCAP and SIOCOUTQNSD (ints), bridge names (SIOCBR{ADD,DEL}BR: NUL within
 * IFNAMSIZ, none, cut by a page) and SIOCBR{ADD,DEL}IF (ifindex of "lo"); setters go to
 * a bad fd, getters to a UDP socket. */
#include <net/if.h>
#include <linux/if_arp.h>
#include <linux/sockios.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include "page_tail.h"

int main(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq *ifr = tail(sizeof(*ifr));
	int *num = tail(sizeof(*num));
	char *name16 = tail(16), *name15 = tail(15);
	unsigned long addr_only[] = {
		SIOCGSTAMP, SIOCGSTAMPNS, SIOCADDRT, SIOCDELRT, SIOCRTMSG, SIOCSIFLINK,
		SIOCGIFMEM, SIOCSIFMEM, SIOCGIFCOUNT, SIOCGIFBR, SIOCSIFBR, SIOCETHTOOL,
		SIOCGMIIPHY, SIOCGMIIREG, SIOCSMIIREG, SIOCWANDEV, SIOCDARP, SIOCGARP, SIOCSARP,
		SIOCDRARP, SIOCGRARP, SIOCSRARP, SIOCGIFVLAN, SIOCSIFVLAN, SIOCBONDENSLAVE,
		SIOCBONDRELEASE, SIOCBONDSETHWADDR, SIOCBONDSLAVEINFOQUERY, SIOCBONDINFOQUERY,
		SIOCBONDCHANGEACTIVE, SIOCGIFPFLAGS, SIOCSIFPFLAGS, SIOCDIFADDR, SIOCADDDLCI,
		SIOCDELDLCI, SIOCSHWTSTAMP, SIOCGHWTSTAMP, SIOCGSKNS,
	};

	for (unsigned i = 0; i < sizeof(addr_only) / sizeof(addr_only[0]); i++) {
		ioctl(-1, addr_only[i], 0);
		ioctl(-1, addr_only[i], num);
	}

	memset(ifr, 0, sizeof(*ifr));
	strcpy(ifr->ifr_name, "lo");
	ioctl(s, SIOCGIFSLAVE, ifr);
	ioctl(s, SIOCGIFENCAP, num);
	ioctl(s, SIOCOUTQNSD, num);
	strcpy(ifr->ifr_slave, "eth0");
	ioctl(-1, SIOCSIFSLAVE, ifr);
	memset(ifr->ifr_slave, 's', IFNAMSIZ);
	ioctl(-1, SIOCSIFSLAVE, ifr);
	ifr->ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr->ifr_hwaddr.sa_data, "\x01\x00\x5e\x00\x00\x01", 6);
	ioctl(-1, SIOCADDMULTI, ifr);
	ioctl(-1, SIOCDELMULTI, ifr);
	ioctl(-1, SIOCSIFHWBROADCAST, ifr);
	ioctl(-1, SIOCADDMULTI, (char *)ifr + 1);
	*num = -1;
	ioctl(-1, SIOCSIFENCAP, num);
	ioctl(-1, SIOCSIFENCAP, num + 1);
	ioctl(-1, SIOCGIFENCAP, 0);

	memcpy(name16, "0123456789abcdef", 16);
	ioctl(-1, SIOCBRADDBR, name16);
	memcpy(name15, "br0\0junk", 8);
	ioctl(-1, SIOCBRDELBR, name15);
	ioctl(-1, SIOCBRDELBR, name15 + 1);
	memcpy(name15, "0123456789abcde", 15);
	ioctl(-1, SIOCBRDELBR, name15);
	ioctl(-1, SIOCBRADDBR, 0);
	ifr->ifr_ifindex = if_nametoindex("lo");
	ioctl(-1, SIOCBRADDIF, ifr);
	ifr->ifr_ifindex = 0x7fff;
	ioctl(-1, SIOCBRDELIF, ifr);
	return 0;
}
