/* landlock_create_ruleset/add_rule/restrict_self and mount(2) (tests/differential/
 * test_misc_admin.py): a real ruleset descriptor (never applied: restrict_self only
 * gets bad descriptors), attributes smaller and larger than known, unknown access bits,
 * rule types and flags, garbage in the upper half of int arguments; mount with every
 * flag combination strace treats apart (old magic, remount, bind, propagation), on
 * paths that do not exist, so nothing gets mounted. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/landlock.h>
#include <linux/mount.h>
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
	struct { struct landlock_ruleset_attr a; unsigned long long more; } attr = {
		{ .handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE },
		0 };
	struct landlock_path_beneath_attr rule = {
		.allowed_access = LANDLOCK_ACCESS_FS_EXECUTE, .parent_fd = 0 };
	unsigned long long *tail = (void *)(end - 8);
	int fd, dir;

	munmap(end, 4096);
	dir = open("/tmp", O_PATH | O_DIRECTORY);
	syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	syscall(SYS_landlock_create_ruleset, NULL, 0, garbage | LANDLOCK_CREATE_RULESET_VERSION);
	fd = syscall(SYS_landlock_create_ruleset, &attr.a, sizeof attr.a, 0);
	syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
	attr.more = 1;
	syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
	syscall(SYS_landlock_create_ruleset, &attr, 4, 0);
	syscall(SYS_landlock_create_ruleset, end - 4, 8, 0);
	*tail = ~0ULL;
	syscall(SYS_landlock_create_ruleset, tail, 8, 0xbadcaffe);
	*tail = 0xdeadbeef00000000ULL;
	syscall(SYS_landlock_create_ruleset, tail, 8, 0x1234);
	rule.parent_fd = dir;
	syscall(SYS_landlock_add_rule, fd, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
	rule.allowed_access = ~0ULL;
	syscall(SYS_landlock_add_rule, garbage | fd, garbage | LANDLOCK_RULE_PATH_BENEATH,
		&rule, garbage | 1);
	rule.allowed_access = 1ULL << 60;
	rule.parent_fd = -1;
	syscall(SYS_landlock_add_rule, -1, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
	syscall(SYS_landlock_add_rule, fd, LANDLOCK_RULE_PATH_BENEATH, end - 8, 0);
	syscall(SYS_landlock_add_rule, fd, LANDLOCK_RULE_PATH_BENEATH, NULL, 0);
	syscall(SYS_landlock_add_rule, fd, 0, &rule, 0);
	syscall(SYS_landlock_add_rule, fd, 0xfacebeef, &rule, 0xffffffff);
	syscall(SYS_landlock_restrict_self, -1, 0);
	syscall(SYS_landlock_restrict_self, garbage | 1000, garbage | 0xff);
	close(fd);

	syscall(SYS_mount, NULL, NULL, NULL, 0, NULL);
	syscall(SYS_mount, end - 1, end - 2, end - 3, 0x200, end - 4);
	syscall(SYS_mount, "none", "/nonexistent/a", "tmpfs",
		MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RELATIME, "size=1M");
	syscall(SYS_mount, "none", "/nonexistent/a", "tmpfs", MS_MGC_VAL, "size=1M");
	syscall(SYS_mount, "none", "/nonexistent/a", "tmpfs", MS_MGC_VAL | MS_NOATIME, NULL);
	syscall(SYS_mount, "none", "/nonexistent/a", "tmpfs", MS_REMOUNT | MS_RDONLY, "mode=0755");
	syscall(SYS_mount, "/nonexistent/b", "/nonexistent/a", "tmpfs", MS_BIND | MS_REC, "x");
	syscall(SYS_mount, NULL, "/nonexistent/a", NULL, MS_PRIVATE | MS_REC, NULL);
	syscall(SYS_mount, NULL, "/nonexistent/a", "none", MS_SHARED, "data");
	syscall(SYS_mount, NULL, "/nonexistent/a", NULL, MS_SLAVE | MS_UNBINDABLE | MS_MOVE, NULL);
	syscall(SYS_mount, "none", "/nonexistent/a", "tmpfs", 0x8000000000000000UL | MS_SUBMOUNT | 0x200, NULL);
	syscall(SYS_mount, "none", "/nonexistent/a", "tmpfs", 0xc0ed0000UL | MS_REMOUNT | MS_BIND, NULL);
	return 0;
}
