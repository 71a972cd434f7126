/* The btrfs ioctls (type 0x94, BTRFS_IOC_*) and the generic requests that share the
 * type (FICLONE, FICLONERANGE, FIDEDUPERANGE, FS_IOC_[GS]ETFSLABEL), on a bad fd (no
 * btrfs needed): requests without argument, NULL, unreadable and filled structs with
 * known and unknown flag bits and values.  The output structures (FS_INFO, GET_FEATURES,
 * DEV_STATS, SPACE_INFO, TREE_SEARCH results, INO_PATHS/LOGICAL_INO containers...) are
 * filled in advance, so that an injected success shows how their " => " part prints.
 * Every fd in a struct is 0 (/dev/null) or -1, for -y.  Unreadable structs start on an inaccessible page: strace prints the "umoven: short
 * read" warning of a partly readable one in the middle of the line, pstrace before it. */
#define _GNU_SOURCE
#include <linux/btrfs.h>
#include <linux/btrfs_tree.h>
#include <linux/fs.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* size bytes ending where an inaccessible page begins */
static void *tail(size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t len = (size + 2 * page - 1) / page * page;
	char *p = mmap(NULL, len + page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(p + len, page, PROT_NONE);
	memset(p, 0, len);
	return p + len - size;
}

#define NEW(type) ((type *) tail(sizeof(type)))

static void vol_args(void)
{
	struct btrfs_ioctl_vol_args *va = NEW(struct btrfs_ioctl_vol_args);
	struct btrfs_ioctl_vol_args_v2 *v2 = NEW(struct btrfs_ioctl_vol_args_v2);
	struct btrfs_qgroup_inherit *qi =
		tail(sizeof(*qi) + 3 * sizeof(qi->qgroups[0]));

	ioctl(-1, BTRFS_IOC_SNAP_CREATE, NULL);
	ioctl(-1, BTRFS_IOC_SNAP_CREATE, va + 1);
	va->fd = 0;
	strcpy(va->name, "subvol");
	ioctl(-1, BTRFS_IOC_SNAP_CREATE, va);
	ioctl(-1, BTRFS_IOC_SUBVOL_CREATE, va);
	ioctl(-1, BTRFS_IOC_SNAP_DESTROY, va);
	va->fd = -1;
	strcpy(va->name, "/dev/loop0");
	ioctl(-1, BTRFS_IOC_ADD_DEV, va);
	ioctl(-1, BTRFS_IOC_RM_DEV, va);
	ioctl(-1, BTRFS_IOC_SCAN_DEV, va);
	ioctl(-1, BTRFS_IOC_FORGET_DEV, va);
	ioctl(-1, BTRFS_IOC_DEVICES_READY, va);
	strcpy(va->name, "max");
	ioctl(-1, BTRFS_IOC_RESIZE, va);
	memset(va->name, 'x', sizeof(va->name));   /* no NUL */
	ioctl(-1, BTRFS_IOC_SNAP_CREATE, va);

	ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, NULL);
	ioctl(-1, BTRFS_IOC_SUBVOL_CREATE_V2, v2 + 1);
	v2->fd = 0;
	v2->flags = BTRFS_SUBVOL_RDONLY;
	v2->transid = 77;
	strcpy(v2->name, "snap");
	ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, v2);
	v2->flags = BTRFS_SUBVOL_QGROUP_INHERIT | 0x100;
	v2->size = sizeof(*qi) + 3 * sizeof(qi->qgroups[0]);
	v2->qgroup_inherit = NULL;
	ioctl(-1, BTRFS_IOC_SUBVOL_CREATE_V2, v2);
	v2->qgroup_inherit = (void *) 0xbadc0ded;
	ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, v2);
	qi->flags = BTRFS_QGROUP_INHERIT_SET_LIMITS;
	qi->num_qgroups = 3;
	qi->lim.flags = BTRFS_QGROUP_LIMIT_MAX_RFER | 0x80;
	qi->lim.max_rfer = 1 << 30;
	qi->lim.rsv_excl = UINT64_MAX;
	qi->qgroups[0] = 5;
	qi->qgroups[1] = 256;
	qi->qgroups[2] = UINT64_MAX;
	v2->qgroup_inherit = qi;
	ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, v2);
	qi->num_qgroups = 4;   /* the last one unreadable */
	ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, v2);
}

