/* ATA disk (HDIO_*) ioctls on /dev/null (no disk: the kernel fails them): every
 * request with a good, NULL and bad pointer (or an odd number for the setters); a
 * geometry, drive commands with and without sectors, known and unknown commands; nice
 * flags and bus states known, unknown and zero; an unknown type-3 number. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/hdreg.h>
#include <linux/mman.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		HDIO_GETGEO, HDIO_GET_UNMASKINTR, HDIO_GET_MULTCOUNT, HDIO_GET_QDMA,
		HDIO_SET_XFER, HDIO_OBSOLETE_IDENTITY, HDIO_GET_KEEPSETTINGS, HDIO_GET_32BIT,
		HDIO_GET_NOWERR, HDIO_GET_DMA, HDIO_GET_NICE, HDIO_GET_IDENTITY,
		HDIO_GET_WCACHE, HDIO_GET_ACOUSTIC, HDIO_GET_ADDRESS, HDIO_GET_BUSSTATE,
		HDIO_TRISTATE_HWIF, HDIO_DRIVE_RESET, HDIO_DRIVE_TASKFILE, HDIO_DRIVE_TASK,
		HDIO_DRIVE_CMD, HDIO_SET_MULTCOUNT, HDIO_SET_UNMASKINTR,
		HDIO_SET_KEEPSETTINGS, HDIO_SET_32BIT, HDIO_SET_NOWERR, HDIO_SET_DMA,
		HDIO_SET_PIO_MODE, HDIO_SCAN_HWIF, HDIO_UNREGISTER_HWIF, HDIO_SET_NICE,
		HDIO_SET_WCACHE, HDIO_SET_ACOUSTIC, HDIO_SET_BUSSTATE, HDIO_SET_QDMA,
		HDIO_SET_ADDRESS,
	};
	/* a page at a fixed address (the setters print pointers as numbers), followed
	 * by an unmapped one, to cut structs and buffers */
	char *page = mmap((void *) 0x7e000000, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + 4096;
	for (unsigned i = 0; i < 4096; i++)
		page[i] = (char) i;
	unsigned long *val = (unsigned long *) (page + 2048);
	val[0] = 0xfacefeeddeadbeefUL;

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], val);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *)8);
		ioctl(fd, reqs[i], end - 2);
		ioctl(fd, reqs[i], 0xfacefeedded2ffffUL);
	}

	struct hd_geometry geo = { 0xca, 0xfe, 0xbabe, 0xbadc0deddeadfaceUL };
	ioctl(fd, HDIO_GETGEO, &geo);

	struct hd_drive_cmd_hdr cmd = { 0xca, 0xff, 0xee, 0 };
	ioctl(fd, HDIO_DRIVE_CMD, &cmd);
	cmd.command = 0x80; cmd.sector_count = 1;
	ioctl(fd, HDIO_DRIVE_CMD, &cmd);
	memcpy(end - 4 - 16, "\xec\x01\x02\x03", 4);
	ioctl(fd, HDIO_DRIVE_CMD, end - 4 - 16);   /* sectors cut by the page end */
	ioctl(fd, HDIO_DRIVE_CMD, page);           /* command 0, no sectors */
	memcpy(page + 100, "\xe7\x00\x00\x02", 4);
	ioctl(fd, HDIO_DRIVE_CMD, page + 100);

	int ints[3] = { (int) 0xdeadbeef, 0, 17 };
	ioctl(fd, HDIO_DRIVE_RESET, ints);
	ioctl(fd, HDIO_SCAN_HWIF, end - 8);        /* third int unreadable */

	unsigned long nice[] = { 0, 1, 0x1f, 0x20, 0x1c | 0x100 };
	for (unsigned i = 0; i < 5; i++) {
		ioctl(fd, HDIO_SET_NICE, nice[i]);
		ioctl(fd, HDIO_GET_NICE, &nice[i]);
	}
	unsigned long states[] = { BUSSTATE_OFF, BUSSTATE_ON, BUSSTATE_TRISTATE, 3,
				   0xfacefeedded4ffffUL };
	for (unsigned i = 0; i < 5; i++) {
		ioctl(fd, HDIO_SET_BUSSTATE, states[i]);
		ioctl(fd, HDIO_GET_BUSSTATE, &states[i]);
	}
	ioctl(fd, HDIO_GET_IDENTITY, page);
	ioctl(fd, HDIO_OBSOLETE_IDENTITY, end - 100);   /* cut by the page end */
	ioctl(fd, _IO(3, 0x7e), val);
	return 0;
}
