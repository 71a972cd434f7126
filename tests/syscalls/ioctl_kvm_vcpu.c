/* KVM_RUN for -e kvm=vcpu: a real-mode guest that loops on "out %al, (%dx); hlt", so
 * its runs stop alternately for KVM_EXIT_IO and KVM_EXIT_HLT.  The exit reason strace
 * prints comes from the vcpu's mapped struct kvm_run: none before the vcpu is mapped,
 * after it is unmapped, or for a descriptor that is no vcpu (the VM's, /dev/null's, a
 * bad one); a dup of the vcpu descriptor finds the same mapping.  Exits 77 without
 * /dev/kvm. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/kvm.h>

/* mov $0x3f8, %dx; mov $'A', %al; 1: out %al, (%dx); hlt; jmp 1b (16-bit code) */
static const unsigned char guest[] = {
	0xba, 0xf8, 0x03, 0xb0, 0x41, 0xee, 0xf4, 0xeb, 0xfc,
};

int main(void)
{
	int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		return 77;
	int vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		return 77;
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *mem = mmap(NULL, page, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	memcpy(mem, guest, sizeof(guest));
	struct kvm_userspace_memory_region region = {
		.slot = 0, .guest_phys_addr = 0x1000, .memory_size = page,
		.userspace_addr = (unsigned long) mem,
	};
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region))
		return 1;
	int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	int size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (vcpu < 0 || size <= 0)
		return 1;
	struct kvm_sregs sregs;
	if (ioctl(vcpu, KVM_GET_SREGS, &sregs))
		return 1;
	sregs.cs.base = 0;
	sregs.cs.selector = 0;
	struct kvm_regs regs = { .rip = 0x1000, .rflags = 2 };
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs) || ioctl(vcpu, KVM_SET_REGS, &regs))
		return 1;

	ioctl(vcpu, KVM_RUN, 0);		/* not mapped yet: no reason printed */
	void *run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		return 1;
	ioctl(vcpu, KVM_RUN, 0);
	ioctl(vcpu, KVM_RUN, 0);
	int dup_vcpu = dup(vcpu);
	ioctl(dup_vcpu, KVM_RUN, 0);
	ioctl(vm, KVM_RUN, 0);			/* no vcpu: fails */
	ioctl(-1, KVM_RUN, 0);
	int null = open("/dev/null", O_RDONLY);
	ioctl(null, KVM_RUN, 0);
	munmap(run, size);
	ioctl(vcpu, KVM_RUN, 0);		/* unmapped again */
	return 0;
}
