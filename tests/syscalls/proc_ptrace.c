/* Test program for pstrace differential tests (tests/differential/test_ptrace.py):
 * ptrace(2) requests made by this program on its own stopped child (traced with
 * PTRACE_TRACEME) and on a pid that does not exist: options, signals, siginfo, sigmasks,
 * register sets (whole, partial, unaligned sizes, unknown NT_ types), syscall info of
 * every size, seccomp metadata, peeks, bad pointers and unknown requests. */
#define _GNU_SOURCE
#include <elf.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/ptrace.h>

static long pt(long req, long pid, unsigned long addr, unsigned long data) {
 return syscall(SYS_ptrace, req, pid, addr, data);
}

int main(void){
 const long gone = 0x7ffffff0;   /* no such process */
 pt(0xdeadbeef, gone, 0, 0);
 pt(PTRACE_PEEKDATA, gone, 0x1000, 0x2000);
 pt(PTRACE_PEEKUSER, gone, 8, 0x2000);
 pt(PTRACE_PEEKUSER, gone, 8 * 18 + 3, 0x2000);
 pt(PTRACE_POKEUSER, gone, 856, 0x2000);
 pt(PTRACE_POKEUSER, gone, 912, 0x2000);
 pt(PTRACE_POKEUSER, gone, 913, 0x2000);
 pt(PTRACE_PEEKUSER, gone, 0, 0x2000);
 pt(PTRACE_ATTACH, gone, 1, 2);
 pt(PTRACE_KILL, gone, 1, 2);
 pt(PTRACE_CONT, gone, 0, SIGUSR1);
 pt(PTRACE_SYSCALL, gone, 0, 0x12345);
 pt(PTRACE_GETEVENTMSG, gone, 0, 0x2000);
 pt(PTRACE_SECCOMP_GET_FILTER, gone, 42, 0);
 pt(PTRACE_SECCOMP_GET_METADATA, gone, 7, 0x2000);

 pid_t child = fork();
 if (child == 0) {
  pt(PTRACE_TRACEME, 0, 0, 0);
  raise(SIGSTOP);
  syscall(SYS_getppid);
  _exit(0);
 }
 int st;
 waitpid(child, &st, 0);
 pt(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL | 0x10000000);
 pt(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
 unsigned long msg = 1;
 pt(PTRACE_GETEVENTMSG, child, 0, (unsigned long) &msg);
 siginfo_t si;
 pt(PTRACE_GETSIGINFO, child, 0, (unsigned long) &si);
 pt(PTRACE_GETSIGINFO, child, 0, 0);
 sigset_t mask;
 pt(PTRACE_GETSIGMASK, child, 8, (unsigned long) &mask);
 pt(PTRACE_GETSIGMASK, child, 4, (unsigned long) &mask);
 uint64_t usr1 = 1ULL << (SIGUSR1 - 1);
 pt(PTRACE_SETSIGMASK, child, 8, (unsigned long) &usr1);
 pt(PTRACE_SETSIGMASK, child, 8, (unsigned long) &mask);
 struct __ptrace_peeksiginfo_args psa = { 0, PTRACE_PEEKSIGINFO_SHARED | 2, 1 };
 pt(PTRACE_PEEKSIGINFO, child, (unsigned long) &psa, (unsigned long) &si);
 psa.flags = 0;
 pt(PTRACE_PEEKSIGINFO, child, (unsigned long) &psa, (unsigned long) &si);
 unsigned long word;
 pt(PTRACE_PEEKUSER, child, 1 << 20, (unsigned long) &word);
 pt(PTRACE_PEEKDATA, child, 0, (unsigned long) &word);
 /* register sets */
 struct user_regs_struct regs;
 struct user_fpregs_struct fpregs;
 pt(PTRACE_GETREGS, child, 0, (unsigned long) &regs);
 pt(PTRACE_SETREGS, child, 0, (unsigned long) &regs);
 pt(PTRACE_GETFPREGS, child, 0, (unsigned long) &fpregs);
 pt(PTRACE_GETREGS, child, 0, 1);
 struct iovec iov = { &regs, sizeof(regs) };
 pt(PTRACE_GETREGSET, child, NT_PRSTATUS, (unsigned long) &iov);
 pt(PTRACE_SETREGSET, child, NT_PRSTATUS, (unsigned long) &iov);
 iov.iov_len = 16;
 pt(PTRACE_GETREGSET, child, NT_PRSTATUS, (unsigned long) &iov);
 iov.iov_len = 12;
 pt(PTRACE_GETREGSET, child, NT_PRSTATUS, (unsigned long) &iov);
 iov.iov_len = sizeof(regs) + 8;
 pt(PTRACE_GETREGSET, child, NT_PRSTATUS, (unsigned long) &iov);
 iov.iov_base = &fpregs;
 iov.iov_len = 40;
 pt(PTRACE_GETREGSET, child, NT_FPREGSET, (unsigned long) &iov);
 iov.iov_len = 8;
 pt(PTRACE_SETREGSET, child, NT_PRPSINFO, (unsigned long) &iov);
 pt(PTRACE_GETREGSET, child, 0x4321, (unsigned long) &iov);
 pt(PTRACE_GETREGSET, child, NT_PRSTATUS, 1);
 /* syscall info: stopped by a signal, then at a syscall entry and exit */
 unsigned char info[128];
 memset(info, 0, sizeof(info));
 pt(PTRACE_GET_SYSCALL_INFO, child, 1, (unsigned long) info);
 pt(PTRACE_GET_SYSCALL_INFO, child, 8, (unsigned long) info);
 pt(PTRACE_GET_SYSCALL_INFO, child, 0, (unsigned long) info);
 pt(PTRACE_GET_SYSCALL_INFO, child, sizeof(info), 0);
 pt(PTRACE_SECCOMP_GET_METADATA, child, 16, (unsigned long) info);
 pt(PTRACE_SYSCALL, child, 0, 0);
 waitpid(child, &st, 0);
 pt(PTRACE_GET_SYSCALL_INFO, child, 8, (unsigned long) info);
 pt(PTRACE_GET_SYSCALL_INFO, child, 32, (unsigned long) info);
 pt(PTRACE_GET_SYSCALL_INFO, child, 48, (unsigned long) info);
 pt(PTRACE_SYSCALL, child, 0, 0);
 waitpid(child, &st, 0);
 pt(PTRACE_GET_SYSCALL_INFO, child, 32, (unsigned long) info);
 pt(PTRACE_GET_SYSCALL_INFO, child, 33, (unsigned long) info);
 pt(PTRACE_DETACH, child, 0, SIGCONT);   /* at a stop: deterministic */
 waitpid(child, &st, 0);
 pt(PTRACE_TRACEME, 1, 2, 3);
 return 0;
}
