/* A process tree under a seccomp filter inherited without -f: the parent, a child and
   a grandchild each make calls of the traced set (openat, close, write) and calls
   outside it (getpid, writev).  Each reports on stdout whether its traced calls
   worked (a child nobody traces would get ENOSYS from them), and the parent prints
   its own seccomp mode with writev.  The child also stops itself with SIGSTOP and is
   continued by its parent (a group-stop of an untraced child).  SIGCHLD is blocked:
   when the child's stop, continue and exit signals merge is a race. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *who, int ok) {
    char line[64];
    struct iovec iov = {line, 0};
    iov.iov_len = (size_t)snprintf(line, sizeof line, "%s %s\n", who, ok ? "ok" : "FAILED");
    writev(1, &iov, 1);
}

static int work(void) {
    getpid();
    int fd = open("/etc/hostname", O_RDONLY);
    int ok = fd >= 0 && close(fd) == 0 && write(2, "", 0) == 0;
    return ok;
}

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
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    pid_t child = fork();
    if (child == 0) {
        int ok = work();
        pid_t grandchild = fork();
        if (grandchild == 0) {
            say("grandchild", work());
            _exit(0);
        }
        int status;
        ok = waitpid(grandchild, &status, 0) == grandchild && ok;
        say("child", ok && work());
        raise(SIGSTOP);
        say("child continued", work());
        _exit(3);
    }
    int status;
    waitpid(child, &status, WUNTRACED);
    if (WIFSTOPPED(status))
        kill(child, SIGCONT);
    waitpid(child, &status, 0);
    say("parent", work());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
