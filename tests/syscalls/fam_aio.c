/* AIO contexts with valid and invalid arguments: io_setup (a context written back, a bad
 * pointer, NULL, garbage in the upper 32 bits of its unsigned count), io_destroy of a
 * context, of 0 and of a bogus one; io_getevents with an event read from /dev/zero, a
 * timeout, bad and NULL pointers, an invalid timespec and a bogus context; io_submit of
 * each opcode family (pread, pwrite with its data, preadv/pwritev with iovecs, poll,
 * fsync, an unknown opcode; flags, rw_flags, a key, priorities, a resfd), a negative
 * count, NULL; io_cancel of a request never submitted; io_pgetevents with a sigmask. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <poll.h>
#include <signal.h>
#include <sys/uio.h>
#include <string.h>
#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

int main(void)
{
	aio_context_t ctx = 0;
	syscall(SYS_io_setup, GARBAGE | 4UL, NULL);
	syscall(SYS_io_setup, 4UL, (void *)8);
	syscall(SYS_io_setup, 0UL, &ctx);
	syscall(SYS_io_setup, GARBAGE | 4UL, &ctx);
	static char buf[64];
	struct iocb cb, *cbs[1] = { &cb };
	struct io_event ev[2];
	struct timespec ts = { 0, 123456789 }, bad_ts = { -1, 2000000000 };
	memset(&cb, 0, sizeof(cb));
	cb.aio_data = 0x1234;
	cb.aio_lio_opcode = IOCB_CMD_PREAD;
	cb.aio_fildes = open("/dev/zero", O_RDONLY);
	cb.aio_buf = (unsigned long)buf;
	cb.aio_nbytes = sizeof(buf);
	syscall(SYS_io_submit, ctx, 1L, cbs);
	syscall(SYS_io_getevents, ctx, 1L, 2L, ev, &ts);
	syscall(SYS_io_getevents, ctx, 0L, 2L, ev, &ts);
	syscall(SYS_io_getevents, 0xfacefeedUL, -1L, 2L, (void *)8, NULL);
	syscall(SYS_io_getevents, 0UL, 0L, 0L, NULL, (void *)8);
	syscall(SYS_io_getevents, 0UL, 0L, 0L, NULL, &bad_ts);
	/* io_submit: one of each kind; the kernel rejects most (bad fds), strace and
	 * pstrace print them at entry alike */
	static char data[] = "written by pwrite";
	struct iovec iov[2] = { { buf, 8 }, { data, 7 } };
	struct iocb k[7], *kp[8];
	memset(k, 0, sizeof(k));
	for (int i = 0; i < 7; i++) {
		k[i].aio_data = 0x100 + i;
		k[i].aio_fildes = -1;
		kp[i] = &k[i];
	}
	k[0].aio_lio_opcode = IOCB_CMD_PWRITE;
	k[0].aio_buf = (unsigned long)data;
	k[0].aio_nbytes = sizeof(data) - 1;
	k[0].aio_offset = -5;
	k[0].aio_rw_flags = RWF_HIPRI | 0x40000000;
	k[0].aio_reqprio = 3;
	k[1].aio_lio_opcode = IOCB_CMD_PWRITEV;
	k[1].aio_buf = (unsigned long)iov;
	k[1].aio_nbytes = 2;
	k[1].aio_flags = IOCB_FLAG_RESFD | IOCB_FLAG_IOPRIO | 0x10;
	k[1].aio_resfd = 0;
	k[1].aio_reqprio = (short)((2 << 13) | 4);
	k[2].aio_lio_opcode = IOCB_CMD_PREADV;
	k[2].aio_buf = (unsigned long)iov;
	k[2].aio_nbytes = 2;
	k[2].aio_key = 7;
	k[2].aio_resfd = 9;
	k[3].aio_lio_opcode = IOCB_CMD_POLL;
	k[3].aio_buf = POLLIN | POLLOUT | 0x80000;
	k[4].aio_lio_opcode = IOCB_CMD_FSYNC;
	k[5].aio_lio_opcode = 0xbeef;
	k[6].aio_lio_opcode = IOCB_CMD_PREAD;
	k[6].aio_buf = (unsigned long)buf;
	k[6].aio_nbytes = -1UL;
	kp[7] = (struct iocb *)8;
	for (int i = 0; i < 8; i++)
		syscall(SYS_io_submit, ctx, 1L, &kp[i]);
	syscall(SYS_io_submit, ctx, 8L, kp);
	syscall(SYS_io_submit, ctx, -1L, kp);
	syscall(SYS_io_submit, ctx, 1L, NULL);
	syscall(SYS_io_submit, ctx, 0L, kp);
	syscall(SYS_io_cancel, ctx, &k[3], ev);
	syscall(SYS_io_cancel, ctx, NULL, NULL);
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR2);
	struct { sigset_t *m; size_t n; } sig = { &mask, 8 }, badsig = { &mask, 3 };
	syscall(SYS_io_pgetevents, ctx, 0L, 2L, ev, &ts, &sig);
	syscall(SYS_io_pgetevents, ctx, 0L, 2L, ev, &ts, &badsig);
	syscall(SYS_io_pgetevents, ctx, 0L, 2L, ev, NULL, (void *)8);
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_destroy, 0UL);
	syscall(SYS_io_destroy, 0xfacefeedUL);
	return 0;
}
