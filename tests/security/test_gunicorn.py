"""Production starts on gunicorn (deploy/gunicorn.conf.py) with config.settings.production: health checks
answer, pages carry their security headers, static files come from whitenoise under hashed names."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
pytestmark = pytest.mark.xdist_group("gunicorn")  # one server for the module


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer to look at, not to follow


OPENER = urllib.request.build_opener(_NoRedirect)


def get(url, **headers):
    request = urllib.request.Request(url, headers={"Host": "localhost", **headers})
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    var = tmp_path_factory.mktemp("production")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "DJANGO_VAR_DIR": str(var),
           "DATABASE_URL": f"sqlite:///{var}/portal.sqlite3",
           "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15",
           "DJANGO_SECRET_KEY": "k" * 20 + "-production-test-" + "x1y2z3" * 5,
           "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "mail.example",
           "DJANGO_ALLOWED_HOSTS": "localhost", "DJANGO_MEDIA_ROOT": str(var / "media"),
           "PORTAL_ACCESS_LOG": str(var / "access.log"), "WEB_CONCURRENCY": "2",
           # the hashed names without the gzip/brotli copies, which take minutes to make
           "PORTAL_STATIC_STORAGE": "config.storage.ManifestStaticFilesStorage"}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                   check=True, timeout=120)
    port = free_port()
    server = subprocess.Popen([GUNICORN, "-c", "deploy/gunicorn.conf.py", "config.wsgi"], cwd=ROOT,
                              env={**env, "PORTAL_BIND": f"127.0.0.1:{port}"}, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get(base + "/health/database/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("gunicorn did not answer within 60 s")
        yield base, var
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_serves_the_health_check_over_plain_http_on_loopback(production):
    base, _var = production
    status, headers, body = get(base + "/health/database/")
    assert status == 200 and body == b'{"status": "ok", "database": "ok"}'
    assert "no-cache" in headers.get("Cache-Control", "")


def test_pages_redirect_to_https_and_carry_hsts_and_the_csp(production):
    base, _var = production
    status, headers, _body = get(base + "/accounts/login/")
    assert status == 301 and headers["Location"] == "https://localhost/accounts/login/"
    status, headers, body = get(base + "/accounts/login/", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    hashed = re.search(rb'/static/(css/portal\.[0-9a-f]{12}\.css)', body)
    assert hashed, "the page links the hashed static file"
    status, headers, _body = get(base + "/static/" + hashed.group(1).decode(), **{"X-Forwarded-Proto": "https"})
    assert status == 200 and "immutable" in headers["Cache-Control"]


def test_media_is_never_served_and_the_access_log_is_json(production):
    import json

    base, var = production
    (var / "media" / "reports").mkdir(parents=True, exist_ok=True)
    (var / "media" / "reports" / "bao-cao.pdf").write_bytes(b"%PDF-1.7 secret")
    status, _headers, body = get(base + "/media/reports/bao-cao.pdf", **{"X-Forwarded-Proto": "https"})
    assert status == 404 and b"secret" not in body
    time.sleep(0.5)
    lines = (var / "access.log").read_text().splitlines()
    entry = json.loads(lines[-1])
    assert entry["path"] == "/media/reports/bao-cao.pdf" and entry["status"] == 404
