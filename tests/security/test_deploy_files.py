"""deploy/: the compose file starts the whole portal (and `docker compose config` accepts it where docker
compose is installed), beat runs once, nothing publishes the media folder, the limits agree."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_compose_has_every_service_of_the_portal():
    services = compose()["services"]
    assert set(services) == {"db", "redis", "migrate", "web", "worker", "beat"}
    assert services["web"]["command"][:3] == ["gunicorn", "-c", "deploy/gunicorn.conf.py"]
    assert services["beat"]["deploy"] == {"replicas": 1}
    assert services["web"]["ports"] == ["127.0.0.1:8000:8000"]  # only the proxy on the host reaches it
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert "media:/var/lib/portal/media" in services[name]["volumes"]


def test_docker_compose_accepts_the_file(tmp_path):
    docker = shutil.which("docker")
    if not docker or subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        # Debian 12's apt has only docker-compose 1.29 (v1, another file format); the v2 plugin comes from
        # Docker's own repository (docker-compose-plugin), which this machine does not use.
        pytest.skip("the docker compose v2 plugin is not installed here (Debian 12 packages only v1)")
    result = subprocess.run([docker, "compose", "-f", str(DEPLOY / "compose.yaml"), "--env-file",
                             str(DEPLOY / "env.example"), "config", "-q"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_web_server_maps_the_media_folder():
    nginx = (DEPLOY / "nginx.conf").read_text()
    rules = "\n".join(line for line in nginx.splitlines() if not line.strip().startswith("#"))
    assert "/media" not in rules and "alias" not in rules
    assert "never maps the media folder" in (ROOT / "docs" / "deploy.md").read_text()


def test_the_body_limit_of_nginx_is_the_portals():
    from django.conf import settings

    nginx = (DEPLOY / "nginx.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", nginx).group(1))
    assert megabytes * 1024 * 1024 == settings.PORTAL_MAX_REQUEST_BYTES
    assert f"DJANGO_MAX_REQUEST_BYTES={settings.PORTAL_MAX_REQUEST_BYTES}" in (DEPLOY / "env.example").read_text()


def test_the_systemd_units_run_the_three_processes_with_production_settings():
    for name, command in (("web", "gunicorn -c deploy/gunicorn.conf.py config.wsgi"),
                          ("worker", "celery -A config worker"), ("beat", "celery -A config beat")):
        unit = (DEPLOY / "systemd" / f"portal-{name}.service").read_text()
        assert command in unit and "DJANGO_SETTINGS_MODULE=config.settings.production" in unit
        assert "EnvironmentFile=/etc/portal/portal.env" in unit and "User=portal" in unit