static void numbers(void)
{
	uint64_t *u = NEW(uint64_t);

	ioctl(-1, BTRFS_IOC_TRANS_START);
	ioctl(-1, BTRFS_IOC_TRANS_END);
	ioctl(-1, BTRFS_IOC_SYNC);
	ioctl(-1, BTRFS_IOC_SCRUB_CANCEL);
	ioctl(-1, BTRFS_IOC_QUOTA_RESCAN_WAIT);
	ioctl(-1, BTRFS_IOC_DEFRAG, NULL);
	ioctl(-1, BTRFS_IOC_BALANCE, 0x1234);
	ioctl(-1, BTRFS_IOC_BALANCE_CTL, BTRFS_BALANCE_CTL_PAUSE);
	ioctl(-1, BTRFS_IOC_BALANCE_CTL, 3);
	*u = 0xfacefeedcafef00dULL;
	ioctl(-1, BTRFS_IOC_WAIT_SYNC, NULL);
	ioctl(-1, BTRFS_IOC_WAIT_SYNC, u);
	ioctl(-1, BTRFS_IOC_DEFAULT_SUBVOL, u + 1);
	ioctl(-1, BTRFS_IOC_START_SYNC, u);
	*u = BTRFS_SUBVOL_RDONLY | 0x40;
	ioctl(-1, BTRFS_IOC_SUBVOL_SETFLAGS, u);
	ioctl(-1, BTRFS_IOC_SUBVOL_GETFLAGS, u);
	*u = 0;
	ioctl(-1, BTRFS_IOC_SUBVOL_SETFLAGS, u);
	ioctl(-1, _IO(0x94, 0xfe), 0);
	/* garbage in the upper 32 bits of the request */
	syscall(SYS_ioctl, -1, 0xdefaced00000000UL | BTRFS_IOC_WAIT_SYNC, u);
	ioctl(-1, _IOR(0x94, 0xfd, int), u);
}

static void balance_defrag(void)
{
	struct btrfs_ioctl_balance_args *ba = NEW(struct btrfs_ioctl_balance_args);
	struct btrfs_ioctl_defrag_range_args *dr =
		NEW(struct btrfs_ioctl_defrag_range_args);

	ioctl(-1, BTRFS_IOC_BALANCE_V2, NULL);
	ioctl(-1, BTRFS_IOC_BALANCE_V2, ba + 1);
	ba->flags = BTRFS_BALANCE_DATA | BTRFS_BALANCE_SYSTEM | BTRFS_BALANCE_FORCE;
	ba->state = BTRFS_BALANCE_STATE_RUNNING;
	ba->data.profiles = BTRFS_BLOCK_GROUP_RAID1 | BTRFS_BLOCK_GROUP_DATA;
	ba->data.usage = 90;
	ba->data.devid = 0x803;
	ba->data.pend = UINT64_MAX;
	ba->data.flags = BTRFS_BALANCE_ARGS_USAGE | BTRFS_BALANCE_ARGS_CONVERT;
	ba->sys.profiles = 1ULL << 60;
	ba->sys.target = 12;
	ba->meta.vstart = 7;
	ioctl(-1, BTRFS_IOC_BALANCE_V2, ba);
	ba->flags = BTRFS_BALANCE_METADATA | 0x1000;
	ba->state = 0x100;
	ioctl(-1, BTRFS_IOC_BALANCE_V2, ba);
	ioctl(-1, BTRFS_IOC_BALANCE_PROGRESS, ba);
	ioctl(-1, BTRFS_IOC_BALANCE_PROGRESS, NULL);

	ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, NULL);
	dr->start = 4096;
	dr->len = UINT64_MAX;
	dr->flags = BTRFS_DEFRAG_RANGE_COMPRESS;
	dr->extent_thresh = 65536;
	dr->compress_type = 3;
	ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, dr);
	dr->len = 1;
	dr->flags = 0x10;
	dr->compress_type = 9;
	ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, dr);
	ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, dr + 1);
}

