"""python -m pstrace: the same as the pstrace console script."""
import sys

from ._command import command

command(["pstrace", *sys.argv[1:]])
