/* UBI ioctls ('o' and 'O') on /dev/null (ENOTTY) and a bad fd: the attach and mkvol
 * requests (" => [N]" after an injected success), rsvol, rnvol with no, some and too
 * many entries and names longer than name_len, leb change and map requests with known
 * and unknown dtypes, volume properties, the int and 64-bit pointers, the no-argument
 * requests, NULL and unreadable pointers. */
#include <fcntl.h>
#include <mtd/ubi-user.h>
#include <string.h>
#include <sys/ioctl.h>
#include "page_tail.h"

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	struct ubi_attach_req *att = tail(sizeof(*att));
	struct ubi_mkvol_req *mk = tail(sizeof(*mk));
	struct ubi_rsvol_req *rs = tail(sizeof(*rs));
	struct ubi_rnvol_req *rn = tail(sizeof(*rn));
	struct ubi_leb_change_req *lc = tail(sizeof(*lc));
	struct ubi_map_req *map = tail(sizeof(*map));
	struct ubi_set_vol_prop_req *prop = tail(sizeof(*prop));
	long long *num = tail(sizeof(*num));
	unsigned long ptr_reqs[] = {
		UBI_IOCATT, UBI_IOCMKVOL, UBI_IOCRSVOL, UBI_IOCRNVOL, UBI_IOCEBCH, UBI_IOCEBMAP,
		UBI_IOCSETVOLPROP, UBI_IOCVOLUP, UBI_IOCDET, UBI_IOCEBER, UBI_IOCEBISMAP,
		UBI_IOCEBUNMAP, UBI_IOCRMVOL, UBI_IOCRPEB, UBI_IOCSPEB,
	};

	*num = -5;
	for (unsigned i = 0; i < sizeof(ptr_reqs) / sizeof(ptr_reqs[0]); i++) {
		ioctl(-1, ptr_reqs[i], 0);
		ioctl(fd, ptr_reqs[i], (char *)num + 1);
		ioctl(fd, ptr_reqs[i], num);
	}
	ioctl(fd, UBI_IOCVOLCRBLK, 0xbad);
	ioctl(fd, UBI_IOCVOLRMBLK, 0);
	ioctl(-1, _IO('o', 0x7f), 0x1234);

	memset(att, 0, sizeof(*att));
	att->ubi_num = UBI_DEV_NUM_AUTO;
	att->mtd_num = 2;
	att->vid_hdr_offset = 512;
	att->max_beb_per1024 = 20;
	ioctl(fd, UBI_IOCATT, att);

	memset(mk, 0, sizeof(*mk));
	mk->vol_id = UBI_VOL_NUM_AUTO;
	mk->alignment = 1;
	mk->bytes = 1 << 20;
	mk->vol_type = UBI_STATIC_VOLUME;
	mk->flags = UBI_VOL_SKIP_CRC_CHECK_FLG;
	mk->name_len = 4;
	strcpy(mk->name, "rootfs");
	ioctl(fd, UBI_IOCMKVOL, mk);
	mk->vol_type = 7;
	mk->flags = 0xfe;
	mk->name_len = 200;
	memset(mk->name, 'n', sizeof(mk->name));
	ioctl(fd, UBI_IOCMKVOL, mk);

	rs->bytes = -1;
	rs->vol_id = 3;
	ioctl(fd, UBI_IOCRSVOL, rs);

	memset(rn, 0, sizeof(*rn));
	rn->count = 2;
	rn->ents[0].vol_id = 1;
	rn->ents[0].name_len = 3;
	strcpy(rn->ents[0].name, "abcdef");
	rn->ents[1].vol_id = 2;
	rn->ents[1].name_len = -1;
	ioctl(fd, UBI_IOCRNVOL, rn);
	rn->count = 40;
	ioctl(fd, UBI_IOCRNVOL, rn);
	rn->count = -1;
	ioctl(fd, UBI_IOCRNVOL, rn);

	lc->lnum = 5;
	lc->bytes = 4096;
	lc->dtype = 3;
	ioctl(fd, UBI_IOCEBCH, lc);
	map->lnum = -1;
	map->dtype = 9;
	ioctl(fd, UBI_IOCEBMAP, map);
	prop->property = UBI_VOL_PROP_DIRECT_WRITE;
	prop->value = 1;
	ioctl(fd, UBI_IOCSETVOLPROP, prop);
	prop->property = 0x42;
	ioctl(fd, UBI_IOCSETVOLPROP, prop);
	return 0;
}
