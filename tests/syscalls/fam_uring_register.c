/* io_uring_register (tests/differential/test_fam_uring.py) on a real ring and on a
 * descriptor that is not one: every opcode strace 6.1 names and unknown ones, with
 * valid arguments (buffers, files, an eventfd, a probe the kernel fills, restrictions
 * on a disabled ring, the rsrc structs with data and tags, CPU affinity, worker counts
 * written back, ring fds, a buffer ring), zeroed and patterned structs, reserved fields
 * set, sizes under and over the struct with nonzero bytes past it, NULL, unmapped and
 * half-mapped arrays, garbage in the upper 32 bits of the int arguments. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/io_uring.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

static long reg(long fd, unsigned long op, const void *arg, unsigned long n)
{
	return syscall(SYS_io_uring_register, GARBAGE | (unsigned int)fd, GARBAGE | op, arg,
		       GARBAGE | n);
}

static unsigned char buf[4096];

int main(void)
{
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	int ring = syscall(SYS_io_uring_setup, 4UL, &p);
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_R_DISABLED;
	int rring = syscall(SYS_io_uring_setup, 4UL, &p);
	int null_fd = open("/dev/null", O_RDONLY);
	int efd = eventfd(0, 0);
	unsigned char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(page + 4096, 4096);
	unsigned char *end = page + 4096;
	static char data[64] = "buffer data";

	/* unknown opcodes and the ones that take no argument */
	reg(ring, 0xbadc0ded, buf, 1);
	reg(ring, IORING_UNREGISTER_PBUF_RING + 1, buf, 1);
	reg(null_fd, IORING_UNREGISTER_BUFFERS, buf, 0);
	reg(ring, IORING_UNREGISTER_FILES, NULL, 0);
	reg(ring, IORING_UNREGISTER_EVENTFD, NULL, 0);
	reg(ring, IORING_UNREGISTER_IOWQ_AFF, NULL, 0);
	reg(ring, IORING_UNREGISTER_PERSONALITY, (void *)1, 0);

	/* restrictions on the ring set up disabled */
	struct io_uring_restriction res[6];
	memset(res, 0, sizeof(res));
	res[0].opcode = IORING_RESTRICTION_REGISTER_OP;
	res[0].register_op = IORING_REGISTER_BUFFERS;
	res[1].opcode = IORING_RESTRICTION_SQE_OP;
	res[1].sqe_op = IORING_OP_READV;
	res[2].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
	res[2].sqe_flags = IOSQE_FIXED_FILE | IOSQE_ASYNC | 0x80;
	res[3].opcode = IORING_RESTRICTION_SQE_FLAGS_REQUIRED;
	res[3].sqe_flags = 0;
	res[3].resv = 7;
	res[3].resv2[1] = 0xabc;
	res[4].opcode = 0x99;
	res[4].register_op = 0x42;
	res[5].opcode = IORING_RESTRICTION_REGISTER_OP;
	res[5].register_op = 0x77;
	reg(rring, IORING_REGISTER_RESTRICTIONS, res, 6);
	reg(rring, IORING_REGISTER_RESTRICTIONS, NULL, 1);
	reg(rring, IORING_REGISTER_RESTRICTIONS, end - 16, 2);
	reg(rring, IORING_REGISTER_RESTRICTIONS, res, 0);
	reg(rring, IORING_REGISTER_RESTRICTIONS, res, 5);
	reg(rring, IORING_REGISTER_ENABLE_RINGS, NULL, 0);

	/* buffers and files */
	struct iovec iov[2] = { { data, sizeof(data) }, { buf, 4096 } };
	reg(ring, IORING_REGISTER_BUFFERS, iov, 2);
	reg(ring, IORING_UNREGISTER_BUFFERS, NULL, 0);
	reg(ring, IORING_REGISTER_BUFFERS, NULL, 2);
	reg(ring, IORING_REGISTER_BUFFERS, end - sizeof(struct iovec), 2);
	int fds[5] = { null_fd, efd, -1, -2, 100 };
	reg(ring, IORING_REGISTER_FILES, fds, 3);
	reg(ring, IORING_REGISTER_FILES, fds, 5);
	reg(ring, IORING_REGISTER_FILES, end - 8, 3);

	struct io_uring_files_update fu;
	memset(&fu, 0, sizeof(fu));
	fu.offset = 1;
	fu.fds = (unsigned long)fds;
	reg(ring, IORING_REGISTER_FILES_UPDATE, &fu, 4);
	fu.resv = 0x55;
	reg(ring, IORING_REGISTER_FILES_UPDATE, &fu, 5);
	reg(ring, IORING_REGISTER_FILES_UPDATE, end - 8, 1);
	reg(ring, IORING_UNREGISTER_FILES, NULL, 0);

	reg(ring, IORING_REGISTER_EVENTFD, &efd, 1);
	reg(ring, IORING_UNREGISTER_EVENTFD, NULL, 0);
	reg(ring, IORING_REGISTER_EVENTFD_ASYNC, &efd, 1);
	reg(ring, IORING_REGISTER_EVENTFD_ASYNC, fds, 2);

	/* the probe: zeros (printed at exit), garbage (printed at entry and exit) */
	memset(buf, 0, sizeof(buf));
	reg(ring, IORING_REGISTER_PROBE, buf, 8);
	reg(ring, IORING_REGISTER_PROBE, buf, 64);
	reg(null_fd, IORING_REGISTER_PROBE, buf, 4);
	for (size_t i = 0; i < 16 + 8 * 40; i++)
		buf[i] = (unsigned char)(i * 7);
	reg(ring, IORING_REGISTER_PROBE, buf, 40);
	reg(ring, IORING_REGISTER_PROBE, buf, 300);
	reg(ring, IORING_REGISTER_PROBE, end - 16, 1);
	reg(ring, IORING_REGISTER_PROBE, NULL, 1);

	reg(ring, IORING_REGISTER_PERSONALITY, NULL, 0);

	/* rsrc register and update: sizes 0, 24, 32, 40 (zero and nonzero tail), 48 */
	struct {
		struct io_uring_rsrc_register r;
		unsigned char tail[16];
	} rr;
	unsigned long long tags[3] = { 1, 0xfeed, 0 };
	static const unsigned int rsizes[] = { 0, 24, 32, 40, 48 };
	for (size_t i = 0; i < sizeof(rsizes) / sizeof(rsizes[0]); i++) {
		memset(&rr, 0, sizeof(rr));
		rr.r.nr = 3;
		rr.r.flags = i & 1 ? IORING_RSRC_REGISTER_SPARSE : 0;
		rr.r.data = (unsigned long)fds;
		rr.r.tags = (unsigned long)tags;
		if (i == 4)
			rr.tail[3] = 0x5a;
		reg(ring, IORING_REGISTER_FILES2, &rr, rsizes[i]);
		rr.r.data = (unsigned long)iov;
		rr.r.nr = 2;
		rr.r.resv2 = i == 2 ? 0x1234 : 0;
		reg(ring, IORING_REGISTER_BUFFERS2, &rr, rsizes[i]);
	}
	reg(ring, IORING_REGISTER_FILES2, end - 16, 32);
	reg(ring, IORING_REGISTER_FILES2, end - 32, 40);

	struct {
		struct io_uring_rsrc_update2 u;
		unsigned char tail[8];
	} ru;
	for (size_t i = 0; i < sizeof(rsizes) / sizeof(rsizes[0]) - 1; i++) {
		memset(&ru, 0, sizeof(ru));
		ru.u.offset = 1;
		ru.u.data = (unsigned long)fds;
		ru.u.tags = (unsigned long)tags;
		ru.u.nr = 3;
		ru.u.resv = i == 2 ? 9 : 0;
		ru.u.resv2 = i == 3 ? 0xbeef : 0;
		ru.tail[0] = i == 3;
		reg(ring, IORING_REGISTER_FILES_UPDATE2, &ru, rsizes[i]);
		ru.u.data = (unsigned long)iov;
		ru.u.nr = 2;
		reg(ring, IORING_REGISTER_BUFFERS_UPDATE, &ru, rsizes[i]);
	}

	/* CPU affinity of the io-wq workers, their counts */
	unsigned char cpus[8] = { 0x1, 0, 0, 0, 0, 0, 0, 0x80 };
	reg(ring, IORING_REGISTER_IOWQ_AFF, cpus, 1);
	reg(ring, IORING_REGISTER_IOWQ_AFF, cpus, 8);
	reg(ring, IORING_REGISTER_IOWQ_AFF, NULL, 8);
	reg(ring, IORING_REGISTER_IOWQ_AFF, end - 1, 2);
	reg(ring, IORING_UNREGISTER_IOWQ_AFF, NULL, 0);
	unsigned int counts[3] = { 4, 0, 77 };
	reg(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, counts, 2);
	reg(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, counts, 3);
	reg(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, counts, 0);
	reg(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, end - 4, 2);
	reg(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, NULL, 2);

	/* ring fds */
	struct io_uring_rsrc_update up[3];
	memset(up, 0, sizeof(up));
	up[0].offset = -1U;
	up[0].data = ring;
	up[1].offset = 5;
	up[1].resv = 3;
	up[1].data = null_fd;
	up[2].offset = 1;
	up[2].data = 0xdeadbeefULL << 32 | 7;
	reg(ring, IORING_REGISTER_RING_FDS, up, 1);
	reg(ring, IORING_REGISTER_RING_FDS, up, 3);
	reg(ring, IORING_UNREGISTER_RING_FDS, up, 3);
	up[0].offset = 0;
	reg(ring, IORING_UNREGISTER_RING_FDS, up, 1);
	reg(ring, IORING_REGISTER_RING_FDS, end - 16, 2);

	/* provided buffer rings */
	struct io_uring_buf_reg br;
	memset(&br, 0, sizeof(br));
	br.ring_addr = (unsigned long)page;
	br.ring_entries = 4;
	br.bgid = 3;
	reg(ring, IORING_REGISTER_PBUF_RING, &br, 1);
	reg(ring, IORING_UNREGISTER_PBUF_RING, &br, 1);
	br.pad = 1;
	br.resv[2] = 0xfff;
	reg(ring, IORING_REGISTER_PBUF_RING, &br, 1);
	reg(ring, IORING_REGISTER_PBUF_RING, end - 8, 1);
	return 0;
}
