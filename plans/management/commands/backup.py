"""``manage.py backup FILE.tar.gz``: the database (a PostgreSQL dump, or the SQLite file) and the uploaded
files, in one archive that ``manage.py restore`` puts back (docs/deploy.md, "Backups and restore")."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

DUMPS = {"postgresql": "database.pgdump", "sqlite3": "database.sqlite3"}


def engine() -> str:
    name = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    if name not in DUMPS:
        raise CommandError(f"backup knows PostgreSQL and SQLite, not {name}.")
    return name


def pg_environment() -> tuple[list[str], dict]:
    """Connection arguments and environment (the password) for pg_dump / pg_restore."""
    db = settings.DATABASES["default"]
    args = ["--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = {**os.environ, **({"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {})}
    return args, env


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one .tar.gz archive (restore with manage.py restore)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file to write")

    def handle(self, *args, archive, **options):
        kind = engine()
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / DUMPS[kind]
            if kind == "postgresql":
                connection_args, env = pg_environment()
                subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), *connection_args],
                               env=env, check=True)
            else:
                source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
                target = sqlite3.connect(dump)
                with target:
                    source.backup(target)
                source.close()
                target.close()
            media = Path(settings.MEDIA_ROOT)
            files = [path for path in sorted(media.rglob("*")) if path.is_file()] if media.exists() else []
            manifest = {"engine": kind, "created": timezone.now().isoformat(), "files": len(files)}
            with tarfile.open(archive, "w:gz") as tar:
                data = json.dumps(manifest).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
                tar.add(dump, arcname=DUMPS[kind])
                for path in files:
                    tar.add(path, arcname=f"media/{path.relative_to(media).as_posix()}")
        connections.close_all()
        self.stdout.write(f"Backup written to {archive}: the {kind} database and {len(files)} files.")
