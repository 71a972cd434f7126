"""The text of each event as strace 6.1 prints it: the halves of a syscall line, its
return value, and the whole lines of signals, stops, exits and execs.

The text view (textview.py) assembles these with prefixes, the -a column and the
unfinished/resumed bookkeeping; `event_line` is an event's whole line with default
options (what ``str(event)`` gives).  strace counterpart: syscall_exiting_trace(),
print_signalled()/print_exited()/print_stopped() in strace.c.
"""
from __future__ import annotations

from ..values import Styled
from ..xlat import errno_name, errno_text
from .color import PLAIN, Palette, width
from .text import TextRenderer

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from ..events import (
        Event,
        Exec,
        Exit,
        IoDump,
        LineForm,
        Signal,
        Stop,
        Syscall,
        SyscallEntry,
    )
    from ..values import Value

# Kernel-internal restart codes print as "= ? ERESTARTSYS (...)", not "-1" (include/linux/errno.h).
_RESTART_CODES = frozenset((512, 513, 514, 516))
_DEFAULT = TextRenderer()
DEFAULT_COLUMN = 40   # strace's -a default


def entry_half(r: TextRenderer, ev: Syscall | SyscallEntry) -> str:
    """"name(entry args" plus ", " when the exit half adds more (ev.entry_sep)."""
    vals = ev.values
    n = ev.n_entry
    return call_head(r, ev.name, vals if n == len(vals) else vals[:n], ev.entry_sep)


def call_head(r: TextRenderer, name: str, vals: tuple[Value, ...], sep: bool) -> str:
    """entry_half() of a call's `name`, the `vals` decoded at entry and its entry_sep
    (what the text view has of a SyscallEntry, without the n_entry property)."""
    pal = r.palette
    if pal.name:
        name = pal.paint(pal.name, name)
    if sep and vals:
        return f"{name}({r.join(vals)}, "
    return f"{name}({r.join(vals)}"


def returned(r: TextRenderer, ev: Syscall, text: str, column: int) -> str:
    """The line `text` starts (the prefixes and entry half) ended as a returned call's:
    the arguments decoded at exit, the closing parenthesis, the padding to the " = "
    column and everything after "= "."""
    n = ev.n_entry
    values = ev.values
    if len(values) > n:
        rest = r.join(values[n:])
        text += ", " + rest + ")" if not ev.entry_sep and n else rest + ")"
    else:
        text += ")"
    return pad_to(text, column) + "= " + retval(r, ev)


def retval(r: TextRenderer, ev: Syscall) -> str:
    """Everything after "= ": the value, the error, the comment, the tampering notes."""
    err = ev.errno
    if err:
        name = errno_name(err)
        if err in _RESTART_CODES:
            text = f"? {name} ({errno_text(err)})"
        elif name is None:
            text = f"-1 (errno {err})"
        else:
            text = f"-1 {name} ({errno_text(err)})"
        text = r.palette.paint(r.palette.error, text)
    elif ev.rvalue is not None:
        text = r.value(ev.rvalue)
    else:
        text = str(ev.retval)
    c = ev.rcomment
    if c is not None:
        # by name whatever -X says, unless the decoder marked it Styled (then a comment
        # the style leaves empty is not printed: ioprio_get's under -X raw)
        shown = r.value(c) if isinstance(c, Styled) else r.symbolic(c)
        if shown or not isinstance(c, Styled):
            text += " (" + shown + ")"
    inj = ev.injected
    if inj:
        text += " (INJECTED)" if inj is True else f" (INJECTED: {inj})"
    if ev.delayed:
        text += " (DELAYED)"
    return text


def signal_text(r: TextRenderer, ev: Signal) -> str:
    """--- SIGxxx {si_signo=...} --- (siginfo None: strace's bare form)."""
    name = r.palette.paint(r.palette.signal, ev.name)
    if ev.siginfo is None:
        return f"--- {name} ---"
    return f"--- {name} {r.value(ev.siginfo)} ---"


def stop_text(ev: Stop, p: Palette = PLAIN) -> str:
    return f"--- stopped by {p.paint(p.signal, ev.name)} ---"


def exit_text(ev: Exit, p: Palette = PLAIN) -> str:
    if ev.code is not None:
        return p.paint(p.exit_bad if ev.code else p.exit_ok, f"+++ exited with {ev.code} +++")
    return p.paint(p.exit_bad,
                   f"+++ killed by {ev.name}{' (core dumped)' if ev.core else ''} +++")


def exec_text(ev: Exec) -> str:
    return f"+++ superseded by execve in pid {ev.old_pid} +++"


