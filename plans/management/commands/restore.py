"""``manage.py restore FILE.tar.gz --yes``: put back what ``manage.py backup`` wrote — the database replaced
as a whole, the media folder replaced by the archive's files. Stop the web, worker and beat first."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from .backup import DUMPS, engine, pg_environment


def _safe_members(tar: tarfile.TarFile, prefix: str):
    for member in tar.getmembers():
        path = PurePosixPath(member.name)
        if member.name.startswith(prefix) and member.isfile() and not path.is_absolute() and ".." not in path.parts:
            yield member


class Command(BaseCommand):
    help = "Replace the database and the uploaded files by those of a backup archive (manage.py backup)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file that manage.py backup wrote")
        parser.add_argument("--yes", action="store_true", help="really replace the current data")

    def handle(self, *args, archive, yes=False, **options):
        if not yes:
            raise CommandError("restore replaces the whole database and the media folder: add --yes to go on.")
        kind = engine()
        with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as tmp:
            manifest = json.load(tar.extractfile("manifest.json"))
            if manifest["engine"] != kind:
                raise CommandError(f"This backup holds a {manifest['engine']} database; the portal uses {kind}.")
            tar.extract(DUMPS[kind], tmp, filter="data")
            dump = Path(tmp) / DUMPS[kind]
            connections.close_all()
            if kind == "postgresql":
                connection_args, env = pg_environment()
                subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                                *connection_args, str(dump)], env=env, check=True)
            else:
                shutil.copyfile(dump, settings.DATABASES["default"]["NAME"])
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                shutil.rmtree(media)
            media.mkdir(parents=True)
            members = list(_safe_members(tar, "media/"))
            for member in members:
                member.name = member.name.removeprefix("media/")
                tar.extract(member, media, filter="data")
        self.stdout.write(f"Restored the {kind} database and {len(members)} files from {archive}.")
