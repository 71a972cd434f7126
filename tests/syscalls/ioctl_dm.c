/* Device-mapper ioctls (type 0xfd) on /dev/null (ENOTTY): every request with a plain
 * struct dm_ioctl; NULL, unreadable and page-cut headers, a data_size too small to be
 * decoded or to be read at all, another ABI version, unknown flags, a name and uuid
 * without their NUL, DM_DEV_SUSPEND with and without DM_SUSPEND_FLAG; the payloads
 * read at entry (DM_TABLE_LOAD's target specs, DM_TARGET_MSG's message, the strings of
 * DM_DEV_RENAME and DM_DEV_SET_GEOMETRY) and at exit after a success (only with an
 * injected one: DM_TABLE_STATUS/DM_DEV_WAIT specs, DM_TABLE_DEPS, DM_LIST_DEVICES,
 * DM_LIST_VERSIONS, DM_TARGET_MSG's answer), well formed, misplaced (offsets going
 * backwards, past data_size, wrapping), unreadable, and longer than -s; requests the
 * tracer names without decoding and a garbage-filled request number. */
#include <fcntl.h>
#include <linux/dm-ioctl.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "page_tail.h"

#define BIG 1024
#define HDR ((unsigned) sizeof(struct dm_ioctl))

static int fd;
static char *buf;              /* BIG bytes ending where an unreadable page begins */
static struct dm_ioctl *d;

static void hdr(unsigned size, unsigned start, unsigned flags)
{
	memset(buf, 0, BIG);
	d->version[0] = DM_VERSION_MAJOR;
	d->version[1] = DM_VERSION_MINOR;
	d->version[2] = 1;
	d->data_size = size;
	d->data_start = start;
	d->flags = flags;
	d->event_nr = 7;
	d->open_count = -1;
	d->dev = makedev(253, 17);
	strcpy(d->name, "vg0-root");
	strcpy(d->uuid, "LVM-0123456789");
}

static void spec(unsigned at, unsigned long long sector, unsigned next, const char *type,
		 const char *params)
{
	struct dm_target_spec *s = (void *)(buf + at);

	s->sector_start = sector;
	s->length = 2 * sector + 1;
	s->status = -5;
	s->next = next;
	strncpy(s->target_type, type, sizeof(s->target_type));
	strcpy(buf + at + sizeof(*s), params);
}

static void name_entry(unsigned at, unsigned minor, unsigned next, const char *name)
{
	struct dm_name_list *n = (void *)(buf + at);

	n->dev = makedev(253, minor);
	n->next = next;
	strcpy(n->name, name);
	/* the event number after the name, 8-byte aligned (Linux >= 4.13) */
	*(unsigned *)(buf + ((at + offsetof(struct dm_name_list, name) + strlen(name) + 1
			      + 7) & ~7u)) = 40 + minor;
}

static void versions_entry(unsigned at, unsigned next, const char *name)
{
	struct dm_target_versions *v = (void *)(buf + at);

	v->next = next;
	v->version[0] = 1;
	v->version[1] = next;
	v->version[2] = 3;
	strcpy(v->name, name);
}

static void table_load(void)
{
	const unsigned step = sizeof(struct dm_target_spec) + 24;
	struct dm_target_spec *last = (void *)(buf + BIG - sizeof(*last));

	/* three specs chained relative to each other, the last one's parameters running to
	 * data_size without a NUL; a type name filling its array */
	hdr(HDR + 3 * step, HDR, 0);
	d->target_count = 3;
	spec(HDR, 16, step, "linear", "/dev/sda 2048");
	spec(HDR + step, 32, step, "0123456789abcdefXX", "params longer than -s 4");
	spec(HDR + 2 * step, 64, 0, "striped", "");
	memset(buf + HDR + 2 * step + sizeof(struct dm_target_spec), 'p', 24);
	ioctl(fd, DM_TABLE_LOAD, d);
	/* more specs than the chain has: the next offset goes backwards */
	d->target_count = 5;
	ioctl(fd, DM_TABLE_LOAD, d);
	/* no spec at all, and a data_start that wraps */
	d->target_count = 0;
	ioctl(fd, DM_TABLE_LOAD, d);
	d->target_count = 2;
	d->data_start = 0xfffffff8;
	ioctl(fd, DM_TABLE_LOAD, d);
	/* a spec past data_size, an unreadable spec, an unreadable parameter string */
	d->data_start = HDR + 2 * step + 8;
	ioctl(fd, DM_TABLE_LOAD, d);
	d->data_size = 0x10000;
	d->data_start = BIG;
	ioctl(fd, DM_TABLE_LOAD, d);
	last->sector_start = 8;
	last->length = 9;
	strcpy(last->target_type, "zero");
	d->data_start = BIG - sizeof(*last);
	ioctl(fd, DM_TABLE_LOAD, d);
	/* an unreadable type name: the spec is cut by the page end */
	d->data_start = BIG - 20;
	ioctl(fd, DM_TABLE_LOAD, d);
}

