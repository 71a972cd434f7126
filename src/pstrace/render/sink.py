"""The strace text view: receives engine events and writes strace's lines.

It owns the one "open line" strace keeps: a syscall whose entry half is known but whose
exit has not come.  The entry half is written at entry only for calls that may block
(so `read(0, ` shows live as in strace); any other call's line is written whole at exit,
in a single write.  When another process's event arrives while a line is open, the open
line is finished with " <unfinished ...>" and the exit later prints
"<... name resumed>".  strace counterpart: printleader()/line_ended()/tabto() in strace.c.
"""
from __future__ import annotations

import time

from .output import Output
from .prefix import Prefixer, duration_suffix
from .text import TextRenderer, pad_to

# Calls that never return: strace prints their whole line, " = ?" included, at entry.
NEVER_RETURN = frozenset(("exit", "exit_group"))

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
    """strace-format text output for one Output (or one per process with -ff).

    `prefixer` (optional) adds the -t/-r/-n/-i prefixes after "[pid N] ";
    `durations` (a precision word, optional) appends -T's " <S.FRAC>" to each return.
    """

    __slots__ = ("out", "r", "column", "open_call", "open_pid", "multi", "outs_by_pid",
                 "ff_prefix", "pid_prefix", "pfx", "durations")

    def __init__(self, out: Output, renderer: TextRenderer, column: int = 40,
                 ff_prefix: str | None = None, prefixer: Prefixer | None = None,
                 durations: str | None = None) -> None:
        self.out = out
        self.r = renderer
        self.column = column
        self.open_call = None        # the call whose line is open (entry half shown or pending)
        self.open_pid = 0
        self.pid_prefix = False      # "[pid N] " / "N " once more than one process is traced
        self.outs_by_pid: dict[int, Output] = {}
        self.ff_prefix = ff_prefix   # -ff -o FILE: one FILE.PID per process
        self.pfx = prefixer
        self.durations = durations

    # --- prefixes and outputs ---------------------------------------------------
    def _prefix(self, pid: int) -> str:
        if not self.pid_prefix or self.ff_prefix is not None:
            return ""
        if self.out.fd == 2:
            return f"[pid {pid:>5}] "
        return f"{pid:<5} "

    def _call_prefix(self, call, t_ns: int) -> str:
        """The whole prefix of a syscall line stamped t_ns."""
        pfx = self.pfx
        if pfx is None:
            return self._prefix(call.pid)
        return self._prefix(call.pid) + pfx.syscall(call.pid, t_ns, call.nr, call.ip)

    def _event_prefix(self, pid: int, alive: bool = True) -> str:
        pfx = self.pfx
        if pfx is None:
            return self._prefix(pid)
        return self._prefix(pid) + pfx.event(pid, alive)

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
        head = "" if call.written else self._head(call)
        self._out(call.pid).write(head + " <unfinished ...>\n")
        call.written = True
        call.unfinished = True

    def _head(self, call) -> str:
        """The start of the call's line: prefixes and the entry half, rendered once (so
        a line whose head was written at entry is padded by what was written)."""
        text = call.etext
        if text is None:
            text = call.etext = self._call_prefix(call, call.t_entry) + self.r.entry_half(call)
        return text

    def _resumed(self, call, t_ns: int) -> str:
        return self._call_prefix(call, t_ns) + f"<... {call.name} resumed>"

    # --- events --------------------------------------------------------------------
    def syscall_entry(self, call) -> None:
        self._interrupt_open(call.pid)
        if call.name in NEVER_RETURN:
            # strace ends these lines at entry: they never return, so another task's
            # line cannot cut them ("exit_group(5) = ?" before the threads' exits)
            line = pad_to(self._head(call) + ")", self.column) + "= ?\n"
            self._out(call.pid).write(line)
            call.written = call.done = True
            self.open_call = None
            return
        self.open_call = call
        if call.name in MAY_BLOCK:
            self._out(call.pid).write(self._head(call))
            call.written = True

    def syscall_exit(self, call) -> None:
        self._interrupt_open(call.pid)
        r = self.r
        if call.unfinished:
            head = ""
            line = self._resumed(call, call.t_exit) + r.exit_half(call)
        else:
            head = self._head(call)
            line = head + r.exit_half(call)
            if not call.written:
                head = ""
        # a written entry half is already on the output: write only the rest,
        # padded as if the line were written whole
        text = pad_to(line, self.column) + "= " + r.retval(call)
        if self.durations is not None:
            text += duration_suffix(call.t_exit - call.t_entry, self.durations)
        text += "\n"
        self._out(call.pid).write(text[len(head):] if head else text)
        self.open_call = None

    def syscall_detached(self, call) -> None:
        """The tracer detached while the call was in progress: strace's " <detached ...>"."""
        if self.open_call is call:
            self.open_call = None
        # (a call already cut by "<unfinished ...>" never gets here: the engine skips it)
        text = " <detached ...>\n" if call.written else self._head(call) + " <detached ...>\n"
        self._out(call.pid).write(text)

    def syscall_vanished(self, call, superseded: bool = False) -> None:
        """The process died inside the call: strace's "<unfinished ...>) = ?"; a leader
        superseded by another thread's execve ends its open line with a plain ") = ?"."""
        if call.done:
            return
        self._interrupt_open(call.pid)
        if self.open_call is call:
            self.open_call = None
        if call.unfinished:
            line = self._resumed(call, _now(self.pfx)) + ")"
            head = ""
        else:
            head = self._head(call)
            line = head + (")" if superseded else " <unfinished ...>)")
            if not call.written:
                head = ""
        self._out(call.pid).write((pad_to(line, self.column) + "= ?\n")[len(head):])

    def line(self, pid: int, text: str, alive: bool = False) -> None:
        """A whole line about a process: --- SIG... ---, +++ exited ... +++
        (alive: the process is in a stop, -i can show where)."""
        self._interrupt_open(pid, force=True)
        self._out(pid).write(self._event_prefix(pid, alive) + text + "\n")

    def signal(self, pid: int, signame: str, siginfo) -> None:
        """--- SIGxxx {si_signo=...} --- (siginfo None: strace's bare form)."""
        if siginfo is None:
            self.line(pid, f"--- {signame} ---", True)
        else:
            self.line(pid, f"--- {signame} {self.r.value(siginfo)} ---", True)

    def stopped(self, pid: int, signame: str) -> None:
        self.line(pid, f"--- stopped by {signame} ---", True)

    def exited(self, pid: int, code: int) -> None:
        self.line(pid, f"+++ exited with {code} +++")

    def killed(self, pid: int, signame: str, core: bool) -> None:
        self.line(pid, f"+++ killed by {signame}{' (core dumped)' if core else ''} +++")

    def dump(self, pid: int, text: str) -> None:
        """Lines that follow a finished call as they are (-e read=/write= hex dumps)."""
        self._out(pid).write(text)

    def message(self, text: str) -> None:
        """A tracer message on stderr (Process N attached ...).  Like strace, it does
        not end an open trace line: on a shared terminal it lands mid-line."""
        Output(2).write(text + "\n")

    def close(self) -> None:
        self.out.close()
        for out in self.outs_by_pid.values():
            out.close()


def _now(pfx: Prefixer | None) -> int:
    """A stamp for a line the engine did not time (only needed with prefixes)."""
    return time.time_ns() if pfx is not None else 0
