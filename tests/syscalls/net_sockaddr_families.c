/* connect(-1, ...) with addresses of the families strace 6.1 prints field by field
 * beyond inet and unix: AF_AX25 (clean, odd and unprintable calls, digipeaters cut by
 * the length), AF_IPX (with and without sipx_zero), AF_X25 (terminated or not),
 * AF_NETLINK with nl_pad, AF_PACKET with a large ifindex and an address longer than
 * sll_addr; each also one byte shorter than its struct (sa_data). */
#include <linux/netlink.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#ifndef AF_AX25
# define AF_AX25 3
#endif
#ifndef AF_IPX
# define AF_IPX 4
#endif
#ifndef AF_X25
# define AF_X25 9
#endif
#ifndef AF_PACKET
# define AF_PACKET 17
#endif

static unsigned char buf[128] __attribute__((aligned(8)));

static void call(const char *name, int ssid, unsigned char *at)
{
	/* an AX.25 call: 6 characters shifted left by one, then the SSID byte */
	size_t n = strlen(name);
	for (size_t i = 0; i < 6; i++)
		at[i] = (unsigned char)((i < n ? name[i] : ' ') << 1);
	at[6] = (unsigned char)(ssid << 1);
}

static void go(unsigned short fam, int len)
{
	memcpy(buf, &fam, sizeof fam);
	connect(-1, (void *)buf, len);
}

int main(void)
{
	int nd;

	memset(buf, 0, sizeof buf);
	call("VALID", 13, buf + 2);
	go(AF_AX25, 16);
	go(AF_AX25, 15);
	nd = 3;
	memcpy(buf + 12, &nd, sizeof nd);
	call("DIGI", 7, buf + 16);
	call("", 0, buf + 23);
	call("low", 2, buf + 30);
	go(AF_AX25, 16);
	go(AF_AX25, 37);
	go(AF_AX25, 39);
	go(AF_AX25, 40);
	buf[31] = 0x54;             /* '*' */
	buf[23] |= 1;               /* the lowest bit set */
	go(AF_AX25, 40);
	nd = 12;
	memcpy(buf + 12, &nd, sizeof nd);
	go(AF_AX25, 72);

	memset(buf, 0, sizeof buf);
	buf[2] = 0x30; buf[3] = 0x39;                      /* port 12345 */
	buf[4] = 0xfa; buf[5] = 0xce; buf[6] = 0xfe; buf[7] = 0xed;
	memcpy(buf + 8, "ABCDEF", 6);
	buf[14] = 0xff;
	go(AF_IPX, 16);
	buf[15] = 0x42;
	go(AF_IPX, 16);
	go(AF_IPX, 15);

	memset(buf, 0, sizeof buf);
	memcpy(buf + 2, "0123456789abcdef", 16);
	go(AF_X25, 18);
	go(AF_X25, 20);
	buf[12] = 0;
	go(AF_X25, 18);
	go(AF_X25, 17);

	{
		struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pad = 0xffff,
					  .nl_pid = 1234567890, .nl_groups = 0xfacefeed };
		connect(-1, (void *)&nl, sizeof nl);
		nl.nl_pad = 0;
		connect(-1, (void *)&nl, sizeof nl);
	}

	memset(buf, 0, sizeof buf);
	buf[2] = 0; buf[3] = 3;                            /* htons(ETH_P_ALL) */
	memset(buf + 4, 0xfe, 4);                          /* ifindex 0xfefefefe */
	buf[8] = 1;                                        /* ARPHRD_ETHER */
	buf[11] = 10;                                      /* sll_halen */
	memcpy(buf + 12, "abcdefghij", 10);
	go(AF_PACKET, 20);
	go(AF_PACKET, 21);
	go(AF_PACKET, 24);
	buf[11] = 0;
	go(AF_PACKET, 20);
	return 0;
}
