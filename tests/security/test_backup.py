"""`manage.py backup` and `restore`: a round trip on the demo data gives back the same records and files."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.xdist_group("backup")


def manage(env, *args) -> str:
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def files(media: Path) -> dict[str, str]:
    return {str(p.relative_to(media)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(media.rglob("*")) if p.is_file()}


@pytest.fixture(params=["sqlite3", "postgresql"])
def database_url(request, tmp_path):
    """A database of its own for the round trip: a SQLite file, or a scratch PostgreSQL database beside the
    test database (when the suite runs on PostgreSQL)."""
    if request.param == "sqlite3":
        yield f"sqlite:///{tmp_path}/portal.sqlite3"
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres") or not shutil.which("pg_dump"):
        pytest.skip("the PostgreSQL round trip needs PostgreSQL and pg_dump")
    base, _slash, name = url.rpartition("/")
    scratch = f"{name}_backup_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    admin = psycopg2.connect(f"{base}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
        cursor.execute(f'CREATE DATABASE "{scratch}"')
    try:
        yield f"{base}/{scratch}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        admin.close()


def test_a_round_trip_on_the_demo_data_gives_back_the_same_records_and_files(tmp_path, database_url):
    media = tmp_path / "media"
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.test", "DJANGO_VAR_DIR": str(tmp_path),
                "DATABASE_URL": database_url, "DJANGO_MEDIA_ROOT": str(media)})
    engine = "postgresql" if database_url.startswith("postgres") else "sqlite3"
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo", "-v", "0")
    (media / "reports" / "x").mkdir(parents=True, exist_ok=True)
    (media / "reports" / "x" / "bao-cao.pdf").write_bytes(b"%PDF-1.7 attachment")
    records = manage(env, "dumpdata", "plans", "reporting", "auth.group", "--indent", "0")
    stored = files(media)
    assert len(records) > 10_000 and len(stored) >= 2  # the demo's import sources and the attachment

    archive = tmp_path / "backup.tar.gz"
    assert "Backup written" in manage(env, "backup", str(archive))
    manage(env, "flush", "--noinput")  # everything lost
    for path in media.rglob("*.pdf"):
        path.unlink()
    (media / "stray.txt").write_text("not in the backup")
    assert manage(env, "dumpdata", "plans.plan", "--indent", "0").strip() == "[]"

    assert f"Restored the {engine} database" in manage(env, "restore", str(archive), "--yes")
    assert manage(env, "dumpdata", "plans", "reporting", "auth.group", "--indent", "0") == records
    assert files(media) == stored


def test_restore_asks_before_replacing_anything(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DJANGO_VAR_DIR": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path}/portal.sqlite3", "DJANGO_MEDIA_ROOT": str(tmp_path / "media")}
    result = subprocess.run([sys.executable, "manage.py", "restore", str(tmp_path / "none.tar.gz")], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "add --yes" in result.stderr