static void exit_payloads(void)
{
	const unsigned step = sizeof(struct dm_target_spec) + 16;
	unsigned long reqs[] = { DM_TABLE_STATUS, DM_DEV_WAIT };

	/* specs the kernel writes: next is relative to data_start */
	for (unsigned i = 0; i < 2; i++) {
		hdr(HDR + 3 * step, HDR, DM_STATUS_TABLE_FLAG);
		d->target_count = 3;
		spec(HDR, 1, step, "linear", "8:1 0");
		spec(HDR + step, 2, 2 * step, "error", "");
		spec(HDR + 2 * step, 3, 0, "thin-pool", "253:1 253:2 128");
		ioctl(fd, reqs[i], d);
		d->target_count = 4;   /* the fourth is the first again: misplaced */
		ioctl(fd, reqs[i], d);
	}

	/* two dependencies; a count past data_size; none at all */
	hdr(HDR + 8 + 2 * 8, HDR, 0);
	((struct dm_target_deps *)(buf + HDR))->count = 2;
	((struct dm_target_deps *)(buf + HDR))->dev[0] = makedev(8, 1);
	((struct dm_target_deps *)(buf + HDR))->dev[1] = makedev(259, 65536 + 3);
	ioctl(fd, DM_TABLE_DEPS, d);
	((struct dm_target_deps *)(buf + HDR))->count = 3;
	ioctl(fd, DM_TABLE_DEPS, d);
	d->data_start = d->data_size;
	ioctl(fd, DM_TABLE_DEPS, d);
	d->data_start = d->data_size - 4;
	ioctl(fd, DM_TABLE_DEPS, d);

	/* a device list: with event numbers from ABI 4.37 on, not before; a next offset
	 * that goes backwards; names running past data_size */
	hdr(HDR + 40 + 24, HDR, 0);
	name_entry(HDR, 0, 40, "vg-a");
	name_entry(HDR + 40, 1, 0, "vg-bb");
	ioctl(fd, DM_LIST_DEVICES, d);
	d->version[1] = 36;
	ioctl(fd, DM_LIST_DEVICES, d);
	d->version[1] = DM_VERSION_MINOR;
	((struct dm_name_list *)(buf + HDR + 40))->next = -40;
	ioctl(fd, DM_LIST_DEVICES, d);
	d->data_size = HDR + 40 + 14;
	((struct dm_name_list *)(buf + HDR + 40))->next = 0;
	ioctl(fd, DM_LIST_DEVICES, d);
	d->data_start = d->data_size;
	ioctl(fd, DM_LIST_DEVICES, d);

	/* target versions */
	hdr(HDR + 32 + 24, HDR, 0);
	versions_entry(HDR, 32, "linear");
	versions_entry(HDR + 32, 0, "striped");
	ioctl(fd, DM_LIST_VERSIONS, d);
	d->data_start = BIG;
	d->data_size = 0x10000;
	ioctl(fd, DM_LIST_VERSIONS, d);

	/* a message's answer is printed at exit when DM_DATA_OUT_FLAG says there is one */
	hdr(HDR + 40, HDR, DM_DATA_OUT_FLAG);
	strcpy(buf + HDR, "status: 3 errors");
	ioctl(fd, DM_TARGET_MSG, d);
	d->flags = 0;
	ioctl(fd, DM_TARGET_MSG, d);
}

