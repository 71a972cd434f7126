/* userfaultfd ioctls on /dev/null (no userfaultfd: the kernel fails them, or an
 * injected success shows the exit fields): every request with a good, NULL, bad and
 * page-cut pointer; features, modes and ioctl bits known, unknown and zero; an unknown
 * 0xaa number. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/userfaultfd.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		UFFDIO_API, UFFDIO_REGISTER, UFFDIO_UNREGISTER, UFFDIO_WAKE, UFFDIO_COPY,
		UFFDIO_ZEROPAGE, UFFDIO_WRITEPROTECT, UFFDIO_CONTINUE, USERFAULTFD_IOC_NEW,
	};
	/* a page at a fixed address, then an unmapped one */
	char *page = mmap((void *) 0x7e000000, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + 4096;
	for (unsigned i = 0; i < 4096; i++)
		page[i] = (char) (i * 5 + 1);

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], page);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *) 8);
		ioctl(fd, reqs[i], end - 12);
	}
	struct uffdio_api api = { UFFD_API, UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_SIGBUS, 0 };
	ioctl(fd, UFFDIO_API, &api);
	api.features = 0;
	ioctl(fd, UFFDIO_API, &api);
	struct uffdio_register reg = { { 0x7e000000, 4096 },
				       UFFDIO_REGISTER_MODE_MISSING | 0x100, 0 };
	ioctl(fd, UFFDIO_REGISTER, &reg);
	reg.mode = 0;
	ioctl(fd, UFFDIO_REGISTER, &reg);
	struct uffdio_copy copy = { 0x7e000000, 0x7e001000, 4096, UFFDIO_COPY_MODE_WP, 0 };
	ioctl(fd, UFFDIO_COPY, &copy);
	struct uffdio_zeropage zp = { { 0x7e000000, 4096 }, UFFDIO_ZEROPAGE_MODE_DONTWAKE, 0 };
	ioctl(fd, UFFDIO_ZEROPAGE, &zp);
	zp.mode = 6;
	ioctl(fd, UFFDIO_ZEROPAGE, &zp);
	struct uffdio_range range = { 0x7e000000, 4096 };
	ioctl(fd, UFFDIO_WAKE, &range);
	ioctl(fd, UFFDIO_UNREGISTER, &range);
	ioctl(fd, _IO(0xaa, 0x7e), page);
	return 0;
}
