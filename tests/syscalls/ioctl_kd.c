/* Console and keyboard ioctls on /dev/null (no console: the kernel fails them, or an
 * injected success shows what the getters print): every request with a good, NULL, bad
 * and page-cut pointer or an odd number; tones, LEDs, modes, ports and signals known and
 * unknown; key map entries of each kind; function key strings short, long and cut;
 * accent tables; screen, Unicode and colour maps; fonts of each operation; an unknown
 * 'K' number. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/kd.h>
#include <linux/keyboard.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		GIO_FONT, PIO_FONT, GIO_FONTX, PIO_FONTX, PIO_FONTRESET, GIO_CMAP, PIO_CMAP,
		KIOCSOUND, KDMKTONE, KDGETLED, KDSETLED, KDGKBTYPE, KDADDIO, KDDELIO,
		KDENABIO, KDDISABIO, KDSETMODE, KDGETMODE, KDMAPDISP, KDUNMAPDISP,
		GIO_SCRNMAP, PIO_SCRNMAP, GIO_UNISCRNMAP, PIO_UNISCRNMAP, GIO_UNIMAP,
		PIO_UNIMAP, PIO_UNIMAPCLR, KDGKBMODE, KDSKBMODE, KDGKBMETA, KDSKBMETA,
		KDGKBLED, KDSKBLED, KDGKBENT, KDSKBENT, KDGKBSENT, KDSKBSENT, KDGKBDIACR,
		KDSKBDIACR, KDGKBDIACRUC, KDSKBDIACRUC, KDGETKEYCODE, KDSETKEYCODE,
		KDSIGACCEPT, KDKBDREP, KDFONTOP,
	};
	/* a page at a fixed address (setters print numbers), then an unmapped one */
	char *page = mmap((void *) 0x7e000000, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + 4096;
	for (unsigned i = 0; i < 4096; i++)
		page[i] = (char) (i * 11 + 3);
	memset(page, 0, 16);   /* small counts for the structs at the page start */

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], page);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *) 8);
		ioctl(fd, reqs[i], end - 3);
		ioctl(fd, reqs[i], 0xfacefeed00000007UL);
	}
	unsigned long numbers[] = { 0, 1, 440, 0x3b4, 0x3c0, 0x3df, 0x3e0, 0x12c0190,
				    0x10000, 3, SIGUSR1, 0x7fffffff };
	for (unsigned i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		ioctl(fd, KIOCSOUND, numbers[i]);
		ioctl(fd, KDMKTONE, numbers[i]);
		ioctl(fd, KDSETLED, numbers[i]);
		ioctl(fd, KDSKBLED, numbers[i] << 4);
		ioctl(fd, KDADDIO, numbers[i]);
		ioctl(fd, KDSETMODE, numbers[i]);
		ioctl(fd, KDSKBMODE, numbers[i]);
		ioctl(fd, KDSKBMETA, numbers[i]);
		ioctl(fd, KDSIGACCEPT, numbers[i]);
	}

	struct kbentry ents[] = {
		{ K_NORMTAB, 1, K_F5 }, { K_SHIFTTAB, 2, K('a' >> 8, 'a') },
		{ 1 << KG_CTRL | 1 << KG_ALT, 3, K(KT_LETTER, '\n') },
		{ 0x30, 4, K(KT_SPEC, 200) }, { 0, 5, K(20, 7) }, { 0, 6, K_DOWN },
		{ 0, 7, K(KT_META, 0x9b) }, { 0, 8, K_CAPSSHIFT },
	};
	for (unsigned i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
		ioctl(fd, KDSKBENT, &ents[i]);
		ioctl(fd, KDGKBENT, &ents[i]);
	}
	ioctl(fd, KDSKBENT, end - 2);   /* kb_value unreadable */

	struct kbsentry *se = (void *) (end - sizeof(*se));
	se->kb_func = KVAL(K_F3);
	strcpy((char *) se->kb_string, "echo hi\n");
	ioctl(fd, KDSKBSENT, se);
	ioctl(fd, KDGKBSENT, se);
	memset(se->kb_string, 'x', 40);
	ioctl(fd, KDSKBSENT, se);
	memset(se->kb_string, 'y', sizeof(se->kb_string));
	ioctl(fd, KDSKBSENT, se);   /* no NUL before the page end */
	se->kb_func = 250;
	ioctl(fd, KDSKBSENT, se);

	struct kbdiacrs *dia = (void *) (end - 4 - 3 * 3);
	dia->kb_cnt = 3;
	memcpy(dia->kbdiacr, "`ae'\\\x01\t\xff\"", 9);
	ioctl(fd, KDSKBDIACR, dia);
	dia->kb_cnt = 4;   /* the fourth runs off the page */
	ioctl(fd, KDSKBDIACR, dia);
	struct kbdiacrsuc *duc = (void *) page;
	duc->kb_cnt = 300;
	ioctl(fd, KDSKBDIACRUC, duc);

	struct kbkeycode kc = { 0x1e, 0x30 };
	ioctl(fd, KDSETKEYCODE, &kc);
	ioctl(fd, KDGETKEYCODE, &kc);
	struct kbd_repeat rep = { 250, 33 };
	ioctl(fd, KDKBDREP, &rep);

	struct unipair pairs[2] = { { 0x41, 1 }, { 0x263a, 2 } };
	struct unimapdesc um = { 2, pairs };
	ioctl(fd, PIO_UNIMAP, &um);
	ioctl(fd, GIO_UNIMAP, &um);
	struct unimapinit umi = { 1, 2, 3 };
	ioctl(fd, PIO_UNIMAPCLR, &umi);

	struct consolefontdesc cfd = { 2, 16, page };
	ioctl(fd, PIO_FONTX, &cfd);
	ioctl(fd, GIO_FONTX, &cfd);
	char name[] = "default8x16";
	struct console_font_op ops[] = {
		{ KD_FONT_OP_SET, KD_FONT_FLAG_DONT_RECALC, 8, 16, 2, (unsigned char *) page },
		{ KD_FONT_OP_GET, 0, 9, 16, 1, (unsigned char *) page },
		{ KD_FONT_OP_SET_DEFAULT, 0, 8, 16, 0, (unsigned char *) name },
		{ KD_FONT_OP_SET_DEFAULT, 0, 8, 16, 0, (unsigned char *) end - 1 },
		{ KD_FONT_OP_COPY, 0, 8, 16, 0, 0 },
		{ 9, 6, 8, 16, 0, (unsigned char *) page },
	};
	end[-1] = 0;
	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		ioctl(fd, KDFONTOP, &ops[i]);
	ioctl(fd, _IO('K', 0x7e), page);
	return 0;
}
