"""Key pages at province scale and deadline-day load (the first step of `make bench`; writes bench/results.json).

    python -m benchmarks.pages            # every scale of BENCH_SCALES (default "0.1,1"), each in its own process

For each scale the benchmark makes its own database (``<DATABASE_URL's name>_bench`` for the full province,
``…_bench_<scale>`` for the others; dropped and made again unless BENCH_REUSE_DB=1 finds it seeded),
migrates it, generates the province with ``seed_scale`` (300 units × scale, 5 years, 200 plans a year ×
scale) and runs under ``config.settings.bench`` (DEBUG off, Redis cache and cached sessions, the manifest
static storage). Then:

* **key pages:** each page requested BENCH_REPEAT times in-process (Django's test client, the whole
  middleware stack): p50 / p95 server time and the SQL query count; writes are rolled back;
* **references:** the bare login-required view (``/bench/bare/``) and the raw SQL of the dashboard's
  aggregations (the queries a cold overview ran, replayed with a cursor);
* **load** (the largest scale only): gunicorn (4 sync workers) started on loopback, then locust headless from a
  second process, BENCH_USERS (100) logged-in unit heads with no think time, BENCH_LOAD_SECONDS (20) per
  scenario after BENCH_WARMUP_SECONDS (5) of warm-up: the bare view, and the deadline mix (inbox, report form,
  save draft), alternated BENCH_LOAD_ROUNDS (3) times (the share is the median of the rounds'); with the CPU
  time per request of the gunicorn workers, the PostgreSQL backends and locust. A third scenario in each round,
  ``cached``, is the mix with its two pages served whole from the cache (each unit head's real pages, stored
  before the load): the most that caching whole pages could give, the save being what it is.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
PYTHON = sys.executable
FULL_UNITS, YEARS, FULL_PLANS = 300, 5, 200


def scales() -> list[float]:
    raw = os.environ.get("BENCH_SCALE") or os.environ.get("BENCH_SCALES") or "0.1,1"
    return sorted(float(s) for s in raw.split(","))


def database_url(scale: float) -> str:
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit("make bench needs PostgreSQL: DATABASE_URL=postgres://… (scripts/services.py finds it on 127.0.0.1)")
    parts = urlsplit(base)
    name = parts.path.lstrip("/") + "_bench" + ("" if scale == 1 else "_" + str(scale).replace(".", "_"))
    return urlunsplit(parts._replace(path="/" + name))


def merge_results(section: str, value) -> dict:
    RESULTS.parent.mkdir(exist_ok=True)
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[section] = value
    RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    return data


def machine() -> dict:
    import platform

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "system": platform.platform(),
            "load_average": os.getloadavg(), "when": time.strftime("%Y-%m-%d %H:%M:%S %z")}


def main() -> int:
    if "--scale" in sys.argv:
        return run_scale(float(sys.argv[sys.argv.index("--scale") + 1]))
    if not os.environ.get("REDIS_URL"):
        sys.exit("make bench needs Redis: REDIS_URL=redis://… (scripts/services.py finds it on 127.0.0.1)")
    RESULTS.unlink(missing_ok=True)
    merge_results("machine", machine())
    wanted = scales()
    for scale in wanted:
        env = {**os.environ, "DATABASE_URL": database_url(scale), "DJANGO_SETTINGS_MODULE": "config.settings.bench",
               "BENCH_LOAD": "1" if scale == wanted[-1] else ""}
        started = time.monotonic()
        subprocess.run([PYTHON, "-m", "benchmarks.pages", "--scale", str(scale)], cwd=ROOT, env=env, check=True)
        print(f"scale {scale}: {time.monotonic() - started:.0f} s", flush=True)
    return 0


# --- one scale, in its own process ------------------------------------------------------------------------------


def _prepare_database(scale: float) -> dict:
    import psycopg2

    url = urlsplit(os.environ["DATABASE_URL"])
    name = url.path.lstrip("/")
    admin = psycopg2.connect(host=url.hostname, port=url.port or 5432, user=url.username, password=url.password,
                             dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        reuse = exists and os.environ.get("BENCH_REUSE_DB")
        if exists and not reuse:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        if not reuse:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from plans.models import Unit

    timings = {}
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    timings["migrate_s"] = round(time.perf_counter() - started, 2)
    if not Unit.objects.filter(code__startswith="s-").exists():
        started = time.perf_counter()
        call_command("seed_scale", units=max(30, int(FULL_UNITS * scale)), years=YEARS,
                     plans=max(20, int(FULL_PLANS * scale)), seed=13, verbosity=0)
        timings["seed_s"] = round(time.perf_counter() - started, 2)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    from django.conf import settings

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        started = time.perf_counter()
        call_command("collectstatic", verbosity=0, interactive=False)
        timings["collectstatic_s"] = round(time.perf_counter() - started, 2)
    return timings


def _percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(share * (len(values) - 1)))]


def run_scale(scale: float) -> int:
    timings = _prepare_database(scale)
    from django.core.cache import cache

    cache.clear()
    from benchmarks.scenario import pick

    chosen = pick()
    pages = measure_pages(chosen)
    references = {"bare view": pages.pop("bare view"), **raw_sql_reference(chosen)}
    counts = {name: model.objects.count() for name, model in _counted_models()}
    result = {"scale": scale, "data": counts, "setup": timings, "pages": pages, "references": references}
    if os.environ.get("BENCH_LOAD"):
        result["processes"] = run_processes()
        result["load"] = run_load(chosen)
    merge_results(f"scale {scale:g}", result)
    return 0


def _counted_models():
    from plans.models import Item, Plan, Unit, User
    from reporting.models import ReportRequest, Submission

    return [("units", Unit), ("users", User), ("plans", Plan), ("items", Item), ("requests", ReportRequest),
            ("submissions", Submission)]


def measure_pages(chosen) -> dict:
    from django.core.cache import cache
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    repeat = int(os.environ.get("BENCH_REPEAT", "20"))
    results = {}
    clients = {}
    for page in chosen.pages():
        client = clients.get(page.user.pk)
        if client is None:
            client = clients[page.user.pk] = Client()
            client.force_login(page.user)
        times, queries = [], []
        for attempt in range(repeat + 2):
            if page.cold_cache:
                cache.clear()
            if page.before is not None:
                with transaction.atomic():
                    page.before()
                    transaction.set_rollback(True)
            with CaptureQueriesContext(connection) as captured, transaction.atomic():
                started = time.perf_counter()
                response = (client.post(page.url, page.data) if page.data is not None else client.get(page.url))
                elapsed = time.perf_counter() - started
                transaction.set_rollback(True)
            if response.status_code not in page.expect:
                raise AssertionError(f"{page.name}: {page.url} answered {response.status_code}")
            if attempt >= 2:  # two warm-up requests
                times.append(elapsed)
                # the test wraps the request in a transaction: its SAVEPOINT lines are not the page's
                queries.append(sum(1 for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]))
        results[page.name] = {"url": page.url, "p50_ms": round(_percentile(times, 0.5) * 1000, 1),
                              "p95_ms": round(_percentile(times, 0.95) * 1000, 1), "queries": max(queries),
                              "size": page.size_note}
        print(f"  {page.name:34} p50 {results[page.name]['p50_ms']:7.1f} ms  p95 {results[page.name]['p95_ms']:7.1f} ms"
              f"  {max(queries):3d} queries", flush=True)
    return results


def raw_sql_reference(chosen) -> dict:
    """The dashboard's aggregations replayed as raw SQL (the database's floor)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(chosen.director)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(chosen.dashboard_url).status_code == 200
    aggregations = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip("(").startswith("SELECT") and (
        "reporting_reportrequest" in q["sql"] or "plans_responsibility" in q["sql"] or "plans_plan" in q["sql"])]
    times = []
    for _ in range(7):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for sql in aggregations:
                cursor.execute(sql)
                cursor.fetchall()
        times.append(time.perf_counter() - started)
    return {"dashboard raw SQL": {"p50_ms": round(_percentile(times, 0.5) * 1000, 1),
                                  "p95_ms": round(_percentile(times, 0.95) * 1000, 1), "queries": len(aggregations)}}


