/* Calls of the other x86_64 personalities from a 64-bit program: int $0x80 (i386
 * numbers: 20 getpid, 4 write, 200 getgid32: no 64-bit call of that name, it has
 * getgid's arguments) and an x32 number (__X32_SYSCALL_BIT | 39, getpid;
 * ENOSYS where the kernel has no x32).  strace names them from those ABIs' tables and
 * says "[ Process PID=N runs in 32 bit mode. ]" at each switch. */
#include <unistd.h>
int main(void) {
	long ret;
	__asm__ volatile ("int $0x80" : "=a"(ret) : "a"(20L) : "memory");   /* getpid */
	__asm__ volatile ("int $0x80" : "=a"(ret) : "a"(4L), "b"(1L), "c"(0L), "d"(0L) : "memory");   /* write(1, NULL, 0) */
	__asm__ volatile ("int $0x80" : "=a"(ret) : "a"(200L) : "memory");   /* getgid32 */
	__asm__ volatile ("syscall" : "=a"(ret) : "a"(0x40000027L) : "rcx", "r11", "memory");   /* x32 getpid */
	return 0;
}
