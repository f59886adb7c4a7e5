"""The jobs of `make bench` (pytest, on the test database) record their figures in bench/results.json."""

import json
from pathlib import Path

import pytest

RESULTS = Path(__file__).resolve().parent.parent / "bench" / "results.json"


@pytest.fixture
def record():
    """``record(name, seconds, **details)``: one job's time, under ``jobs`` in bench/results.json."""

    def _record(name: str, seconds: float, **details):
        RESULTS.parent.mkdir(exist_ok=True)
        data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        data.setdefault("jobs", {})[name] = {"seconds": round(seconds, 3), **details}
        RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")

    return _record
