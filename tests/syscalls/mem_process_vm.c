/* process_vm_readv/process_vm_writev on the program itself (tests/differential/
 * test_mem_misc.py): the local iovecs with the data moved (readv: as much as was read),
 * the remote ones as addresses; a short read, a bad remote address, a bad local array,
 * an unreadable array, NULL, counts and flags with garbage, a pid that names nobody. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	static char src[] = "hello, world: remote bytes", dst[64], dst2[8];
	struct iovec local[2] = { { dst, 5 }, { dst2, 8 } };
	struct iovec remote[2] = { { src, 10 }, { src + 10, 16 } };
	struct iovec bad[1] = { { (void *)8, 4 } };
	long me = syscall(SYS_getpid);
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec *tail = (struct iovec *)(page + 4096) - 1;

	syscall(SYS_process_vm_readv, me, local, 2, remote, 2, 0);
	syscall(SYS_process_vm_readv, me, local, 1, remote, 2, 0);
	syscall(SYS_process_vm_readv, me, local, 2, bad, 1, 0);
	syscall(SYS_process_vm_readv, me, bad, 1, remote, 1, 0);
	syscall(SYS_process_vm_writev, me, remote, 2, local, 2, 0);
	syscall(SYS_process_vm_writev, me, remote, 1, bad, 1, 0);
	syscall(SYS_process_vm_writev, me, NULL, 0, NULL, 0, 0);
	syscall(SYS_process_vm_writev, me, remote, 2, local, 2, 0xdefaced00000001L);
	*tail = remote[0];
	munmap(page + 4096, 4096);
	syscall(SYS_process_vm_readv, me, local, 1, tail, 2, 0);
	syscall(SYS_process_vm_writev, me, tail, 2, local, 1, 0);
	syscall(SYS_process_vm_readv, 0xdefaced00000000L | me, local, 1, remote, 1, 0);
	syscall(SYS_process_vm_readv, 99999, local, 1, remote, 1, 0);
	syscall(SYS_process_vm_readv, me, (void *)1, 3, (void *)2, 4, 0);
	return 0;
}
