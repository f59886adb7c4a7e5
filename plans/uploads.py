"""Where uploaded and generated files are stored: under a random folder no one can guess.

``RandomPath("reports/%Y/%m")`` is an ``upload_to`` for a ``FileField``: the file lands in
``reports/2026/12/<32 hex digits>/<its cleaned name>``, so that knowing an object's id (or the
name a document is given) never leads to its file. Files are never served from ``MEDIA_URL``:
every download goes through a view that checks access (see docs/deploy.md). Files stored
before this kept their names and still open through those views.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename


@deconstructible
class RandomPath:
    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        folder = dt.datetime.now().strftime(self.folder)  # noqa: DTZ005 (a folder name, as Django's own upload_to)
        name = get_valid_filename(filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]) or "file"
        return f"{folder}/{secrets.token_hex(16)}/{name}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomPath) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)
