"""python -m pstrace: the same as the pstrace console script."""
import sys

from .cli import main

raise SystemExit(main(["pstrace", *sys.argv[1:]]))
