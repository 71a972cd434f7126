/* name_to_handle_at and open_by_handle_at (tests/differential/test_misc_admin.py): a
 * handle too small (EOVERFLOW: the size the kernel wants), a real handle and opening it
 * again (a directory, read-only), NULL and unreadable pointers, a handle cut by an
 * unmapped page, one larger than MAX_HANDLE_SZ, unknown flags, garbage in the upper half
 * of int arguments. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long garbage = (long)0xdefaced00000000ULL;
	char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = page + 4096;	/* unmapped */
	struct file_handle *h = (void *)page, *cut = (void *)(end - 12);
	int mount_id, fd, dir;

	munmap(end, 4096);
	dir = open("/", O_RDONLY | O_DIRECTORY);
	h->handle_bytes = 0;
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/tmp", h, &mount_id, 0);
	h->handle_bytes = MAX_HANDLE_SZ;
	syscall(SYS_name_to_handle_at, garbage | AT_FDCWD, "/tmp", h, &mount_id, garbage);
	fd = syscall(SYS_open_by_handle_at, dir, h, O_RDONLY | O_DIRECTORY);
	close(fd);
	syscall(SYS_open_by_handle_at, -1, h, garbage | O_RDWR | O_CLOEXEC);
	syscall(SYS_name_to_handle_at, dir, "", h, &mount_id, AT_EMPTY_PATH);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/tmp", h, end, 0);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/nonexistent", h, &mount_id,
		AT_SYMLINK_FOLLOW | 0x8);
	syscall(SYS_name_to_handle_at, AT_FDCWD, "/tmp", NULL, NULL, 0);
	syscall(SYS_name_to_handle_at, -1, end - 1, end - 4, end, 0x80000000);
	cut->handle_bytes = 8;
	cut->handle_type = 1;
	syscall(SYS_open_by_handle_at, -1, cut, O_RDONLY);
	h->handle_bytes = MAX_HANDLE_SZ + 8;
	syscall(SYS_open_by_handle_at, -1, h, O_WRONLY);
	syscall(SYS_open_by_handle_at, -1, NULL, 0);
	syscall(SYS_open_by_handle_at, -1, end, 0);
	close(dir);
	return 0;
}
