/* Socket addresses of the families in decoders/sockaddr_more.py, given to connect(2) on
 * a bad descriptor (the kernel answers EBADF before reading them): AF_RXRPC with AF_INET,
 * AF_INET6 and other transports (short, exact and overlong transport_len), AF_IEEE802154
 * (each address type), AF_ALG (names with and without their NUL), AF_NFC (short, plain,
 * LLCP), AF_VSOCK, AF_QIPCRTR, AF_XDP (shared umem or not), AF_MCTP; known and unknown
 * constants, reserved fields set; each one byte short of its struct too. */
#define _GNU_SOURCE
#include <linux/if_alg.h>
#include <linux/if_xdp.h>
#include <linux/mctp.h>
#include <linux/nfc.h>
#include <linux/qrtr.h>
#include <linux/rxrpc.h>
#include <linux/vm_sockets.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static unsigned char buf[128];

static void conn(int len)
{
	connect(-1, (struct sockaddr *)buf, len);
}

static void fill(unsigned short family, unsigned char seed)
{
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(seed + i);
	memcpy(buf, &family, 2);
}

int main(void)
{
	/* AF_RXRPC */
	struct sockaddr_rxrpc *rx = (void *)buf;
	static const unsigned short tlens[] = { 0, 7, 16, 20, 23, 24, 28, 40 };
	static const unsigned short fams[] = { AF_INET, AF_INET6, AF_UNIX, 0x99 };
	for (size_t f = 0; f < 4; f++)
		for (size_t t = 0; t < sizeof(tlens) / sizeof(tlens[0]); t++) {
			fill(AF_RXRPC, (unsigned char)(f * 16 + t));
			rx->srx_service = t & 1 ? 2500 : 77;
			rx->transport_type = t & 2 ? SOCK_DGRAM : 9;
			rx->transport_len = tlens[t];
			rx->transport.family = fams[f];
			conn(sizeof(*rx));
			conn(sizeof(*rx) + 4);
		}
	conn(sizeof(*rx) - 1);
	fill(AF_RXRPC, 0);
	rx->transport.sin.sin_family = AF_INET;
	rx->transport.sin.sin_port = __builtin_bswap16(7000);
	rx->transport.sin.sin_addr.s_addr = __builtin_bswap32(0x0a010203);
	rx->transport_len = sizeof(struct sockaddr_in);
	rx->srx_service = 1;
	conn(sizeof(*rx));

	/* AF_IEEE802154: family, pad, addr_type, pan_id, union { hwaddr[8], short_addr } */
	static const unsigned int types[] = { 0, 1, 2, 3, 0xbad };
	for (size_t i = 0; i < 5; i++) {
		fill(36, (unsigned char)(0x40 + i));
		memcpy(buf + 4, &types[i], 4);
		unsigned short pan = i == 1 ? 0xffff : (unsigned short)(0x100 + i);
		memcpy(buf + 8, &pan, 2);
		unsigned short shrt = i == 2 ? 0xfffe : 0x1234;
		memcpy(buf + 10, &shrt, 2);
		conn(20);
		conn(19);
	}

	/* AF_ALG */
	struct sockaddr_alg *alg = (void *)buf;
	fill(AF_ALG, 0x61);
	conn(24);
	conn(25);
	conn(40);
	memset(buf + 2, 0, sizeof(buf) - 2);
	strcpy((char *)alg->salg_type, "hash");
	strcpy((char *)alg->salg_name, "sha256");
	alg->salg_feat = 0x1000;
	alg->salg_mask = 0x1001;
	conn(88);
	alg->salg_feat = 0;
	alg->salg_mask = 0x40;
	conn(30);

	/* AF_NFC */
	struct sockaddr_nfc_llcp *nfc = (void *)buf;
	fill(AF_NFC, 0x21);
	conn(15);
	conn(16);
	conn(20);
	conn(96);
	memset(buf + 2, 0, sizeof(buf) - 2);
	nfc->dev_idx = 1;
	nfc->target_idx = 3;
	nfc->nfc_protocol = NFC_PROTO_NFC_DEP;
	nfc->dsap = 1;
	nfc->ssap = 0x20;
	memcpy(nfc->service_name, "urn:nfc:sn:snep", 15);
	nfc->service_name_len = 15;
	conn(sizeof(*nfc));
	nfc->service_name_len = 100;
	conn(sizeof(*nfc));

	/* AF_VSOCK */
	struct sockaddr_vm *vm = (void *)buf;
	fill(AF_VSOCK, 0x10);
	conn(16);
	conn(15);
	memset(buf + 2, 0, sizeof(buf) - 2);
	vm->svm_cid = VMADDR_CID_HOST;
	vm->svm_port = VMADDR_PORT_ANY;
	vm->svm_flags = VMADDR_FLAG_TO_HOST;
	conn(16);

	/* AF_QIPCRTR */
	struct sockaddr_qrtr *q = (void *)buf;
	fill(AF_QIPCRTR, 0x30);
	conn(12);
	q->sq_node = QRTR_NODE_BCAST;
	q->sq_port = QRTR_PORT_CTRL;
	conn(12);
	conn(11);

	/* AF_XDP */
	struct sockaddr_xdp *x = (void *)buf;
	fill(AF_XDP, 0x50);
	conn(16);
	x->sxdp_flags = XDP_SHARED_UMEM | XDP_COPY;
	x->sxdp_ifindex = 1;
	x->sxdp_shared_umem_fd = 0;
	conn(16);
	x->sxdp_flags = 0;
	x->sxdp_shared_umem_fd = 0;
	conn(16);
	conn(15);

	/* AF_MCTP */
	struct sockaddr_mctp *m = (void *)buf;
	fill(AF_MCTP, 0x70);
	conn(12);
	memset(buf + 2, 0, sizeof(buf) - 2);
	m->smctp_network = MCTP_NET_ANY;
	m->smctp_addr.s_addr = MCTP_ADDR_ANY;
	m->smctp_type = 1;
	conn(12);
	conn(11);
	return 0;
}
