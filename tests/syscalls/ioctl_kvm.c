/* KVM ioctls on /dev/null (no VM: the kernel fails them, or an injected success shows
 * what the getters print): the requests strace decodes with a good, NULL, bad and
 * page-cut pointer; memory flags, cpuid flags and capabilities known and unknown; a
 * named request it does not decode; an unknown 0xae number. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/kvm.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		KVM_CREATE_VM, KVM_CREATE_VCPU, KVM_SET_USER_MEMORY_REGION, KVM_GET_REGS,
		KVM_SET_REGS, KVM_GET_SREGS, KVM_SET_SREGS, KVM_SET_CPUID2,
		KVM_GET_SUPPORTED_CPUID, KVM_GET_EMULATED_CPUID, KVM_CHECK_EXTENSION,
		KVM_RUN, KVM_GET_VCPU_MMAP_SIZE, KVM_GET_API_VERSION, KVM_IRQ_LINE,
	};
	/* a page at a fixed address, then an unmapped one */
	char *page = mmap((void *) 0x7e000000, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + 4096;
	for (unsigned i = 0; i < 4096; i++)
		page[i] = (char) (i * 17 + 9);
	memset(page, 0, 8);   /* a zero cpuid count at the page start */

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], page);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *) 8);
		ioctl(fd, reqs[i], end - 8);
	}
	struct kvm_userspace_memory_region region = {
		1, KVM_MEM_READONLY | 0x10, 0x1000, 4096, 0x7e000000 };
	ioctl(fd, KVM_SET_USER_MEMORY_REGION, &region);
	struct {
		struct kvm_cpuid2 head;
		struct kvm_cpuid_entry2 entries[2];
	} cpuid;
	memset(&cpuid, 0, sizeof(cpuid));
	cpuid.head.nent = 2;
	cpuid.entries[0].function = 1;
	cpuid.entries[0].eax = 0xa0671;
	cpuid.entries[1].function = 4;
	cpuid.entries[1].flags = KVM_CPUID_FLAG_SIGNIFCANT_INDEX | 0x40;
	ioctl(fd, KVM_SET_CPUID2, &cpuid);
	unsigned long caps[] = { KVM_CAP_USER_MEMORY, KVM_CAP_IRQCHIP, 0, 0xdead };
	for (unsigned i = 0; i < 4; i++)
		ioctl(fd, KVM_CHECK_EXTENSION, caps[i]);
	struct kvm_regs regs;
	memset(&regs, 0, sizeof(regs));
	regs.rip = 0x1000; regs.rflags = 2; regs.rax = 5;
	ioctl(fd, KVM_SET_REGS, &regs);
	ioctl(fd, KVM_CREATE_VCPU, 0xfacefeed00000001UL);
	ioctl(fd, _IO(0xae, 0xfe), page);
	return 0;
}
