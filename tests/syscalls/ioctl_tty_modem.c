/* Terminal ioctls of term.c the io_ioctl test leaves out, on a pty pair: the modem-line
 * requests TIOCMGET/TIOCMBIS/TIOCMBIC/TIOCMSET (known, unknown and no bits, NULL and
 * unreadable pointers), the locked termios TIOCGLCKTRMIOS/TIOCSLCKTRMIOS (a real read,
 * and a write of what was read back), TIOCGSOFTCAR/TIOCSSOFTCAR, and a termios with an
 * unknown line discipline. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include "page_tail.h"

int main(void)
{
	int master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	unsigned int *bits = tail(sizeof(*bits));
	struct termios *tio = tail(sizeof(*tio));
	int slave;

	unlockpt(master);
	/* the slave without its name: the pty's number depends on the machine */
	slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY);

	ioctl(slave, TIOCMGET, bits);
	ioctl(-1, TIOCMGET, 0);
	ioctl(-1, TIOCMGET, bits + 1);
	*bits = TIOCM_DTR | TIOCM_RTS | TIOCM_CAR;
	ioctl(slave, TIOCMBIS, bits);
	*bits = 0xffff0000;
	ioctl(slave, TIOCMBIC, bits);
	*bits = 0;
	ioctl(slave, TIOCMSET, bits);
	*bits = ~0U;
	ioctl(-1, TIOCMSET, bits);
	ioctl(-1, TIOCMBIS, bits + 1);
	ioctl(-1, TIOCMBIC, 0);

	ioctl(slave, TIOCGLCKTRMIOS, tio);
	ioctl(slave, TIOCSLCKTRMIOS, tio);
	ioctl(-1, TIOCGLCKTRMIOS, 0);
	ioctl(-1, TIOCSLCKTRMIOS, tio + 1);
	ioctl(slave, TCGETS, tio);
	tio->c_line = 0x90;
	ioctl(-1, TCSETS, tio);

	ioctl(slave, TIOCGSOFTCAR, bits);
	*bits = 1;
	ioctl(-1, TIOCSSOFTCAR, bits);
	ioctl(-1, TIOCGSOFTCAR, 0);
	return 0;
}