def run_processes() -> dict:
    """Whole processes, as an operator starts them: ``manage.py check`` and ``render_plan`` on the longest seed; the
    median of 5 after one run that is not counted (the first reads the code and the libraries from disk)."""
    from reporting.documents.samples import SEEDS, build_seed_plan, seed_text

    longest = max(SEEDS, key=lambda index: len(seed_text(index)))
    plan = build_seed_plan(longest)
    out = Path(tempfile.mkdtemp(prefix="portal-bench-")) / "plan.pdf"
    # The portal's bytecode compiled once, as in the image (deploy/Dockerfile): under PYTHONDONTWRITEBYTECODE every
    # process would otherwise compile the portal's modules from source again (~0.15 s of a command).
    packages = sorted(path.name for path in ROOT.iterdir() if (path / "__init__.py").exists())
    subprocess.run([PYTHON, "-m", "compileall", "-q", "-j", "0", *packages, "manage.py"], cwd=ROOT, check=True)
    commands = {"manage.py check": ["check"],
                f"manage.py render_plan (seed {longest:03d}, PDF)": ["render_plan", str(plan.pk), "-o", str(out)]}
    results = {}
    for name, args in commands.items():
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # warm-up
        times = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - started)
        results[name] = {"median_s": round(_percentile(times, 0.5), 2)}
        print(f"  {name}: {results[name]['median_s']} s", flush=True)
    return results