static void search(void)
{
	struct btrfs_ioctl_search_args *sa = NEW(struct btrfs_ioctl_search_args);
	struct btrfs_ioctl_search_args_v2 *s2 =
		tail(sizeof(*s2) + 2 * sizeof(struct btrfs_ioctl_search_header) + 4);
	struct btrfs_ioctl_search_header *sh = (void *) sa->buf;

	ioctl(-1, BTRFS_IOC_TREE_SEARCH, NULL);
	ioctl(-1, BTRFS_IOC_TREE_SEARCH_V2, tail(0));
	sa->key.tree_id = BTRFS_ROOT_TREE_OBJECTID;
	sa->key.min_objectid = BTRFS_FIRST_FREE_OBJECTID;
	sa->key.max_objectid = BTRFS_LAST_FREE_OBJECTID;
	sa->key.max_offset = UINT64_MAX;
	sa->key.max_transid = UINT64_MAX;
	sa->key.min_type = BTRFS_ROOT_ITEM_KEY;
	sa->key.max_type = 0xffffffff;
	sa->key.nr_items = 2;
	sh[0].transid = 9;
	sh[0].objectid = BTRFS_FS_TREE_OBJECTID;
	sh[0].type = BTRFS_ROOT_ITEM_KEY;
	sh[0].len = 4;
	sh = (void *) ((char *) (sh + 1) + 4);
	sh->objectid = 300;
	sh->offset = 1;
	sh->type = 250;
	ioctl(-1, BTRFS_IOC_TREE_SEARCH, sa);
	sa->key.min_objectid = BTRFS_UUID_TREE_OBJECTID;
	sa->key.max_objectid = 1000;
	sa->key.tree_id = 77;
	ioctl(-1, BTRFS_IOC_TREE_SEARCH, sa);

	s2->key = sa->key;
	s2->key.nr_items = 3;   /* the third header does not fit in buf_size */
	s2->buf_size = 2 * sizeof(*sh) + 4;
	memcpy(s2->buf, sa->buf, s2->buf_size);
	ioctl(-1, BTRFS_IOC_TREE_SEARCH_V2, s2);
	s2->buf_size = 4096;   /* the third header is unreadable */
	ioctl(-1, BTRFS_IOC_TREE_SEARCH_V2, s2);
}

