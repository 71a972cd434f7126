/* A file whose name holds control characters, quotes, backslashes, '<' and '>' and
 * bytes above 0x7f, opened and synced: -y prints its path escaped as strace 6.1 does
 * (octal escapes, widened before a digit; "<" and ">" escaped too). */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	static const char name[] = "\1\0020\v\0047\f\0058\t\0079\n\10\0171\r\0167\0218\37 \\'\"<<0::0>>1~\177\200\377";
	int fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0600);

	fsync(fd);
	close(fd);
	unlink(name);
	return 0;
}
