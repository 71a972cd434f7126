"""The strace text view: consumes the event stream and writes strace's lines.

It owns the one "open line" strace keeps: a syscall whose entry half is known but whose
exit has not come.  The entry half is written at entry only for calls that may block
(so `read(0, ` shows live as in strace); any other call's line is written whole at exit,
in a single write.  When another process's event arrives while a line is open, the open
line is finished with " <unfinished ...>" and the exit later prints
"<... name resumed>".  The filters that change only what is shown live here too:
-e status= / -z / -Z (a call's line is held until its verdict is known), -e signal=,
-qq (exit lines), and the "[pid N] " prefix once more than one process is traced.
strace counterpart: printleader()/line_ended()/tabto() in strace.c.
"""
from __future__ import annotations

from ..events import (
    Attach,
    Comm,
    Detach,
    End,
    Event,
    Exec,
    Exit,
    IoDump,
    Message,
    Personality,
    Signal,
    Stop,
    Syscall,
    SyscallEntry,
)
from ..render.lines import (
    call_head,
    dump_text,
    exec_text,
    exit_text,
    pad_to,
    returned,
    signal_text,
    stop_text,
)
from ..render.prefix import Prefixer, duration_suffix
from ..render.quote import quote_path_text
from ..render.text import TextRenderer
from ..syscalls.catalog import by_name, by_nr
from .output import Output
from .shown import call_shown, exit_shown

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Callable, Container
    from typing import Any


_NEVER_RETURNS = 1   # _kind(): the catalog's never_returns
_MAY_BLOCK = 2       # ... and may_block
_RETURNED = End.RETURNED   # (once: a global loads faster than a class attribute)


def _kind(e: SyscallEntry) -> int:
    """What the view needs of a call's catalog row, as _NEVER_RETURNS | _MAY_BLOCK
    (kept in _KINDS by number for the x86_64 calls)."""
    row = by_nr(e.nr) if not e.personality else by_name(e.name)
    kind = 0 if row is None else ((_NEVER_RETURNS if row.never_returns else 0)
                                  | (_MAY_BLOCK if row.may_block else 0))
    if not e.personality:
        _KINDS[e.nr] = kind
    return kind


_KINDS: dict[int, int] = {}


class _Line:
    """A call between its entry and its exit, as far as the text view is concerned."""

    __slots__ = ("entry", "head", "written", "unfinished", "done", "shown", "comm")

    def __init__(self, entry: SyscallEntry, comm: str | None) -> None:
        self.entry = entry
        self.comm = comm   # -Y: the thread's name at entry (its line's prefix, as strace)
        self.head: str | None = None   # the rendered prefix and entry half, made once
        self.written = False     # the entry half is already on the output
        self.unfinished = False  # cut by "<unfinished ...>": the exit prints "resumed"
        self.done = False        # its line already ended (exit/exit_group at entry)
        self.shown = False       # the entry was acted on (not held for -e status=)


