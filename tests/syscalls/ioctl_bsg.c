/* SG_IO with the bsg interface's struct sg_io_v4 (guard 'Q') on /dev/null (ENOTTY): a
 * request with its command, data sent in hex and as an iovec array, the response and
 * the data read (shortened by din_resid, or not when din_resid is negative or too
 * big), known and unknown protocols, subprotocols, flags and info bits, NULL and
 * unreadable buffers; a struct cut by the page end right after its guard, and cut
 * further on. */
#include <fcntl.h>
#include <linux/bsg.h>
#include <scsi/sg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include "page_tail.h"

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned char *data = tail(64);
	struct sg_io_v4 *io = tail(sizeof(*io));
	struct iovec *iov = tail(2 * sizeof(*iov));

	for (unsigned i = 0; i < 64; i++)
		data[i] = 0x80 + i;
	iov[0].iov_base = data;
	iov[0].iov_len = 3;
	iov[1].iov_base = data + 8;
	iov[1].iov_len = 6;

	memset(io, 0, sizeof(*io));
	io->guard = 'Q';
	ioctl(fd, SG_IO, io);

	io->protocol = BSG_PROTOCOL_SCSI;
	io->subprotocol = BSG_SUB_PROTOCOL_SCSI_CMD;
	io->request_len = 6;
	io->request = (unsigned long) data;
	io->request_tag = 0xfeedfacecafe;
	io->request_attr = 1;
	io->request_priority = 2;
	io->request_extra = 3;
	io->max_response_len = 32;
	io->response = (unsigned long) (data + 40);
	io->response_len = 5;
	io->dout_xfer_len = 4;
	io->dout_xferp = (unsigned long) (data + 16);
	io->din_xfer_len = 7;
	io->din_xferp = (unsigned long) (data + 24);
	io->din_resid = 2;
	io->dout_resid = -1;
	io->timeout = 60000;
	io->flags = BSG_FLAG_Q_AT_TAIL;
	io->usr_ptr = 0xdeadbeef;
	io->driver_status = 0x8;
	io->transport_status = 0x1;
	io->device_status = 0x2;
	io->retry_delay = 100;
	io->info = SG_INFO_CHECK;
	io->duration = 12;
	io->generated_tag = 0x1234;
	ioctl(fd, SG_IO, io);

	/* iovec arrays; a residue bigger than the data, a negative one */
	io->dout_iovec_count = 2;
	io->dout_xferp = (unsigned long) iov;
	io->din_iovec_count = 2;
	io->din_xferp = (unsigned long) iov;
	io->din_resid = 100;
	ioctl(fd, SG_IO, io);
	io->din_resid = -3;
	io->din_iovec_count = 0;
	io->din_xferp = (unsigned long) (data + 60);
	ioctl(fd, SG_IO, io);

	/* unknown values, NULL and unreadable buffers, data longer than -s */
	io->protocol = 7;
	io->subprotocol = BSG_SUB_PROTOCOL_SCSI_TRANSPORT;
	io->flags = BSG_FLAG_Q_AT_HEAD | 0x40;
	io->info = 0x80;
	io->request = 0;
	io->response = (unsigned long) (data + 64);
	io->dout_iovec_count = 0;
	io->dout_xferp = (unsigned long) data;
	io->dout_xfer_len = 48;
	io->din_resid = 0;
	ioctl(fd, SG_IO, io);
	io->subprotocol = 9;
	io->flags = 0x100;
	io->info = 0;
	ioctl(fd, SG_IO, io);

	/* the struct cut right after the guard, and in its middle */
	*(int *)((char *)io + sizeof(*io) - 4) = 'Q';
	ioctl(fd, SG_IO, (char *)io + sizeof(*io) - 4);
	*(int *)((char *)io + 64) = 'Q';
	ioctl(fd, SG_IO, (char *)io + 64);
	return 0;
}
