/* Prints this process's seccomp mode (the "Seccomp:" line of /proc/self/status) on
   stdout with writev (outside the traced set, so the trace does not show the mode),
   then forks a child that opens and closes a file, and waits for it. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    char line[256];
    FILE *f = fopen("/proc/self/status", "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "Seccomp:", 8) == 0) {
            struct iovec iov = {line, strlen(line)};
            writev(1, &iov, 1);
        }
    if (f)
        fclose(f);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("/etc/hostname", O_RDONLY);
        close(fd);
        _exit(3);
    }
    int status;
    waitpid(pid, &status, 0);
    write(1, "done\n", 5);
    return WEXITSTATUS(status);
}
