/* swapon/swapoff, reboot, kexec_load, kexec_file_load, pivot_root, uselib, syncfs and
 * _sysctl (tests/differential/test_misc_admin.py).  Every call must fail whoever runs it:
 * swap files that do not exist, reboot with a wrong magic number (checked before
 * anything else), kexec with an architecture or flags the kernel rejects, too many
 * segments or bad descriptors (so no image is ever loaded or unloaded), and _sysctl,
 * which the kernel no longer has. */
#define _GNU_SOURCE
#include <linux/kexec.h>
#include <linux/reboot.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <unistd.h>

struct segment { void *buf; size_t bufsz; void *mem; size_t memsz; };

int main(void)
{
	long garbage = (long)0xdefaced00000000ULL;
	char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = page + 4096;	/* unmapped */
	struct segment segs[3] = {
		{ NULL, 1, NULL, 2 }, { page, 4096, (void *)0x100000, 8192 },
		{ (void *)-1L, -1UL, (void *)0xdeadbeef, 0 } };
	struct segment *last = (void *)(end - sizeof segs[0]);
	char restart[300];
	unsigned long args[10] = { 0, 1, 0, 0, 0, 4 };
	int bad = ~LINUX_REBOOT_MAGIC1;

	munmap(end, 4096);
	memset(restart, 'r', sizeof restart - 1);
	restart[sizeof restart - 1] = 0;
	*last = segs[1];

	syscall(SYS_swapon, "/nonexistent/swap", 0);
	syscall(SYS_swapon, "/nonexistent/swap", garbage | 42);
	syscall(SYS_swapon, "/nonexistent/swap", SWAP_FLAG_PREFER | 7);
	syscall(SYS_swapon, "/nonexistent/swap", SWAP_FLAG_PREFER | SWAP_FLAG_DISCARD | 0x20000);
	syscall(SYS_swapon, "/nonexistent/swap", 0xfff80000 | SWAP_FLAG_PRIO_MASK);
	syscall(SYS_swapon, "/nonexistent/swap", 0x80000);
	syscall(SYS_swapon, end - 2, 0);
	syscall(SYS_swapoff, "/nonexistent/swap");
	syscall(SYS_swapoff, NULL);

	syscall(SYS_reboot, 0, 0, 0, NULL);
	syscall(SYS_reboot, bad, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, NULL);
	syscall(SYS_reboot, garbage | LINUX_REBOOT_MAGIC1, garbage | 0x1234,
		garbage | LINUX_REBOOT_CMD_HALT, NULL);
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0x1234, LINUX_REBOOT_CMD_RESTART2, "now");
	syscall(SYS_reboot, bad, LINUX_REBOOT_MAGIC2A, LINUX_REBOOT_CMD_RESTART2, restart);
	syscall(SYS_reboot, bad, LINUX_REBOOT_MAGIC2B, LINUX_REBOOT_CMD_RESTART2, end - 3);
	syscall(SYS_reboot, bad, LINUX_REBOOT_MAGIC2C, LINUX_REBOOT_CMD_RESTART2, NULL);
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, -1, LINUX_REBOOT_CMD_KEXEC, NULL);
	syscall(SYS_reboot, bad, LINUX_REBOOT_MAGIC2, 0xfa57beef, NULL);

	/* KEXEC_ARCH_SH is not this machine's: EINVAL (or EPERM, ENOSYS) */
	syscall(SYS_kexec_load, 0, 0, NULL, garbage | 0xda7a0000 | 0x1054);
	syscall(SYS_kexec_load, 0x1000, 3, segs, KEXEC_ARCH_SH);
	syscall(SYS_kexec_load, 0x1000, 3, segs, KEXEC_ARCH_SH | KEXEC_ON_CRASH | KEXEC_PRESERVE_CONTEXT);
	syscall(SYS_kexec_load, 0x1000, 2, last, KEXEC_ARCH_386 | 0x100);
	syscall(SYS_kexec_load, 0x1000, 17, segs, KEXEC_ARCH_X86_64 | 0x8000);
	syscall(SYS_kexec_load, 0x1000, 1, end, KEXEC_ARCH_MIPS | 0x8000);
	syscall(SYS_kexec_load, -1L, -1L, segs, KEXEC_ARCH_DEFAULT | 0x40);
	/* bad descriptors, unknown flags */
	syscall(SYS_kexec_file_load, -1, -1, 0, NULL, garbage | 0xda7a0000);
	syscall(SYS_kexec_file_load, garbage | -1, -2, 7, "ro\0quiet", KEXEC_FILE_NO_INITRAMFS);
	syscall(SYS_kexec_file_load, -1, 1000, 40, restart, KEXEC_FILE_ON_CRASH | 0x100);
	syscall(SYS_kexec_file_load, -1, -1, 8, end - 3, 0x100);
	syscall(SYS_kexec_file_load, -1, -1, -1L, page, 0x100);

	/* printed as link, chdir and close */
	syscall(SYS_pivot_root, "/nonexistent/new", "/nonexistent/old");
	syscall(SYS_pivot_root, NULL, end - 1);
	syscall(SYS_uselib, "/nonexistent/lib.so");
	syscall(SYS_syncfs, garbage | -1);

	syscall(SYS__sysctl, NULL);
	syscall(SYS__sysctl, end - 8);
	syscall(SYS__sysctl, args);
	memset(args, 0xab, sizeof args);
	syscall(SYS__sysctl, args);
	return 0;
}
