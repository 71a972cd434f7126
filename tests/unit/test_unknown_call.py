"""A thread killed at a call's entry before its number could be read (the entry read
fails with ESRCH): the engine reports a call of number UNKNOWN_NR named "???", the text
view prints it as strace 6.1 does.  The expected lines are strace's, from a run of its
kill_child test program (`strace -f -qq -e signal=none -e trace=sched_yield,/kill -o LOG`),
with its pids.  The race itself cannot be made to happen on demand; strace's kill_child
test (run by hand, ../shared/strace-suite) exercises it.
"""
from __future__ import annotations

import os

from pstrace.decoders.signal import sig_value
from pstrace.events import UNKNOWN_NR, Attach, End, Syscall, SyscallEntry
from pstrace.render.text import TextRenderer
from pstrace.syscalls.catalog import by_name
from pstrace.values import Int
from pstrace.views.output import Output
from pstrace.views.text import TextView


def test_call_of_unknown_number_cut_by_another_line() -> None:
    kill = by_name("kill")
    assert kill is not None
    args = (Int(13366), sig_value(9))
    r, w = os.pipe()
    view = TextView(Output(w), TextRenderer(), prefix_always=True)
    for ev in (Attach(12716, "launch"), Attach(13366, "fork", parent=12716),
               SyscallEntry(12716, kill.nr, "kill", args),
               SyscallEntry(13366, UNKNOWN_NR, "???", ()),
               Syscall(12716, kill.nr, "kill", args, 2, False, 0),
               Syscall(13366, UNKNOWN_NR, "???", (), 0, False, None, end=End.VANISHED)):
        view(ev)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        text = f.read().decode()
    assert text == ("12716 kill(13366, SIGKILL <unfinished ...>\n"
                    "13366 ???( <unfinished ...>\n"
                    "12716 <... kill resumed>)               = 0\n"
                    "13366 <... ??? resumed>)                = ?\n")
