"""Real processes for the fault tests: Celery workers, a private Redis, a private PostgreSQL, the portal.

The private instances listen on free ports of their own, in temporary folders; the machine's shared
PostgreSQL (5432) and Redis (6379) are never stopped. Everything is bounded by timeouts, and every
process started here is stopped by the fixture that started it (by its own pid).
"""

from __future__ import annotations

import glob
import http.cookiejar
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds: float, what: str, every: float = 0.2):
    """Poll ``condition`` until it returns a true value (returned), or fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


def stop(process: subprocess.Popen, sig=signal.SIGTERM, timeout: float = 15) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def database_url(settings_dict) -> str:
    db = settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Workers:
    """Start ``celery -A config worker`` processes (solo pool) on one queue of one broker."""

    def __init__(self, *, env: dict, queue: str):
        self.env, self.queue, self.started = env, queue, []

    def start(self) -> subprocess.Popen:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "-Q", self.queue,
             "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "WARNING"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.started.append(worker)
        return worker

    def stop_all(self) -> None:
        for worker in self.started:
            stop(worker, signal.SIGKILL)


# --- A private Redis ------------------------------------------------------------------------------

class PrivateRedis:
    """``redis-server`` on a free port, no persistence; stopped and started again on the same port."""

    def __init__(self, folder: Path):
        self.binary = shutil.which("redis-server")
        self.folder, self.port, self.process = folder, free_port(), None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.answers, 15, f"redis-server on port {self.port}")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None


# --- A private PostgreSQL -------------------------------------------------------------------------

def postgresql_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PrivatePostgres:
    """A PostgreSQL cluster of its own (``initdb`` in a temporary folder, trust auth, a free port).

    initdb refuses to run as root: as root the cluster belongs to the ``postgres`` system user.
    """

    def __init__(self):
        self.bin = postgresql_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-faults-pg-"))
        self.data = self.folder / "data"
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            uid = pwd.getpwnam(self.user).pw_uid
            os.chown(self.folder, uid, -1)

    def _run(self, *args, timeout=60):
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, check=True, timeout=timeout, capture_output=True, text=True)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8",
                  "--locale=C.UTF-8")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "30", "-l", str(self.folder / "log"),
                  "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "30", "-m", "fast", "stop")

    def answers(self) -> bool:
        return subprocess.run([str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                              capture_output=True).returncode == 0

    def copy_database(self, source_url: str, name: str) -> None:
        """Create ``name`` here with the schema and rows of ``source_url`` (pg_dump | pg_restore)."""
        subprocess.run([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name],
                       check=True, timeout=30)
        dump = subprocess.run([str(self.bin / "pg_dump"), "--format=custom", "--no-owner", source_url],
                              check=True, timeout=60, capture_output=True).stdout
        subprocess.run([str(self.bin / "pg_restore"), "--no-owner", "--dbname", self.url(name)], input=dump,
                       check=True, timeout=60, capture_output=True)

    def remove(self) -> None:
        if self.data.exists() and self.answers():
            try:
                self.stop()
            except subprocess.SubprocessError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)


# --- The portal, served by gunicorn ---------------------------------------------------------------

class Portal:
    """The portal under gunicorn (``deploy/gunicorn.conf.py``), one sync worker, in its own process."""

    def __init__(self, env: dict):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {**env, "PORTAL_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": "1"}
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen([GUNICORN, "-c", "deploy/gunicorn.conf.py", "--timeout", "60", "config.wsgi"],
                                        cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: self._answers(), 60, "gunicorn to answer")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.base + "/health/database/", timeout=5) as answer:
                return answer.status == 200
        except (OSError, urllib.error.HTTPError):
            return False

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Answer:
    def __init__(self, status: int, headers, body: bytes, elapsed: float):
        self.status, self.headers, self.elapsed = status, headers, elapsed
        self.text = re.sub(r"\s+", " ", body.decode("utf-8", "replace"))

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Browser:
    """A user's browser over HTTP: cookies, the CSRF token of the last page, redirects followed on request."""

    def __init__(self, base: str):
        self.base, self.jar = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)
        self.token = ""

    def request(self, path: str, data: dict | None = None, *, follow: bool = True, timeout: float = 30) -> Answer:
        body = None
        if data is not None:
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.token, **data}).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=timeout) as response:
                answer = Answer(response.status, response.headers, response.read(), time.monotonic() - started)
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, error.headers, error.read(), time.monotonic() - started)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', answer.text)
        if found:
            self.token = found.group(1)
        if follow and answer.status in (301, 302, 303) and answer.location:
            location = answer.location
            return self.request(location[len(self.base):] if location.startswith(self.base) else location,
                                timeout=timeout)
        return answer

    def get(self, path: str, **kwargs) -> Answer:
        return self.request(path, **kwargs)

    def post(self, path: str, data: dict, **kwargs) -> Answer:
        return self.request(path, data, **kwargs)

    def login(self, username: str, password: str) -> Answer:
        self.get("/accounts/login/")
        answer = self.post("/accounts/login/", {"username": username, "password": password})
        assert answer.status == 200 and 'id="user-menu"' in answer.text, answer.text[:500]
        return answer
