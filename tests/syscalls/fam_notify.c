/* inotify and fanotify with valid and invalid arguments: inotify_init1 flags (known and
 * unknown), inotify_add_watch masks (every bit, unknown bits), bad paths, inotify_rm_watch,
 * fanotify_init classes (known, unknown) and flags with open flags for events,
 * fanotify_mark flags, 64-bit masks, FAN_NOFD, AT_FDCWD and a descriptor; garbage in the
 * upper 32 bits of int arguments. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

int main(void)
{
	void *bad = (void *)8;
	long in = syscall(SYS_inotify_init1, GARBAGE | 04000);
	syscall(SYS_inotify_init1, 0x40000000UL);
	long wd = syscall(SYS_inotify_add_watch, GARBAGE | in, "/", GARBAGE | 0x3UL);
	syscall(SYS_inotify_add_watch, in, bad, 0x100UL);
	syscall(SYS_inotify_add_watch, in, "/", 0xffffffffUL);
	syscall(SYS_inotify_add_watch, -1, NULL, 0);
	syscall(SYS_inotify_rm_watch, GARBAGE | in, GARBAGE | wd);
	syscall(SYS_inotify_rm_watch, in, -5);
	long fan = syscall(SYS_fanotify_init, GARBAGE | 0x1UL, GARBAGE | O_RDONLY);
	syscall(SYS_fanotify_init, 0x4UL | 0x80000000UL, O_RDWR | O_CLOEXEC);
	syscall(SYS_fanotify_init, 0xcUL, 0);
	syscall(SYS_fanotify_init, 0xffffffffUL, 0x80000001UL);
	syscall(SYS_fanotify_mark, GARBAGE | fan, GARBAGE | 0x1UL, 0x8UL, GARBAGE | AT_FDCWD, "/");
	syscall(SYS_fanotify_mark, fan, 0x2UL, 0xdeadbeef00000001UL, -1L, bad);
	syscall(SYS_fanotify_mark, fan, 0x80000000UL, 0x40000000UL, in, NULL);
	syscall(SYS_fanotify_mark, fan, 0, 0, 0xffffffffUL, "");
	syscall(SYS_fanotify_mark, -1, 0x11UL, 0x80000UL, 5, "/nonexistent");
	return 0;
}
