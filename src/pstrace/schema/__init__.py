"""The JSON Schema (draft 2020-12) of pstrace's --json objects, shipped as package data
(pstrace-1.json, made by tools/gen_json_schema.py); `pstrace --json-schema` prints it."""
from __future__ import annotations

from importlib.resources import files

SCHEMA_FILE = "pstrace-1.json"


def schema_text() -> str:
    """The schema, as the JSON text of the file shipped in the package."""
    return files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