static void info(void)
{
	struct btrfs_ioctl_ino_lookup_args *il = NEW(struct btrfs_ioctl_ino_lookup_args);
	struct btrfs_ioctl_space_args *sp =
		tail(sizeof(*sp) + 2 * sizeof(struct btrfs_ioctl_space_info));
	struct btrfs_ioctl_scrub_args *sc = NEW(struct btrfs_ioctl_scrub_args);
	struct btrfs_ioctl_dev_info_args *di = NEW(struct btrfs_ioctl_dev_info_args);
	struct btrfs_ioctl_fs_info_args *fi = NEW(struct btrfs_ioctl_fs_info_args);
	struct btrfs_ioctl_get_dev_stats *ds = NEW(struct btrfs_ioctl_get_dev_stats);

	ioctl(-1, BTRFS_IOC_INO_LOOKUP, NULL);
	il->objectid = BTRFS_FIRST_FREE_OBJECTID;
	strcpy(il->name, "dir/file");
	ioctl(-1, BTRFS_IOC_INO_LOOKUP, il);
	il->treeid = 300;
	ioctl(-1, BTRFS_IOC_INO_LOOKUP, il);

	ioctl(-1, BTRFS_IOC_SPACE_INFO, NULL);
	sp->total_spaces = 2;
	sp->spaces[0].flags = BTRFS_BLOCK_GROUP_DATA | BTRFS_BLOCK_GROUP_RAID1;
	sp->spaces[0].total_bytes = 1 << 30;
	sp->spaces[0].used_bytes = 12345;
	sp->spaces[1].flags = BTRFS_SPACE_INFO_GLOBAL_RSV;
	ioctl(-1, BTRFS_IOC_SPACE_INFO, sp);
	sp->space_slots = 2;
	ioctl(-1, BTRFS_IOC_SPACE_INFO, sp);

	ioctl(-1, BTRFS_IOC_SCRUB, NULL);
	sc->devid = 1;
	sc->end = UINT64_MAX;
	sc->flags = BTRFS_SCRUB_READONLY | 4;
	sc->progress.data_extents_scrubbed = 10;
	sc->progress.unverified_errors = 3;
	ioctl(-1, BTRFS_IOC_SCRUB, sc);
	ioctl(-1, BTRFS_IOC_SCRUB_PROGRESS, sc);

	ioctl(-1, BTRFS_IOC_DEV_INFO, NULL);
	di->devid = 2;
	ioctl(-1, BTRFS_IOC_DEV_INFO, di);
	for (unsigned int i = 0; i < sizeof(di->uuid); i++)
		di->uuid[i] = i * 17;
	di->bytes_used = 1000;
	di->total_bytes = 2000;
	strcpy((char *) di->path, "/dev/vdb");
	ioctl(-1, BTRFS_IOC_DEV_INFO, di);

	ioctl(-1, BTRFS_IOC_FS_INFO, NULL);
	fi->max_id = 3;
	fi->num_devices = 2;
	memcpy(fi->fsid, di->uuid, sizeof(fi->fsid));
	fi->nodesize = 16384;
	fi->sectorsize = 4096;
	fi->clone_alignment = 4096;
	fi->csum_type = BTRFS_CSUM_TYPE_XXHASH;
	fi->csum_size = 8;
	fi->flags = BTRFS_FS_INFO_FLAG_CSUM_INFO | BTRFS_FS_INFO_FLAG_GENERATION;
	fi->generation = 99;
	ioctl(-1, BTRFS_IOC_FS_INFO, fi);
	fi->flags = BTRFS_FS_INFO_FLAG_METADATA_UUID | 0x100;
	ioctl(-1, BTRFS_IOC_FS_INFO, fi);
	fi->flags = 0;
	ioctl(-1, BTRFS_IOC_FS_INFO, fi);

	ioctl(-1, BTRFS_IOC_GET_DEV_STATS, NULL);
	ds->devid = 1;
	ds->nr_items = BTRFS_DEV_STAT_VALUES_MAX;
	ds->flags = BTRFS_DEV_STATS_RESET;
	for (unsigned int i = 0; i < BTRFS_DEV_STAT_VALUES_MAX; i++)
		ds->values[i] = i * 3;
	ioctl(-1, BTRFS_IOC_GET_DEV_STATS, ds);
	ds->nr_items = 2;
	ds->flags = 0;
	ioctl(-1, BTRFS_IOC_GET_DEV_STATS, ds);
}

static void containers(void)
{
	struct btrfs_ioctl_ino_path_args *ip = NEW(struct btrfs_ioctl_ino_path_args);
	struct btrfs_ioctl_logical_ino_args *li = NEW(struct btrfs_ioctl_logical_ino_args);
	struct btrfs_data_container *dc = tail(sizeof(*dc) + 64);
	struct btrfs_data_container *dl = tail(sizeof(*dl) + 6 * sizeof(uint64_t));

	ioctl(-1, BTRFS_IOC_INO_PATHS, NULL);
	ip->inum = 257;
	ip->size = 64;
	ioctl(-1, BTRFS_IOC_INO_PATHS, ip);
	dc->elem_cnt = 2;
	dc->bytes_left = 5;
	dc->val[0] = 16;
	dc->val[1] = 20;
	strcpy((char *) dc->val + 16, "a/b");
	strcpy((char *) dc->val + 20, "c");
	ip->fspath = (uintptr_t) dc;
	ioctl(-1, BTRFS_IOC_INO_PATHS, ip);

	ioctl(-1, BTRFS_IOC_LOGICAL_INO, NULL);
	li->logical = 1 << 20;
	li->size = 48;
	li->flags = BTRFS_LOGICAL_INO_ARGS_IGNORE_OFFSET;
	li->inodes = (uintptr_t) dl;
	dl->elem_cnt = 6;
	dl->elem_missed = 1;
	for (unsigned int i = 0; i < 6; i++)
		dl->val[i] = 256 + i;
	ioctl(-1, BTRFS_IOC_LOGICAL_INO, li);
	li->reserved[1] = 0xdead;
	li->flags = 6;
	li->inodes = 0;
	ioctl(-1, BTRFS_IOC_LOGICAL_INO, li);
	ioctl(-1, BTRFS_IOC_LOGICAL_INO_V2, li);
}

