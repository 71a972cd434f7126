/* SCSI generic ioctls (0x22) on /dev/null (ENOTTY) and a bad fd: the int getters and
 * setters, SG_SET_TRANSFORM's value, SG_SCSI_RESET's kinds (with and without
 * NO_ESCALATE, unknown), SG_GET_SCSI_ID and SG_GET_REQUEST_TABLE (their structs after an
 * injected success), SG_GET_TIMEOUT, SG_IO with NULL, an unreadable pointer and an
 * interface id that is neither 'S' nor 'Q'; SG_IO's sg v3 header (interface 'S') in
 * each transfer direction, with data and sense buffers in hex or as iovec arrays, a
 * resid shortening the data read, unknown directions and flags, a header cut short. */
#include <fcntl.h>
#include <scsi/sg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "page_tail.h"

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned char *buf = tail(64);
	int *num = tail(sizeof(*num));
	unsigned long reqs[] = {
		SG_EMULATED_HOST, SG_GET_COMMAND_Q, SG_GET_KEEP_ORPHAN, SG_GET_LOW_DMA,
		SG_GET_NUM_WAITING, SG_GET_PACK_ID, SG_GET_RESERVED_SIZE, SG_GET_SG_TABLESIZE,
		SG_GET_TRANSFORM, SG_GET_VERSION_NUM, SG_NEXT_CMD_LEN, SG_SET_COMMAND_Q,
		SG_SET_DEBUG, SG_SET_FORCE_LOW_DMA, SG_SET_FORCE_PACK_ID, SG_SET_KEEP_ORPHAN,
		SG_SET_RESERVED_SIZE, SG_SET_TIMEOUT, SG_SCSI_RESET, SG_GET_SCSI_ID,
		SG_GET_REQUEST_TABLE, SG_IO,
	};

	for (unsigned i = 0; i < 64; i++)
		buf[i] = 0x80 + i;
	*num = -7;
	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], num);
		ioctl(-1, reqs[i], 0);
		ioctl(fd, reqs[i], (char *)num + 1);
		ioctl(fd, reqs[i], buf + 32);
	}
	*num = SG_SCSI_RESET_BUS;
	ioctl(fd, SG_SCSI_RESET, num);
	*num = 0x100 | SG_SCSI_RESET_HOST;
	ioctl(fd, SG_SCSI_RESET, num);
	*num = 0x100 | 0x77;
	ioctl(fd, SG_SCSI_RESET, num);
	syscall(SYS_ioctl, -1, SG_SET_TRANSFORM, 0xdeadbeefcafef00dUL);

	sg_io_hdr_t *hdr = tail(sizeof(*hdr));
	struct iovec *iov = tail(2 * sizeof(*iov));
	int dirs[] = { SG_DXFER_NONE, SG_DXFER_TO_DEV, SG_DXFER_FROM_DEV,
		       SG_DXFER_TO_FROM_DEV, -9 };

	iov[0].iov_base = buf;
	iov[0].iov_len = 3;
	iov[1].iov_base = buf + 8;
	iov[1].iov_len = 4;
	for (unsigned i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		memset(hdr, 0, sizeof(*hdr));
		hdr->interface_id = 'S';
		hdr->dxfer_direction = dirs[i];
		hdr->cmd_len = 6;
		hdr->cmdp = buf;
		hdr->mx_sb_len = 32;
		hdr->dxfer_len = 5;
		hdr->dxferp = buf + 16;
		hdr->sbp = buf + 40;
		hdr->sb_len_wr = 3;
		hdr->timeout = 1000;
		hdr->flags = SG_FLAG_DIRECT_IO | 0x40000;
		hdr->resid = 2;
		hdr->status = 0x2;
		hdr->host_status = 0x7;
		hdr->duration = 12;
		hdr->info = SG_INFO_CHECK | 0x80;
		ioctl(fd, SG_IO, hdr);
		hdr->iovec_count = 2;
		hdr->dxferp = iov;
		hdr->resid = 0;
		ioctl(fd, SG_IO, hdr);
	}
	hdr->dxferp = buf + 63;
	hdr->iovec_count = 0;
	hdr->dxfer_direction = SG_DXFER_FROM_DEV;
	ioctl(-1, SG_IO, hdr);
	ioctl(-1, SG_IO, (char *)hdr + 1);
	*(int *)(buf + 60) = 'S';
	ioctl(-1, SG_IO, buf + 60);
	ioctl(-1, SG_GET_TIMEOUT, 0xbad);
	ioctl(-1, _IO(0x22, 0xff), 0x1234);
	return 0;
}
