/* execve with argv and envp arrays that run into an unmapped page (no NULL pointer
 * before it): strace ends argv with an elision and the address where reading stopped,
 * and says of envp "N vars, unterminated". */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char **argv, **envp;

	munmap(p + page, page);
	argv = (char **)(p + page) - 3;
	argv[0] = "first";
	argv[1] = "second";
	argv[2] = (char *)-1;
	envp = (char **)(p + page) - 2;
	envp[0] = "A=1";
	envp[1] = "B=2";
	execve("/nonexistent/pstrace", argv, envp);
	return 0;
}
