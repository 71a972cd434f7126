"""The consumers of the event stream that the command line uses: the strace text view
(text.py) and its outputs (output.py), the tracer's messages (messages.py) and -c's
counting (stats.py).  The Python API's iterator is the other consumer (pstrace.api)."""
