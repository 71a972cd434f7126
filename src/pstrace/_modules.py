"""importlib.import_module for the package's lazy loaders, without importing importlib.

The facades (pstrace, decoders, inject, xlat, reports) import a module by name on first
use.  `import importlib` costs about 0.5 ms of every start (it imports warnings; issue
#11: start-up), while __import__, what an import statement calls, does the same for an
absolute name.  No strace counterpart.
"""
from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from types import ModuleType


def load(name: str) -> ModuleType:
    """The module of absolute dotted name `name`, imported if it was not."""
    __import__(name)
    return sys.modules[name]
