"""`make run`'s supervisor: runserver, a Celery worker and Celery beat, stopped together on one Ctrl-C.

Usage: .venv/bin/python scripts/run.py [--host 127.0.0.1] [--port 8000] [--no-celery]

The development server listens on 127.0.0.1 only unless ``--host`` (``make run HOST=0.0.0.0``) says otherwise.

Each child runs in its own session, so the terminal's Ctrl-C reaches this script only; it then
sends SIGTERM to all children at once (runserver's whole process group; the worker and beat,
which stop their own pools, in parallel — a worker with an embedded ``--beat`` hung over 25 s
at "beat: Shutting down…"), waits up to ``GRACE`` seconds and kills what is left. When one
child dies on its own, the others are stopped as well and the script exits with 1.

``DJANGO_DEBUG`` defaults to false here, so that a mistyped address shows the portal's own
Vietnamese 404 page; static files are then served by ``runserver --insecure``. A developer who
wants Django's debug pages runs ``make run DEBUG=1``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CELERY = str(Path(PY).with_name("celery"))
GRACE = 15.0  # seconds a child has to stop after SIGTERM before it is killed


def truthy(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


def commands(port: int, debug: bool, celery: bool, host: str = "127.0.0.1") -> dict[str, list[str]]:
    server = [PY, "manage.py", "runserver", f"{host}:{port}"]
    if not debug:
        server += ["--insecure", "--noreload"]  # static files without DEBUG; no reloader child to orphan
    found = {"web": server}
    if celery:
        found["worker"] = [CELERY, "-A", "config", "worker", "--loglevel=INFO", "--concurrency=2"]
        found["beat"] = [CELERY, "-A", "config", "beat", "--loglevel=INFO",
                         "--scheduler", "django_celery_beat.schedulers:DatabaseScheduler"]
    return found


def stop(children: dict[str, subprocess.Popen]) -> None:
    for name, child in children.items():
        if child.poll() is None:
            try:
                if name == "web":
                    os.killpg(child.pid, signal.SIGTERM)  # runserver and its autoreloader child
                else:
                    os.kill(child.pid, signal.SIGTERM)  # Celery's warm shutdown stops its own pool
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + GRACE
    for child in children.values():
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            child.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--no-celery", action="store_true", help="run the web server only")
    options = parser.parse_args(argv)
    debug = truthy(os.environ.get("DJANGO_DEBUG", "false"))
    env = {**os.environ, "DJANGO_DEBUG": "True" if debug else "False"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    (ROOT / "var").mkdir(exist_ok=True)
    for sub in ("broker", "processed", "results", "control"):
        (ROOT / "var" / "celery" / sub).mkdir(parents=True, exist_ok=True)

    stopping = False

    def on_signal(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    log = open(ROOT / "var" / "celery.log", "wb")  # noqa: SIM115 - open for the children's lifetime
    children: dict[str, subprocess.Popen] = {}
    try:
        for name, command in commands(options.port, debug, not options.no_celery, host=options.host).items():
            output = {} if name == "web" else {"stdout": log, "stderr": subprocess.STDOUT}
            children[name] = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, **output)
        while not stopping and all(child.poll() is None for child in children.values()):
            time.sleep(0.2)
    finally:
        started = time.monotonic()
        stop(children)
        log.close()
        if stopping:
            print(f"\nStopped in {time.monotonic() - started:.1f} s.", flush=True)
    return 0 if stopping else 1  # not stopped by a signal: a child died


if __name__ == "__main__":
    sys.exit(main())
