"""The JSON Schema (draft 2020-12) of pstrace's --json objects, shipped as package data
(pstrace-1.json, made by tools/gen_json_schema.py); `pstrace --json-schema` prints it."""
from __future__ import annotations

SCHEMA_FILE = "pstrace-1.json"


def schema_text() -> str:
    """The schema, as the JSON text of the file shipped in the package."""
    # imported here: importlib.resources brings pathlib, tempfile and urllib (start-up)
    from importlib.resources import files
    return files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
