"""The strace text view: receives engine events and writes strace's lines.

It owns the one "open line" strace keeps: a syscall whose entry half is known but whose
exit has not come.  The entry half is written at entry only for calls that may block
(so `read(0, ` shows live as in strace); any other call's line is written whole at exit,
in a single write.  When another process's event arrives while a line is open, the open
line is finished with " <unfinished ...>" and the exit later prints
"<... name resumed>".  strace counterpart: printleader()/line_ended()/tabto() in strace.c.
"""
from __future__ import annotations

from .output import Output
from .text import TextRenderer, pad_to

# Calls that can block for long: their entry half is written at entry, as strace shows it.
MAY_BLOCK = frozenset("""
read readv pread64 preadv preadv2 recvfrom recvmsg recvmmsg write writev sendto sendmsg
sendmmsg pwrite64 pwritev pwritev2 wait4 waitid poll ppoll select pselect6 epoll_wait
epoll_pwait epoll_pwait2 futex nanosleep clock_nanosleep accept accept4 connect pause
rt_sigsuspend rt_sigtimedwait msgrcv msgsnd semop semtimedop flock fcntl ioctl
io_getevents io_uring_enter splice tee sendfile open openat openat2 mq_timedreceive
mq_timedsend execve execveat vfork fork clone clone3 sync fsync fdatasync syncfs copy_file_range
""".split())


class TextSink:
    """strace-format text output for one Output (or one per process with -ff)."""

    __slots__ = ("out", "r", "column", "open_call", "open_pid", "multi", "outs_by_pid",
                 "ff_prefix", "pid_prefix")

    def __init__(self, out: Output, renderer: TextRenderer, column: int = 40,
                 ff_prefix: str | None = None) -> None:
        self.out = out
        self.r = renderer
        self.column = column
        self.open_call = None        # the call whose line is open (entry half shown or pending)
        self.open_pid = 0
        self.pid_prefix = False      # "[pid N] " / "N " once more than one process is traced
        self.outs_by_pid: dict[int, Output] = {}
        self.ff_prefix = ff_prefix   # -ff -o FILE: one FILE.PID per process

    # --- prefixes and outputs ---------------------------------------------------
    def _prefix(self, pid: int) -> str:
        if not self.pid_prefix or self.ff_prefix is not None:
            return ""
        if self.out.fd == 2:
            return f"[pid {pid:>5}] "
        return f"{pid:<5} "

    def _out(self, pid: int) -> Output:
        if self.ff_prefix is None:
            return self.out
        out = self.outs_by_pid.get(pid)
        if out is None:
            out = Output.open_file(f"{self.ff_prefix}.{pid}")
            self.outs_by_pid[pid] = out
        return out

    def _interrupt_open(self, pid: int, force: bool = False) -> None:
        """Another process speaks while a line is open: end it with <unfinished ...>."""
        call = self.open_call
        if call is None or (call.pid == pid and not force):
            return
        self.open_call = None
        if self.ff_prefix is not None and call.pid != pid:
            return  # separate files: lines never interleave
        head = "" if call.written else self._prefix(call.pid) + self._entry_text(call)
        self._out(call.pid).write(head + " <unfinished ...>\n")
        call.written = True
        call.unfinished = True

    def _entry_text(self, call) -> str:
        text = call.etext
        if text is None:
            text = call.etext = self.r.entry_half(call)
        return text

    # --- events --------------------------------------------------------------------
    def syscall_entry(self, call) -> None:
        self._interrupt_open(call.pid)
        self.open_call = call
        if call.name in MAY_BLOCK:
            self._out(call.pid).write(self._prefix(call.pid) + self._entry_text(call))
            call.written = True

    def syscall_exit(self, call) -> None:
        self._interrupt_open(call.pid)
        r = self.r
        prefix = self._prefix(call.pid)
        if call.unfinished:
            head = ""
            line = prefix + f"<... {call.name} resumed>" + r.exit_half(call)
        else:
            head = prefix + self._entry_text(call)
            line = head + r.exit_half(call)
            if not call.written:
                head = ""
        # a written entry half is already on the output: write only the rest,
        # padded as if the line were written whole
        text = pad_to(line, self.column) + "= " + r.retval(call) + "\n"
        self._out(call.pid).write(text[len(head):] if head else text)
        self.open_call = None

    def syscall_detached(self, call) -> None:
        """The tracer detached while the call was in progress: strace's " <detached ...>"."""
        if self.open_call is call:
            self.open_call = None
        if call.written and not call.unfinished:
            text = " <detached ...>\n"
        elif call.unfinished:
            text = self._prefix(call.pid) + f"<... {call.name} resumed> <detached ...>\n"
        else:
            text = self._prefix(call.pid) + self._entry_text(call) + " <detached ...>\n"
        self._out(call.pid).write(text)

    def syscall_vanished(self, call) -> None:
        """The process died inside the call: strace's "<unfinished ...>) = ?"
        (exit and exit_group, which never return, end with a plain ") = ?")."""
        self._interrupt_open(call.pid)
        if self.open_call is call:
            self.open_call = None
        prefix = self._prefix(call.pid)
        if call.unfinished:
            line = prefix + f"<... {call.name} resumed>)"
            head = ""
        else:
            head = prefix + self._entry_text(call)
            if call.name in ("exit", "exit_group"):
                line = head + ")"
            else:
                line = head + " <unfinished ...>)"
            if not call.written:
                head = ""
        self._out(call.pid).write((pad_to(line, self.column) + "= ?\n")[len(head):])

    def line(self, pid: int, text: str) -> None:
        """A whole line about a process: --- SIG... ---, +++ exited ... +++."""
        self._interrupt_open(pid, force=True)
        self._out(pid).write(self._prefix(pid) + text + "\n")

    def signal(self, pid: int, signame: str, siginfo) -> None:
        """--- SIGxxx {si_signo=...} --- (siginfo None: strace's bare form)."""
        if siginfo is None:
            self.line(pid, f"--- {signame} ---")
        else:
            self.line(pid, f"--- {signame} {self.r.value(siginfo)} ---")

    def stopped(self, pid: int, signame: str) -> None:
        self.line(pid, f"--- stopped by {signame} ---")

    def exited(self, pid: int, code: int) -> None:
        self.line(pid, f"+++ exited with {code} +++")

    def killed(self, pid: int, signame: str, core: bool) -> None:
        self.line(pid, f"+++ killed by {signame}{' (core dumped)' if core else ''} +++")

    def message(self, text: str) -> None:
        """A tracer message on stderr (Process N attached ...).  Like strace, it does
        not end an open trace line: on a shared terminal it lands mid-line."""
        Output(2).write(text + "\n")

    def close(self) -> None:
        self.out.close()
        for out in self.outs_by_pid.values():
            out.close()
