"""The package's structure: no import cycles between its packages (top-level modules and
subpackages of pstrace), counting every import, at module level or inside a function.
A cycle means two layers that cannot be understood or tested apart."""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "pstrace"


def _unit(module: str) -> str:
    """The package a module belongs to: pstrace.render.text -> render, pstrace.api -> api."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "pstrace"


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module is None:      # "from . import x": x is a module of the package
                out.update(f"{target}.{a.name}" for a in node.names)
            else:
                out.add(target)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                and node.test.id == "TYPE_CHECKING":
            continue
    return {m for m in out if m.startswith("pstrace")}


def _type_checking_only(path: Path) -> set[str]:
    """Imports under `if TYPE_CHECKING:` (annotations only: no runtime dependency)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                and node.test.id == "TYPE_CHECKING":
            for sub in node.body:
                if isinstance(sub, ast.ImportFrom) and sub.module:
                    out.add(sub.module)
    return out


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        unit = _unit(_module_name(path))
        skip = _type_checking_only(path)
        deps = graph.setdefault(unit, set())
        for target in _imports(path):
            if target.split(".")[-1] in {s.split(".")[-1] for s in skip}:
                continue
            dep = _unit(target)
            if dep != unit and dep != "pstrace":
                deps.add(dep)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        for dep in sorted(graph.get(node, ())):
            if dep in stack:
                cycle = stack[stack.index(dep):] + [dep]
                if sorted(cycle[:-1]) not in [sorted(c[:-1]) for c in found]:
                    found.append(cycle)
            elif len(stack) < 12:
                visit(dep, stack + [dep])

    for node in sorted(graph):
        visit(node, [node])
    return found


def test_no_import_cycles_between_packages() -> None:
    graph = package_graph()
    assert {"engine", "render", "decoders", "api", "events", "cli"} <= set(graph)
    assert _cycles(graph) == []


def test_the_engine_knows_no_view() -> None:
    graph = package_graph()
    assert not graph["engine"] & {"render", "views", "cli", "stats", "api"}
    assert not graph["decoders"] & {"render", "views", "cli", "stats", "api", "engine"}
    assert not graph["events"] & {"views", "cli", "stats", "api", "engine", "decoders"}
