"""Just enough of a .po reader for our checks: the msgids that have a non-empty translation."""

from __future__ import annotations

from pathlib import Path


def _unquote(line: str) -> str:
    body = line.strip()
    body = body[body.index('"') + 1: body.rindex('"')]
    return body.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def entries(path: Path):
    """(msgid, [msgstr...]) of each entry of the catalogue at ``path``."""
    msgid, strs, field = None, [], None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line or line.startswith("#"):
            if msgid is not None and field is not None and not line.startswith("#|"):
                yield msgid, strs
                msgid, strs, field = None, [], None
            continue
        if line.startswith("msgid "):
            if msgid is not None and field == "str":
                yield msgid, strs
                strs = []
            msgid, field = _unquote(line), "id"
        elif line.startswith("msgid_plural"):
            field = "plural"
        elif line.startswith("msgstr"):
            strs.append(_unquote(line))
            field = "str"
        elif line.startswith('"'):
            if field == "id":
                msgid += _unquote(line)
            elif field == "str" and strs:
                strs[-1] += _unquote(line)


def translated_ids(path: Path) -> set[str]:
    return {msgid for msgid, strs in entries(path) if msgid and strs and all(strs)}
