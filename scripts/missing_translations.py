"""List the translatable strings of our code and templates that no Vietnamese catalogue translates.

Usage: python scripts/missing_translations.py [PATH ...]   (default: every app and the templates)
Exit 1 when some are missing. Uses xgettext (Debian's gettext) the way `makemessages` does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import django

BASE = Path(__file__).resolve().parent.parent
AREAS = ["config", "plans", "reporting", "coordination", "emulation", "dialogue", "templates"]


def catalogue_ids() -> set[str]:
    import polib_lite

    ids = set()
    for po in (BASE / "locale").glob("*/vi/LC_MESSAGES/django.po"):
        ids |= polib_lite.translated_ids(po)
    return ids


def extracted_ids(paths) -> set[tuple[str, str]]:
    """(msgid, where) of every string marked for translation under ``paths``."""
    from django.core.management.commands import makemessages

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cmd = makemessages.Command()
        cmd.verbosity, cmd.stdout = 0, open(os.devnull, "w")
        found: set[tuple[str, str]] = set()
        for root in paths:
            for path in sorted(Path(root).rglob("*")):
                if "migrations" in path.parts or path.suffix not in (".py", ".html", ".txt") or not path.is_file():
                    continue
                if path.suffix == ".py":
                    source = path
                    args = ["--language=Python", "--keyword=gettext_noop", "--keyword=gettext_lazy",
                            "--keyword=ngettext_lazy:1,2", "--keyword=pgettext:1c,2", "--keyword=pgettext_lazy:1c,2",
                            "--keyword=ngettext:1,2", "--keyword=_"]
                else:
                    from django.utils.translation import templatize

                    source = work / (path.name + ".py")
                    source.write_text(templatize(path.read_text(encoding="utf-8"), origin=str(path)),
                                      encoding="utf-8")
                    args = ["--language=Python", "--keyword=gettext_noop", "--keyword=gettext_lazy",
                            "--keyword=ngettext_lazy:1,2", "--keyword=pgettext:1c,2", "--keyword=ngettext:1,2",
                            "--keyword=_", "--keyword=pgettext_lazy:1c,2"]
                out = subprocess.run(["xgettext", "-o", "-", "--from-code=UTF-8", *args,
                                      str(source)], capture_output=True, text=True, check=True).stdout
                for msgid in parse_ids(out):
                    found.add((msgid, str(path.resolve().relative_to(BASE))))
        return found


def parse_ids(po_text: str) -> list[str]:
    import polib_lite

    with tempfile.NamedTemporaryFile("w", suffix=".po", encoding="utf-8", delete=False) as handle:
        handle.write(po_text)
    try:
        return [msgid for msgid, _strs in polib_lite.entries(Path(handle.name)) if msgid]
    finally:
        os.unlink(handle.name)


def main() -> int:
    sys.path.insert(0, str(BASE))
    sys.path.insert(0, str(BASE / "scripts"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    paths = sys.argv[1:] or [BASE / a for a in AREAS if (BASE / a).exists()]
    known = catalogue_ids()
    missing = sorted((msgid, where) for msgid, where in extracted_ids(paths) if msgid not in known)
    for msgid, where in missing:
        print(f"{where}: {msgid}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
