/* execve/execveat: short and long argv/envp, long strings, bad pointers, failures, then a
 * successful execve of /bin/true with a long environment. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef AT_EMPTY_PATH
# define AT_EMPTY_PATH 0x1000
#endif

int main(void)
{
	static char *argv_long[64], *envp_long[64];
	static char buf[64][48];
	char *empty[] = { NULL };
	char *argv_bad[] = { "x", (char *)1, NULL };
	char *envp_short[] = { "A=1", "B=two", NULL };
	int i;

	for (i = 0; i < 60; i++) {
		snprintf(buf[i], sizeof buf[i], i % 7 ? "arg%d" : "a-long-argument-that-is-cut-%d-xxxxxxxxxx", i);
		argv_long[i] = buf[i];
		envp_long[i] = i % 5 ? "V=1" : "LONG_VARIABLE=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	}
	execve("/nonexistent", empty, empty);
	execve("/nonexistent", argv_long, envp_short);
	execve("/nonexistent", argv_bad, (char **)1);
	execve("/nonexistent", (char **)1, NULL);
	execve("/nonexistent", NULL, argv_bad);
	execve((char *)1, empty, empty);
	argv_long[31] = NULL;
	envp_long[31] = NULL;
	execve("/nonexistent", argv_long, envp_long);
	argv_long[31] = buf[31];
	envp_long[31] = "W=2";
	argv_long[32] = NULL;
	envp_long[32] = NULL;
	execve("/nonexistent", argv_long, envp_long);
	argv_long[32] = buf[32];
	envp_long[32] = "X=3";
	argv_long[33] = NULL;
	envp_long[33] = NULL;
	execve("/nonexistent", argv_long, envp_long);
	syscall(SYS_execveat, AT_FDCWD, "/nonexistent", empty, envp_short, 0);
	syscall(SYS_execveat, 99, "", argv_bad + 2, envp_short, AT_EMPTY_PATH);
	syscall(SYS_execveat, open("/", O_RDONLY | O_DIRECTORY), "nonexistent", envp_short, NULL, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_execveat, AT_FDCWD, "/bin/true", envp_short, NULL, 0x7);
	argv_long[0] = "/bin/true";
	argv_long[3] = "\x01\xff binary \"quoted\"\n";
	execve("/bin/true", argv_long, envp_long);
	return 1;
}
