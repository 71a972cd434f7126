/* quote_probe: replay byte strings through harmless failing syscalls so that
 * strace 6.1 prints them; used by test_quote.py as the oracle for quoting.
 *
 * Input (stdin): one case per line, "<kind> <hex>" where <hex> may be empty.
 *   w  write(-1, buf, n)                      buffer with explicit length
 *   x  lgetxattr("/nonexistent", buf, 0, 0)   NUL-terminated string (printstr)
 *   p  access(buf, F_OK) on a non-existent dir   NUL-terminated path
 * A "w" case may carry a third field: the size passed to write() when it
 * differs from the number of bytes (bytes beyond are zero-filled).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/xattr.h>

static int hexval(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	return -1;
}

int main(void)
{
	static char line[1 << 20];
	static unsigned char buf[1 << 19];
	while (fgets(line, sizeof line, stdin)) {
		char kind = line[0];
		size_t n = 0, size;
		char *p = line + 2;
		while (hexval(p[0]) >= 0 && hexval(p[1]) >= 0) {
			buf[n++] = (unsigned char)(hexval(p[0]) << 4 | hexval(p[1]));
			p += 2;
		}
		size = n;
		if (*p == ' ')
			size = strtoul(p + 1, NULL, 10);
		memset(buf + n, 0, sizeof buf - n);
		switch (kind) {
		case 'w':
			if (write(-1, buf, size) != -1) return 2;
			break;
		case 'x':
			lgetxattr("/nonexistent", (char *)buf, NULL, 0);
			break;
		case 'p':
			access((char *)buf, F_OK);
			break;
		default:
			return 3;
		}
	}
	return 0;
}
