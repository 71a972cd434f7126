/* The file-system ioctls ('X' and 'f'): FIFREEZE/FITHAW (no argument), FITRIM,
 * FS_IOC_FSSETXATTR/FSGETXATTR, FS_IOC_FIEMAP (with two extents for an injected
 * success), FS_IOC_[32_]GETFLAGS/SETFLAGS, unknown requests of both types; on a bad fd,
 * on a memfd (tmpfs answers FSGETXATTR and GETFLAGS for real), with NULL, unreadable
 * pointers (whole structs: the "umoven: short read" warning of a partly readable
 * one is printed by strace in the middle of the line, by pstrace before it), known
 * and unknown flag bits, and garbage in the upper 32 bits of the request. */
#define _GNU_SOURCE
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

/* size bytes ending where an inaccessible page begins */
static void *tail(size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(p + page, page, PROT_NONE);
	return p + page - size;
}

int main(void)
{
	int fd = memfd_create("ioctl_fs", 0);
	struct fstrim_range *range = tail(sizeof(*range));
	struct fsxattr *xa = tail(sizeof(*xa));
	struct fiemap *fm = tail(sizeof(*fm) + 2 * sizeof(struct fiemap_extent));
	struct fiemap *fm_short = tail(sizeof(*fm));
	unsigned int *iflags = tail(sizeof(*iflags));

	ioctl(-1, FIFREEZE, 0);
	ioctl(-1, FITHAW, 0xbadc0deddeadc0deUL);
	syscall(SYS_ioctl, -1, GARBAGE | FIFREEZE, 0);
	ioctl(-1, _IO('X', 0xff), 0x1234);
	ioctl(-1, _IO('f', 0xff), 0);

	ioctl(-1, FITRIM, NULL);
	ioctl(-1, FITRIM, range + 1);
	range->start = 0xdeadbeefcafef00dULL;
	range->len = 0xfacefeedbabec0deULL;
	range->minlen = 4096;
	ioctl(-1, FITRIM, range);

	ioctl(-1, FS_IOC_FSSETXATTR, NULL);
	ioctl(-1, FS_IOC_FSSETXATTR, xa + 1);
	xa->fsx_xflags = FS_XFLAG_APPEND | FS_XFLAG_NOATIME | FS_XFLAG_HASATTR;
	xa->fsx_extsize = 0xdeadbeef;
	xa->fsx_projid = 0xcafef00d;
	xa->fsx_cowextsize = 7;
	ioctl(-1, FS_IOC_FSSETXATTR, xa);
	xa->fsx_xflags = FS_XFLAG_SYNC | 0x40000000;
	ioctl(-1, FS_IOC_FSSETXATTR, xa);
	xa->fsx_xflags = 0x40000000;
	ioctl(-1, FS_IOC_FSSETXATTR, xa);
	ioctl(-1, FS_IOC_FSGETXATTR, xa);
	ioctl(-1, FS_IOC_FSGETXATTR, NULL);
	memset(xa, 0, sizeof(*xa));
	ioctl(fd, FS_IOC_FSGETXATTR, xa);

	ioctl(-1, FS_IOC_FIEMAP, NULL);
	ioctl(-1, FS_IOC_FIEMAP, fm_short + 1);
	fm_short->fm_start = 1;
	fm_short->fm_length = ~0ULL;
	fm_short->fm_flags = FIEMAP_FLAG_SYNC;
	fm_short->fm_mapped_extents = 0xbadc0ded;
	fm_short->fm_extent_count = 0;
	ioctl(-1, FS_IOC_FIEMAP, fm_short);
	ioctl(fd, FS_IOC_FIEMAP, fm_short);
	fm->fm_start = 0xdeadbeefcafef00dULL;
	fm->fm_length = 4096;
	fm->fm_flags = ~0U;
	fm->fm_mapped_extents = 2;
	fm->fm_extent_count = 2;
	fm->fm_extents[0].fe_logical = 1;
	fm->fm_extents[0].fe_physical = 0xfacefed2deadbef2ULL;
	fm->fm_extents[0].fe_length = 3;
	fm->fm_extents[0].fe_flags = FIEMAP_EXTENT_LAST | FIEMAP_EXTENT_SHARED;
	fm->fm_extents[1].fe_flags = ~(FIEMAP_EXTENT_LAST | FIEMAP_EXTENT_SHARED);
	ioctl(-1, FS_IOC_FIEMAP, fm);
	fm->fm_mapped_extents = 3;     /* the third extent is unreadable */
	fm->fm_flags = FIEMAP_FLAG_XATTR | 0x100;
	ioctl(-1, FS_IOC_FIEMAP, fm);
	fm->fm_mapped_extents = 0;
	ioctl(-1, FS_IOC_FIEMAP, fm);

	ioctl(-1, FS_IOC_GETFLAGS, NULL);
	ioctl(-1, FS_IOC32_GETFLAGS, iflags);
	ioctl(-1, FS_IOC_SETFLAGS, iflags + 1);
	*iflags = FS_APPEND_FL | FS_NOATIME_FL | 0x800000;
	ioctl(-1, FS_IOC_SETFLAGS, iflags);
	*iflags = 0x1000000;
	ioctl(-1, FS_IOC32_SETFLAGS, iflags);
	*iflags = 0;
	ioctl(fd, FS_IOC_GETFLAGS, iflags);
	ioctl(fd, FS_IOC_SETFLAGS, iflags);
	return 0;
}
