/* The new mount API (tests/differential/test_fs_mount_api.py): fsopen, fsconfig with
 * every command, fsmount, fspick, open_tree, move_mount and mount_setattr with struct
 * mount_attr, valid and invalid; nothing gets mounted (move_mount and mount_setattr
 * fail, the contexts are closed unused); unknown flags and commands, garbage in the
 * upper half of int arguments, bad pointers, long keys, a struct larger than known. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/mount.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BAD ((void *)8)

int main(void)
{
	char key[300];
	struct { struct mount_attr a; unsigned long long extra; } attr;
	long garbage = 0xdefaced00000000L;
	int fd, t;

	memset(key, 'k', sizeof key - 1);
	key[sizeof key - 1] = 0;
	fd = syscall(SYS_fsopen, "tmpfs", FSOPEN_CLOEXEC);
	syscall(SYS_fsopen, "no-such-fs", 0);
	syscall(SYS_fsopen, BAD, 0x2);
	syscall(SYS_fsopen, NULL, garbage | FSOPEN_CLOEXEC);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_STRING, "size", "1M", 0);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_FLAG, "ro", NULL, 0);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_FLAG, key, NULL, 0);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_BINARY, "b", "\1\2\3", 3);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_BINARY, "b", "\1\2\3", -1);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_PATH, "source", "/tmp", AT_FDCWD);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_PATH_EMPTY, "source", "", fd);
	syscall(SYS_fsconfig, fd, FSCONFIG_SET_FD, "fd", NULL, 0);
	syscall(SYS_fsconfig, fd, FSCONFIG_CMD_RECONFIGURE, NULL, NULL, 0);
	syscall(SYS_fsconfig, -100, 0xff, BAD, BAD, 3);
	syscall(SYS_fsconfig, garbage | fd, FSCONFIG_SET_STRING, BAD, BAD, 0);
	syscall(SYS_fsmount, fd, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NODEV);
	syscall(SYS_fsmount, -100, 0x10, 0x80000000);
	close(fd);
	fd = syscall(SYS_fspick, AT_FDCWD, "/tmp", FSPICK_CLOEXEC | FSPICK_NO_AUTOMOUNT);
	close(fd);
	syscall(SYS_fspick, -1, BAD, 0xf0);
	t = syscall(SYS_open_tree, AT_FDCWD, "/tmp", OPEN_TREE_CLOEXEC | AT_RECURSIVE);
	syscall(SYS_open_tree, AT_FDCWD, NULL, OPEN_TREE_CLONE | 0x10000000);
	syscall(SYS_move_mount, t, "", AT_FDCWD, "/nonexistent/dir", MOVE_MOUNT_F_EMPTY_PATH);
	syscall(SYS_move_mount, -1, BAD, t, NULL, 0x1000);
	memset(&attr, 0, sizeof attr);
	attr.a.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_IDMAP;
	attr.a.propagation = 0x1234;
	attr.a.userns_fd = t;
	syscall(SYS_mount_setattr, t, "", AT_EMPTY_PATH, &attr, sizeof attr.a);
	attr.a.attr_set = 0x80000000;
	attr.a.userns_fd = 0xffffffffULL;
	attr.extra = 7;
	syscall(SYS_mount_setattr, AT_FDCWD, "/nonexistent", AT_RECURSIVE | 0x8, &attr, sizeof attr);
	syscall(SYS_mount_setattr, -1, NULL, 0, BAD, 24);
	syscall(SYS_mount_setattr, -1, NULL, 0, BAD, sizeof attr.a);
	close(t);
	return 0;
}
