/* AIO contexts with valid and invalid arguments: io_setup (a context written back, a bad
 * pointer, NULL, garbage in the upper 32 bits of its unsigned count), io_destroy of a
 * context, of 0 and of a bogus one; io_getevents with an event read from /dev/zero, a
 * timeout, bad and NULL pointers, an invalid timespec and a bogus context. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
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
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_destroy, 0UL);
	syscall(SYS_io_destroy, 0xfacefeedUL);
	return 0;
}