static void strings(void)
{
	/* a message for a sector; its string without a NUL; misplaced; unreadable */
	hdr(HDR + 8 + 24, HDR, 0);
	*(unsigned long long *)(buf + HDR) = 0x1234;
	strcpy(buf + HDR + 8, "@cancel_deferred_remove");
	ioctl(fd, DM_TARGET_MSG, d);
	d->data_size = HDR + 8 + 5;
	ioctl(fd, DM_TARGET_MSG, d);
	d->data_size = HDR + 8;
	ioctl(fd, DM_TARGET_MSG, d);
	d->data_start = HDR + 4;
	ioctl(fd, DM_TARGET_MSG, d);
	d->data_start = 0xffffffff;
	ioctl(fd, DM_TARGET_MSG, d);
	d->data_start = BIG - 4;
	d->data_size = 0x10000;
	ioctl(fd, DM_TARGET_MSG, d);
	d->data_start = BIG;
	ioctl(fd, DM_TARGET_MSG, d);

	/* a new name, a geometry; cut by data_size; past it; empty; unreadable */
	hdr(HDR + 32, HDR, 0);
	strcpy(buf + HDR, "vg0-new");
	ioctl(fd, DM_DEV_RENAME, d);
	d->data_size = HDR + 3;
	ioctl(fd, DM_DEV_RENAME, d);
	d->data_start = HDR + 4;
	ioctl(fd, DM_DEV_RENAME, d);
	d->data_start = d->data_size;
	ioctl(fd, DM_DEV_RENAME, d);
	d->data_start = BIG;
	d->data_size = 0x10000;
	ioctl(fd, DM_DEV_RENAME, d);
	hdr(HDR + 32, HDR, 0);
	strcpy(buf + HDR, "16 255 63 0 with more than -s");
	ioctl(fd, DM_DEV_SET_GEOMETRY, d);
}

int main(void)
{
	unsigned long reqs[] = {
		DM_VERSION, DM_REMOVE_ALL, DM_LIST_DEVICES, DM_DEV_CREATE, DM_DEV_REMOVE,
		DM_DEV_RENAME, DM_DEV_SUSPEND, DM_DEV_STATUS, DM_DEV_WAIT, DM_DEV_ARM_POLL,
		DM_TABLE_LOAD, DM_TABLE_CLEAR, DM_TABLE_DEPS, DM_TABLE_STATUS,
		DM_LIST_VERSIONS, DM_TARGET_MSG, DM_DEV_SET_GEOMETRY, DM_GET_TARGET_VERSION,
	};

	fd = open("/dev/null", O_RDONLY);
	buf = tail(BIG);
	d = (struct dm_ioctl *)buf;

	/* every request with a header alone */
	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		hdr(HDR, HDR, 0);
		ioctl(fd, reqs[i], d);
	}
	/* NULL, unreadable, cut by the page end */
	ioctl(fd, DM_VERSION, 0);
	ioctl(fd, DM_VERSION, buf + BIG);
	ioctl(fd, DM_VERSION, buf + BIG - offsetof(struct dm_ioctl, data) + 1);
	/* header variants */
	hdr(HDR, HDR, 0);
	d->version[0] = 3;
	ioctl(fd, DM_DEV_STATUS, d);
	hdr(offsetof(struct dm_ioctl, data) - 1, HDR, 0);
	ioctl(fd, DM_DEV_STATUS, d);
	d->data_size = offsetof(struct dm_ioctl, data_size) - 1;
	ioctl(fd, DM_DEV_STATUS, d);
	hdr(offsetof(struct dm_ioctl, data), 0, 0xffffffff);
	ioctl(fd, DM_DEV_STATUS, d);
	d->flags = 0x80000000;
	ioctl(fd, DM_DEV_STATUS, d);
	d->dev = 0;
	memset(d->name, 'N', sizeof(d->name));
	memset(d->uuid, 'U', sizeof(d->uuid));
	ioctl(fd, DM_DEV_STATUS, d);
	d->name[0] = 0;
	d->uuid[0] = 0;
	ioctl(fd, DM_DEV_STATUS, d);
	hdr(HDR, HDR, DM_SUSPEND_FLAG | DM_NOFLUSH_FLAG);
	ioctl(fd, DM_DEV_SUSPEND, d);
	d->flags = DM_SKIP_LOCKFS_FLAG;
	ioctl(fd, DM_DEV_SUSPEND, d);
	hdr(HDR, HDR, 0);
	syscall(SYS_ioctl, fd, GARBAGE | DM_DEV_REMOVE, d);
	syscall(SYS_ioctl, -1, DM_GET_TARGET_VERSION, 0xdeadbeefUL);
	syscall(SYS_ioctl, -1, _IOWR(DM_IOCTL, 0x77, struct dm_ioctl), d);

	table_load();
	exit_payloads();
	strings();
	return 0;
}