static void send_quota(void)
{
	struct btrfs_ioctl_received_subvol_args *rs =
		NEW(struct btrfs_ioctl_received_subvol_args);
	struct btrfs_ioctl_send_args *sd = NEW(struct btrfs_ioctl_send_args);
	__u64 *sources = tail(2 * sizeof(__u64));
	struct btrfs_ioctl_quota_ctl_args *qc = NEW(struct btrfs_ioctl_quota_ctl_args);
	struct btrfs_ioctl_qgroup_assign_args *qa = NEW(struct btrfs_ioctl_qgroup_assign_args);
	struct btrfs_ioctl_qgroup_create_args *qr = NEW(struct btrfs_ioctl_qgroup_create_args);
	struct btrfs_ioctl_qgroup_limit_args *ql = NEW(struct btrfs_ioctl_qgroup_limit_args);
	struct btrfs_ioctl_quota_rescan_args *qs = NEW(struct btrfs_ioctl_quota_rescan_args);

	ioctl(-1, BTRFS_IOC_SET_RECEIVED_SUBVOL, NULL);
	memset(rs->uuid, 0xab, sizeof(rs->uuid));
	rs->stransid = 42;
	rs->stime.sec = 1700000000;
	rs->stime.nsec = 5;
	rs->rtransid = 43;
	rs->rtime.sec = 0;
	rs->flags = 1;
	ioctl(-1, BTRFS_IOC_SET_RECEIVED_SUBVOL, rs);

	ioctl(-1, BTRFS_IOC_SEND, NULL);
	sd->send_fd = 0;
	sd->clone_sources_count = 2;
	sources[0] = BTRFS_FS_TREE_OBJECTID;
	sources[1] = 999;
	sd->clone_sources = sources;
	sd->parent_root = BTRFS_FIRST_FREE_OBJECTID;
	sd->flags = BTRFS_SEND_FLAG_NO_FILE_DATA | 0x100;
	ioctl(-1, BTRFS_IOC_SEND, sd);
	sd->clone_sources_count = 3;
	ioctl(-1, BTRFS_IOC_SEND, sd);

	ioctl(-1, BTRFS_IOC_QUOTA_CTL, NULL);
	qc->cmd = BTRFS_QUOTA_CTL_ENABLE;
	ioctl(-1, BTRFS_IOC_QUOTA_CTL, qc);
	qc->cmd = 7;
	ioctl(-1, BTRFS_IOC_QUOTA_CTL, qc);
	qa->assign = 1;
	qa->src = 256;
	qa->dst = 1ULL << 48;
	ioctl(-1, BTRFS_IOC_QGROUP_ASSIGN, qa);
	qr->qgroupid = 257;
	ioctl(-1, BTRFS_IOC_QGROUP_CREATE, qr);
	ql->qgroupid = 5;
	ql->lim.flags = BTRFS_QGROUP_LIMIT_EXCL_CMPR;
	ql->lim.max_excl = 4096;
	ioctl(-1, BTRFS_IOC_QGROUP_LIMIT, ql);
	qs->flags = 2;
	qs->progress = BTRFS_FIRST_FREE_OBJECTID;
	ioctl(-1, BTRFS_IOC_QUOTA_RESCAN, qs);
	ioctl(-1, BTRFS_IOC_QUOTA_RESCAN_STATUS, qs);
}

