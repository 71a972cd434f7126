"""python -m pstrace"""
from .cli import main

raise SystemExit(main())
