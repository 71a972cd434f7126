/* AIO contexts with valid and invalid arguments: io_setup (a context written back, a bad
 * pointer, NULL, garbage in the upper 32 bits of its unsigned count), io_destroy of a
 * context, of 0 and of a bogus one. */
#define _GNU_SOURCE
#include <linux/aio_abi.h>
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
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_destroy, 0UL);
	syscall(SYS_io_destroy, 0xfacefeedUL);
	return 0;
}
