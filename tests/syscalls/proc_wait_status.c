/* Wait statuses of ptrace stops, and every bit pattern a status can hold.  With no
   argument: a child traced by this program (PTRACE_TRACEME) stops at SIGSTOP, at syscall
   stops (SIGTRAP | 0x80 with PTRACE_O_TRACESYSGOOD), at an exec event stop
   (PTRACE_EVENT_EXEC << 16) and is killed.  With "garbage" (run with
   -e inject=wait4:retval=1, so that the kernel leaves the status as it is): statuses with
   unknown events, the 0x80 bit, core flags and high bits. */
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "garbage") == 0) {
        static const int statuses[] = {
            0x1234057f, 0x0000857f, (int)0x8000857f, 0x00ff0300, 0x00100009,
            0x00100089, 0x0009057f, 0x0090057f, 0x0080057f, 0x0001ffff, 0x0000137f,
            0x0003007f, (int)0xffffffff, 0x00070000,
        };
        for (unsigned i = 0; i < sizeof statuses / sizeof *statuses; i++) {
            int status = statuses[i];
            syscall(SYS_wait4, -1, &status, 0, 0);
        }
        return 0;
    }
    pid_t child = fork();
    if (child == 0) {
        ptrace(PTRACE_TRACEME, 0, 0, 0);
        raise(SIGSTOP);
        execl("/bin/true", "true", (char *)0);
        _exit(1);
    }
    int status;
    wait4(child, &status, 0, 0);
    ptrace(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC);
    for (int i = 0; i < 4; i++) {
        ptrace(PTRACE_SYSCALL, child, 0, 0);
        wait4(child, &status, 0, 0);
    }
    kill(child, SIGKILL);
    wait4(child, &status, 0, 0);
    return 0;
}