static void replace_features(void)
{
	struct btrfs_ioctl_dev_replace_args *dr = NEW(struct btrfs_ioctl_dev_replace_args);
	struct btrfs_ioctl_feature_flags *ff = tail(3 * sizeof(*ff));

	ioctl(-1, BTRFS_IOC_DEV_REPLACE, NULL);
	dr->cmd = BTRFS_IOCTL_DEV_REPLACE_CMD_START;
	dr->start.srcdevid = 1;
	dr->start.cont_reading_from_srcdev_mode =
		BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_AVOID;
	strcpy((char *) dr->start.srcdev_name, "/dev/sda");
	strcpy((char *) dr->start.tgtdev_name, "/dev/sdb");
	ioctl(-1, BTRFS_IOC_DEV_REPLACE, dr);
	dr->start.cont_reading_from_srcdev_mode = 5;
	ioctl(-1, BTRFS_IOC_DEV_REPLACE, dr);
	memset(&dr->start, 0, sizeof(dr->start));
	dr->cmd = BTRFS_IOCTL_DEV_REPLACE_CMD_STATUS;
	dr->result = BTRFS_IOCTL_DEV_REPLACE_RESULT_NO_ERROR;
	dr->status.replace_state = BTRFS_IOCTL_DEV_REPLACE_STATE_STARTED;
	dr->status.progress_1000 = 456;
	dr->status.time_started = 1600000000;
	dr->status.num_write_errors = 2;
	ioctl(-1, BTRFS_IOC_DEV_REPLACE, dr);
	dr->cmd = 9;
	dr->result = 77;
	ioctl(-1, BTRFS_IOC_DEV_REPLACE, dr);

	ff[0].compat_flags = 0;
	ff[0].compat_ro_flags = BTRFS_FEATURE_COMPAT_RO_FREE_SPACE_TREE;
	ff[0].incompat_flags = BTRFS_FEATURE_INCOMPAT_NO_HOLES | (1ULL << 40);
	ff[1].compat_flags = 2;
	ff[2].incompat_flags = BTRFS_FEATURE_INCOMPAT_MIXED_BACKREF;
	ioctl(-1, BTRFS_IOC_GET_FEATURES, NULL);
	ioctl(-1, BTRFS_IOC_GET_FEATURES, ff);
	ioctl(-1, BTRFS_IOC_SET_FEATURES, ff);
	ioctl(-1, BTRFS_IOC_SET_FEATURES, ff + 3);
	ioctl(-1, BTRFS_IOC_GET_SUPPORTED_FEATURES, ff);
}

static void file_range(void)
{
	struct file_clone_range *cr = NEW(struct file_clone_range);
	struct file_dedupe_range *dd =
		tail(sizeof(*dd) + 3 * sizeof(struct file_dedupe_range_info));
	char *label = tail(FSLABEL_MAX);

	ioctl(-1, FICLONE, 5);
	ioctl(-1, FICLONERANGE, NULL);
	cr->src_fd = 0;
	cr->src_offset = 4096;
	cr->src_length = UINT64_MAX;
	cr->dest_offset = 8192;
	ioctl(-1, FICLONERANGE, cr);

	ioctl(-1, FIDEDUPERANGE, NULL);
	dd->src_offset = 0;
	dd->src_length = 65536;
	dd->dest_count = 0;
	ioctl(-1, FIDEDUPERANGE, dd);
	dd->dest_count = 3;
	for (int i = 0; i < 3; i++) {
		dd->info[i].dest_fd = i == 1 ? -1 : 0;
		dd->info[i].dest_offset = i * 4096;
		dd->info[i].bytes_deduped = i * 100;
		dd->info[i].status = i == 2 ? FILE_DEDUPE_RANGE_DIFFERS : 0;
	}
	ioctl(-1, FIDEDUPERANGE, dd);
	dd->dest_count = 2;
	ioctl(-1, FIDEDUPERANGE, dd);
	dd->dest_count = 4;   /* the fourth is unreadable */
	ioctl(-1, FIDEDUPERANGE, dd);

	ioctl(-1, FS_IOC_GETFSLABEL, NULL);
	strcpy(label, "my-label");
	ioctl(-1, FS_IOC_GETFSLABEL, label);
	ioctl(-1, FS_IOC_SETFSLABEL, label);
	memset(label, 'L', FSLABEL_MAX);
	ioctl(-1, FS_IOC_SETFSLABEL, label);
	ioctl(-1, FS_IOC_SETFSLABEL, label + FSLABEL_MAX);
}

int main(void)
{
	vol_args();
	numbers();
	balance_defrag();
	search();
	info();
	containers();
	send_quota();
	replace_features();
	file_range();
	return 0;
}