def pad_to(line: str, column: int) -> str:
    """strace's tabto(): the " = " column (-a).  Shorter lines are padded with spaces
    so that "=" starts at `column`; longer ones get a single space (widths without
    --color's codes)."""
    n = len(line) if "\x1b" not in line else width(line)
    if n < column:
        return line + " " * (column - n)
    return line + " "


def syscall_line(r: TextRenderer, ev: Syscall, column: int = DEFAULT_COLUMN) -> str:
    """The whole line of a call, as strace prints it when nothing interleaves."""
    from ..events import End
    head = entry_half(r, ev)
    if ev.end is End.RETURNED:
        return returned(r, ev, head, column)
    if ev.end is End.DETACHED:
        return head + " <detached ...>"
    if ev.complete:
        return pad_to(head + ")", column) + "= ?"
    return pad_to(head + " <unfinished ...>)", column) + "= ?"


def event_line(ev: Event, r: TextRenderer = _DEFAULT) -> str:
    """An event's line with strace's default options (no prefixes), without the
    newline; "" for events strace prints no trace line for.  An event read from a log
    (with a LineForm) gives its line as the log had it, prefix and -T included; a -c
    table (Summary) gives the whole table."""
    from ..events import (
        Exec,
        Exit,
        IoDump,
        Signal,
        Stop,
        Summary,
        Syscall,
        SyscallEntry,
        Unparsed,
    )
    form: LineForm | None = getattr(ev, "form", None)
    if isinstance(ev, Syscall):
        if form is None:
            return syscall_line(r, ev)
        text = form.prefix + syscall_line(r, ev, DEFAULT_COLUMN - len(form.prefix))
        if form.timed:
            text += " <%.6f>" % ((ev.t_exit - ev.t_entry) / 1e9)
        return text
    prefix = form.prefix if form is not None else ""
    if isinstance(ev, SyscallEntry):
        return entry_half(r, ev)
    if isinstance(ev, Signal):
        return prefix + signal_text(r, ev)
    if isinstance(ev, Stop):
        return prefix + stop_text(ev, r.palette)
    if isinstance(ev, Exit):
        return prefix + exit_text(ev, r.palette)
    if isinstance(ev, Exec):
        return exec_text(ev) if ev.old_pid != ev.pid else ""
    if isinstance(ev, IoDump):
        return dump_text(ev).rstrip("\n")
    if isinstance(ev, Unparsed):
        return prefix + ev.text
    if isinstance(ev, Summary):
        from .summary import summary_text
        return summary_text(ev).rstrip("\n")
    return ""


_ASCII = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in range(256))


def hexdump(data: bytes) -> str:
    """strace's dump of one buffer: per 16 bytes
    " | OFFSET  xx xx xx xx xx xx xx xx  xx xx xx xx xx xx xx xx  ASCII16          |"
    (offset as at least 5 hex digits, as many as the buffer's last offset needs beyond
    1 MiB; printable ASCII 0x20..0x7e shown, the rest as "."), each line ending in a
    newline."""
    width = max(5, len(f"{len(data) - 1:x}"))
    out = []
    for off in range(0, len(data), 16):
        chunk = data[off:off + 16]
        hexes = [f"{b:02x}" for b in chunk] + ["  "] * (16 - len(chunk))
        text = "".join(_ASCII[b] for b in chunk)
        out.append(f" | {off:0{width}x}  {' '.join(hexes[:8])}  {' '.join(hexes[8:])}"
                   f"  {text:<16} |\n")
    return "".join(out)


def dump_text(ev: IoDump) -> str:
    """-e read=/write= lines; vectored calls print " * N bytes in buffer K" before each
    buffer's dump.  strace counterpart: dumpstr()/dumpiov_upto() in util.c."""
    if not ev.vectored:
        text = "".join(hexdump(b) for b in ev.buffers)
        if ev.unfetched is not None:
            n, addr = ev.unfetched
            text += (f" | <Cannot fetch {n} byte{'' if n == 1 else 's'} from pid {ev.pid}"
                     f" @{addr:#x}>\n")
        return text
    if ev.vectors is None:
        return _buffers(ev.buffers)
    out, start = [], 0
    for k, (iovlen, n) in enumerate(ev.vectors):
        out.append(f" = {iovlen} buffers in vector {k}\n"
                   + _buffers(ev.buffers[start:start + n]))
        start += n
    return "".join(out)


def _buffers(buffers: tuple[bytes, ...]) -> str:
    return "".join(f" * {len(b)} bytes in buffer {k}\n" + hexdump(b)
                   for k, b in enumerate(buffers))
