/* modify_ldt: read, write (struct user_desc), bad func, bad sizes and pointers.
 * The kernel's int return comes back zero-extended: -ENOSYS is 0xffffffda in rax. */
#include <asm/ldt.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct user_desc d;
	char buf[64];

	memset(buf, 0, sizeof buf);
	syscall(SYS_modify_ldt, 0, buf, sizeof buf);
	syscall(SYS_modify_ldt, 99, 0, 0);
	syscall(SYS_modify_ldt, 99, buf, 16);
	memset(&d, 0, sizeof d);
	d.entry_number = 1;
	d.base_addr = 0x1000;
	d.limit = 0xfff;
	d.seg_32bit = 1;
	d.contents = 0;
	d.read_exec_only = 0;
	d.limit_in_pages = 1;
	d.seg_not_present = 0;
	d.useable = 1;
	syscall(SYS_modify_ldt, 1, &d, sizeof d);
	syscall(SYS_modify_ldt, 0x11, &d, sizeof d);
	syscall(SYS_modify_ldt, 1, &d, sizeof d - 1);
	syscall(SYS_modify_ldt, 1, (void *)1, sizeof d);
	d.entry_number = 9000;
	syscall(SYS_modify_ldt, 1, &d, sizeof d);
	syscall(SYS_modify_ldt, 0, buf, sizeof buf);
	syscall(SYS_modify_ldt, 0, (void *)1, 16);
	syscall(SYS_modify_ldt, 2, buf, sizeof buf);
	return 0;
}