class TextView:
    """strace-format text output for one Output (or one per process with -ff).

    `prefixer` (optional) adds the -t/-r/-n/-i prefixes after "[pid N] ";
    `durations` (a precision word, optional) appends -T's " <S.FRAC>" to each return;
    `status`: the -e status= set (None: every call); `signals`: the -e signal= set
    (None: every signal); `quiet_exit`: -qq; `prefix_always`: "N " on every line
    (-o FILE with -f or several tracees, decided once at start as strace does).
    """

    __slots__ = ("out", "r", "column", "open", "lines", "_ntracees", "pids", "outs_by_pid",
                 "ff_prefix", "prefix_always", "pfx", "durations", "status", "signals",
                 "quiet_exit", "prog", "quiet_personality", "quiet_thread_execve", "comms",
                 "_dispatch")

    def __init__(self, out: Output, renderer: TextRenderer, column: int = 40,
                 ff_prefix: str | None = None, prefixer: Prefixer | None = None,
                 durations: str | None = None, status: frozenset[str] | None = None,
                 signals: Container[int] | None = None, quiet_exit: bool = False,
                 prefix_always: bool = False, prog: str = "pstrace",
                 quiet_personality: bool = False, quiet_thread_execve: bool = False) -> None:
        self.out = out
        self.r = renderer
        self.column = column
        self.open: _Line | None = None   # the line that is open (entry shown or pending)
        self.lines: dict[int, _Line] = {}   # per thread, its call in progress
        self.outs_by_pid: dict[int, Output] = {}
        self.ff_prefix = ff_prefix   # -ff -o FILE: one FILE.PID per process
        self.prefix_always = prefix_always
        self.ntracees = 0   # (its setter sets pids: "[pid N] " on each line)
        self.pfx = prefixer
        self.durations = durations
        self.status = status
        self.signals = signals
        self.quiet_exit = quiet_exit
        self.prog = prog
        self.comms: dict[int, str] = {}   # -Y: each thread's name, quoted for "<...>"
        self.quiet_personality = quiet_personality   # -q, -e quiet=personality
        self.quiet_thread_execve = quiet_thread_execve   # -qqq, -e quiet=thread-execve
        self._dispatch: dict[type[Event], Callable[[Any], None]] = {
            SyscallEntry: self._entry, Syscall: self._syscall, Signal: self._signal,
            Stop: self._stop, Exit: self._exit, Attach: self._attach,
            Detach: self._detach, Exec: self._exec, IoDump: self._dump,
            Message: lambda ev: None,   # the tracer's messages go to stderr (messages.py)
            Personality: self._personality, Comm: self._comm,
        }

    def __call__(self, ev: Event) -> None:
        self._dispatch[type(ev)](ev)

    def handler(self, cls: type[Event]) -> Callable[[Any], None]:
        """What __call__ does with an event of type `cls`: the engine hands the events of
        every call to it directly (a call and a lookup fewer, issue #11)."""
        return self._dispatch[cls]

    @property
    def ntracees(self) -> int:
        """How many threads are traced (strace's nprocs): more than one, and the lines
        get "[pid N] " (`pids`, kept with it: asked at each line, issue #11)."""
        return self._ntracees

    @ntracees.setter
    def ntracees(self, n: int) -> None:
        self._ntracees = n
        self.pids = self.ff_prefix is None and (self.prefix_always or n > 1)

    # --- prefixes and outputs ---------------------------------------------------
    def _prefix(self, pid: int, comm: str | None = None) -> str:
        if not self.pids:
            return ""
        if comm is None:
            comm = self.comms.get(pid)
        if self.out.fd == 2:
            return f"[pid {pid:>5}<{comm}>] " if comm else f"[pid {pid:>5}] "
        return f"{pid}<{comm}> " if comm else f"{pid:<5} "

    def _comm(self, ev: Comm) -> None:
        self.comms[ev.pid] = quote_path_text(ev.comm, self.r.xflag)

    def _call_prefix(self, pid: int, t_ns: int, nr: int, ip: int,
                     comm: str | None = None) -> str:
        pfx = self.pfx
        if pfx is None:
            return self._prefix(pid, comm)
        return self._prefix(pid, comm) + pfx.syscall(t_ns, nr, ip)

    def _out(self, pid: int) -> Output:
        if self.ff_prefix is None:
            return self.out
        out = self.outs_by_pid.get(pid)
        if out is None:
            out = self._open(pid)
        return out

    def _open(self, pid: int) -> Output:
        assert self.ff_prefix is not None
        out = self.outs_by_pid[pid] = Output.open_process_file(self.ff_prefix, pid, self.prog)
        return out

    def _interrupt_open(self, pid: int, force: bool = False) -> None:
        """Another process speaks while a line is open: end it with <unfinished ...>."""
        line = self.open
        if line is None or (line.entry.pid == pid and not force):
            return
        self.open = None
        lpid = line.entry.pid
        if self.ff_prefix is not None and lpid != pid:
            return  # separate files: lines never interleave
        head = "" if line.written else self._head(line)
        self._out(lpid).write(head + " <unfinished ...>\n")
        line.written = True
        line.unfinished = True

    def _head(self, line: _Line) -> str:
        """The start of the call's line: prefixes and the entry half, rendered once (so
        a line whose head was written at entry is padded by what was written)."""
        text = line.head
        if text is None:
            e = line.entry
            text = call_head(self.r, e.name, e.values, e.entry_sep)
            if self.pids or self.pfx is not None:   # else no prefix
                text = self._call_prefix(e.pid, e.time, e.nr, e.ip, line.comm) + text
            line.head = text
        return text

    def _resumed(self, ev: Syscall) -> str:
        return self._call_prefix(ev.pid, ev.t_exit, ev.nr, ev.ip) + f"<... {ev.name} resumed>"

    # --- syscalls ------------------------------------------------------------------
    def _entry(self, ev: SyscallEntry) -> None:
        line = self.lines[ev.pid] = _Line(ev, self.comms.get(ev.pid) if self.comms else None)
        if self.status is None:
            self._show_entry(line)
        elif "unfinished" in self.status:
            # -e status=unfinished: a call that never returns is known as such at entry
            if _kind(ev) & _NEVER_RETURNS and not ev.tampered:
                self._show_entry(line)

    def _show_entry(self, line: _Line) -> None:
        e = line.entry
        line.shown = True
        open_line = self.open
        if open_line is not None and open_line.entry.pid != e.pid:
            self._interrupt_open(e.pid)
        kind = _KINDS.get(e.nr) if not e.personality else None
        if kind is None:
            kind = _kind(e)
        if kind & _NEVER_RETURNS and not e.tampered:
            # strace ends these lines at entry: they never return, so another task's
            # line cannot cut them ("exit_group(5) = ?" before the threads' exits)
            text = pad_to(self._head(line) + ")", self.column) + "= ?\n"
            self._out(e.pid).write(text)
            line.written = line.done = True
            self.open = None
            return
        self.open = line
        if kind & _MAY_BLOCK:
            (self.out if self.ff_prefix is None else self._out(e.pid)).write(
                self._head(line), False)   # the start of a line: its end reports errors
            line.written = True

    def _syscall(self, ev: Syscall) -> None:
        line = self.lines.pop(ev.pid, None)
        if line is None or line.entry.nr != ev.nr:   # an entry this view never saw
            line = _Line(SyscallEntry(ev.pid, ev.nr, ev.name, ev.values[:ev.n_entry],
                                      ev.entry_sep, ev.t_entry, ev.ip, ev.complete),
                         self.comms.get(ev.pid))
        if not line.shown:
            if not call_shown(ev, self.status):
                return
            self._show_entry(line)
        end = ev.end
        if end is not _RETURNED:
            if end is End.DETACHED:
                self._detached(line)
            else:
                self._vanished(line, ev)
            return
        # the call returned (its line's end is here, not in a method of its own: the
        # commonest event of all, issue #11)
        open_line = self.open
        if open_line is not line and open_line is not None and open_line.entry.pid != ev.pid:
            self._interrupt_open(ev.pid)
        if line.unfinished:
            written = 0
            head = self._resumed(ev)
        else:
            head = line.head or self._head(line)   # (a rendered head is never empty)
            written = len(head) if line.written else 0
        # a written entry half is already on the output: write only the rest,
        # padded as if the line were written whole
        text = returned(self.r, ev, head, self.column)
        if self.durations is not None:
            text += duration_suffix(ev.t_exit - ev.t_entry, self.durations)
        (self.out if self.ff_prefix is None else self._out(ev.pid)).write(
            text[written:] + "\n")
        self.open = None

    def _detached(self, line: _Line) -> None:
        """The tracer detached while the call was in progress: strace's " <detached ...>".
        strace ends only the open line: a call already cut by "<unfinished ...>" gets
        no line at all (strace 6.1, -p A,B then SIGINT)."""
        if self.open is line:
            self.open = None
        if line.unfinished:
            return
        text = " <detached ...>\n" if line.written else self._head(line) + " <detached ...>\n"
        self._out(line.entry.pid).write(text)

    def _vanished(self, line: _Line, ev: Syscall) -> None:
        """The process died inside the call: strace's "<unfinished ...>) = ?"; a leader
        superseded by another thread's execve ends its open line with a plain ") = ?"."""
        if line.done:
            return
        self._interrupt_open(ev.pid)
        if self.open is line:
            self.open = None
        # strace says " <unfinished ...>" only where the decoder had more to print at exit
        cut = "" if ev.complete else " <unfinished ...>"
        if line.unfinished:
            text = self._resumed(ev) + cut + ")"
            head = ""
        else:
            head = self._head(line)
            text = head + cut + ")"
            if not line.written:
                head = ""
        self._out(ev.pid).write((pad_to(text, self.column) + "= ?\n")[len(head):])

    # --- whole lines ------------------------------------------------------------------
    def _line(self, pid: int, text: str, t_ns: int, nr: int, ip: int | None) -> None:
        """A whole line about a process: --- SIG... ---, +++ exited ... +++
        (ip None: the process is gone, -i shows question marks)."""
        self._interrupt_open(pid, force=True)
        pfx = self.pfx
        prefix = self._prefix(pid)
        if pfx is not None:
            prefix += pfx.event(t_ns, nr, ip)
        self._out(pid).write(prefix + text + "\n")

    def _signal(self, ev: Signal) -> None:
        if self.signals is None or ev.signo in self.signals:
            self._line(ev.pid, signal_text(self.r, ev), ev.time, ev.last_nr, ev.ip)

    def _stop(self, ev: Stop) -> None:
        if self.signals is None or ev.signo in self.signals:
            self._line(ev.pid, stop_text(ev, self.r.palette), ev.time, ev.last_nr, ev.ip)

    def _exit(self, ev: Exit) -> None:
        if exit_shown(ev, self.signals, self.quiet_exit):
            self._line(ev.pid, exit_text(ev, self.r.palette), ev.time, ev.last_nr, None)
        self.lines.pop(ev.pid, None)
        self.comms.pop(ev.pid, None)
        self.ntracees -= 1
        out = self.outs_by_pid.pop(ev.pid, None)
        if out is not None:
            out.close()   # -ff: one descriptor per live process, not per process ever

    def _personality(self, ev: Personality) -> None:
        if not self.quiet_personality:
            self._line(ev.pid, f"[ Process PID={ev.pid} runs in {ev.mode} mode. ]",
                       ev.time, ev.last_nr, None)

    def _exec(self, ev: Exec) -> None:
        if ev.old_pid == ev.pid:
            return
        line = self.open
        if line is not None and line.entry.pid == ev.old_pid and self.ff_prefix is None:
            # the execve line of the thread that took the leader's pid: strace ends it
            # with " <pid changed to LEADER ...>" and resumes it under the leader's pid
            head = "" if line.written else self._head(line)
            self._out(ev.old_pid).write(head + f" <pid changed to {ev.pid} ...>\n")
            line.written = line.unfinished = True
            self.open = None
        self.ntracees -= 1   # the thread that called execve took the leader's place
        if not self.quiet_thread_execve:
            self._line(ev.pid, exec_text(ev), ev.time, ev.last_nr, None)
        moved = self.lines.pop(ev.old_pid, None)
        if moved is not None:
            self.lines[ev.pid] = moved

    def _attach(self, ev: Attach) -> None:
        self.ntracees += ev.threads
        if self.ff_prefix is not None and ev.pid not in self.outs_by_pid:
            self._open(ev.pid)

    def _detach(self, ev: Detach) -> None:
        if ev.unknown:
            return   # it was never counted
        line = self.lines.get(ev.pid)
        if line is not None and line.shown:
            self._head(line)   # its " <detached ...>" line keeps the prefix it had
        self.ntracees -= 1

    def _dump(self, ev: IoDump) -> None:
        """Lines that follow a finished call as they are (-e read=/write= hex dumps)."""
        self._out(ev.pid).write(dump_text(ev))

    def close(self) -> None:
        self.out.close()
        for out in self.outs_by_pid.values():
            out.close()
