/* Socket ioctls (SIOC*, FIOSETOWN...) on the loopback interface, succeeding and failing. */
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/sockios.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int main(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	int u = socket(AF_UNIX, SOCK_STREAM, 0);
	struct ifreq ifr;
	void *bad = (void *)1;

	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	ioctl(s, SIOCGIFINDEX, &ifr);
	ioctl(s, SIOCGIFINDEX, bad);
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "nosuchif0");
	ioctl(s, SIOCGIFINDEX, &ifr);

	memset(&ifr, 0, sizeof ifr);
	ifr.ifr_ifindex = 1;
	ioctl(s, SIOCGIFNAME, &ifr);
	ifr.ifr_ifindex = 12345;
	ioctl(s, SIOCGIFNAME, &ifr);
	ioctl(s, SIOCGIFNAME, bad);

	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	ioctl(s, SIOCGIFFLAGS, &ifr);
	ioctl(s, SIOCGIFADDR, &ifr);
	ioctl(s, SIOCGIFNETMASK, &ifr);
	ioctl(s, SIOCGIFBRDADDR, &ifr);
	ioctl(s, SIOCGIFDSTADDR, &ifr);
	ioctl(s, SIOCGIFMTU, &ifr);
	ioctl(s, SIOCGIFHWADDR, &ifr);
	ioctl(s, SIOCGIFMETRIC, &ifr);
	ioctl(s, SIOCGIFTXQLEN, &ifr);
	ioctl(s, SIOCGIFMAP, &ifr);
	ioctl(s, SIOCGIFFLAGS, bad);
	ioctl(s, SIOCGIFADDR, bad);
	ioctl(s, SIOCGIFMTU, bad);
	ioctl(u, SIOCGIFFLAGS, &ifr);
	/* set requests failing: not permitted / bad values */
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "nosuchif0");
	ifr.ifr_flags = IFF_UP | IFF_BROADCAST | IFF_MULTICAST | 0x8000;
	ioctl(s, SIOCSIFFLAGS, &ifr);
	ifr.ifr_mtu = 1500;
	ioctl(s, SIOCSIFMTU, &ifr);
	{
		struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;
		sin->sin_family = AF_INET;
		sin->sin_port = 0;
		sin->sin_addr.s_addr = htonl(0x0a000001);
		ioctl(s, SIOCSIFADDR, &ifr);
		ioctl(s, SIOCSIFNETMASK, &ifr);
	}
	ioctl(s, SIOCSIFBRDADDR, &ifr);
	ioctl(s, SIOCSIFDSTADDR, &ifr);
	ifr.ifr_metric = -3;
	ioctl(s, SIOCSIFMETRIC, &ifr);
	ifr.ifr_qlen = 77;
	ioctl(s, SIOCSIFTXQLEN, &ifr);
	ifr.ifr_map.mem_start = 0x1000;
	ifr.ifr_map.mem_end = 0x2fff;
	ifr.ifr_map.base_addr = 0x300;
	ifr.ifr_map.irq = 9;
	ifr.ifr_map.dma = 3;
	ifr.ifr_map.port = 0xab;
	ioctl(s, SIOCSIFMAP, &ifr);
	memset(&ifr.ifr_hwaddr, 0, sizeof ifr.ifr_hwaddr);
	ifr.ifr_hwaddr.sa_family = 1;	/* ARPHRD_ETHER */
	memcpy(ifr.ifr_hwaddr.sa_data, "\x02\x42\xac\x11\x00\x02\x99", 7);
	ioctl(s, SIOCSIFHWADDR, &ifr);
	ifr.ifr_hwaddr.sa_family = 0x1234;
	ioctl(s, SIOCSIFHWADDR, &ifr);
	ifr.ifr_flags = 0;
	ioctl(s, SIOCSIFFLAGS, &ifr);
	ifr.ifr_flags = (short)0x8000;
	ioctl(s, SIOCSIFFLAGS, &ifr);
	memcpy(ifr.ifr_name, "0123456789abcdef", 16);
	ioctl(s, SIOCSIFMTU, &ifr);
	ioctl(s, SIOCGIFMTU, &ifr);
	strcpy(ifr.ifr_name, "nosuchif0");
	strcpy(ifr.ifr_newname, "newname");
	ioctl(s, SIOCSIFNAME, &ifr);

	{
		char buf[sizeof(struct ifreq) * 8];
		struct ifconf ifc;
		ifc.ifc_len = sizeof buf;
		ifc.ifc_buf = buf;
		ioctl(s, SIOCGIFCONF, &ifc);
		ifc.ifc_len = sizeof(struct ifreq) + 1;
		ioctl(s, SIOCGIFCONF, &ifc);
		ifc.ifc_len = 7;
		ioctl(s, SIOCGIFCONF, &ifc);
		ifc.ifc_len = 64;
		ifc.ifc_buf = bad;
		ioctl(s, SIOCGIFCONF, &ifc);
		ifc.ifc_len = 0;
		ifc.ifc_buf = NULL;
		ioctl(s, SIOCGIFCONF, &ifc);
		ioctl(s, SIOCGIFCONF, bad);
	}

	{
		int v = 0, pid = 0;
		struct timeval tv;
		struct timespec ts;
		int sp[2];
		int t = socket(AF_INET, SOCK_STREAM, 0);
		ioctl(s, SIOCATMARK, &v);
		ioctl(t, SIOCATMARK, &v);
		ioctl(t, SIOCGSTAMP, &tv);
		ioctl(s, SIOCGSTAMP, &tv);
		ioctl(s, SIOCGSTAMPNS, &ts);
		ioctl(s, SIOCATMARK, bad);
		pid = 0;
		ioctl(s, FIOSETOWN, &pid);
		ioctl(s, SIOCSPGRP, &pid);
		ioctl(s, SIOCGPGRP, &pid);
		ioctl(s, FIOGETOWN, &pid);
		ioctl(s, SIOCGPGRP, bad);
		ioctl(s, FIOSETOWN, bad);
		ioctl(s, SIOCOUTQ, &v);
		ioctl(s, SIOCINQ, &v);
		socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
		write(sp[0], "abc", 3);
		ioctl(sp[1], SIOCINQ, &v);
		ioctl(sp[0], SIOCOUTQ, &v);
		ioctl(s, SIOCGIFCOUNT, &v);
		ioctl(s, SIOCADDRT, bad);
		ioctl(s, SIOCDELRT, bad);
		ioctl(s, SIOCGARP, bad);
		ioctl(s, SIOCBRDELBR, "nosuchbr0");	/* never SIOCBRADDBR: root would add it */
		ioctl(s, SIOCGIFVLAN, bad);
		ioctl(s, SIOCGIFPFLAGS, &ifr);
	}
	ioctl(-1, SIOCGIFINDEX, bad);
	return 0;
}
