/* execve's envp counted ("N vars") where its pointers lie across page ends: an
 * array running from one page into the next, one whose pointers straddle the page end
 * (not 8-byte aligned), one longer than a page, and one running into an unmapped page
 * at an aligned pointer ("N vars, unterminated").  Each execve fails (no such file). */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void fill(char *at, int n, const char *value)
{
	for (int i = 0; i < n; i++)
		memcpy(at + 8 * i, &value, 8);
	memset(at + 8 * n, 0, 8);
}

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *argv[] = { "/nonexistent/pstrace", NULL };

	munmap(p + 3 * page, page);
	fill(p + page - 40, 12, "A=1");   /* 5 pointers before the page end, 7 after */
	execve(argv[0], argv, (char **)(p + page - 40));
	fill(p + page - 36, 12, "B=2");   /* straddling the page end */
	execve(argv[0], argv, (char **)(p + page - 36));
	fill(p + page, 600, "C=3");       /* 4808 bytes: more than a page */
	execve(argv[0], argv, (char **)(p + page));
	fill(p + 3 * page - 24, 2, "D=4");   /* 3 pointers, then the unmapped page */
	memcpy(p + 3 * page - 8, &argv[0], 8);
	execve(argv[0], argv, (char **)(p + 3 * page - 24));
	return 0;
}
