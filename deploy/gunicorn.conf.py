"""gunicorn for the portal: ``gunicorn -c deploy/gunicorn.conf.py config.wsgi``.

Everything comes from the environment, so that the same file serves docker-compose, systemd and the
test that starts it (tests/security/test_gunicorn.py). Web processes share nothing but PostgreSQL and
Redis: run as many as the machine allows, on as many machines as needed (docs/deploy.md).
"""

import multiprocessing
import os

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(min(multiprocessing.cpu_count() * 2 + 1, 9))))
threads = int(os.environ.get("PORTAL_THREADS", "1"))
timeout = int(os.environ.get("PORTAL_TIMEOUT", "60"))  # the importer reads a 20 MB file within this
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle a worker now and then (memory of big imports/exports)
max_requests_jitter = 200
limit_request_line = 8190
# Only the reverse proxy may say that a request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("PORTAL_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Structured access log: one JSON object per line on standard output.
accesslog = os.environ.get("PORTAL_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("PORTAL_LOG_LEVEL", "info")
access_log_format = ('{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
                     '"status": %(s)s, "bytes": "%(B)s", "duration_us": %(D)s, "agent": "%(a)s"}')
