"""The portal's own 403, 404 and 500 pages, in Vietnamese with the header and a way back, also under `make run`."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_a_mistyped_address_shows_the_portals_404_in_vietnamese_with_the_menu(client, users):
    client.force_login(users.reviewer)
    response = client.get("/ke-hoach-khong-co/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in page and "Về trang đầu" in page and f'href="{reverse("home")}"' in page
    assert 'id="user-menu"' in page and 'id="nav-worklist"' in page  # the header, with the role's menu


@pytest.mark.django_db
def test_a_refused_page_shows_the_portals_403(client, users):
    client.force_login(users.author)
    response = client.get(reverse("reporting:worklist"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Không được phép truy cập" in page and "Về trang đầu" in page and 'id="user-menu"' in page


def test_the_500_page_renders_without_a_request_context():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Đã xảy ra lỗi" in page and f'href="{reverse("home")}"' in page and "navbar" in page
    assert "Cổng quản lý kế hoạch" in page  # the portal's name, though no context processor ran


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_make_run_shows_the_vietnamese_404_and_serves_static_files_and_stops_on_one_ctrl_c(tmp_path):
    """scripts/run.py as `make run` starts it (DJANGO_DEBUG off unless asked), web server only."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "REDIS_URL"))}
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
                "DJANGO_SETTINGS_MODULE": "config.settings.local"})
    log = open(tmp_path / "run.log", "wb")  # noqa: SIM115
    supervisor = subprocess.Popen([sys.executable, "scripts/run.py", "--port", str(port), "--no-celery"], cwd=ROOT,
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, page = _get(f"{base}/dia-chi-go-nham/")
                break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "run.log").read_text()
                time.sleep(0.3)
        assert status == 404
        assert "Không tìm thấy trang" in page and "Page not found" not in page and "Django" not in page
        assert _get(f"{base}/static/css/portal.css")[0] == 200
        started = time.monotonic()
        supervisor.send_signal(signal.SIGINT)
        assert supervisor.wait(timeout=15) == 0
        assert time.monotonic() - started < 10
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
            supervisor.wait()
        log.close()
