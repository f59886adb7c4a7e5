"""Say whether PostgreSQL and Redis answer on localhost; print shell exports for `make test`.

Usage: python scripts/services.py [--require]   (exit 1 with --require when one is missing)
"""

import os
import socket
import sys


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1.5):
            return True
    except OSError:
        return False


def main() -> int:
    require = "--require" in sys.argv
    pg = os.environ.get("TEST_DATABASE_URL") or (
        "postgres://postgres@127.0.0.1:5432/portal" if answers("127.0.0.1", 5432) else ""
    )
    redis = os.environ.get("TEST_REDIS_URL") or ("redis://127.0.0.1:6379/15" if answers("127.0.0.1", 6379) else "")
    if pg:
        print(f"export DATABASE_URL={pg}")
    if redis:
        print(f"export REDIS_URL={redis}")
    db_label = "PostgreSQL (127.0.0.1:5432)" if pg else "SQLite (PostgreSQL not reachable on 127.0.0.1:5432)"
    broker_label = "Redis (127.0.0.1:6379)" if redis else "filesystem broker (Redis not reachable on 127.0.0.1:6379)"
    print(f"echo 'Tests use database: {db_label}; Celery broker: {broker_label}'")
    if require and not (pg and redis):
        print("echo 'CI requires PostgreSQL and Redis; at least one is not reachable.' >&2; exit 1")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