# --- load: gunicorn + locust -------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, timeout: float = 60) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout:.0f} s")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _server_processes(server_pid: int) -> dict[str, list[int]]:
    """The gunicorn workers, and the PostgreSQL backends serving this database (other than ours)."""
    from django.db import connection

    workers = [int(pid) for pid in subprocess.run(["pgrep", "-P", str(server_pid)], capture_output=True,
                                                  text=True).stdout.split()]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity"
                       " WHERE datname = current_database() AND pid <> pg_backend_pid()")
        backends = [row[0] for row in cursor.fetchall()]
    return {"gunicorn": workers, "postgres": backends}


def run_load(chosen) -> dict:
    """Each scenario warmed up for BENCH_WARMUP_SECONDS (each worker's first requests compile templates and load
    catalogues), then measured for BENCH_LOAD_SECONDS; with the CPU time each request cost the gunicorn workers,
    the PostgreSQL backends and locust (``/proc``: the split of where a request's cost goes, whatever else the
    machine runs)."""
    import resource

    users = int(os.environ.get("BENCH_USERS", "100"))
    seconds = int(os.environ.get("BENCH_LOAD_SECONDS", "20"))
    warmup = int(os.environ.get("BENCH_WARMUP_SECONDS", "5"))
    sessions = chosen.load_sessions(users)
    _store_pages(sessions)
    port = _free_port()
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    (workdir / "users.json").write_text(json.dumps(sessions))
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi:application", "--workers", "4", "--worker-class", "sync",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "60"],
        cwd=ROOT, env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"})
    results = {"users": users, "seconds": seconds, "warmup_seconds": warmup,
               "server": "gunicorn, 4 sync workers, config.settings.bench"}

    def locust(scenario: str, duration: int, prefix: Path) -> None:
        env = {**os.environ, "BENCH_USERS_FILE": str(workdir / "users.json"), "BENCH_SCENARIO": scenario}
        subprocess.run(
            [str(Path(PYTHON).parent / "locust"), "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
             "-u", str(users), "-r", str(users), "-t", f"{duration}s", "--host", f"http://127.0.0.1:{port}",
             "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5"],
            cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=duration + 60)

    rounds = int(os.environ.get("BENCH_LOAD_ROUNDS", "3"))
    scenarios = ("bare", "mix", "cached")
    measured: dict[str, list[dict]] = {scenario: [] for scenario in scenarios}
    try:
        _wait_for(f"http://127.0.0.1:{port}/accounts/login/")
        for index in range(rounds * len(scenarios)):  # bare, mix, cached, bare…: a machine whose speed drifts
            scenario = scenarios[index % len(scenarios)]  # drifts for all three
            if warmup and index < len(scenarios):
                locust(scenario, warmup, workdir / f"{scenario}-warmup")
            before = {kind: {pid: _cpu_seconds(pid) for pid in pids}
                      for kind, pids in _server_processes(server.pid).items()}
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            prefix = workdir / f"{scenario}-{index // len(scenarios)}"
            locust(scenario, seconds, prefix)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            stats = _locust_stats(prefix.with_name(prefix.name + "_stats.csv"))
            measured[scenario].append(stats)
            # a process started meanwhile (a connection renewed, CONN_MAX_AGE) counts whole; one gone is lost
            spent = {kind: sum(max(0.0, _cpu_seconds(pid) - before[kind].get(pid, 0.0)) for pid in pids)
                     for kind, pids in _server_processes(server.pid).items()}
            spent["locust"] = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
            requests = max(1, stats["aggregated"]["requests"])
            stats["cpu_ms_per_request"] = {kind: round(1000 * value / requests, 2) for kind, value in spent.items()}
            stats["cpu_ms_per_request"]["total"] = round(sum(stats["cpu_ms_per_request"].values()), 2)
            print(f"  load {scenario} ({index // len(scenarios) + 1}/{rounds}): {stats['aggregated']},"
                  f" CPU ms per request {stats['cpu_ms_per_request']}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    # the share of each round (the mix against the bare view measured just before it); the round of the median
    # share stands for both scenarios
    def shares_of(scenario):
        return [runs["aggregated"]["rps"] / max(bare["aggregated"]["rps"], 0.1)
                for bare, runs in zip(measured["bare"], measured[scenario], strict=True)]

    def median_round(values):
        return sorted(range(len(values)), key=values.__getitem__)[len(values) // 2]

    shares, cached = shares_of("mix"), shares_of("cached")
    middle, cached_middle = median_round(shares), median_round(cached)
    results.update(rounds=rounds, shares=[round(share, 3) for share in shares], share=round(shares[middle], 3),
                   bare=measured["bare"][middle], mix=measured["mix"][middle],
                   cached_shares=[round(share, 3) for share in cached], cached_share=round(cached[cached_middle], 3),
                   cached=measured["cached"][cached_middle],
                   errors=sum(r["aggregated"]["errors"] for runs in measured.values() for r in runs))
    return results


def _store_pages(sessions: list[dict]) -> None:
    """Each session's real inbox and report form, stored for ``benchmarks.views.cached_page`` with their CSRF tokens
    marked (the view puts a fresh one in)."""
    import re

    from django.core.cache import cache
    from django.test import Client

    from benchmarks.views import CSRF_PLACEHOLDER, page_key

    token = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+"')
    for session in sessions:
        client = Client()
        client.cookies["sessionid"] = session["session"]
        user_id = client.session["_auth_user_id"]
        for name, url in (("inbox", "/reporting/inbox/"), ("form", f"/reporting/requests/{session['request']}/")):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            html = token.sub(lambda m: m.group(1) + CSRF_PLACEHOLDER + '"', response.content.decode())
            cache.set(page_key(int(user_id), name), html, 3600)


def _locust_stats(path: Path) -> dict:
    import csv

    rows = {}
    with path.open() as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = {"requests": int(row["Request Count"]), "errors": int(row["Failure Count"]),
                                 "rps": round(float(row["Requests/s"]), 1), "p50_ms": float(row["50%"]),
                                 "p95_ms": float(row["95%"])}
    aggregated = rows.pop("Aggregated")
    return {"aggregated": aggregated, "by_request": rows}


if __name__ == "__main__":
    sys.exit(main())
