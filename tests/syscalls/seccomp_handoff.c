/* Without -f, under pstrace's default seccomp filter, the command's children are handed
   over to a notification listener and nobody traces them: so a child can be traced by
   its own parent.  The child asks for it (PTRACE_TRACEME), stops itself, and opens a
   file (a call of the trace set, which its inherited filter would fail with ENOSYS if
   nobody answered it).  The parent steps it through its calls with PTRACE_SYSCALL and
   says, with writev (outside the trace set), how many syscall stops it saw, whether the
   child's calls worked and whether the child's TracerPid is the parent.  A thread of the
   parent opens the file too. */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *text) {
    struct iovec iov = {(void *)text, strlen(text)};
    writev(1, &iov, 1);
}

static int opens(void) {
    int fd = open("/etc/hostname", O_RDONLY);
    return fd >= 0 && close(fd) == 0;
}

static void *thread(void *arg) {
    (void)arg;
    return (void *)(long)opens();
}

static int traced_by(pid_t pid, pid_t tracer) {
    char path[64], line[256];
    int found = 0;
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f)) {
        int who;
        if (sscanf(line, "TracerPid: %d", &who) == 1)
            found = who == tracer;
    }
    if (f)
        fclose(f);
    return found;
}

int main(void) {
    pthread_t t;
    void *ok = NULL;
    if (pthread_create(&t, NULL, thread, NULL) == 0)
        pthread_join(t, &ok);
    say(ok ? "thread ok\n" : "thread FAILED\n");
    pid_t child = fork();
    if (child == 0) {
        if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0) {
            say("PTRACE_TRACEME FAILED\n");
            _exit(2);
        }
        raise(SIGSTOP);
        _exit(opens() ? 0 : 1);
    }
    int status, stops = 0;
    waitpid(child, &status, 0);
    say(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP ? "child stopped\n"
                                                           : "child NOT stopped\n");
    say(traced_by(child, getpid()) ? "traced by its parent\n" : "NOT traced by its parent\n");
    ptrace(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD);
    ptrace(PTRACE_SYSCALL, child, 0, 0);
    while (waitpid(child, &status, 0) == child && WIFSTOPPED(status)) {
        stops += WSTOPSIG(status) == (SIGTRAP | 0x80);
        ptrace(PTRACE_SYSCALL, child, 0, 0);
    }
    char line[64];
    snprintf(line, sizeof line, "%d syscall stops, child %s\n", stops,
             WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "ok" : "FAILED");
    say(line);
    return opens() ? 0 : 1;
}
