"""The benchmark: the site at 100 times today's content, under load, in one run.

For each database (SQLite, and PostgreSQL when reachable) it builds a fresh
database with bench/build_data.py, starts the site under gunicorn with
production settings (DEBUG off, 2 workers) and measures with wrk:

- the limit: the home page's own bytes served as a static file by the same server;
- each page on a page-cache hit, and on a miss (the cache is cleared first, and
  every request carries a query string never seen before, so none is a hit);
- one request at a time on a miss, for the latency a lone visitor sees.

It prints a table and writes it, with a description of the machine, to
bench/results.md. Run it with `make bench`.
"""

import os
import platform
import re
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORK = BASE_DIR / "bench" / "work"
RESULTS = BASE_DIR / "bench" / "results.md"
PYTHON = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
HTTPS = {"X-Forwarded-Proto": "https"}  # as the reverse proxy says it
TIMED_OUT = {"rps": 0.0, "p50": 30_000.0, "p99": 30_000.0, "errors": 1}

PAGES = [
    ("home", "/en/"),
    ("news list, page 500", "/en/news/?page=500"),
    ("article", "/en/news/benchmark-article-1234/"),
    ("signatories", "/en/declaration/"),
    ("signatories of a country", "/en/declaration/?country=fr"),
    ("directory, filtered", "/en/participants/?country=fr&kind=city"),
    ("RSS feed", "/en/news/feed/rss/"),
    ("search", "/en/search/?q=housing"),
    ("country page", "/en/countries/fr/"),
]
STATIC_PATH = "/static/bench-home.html"
UNIQUE_QUERY_LUA = """
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "bench=" .. counter .. "-" .. math.random(1000000000))
end
"""


def reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_env(database_url, cache_url, label):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
        CACHE_KEY_PREFIX=f"bench-{label}",
        CONN_MAX_AGE="600",
        MEDIA_ROOT=str(WORK / "media"),
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def fresh_postgres_database():
    import psycopg

    name = "alliance_bench"
    with psycopg.connect(f"{POSTGRES_ADMIN_URL}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return f"{POSTGRES_ADMIN_URL}/{name}"


def get(url, headers=None):
    request = urllib.request.Request(url, headers={**HTTPS, **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def wait_for(url):
    for _ in range(200):
        try:
            return get(url)
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the site did not answer at {url}")


def wrk(url, script=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency",
               "-H", "X-Forwarded-Proto: https"]  # fmt: skip
    if script:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),
        "p99": to_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def single_request_ms(base, path, n=15, cold_cache_url=None):
    """The median time of one request at a time, each at an address never seen.

    Pieces shared between pages (menu, sidebar, news entries, the signatories
    table) stay in the cache from one request to the next, as they do on the
    site; with `cold_cache_url`, the whole cache is emptied before each
    request, so every piece is rendered afresh.
    """
    timings = []
    separator = "&" if "?" in path else "?"
    for i in range(n):
        if cold_cache_url:
            flush_cache(cold_cache_url)
        start = time.perf_counter()
        get(f"{base}{path}{separator}single={i}-{secrets.token_hex(4)}")
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def flush_cache(cache_url):
    """Empty the benchmark's own cache (its Redis database, or its cache folder)."""
    if cache_url.startswith("redis"):
        import redis

        redis.Redis.from_url(cache_url).flushdb()
    else:
        shutil.rmtree(cache_url.removeprefix("filecache://"), ignore_errors=True)


def clear_cache(env):
    flush_cache(env["CACHE_URL"])


def run_database(label, database_url, cache_url, script):
    print(f"\n== {label}: building the database", flush=True)
    env = site_env(database_url, cache_url, label)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    started = time.perf_counter()
    subprocess.run([PYTHON, "bench/build_data.py"], cwd=BASE_DIR, env=env, check=True)
    print(f"   built in {time.perf_counter() - started:.0f} s", flush=True)
    manage(env, "collectstatic", "--noinput")
    # The limit: the home page's bytes as a static file, served by the same server.
    home = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c",
         "from django.test import Client; import sys; "
         "sys.stdout.buffer.write(Client().get('/en/', secure=True, "
         "HTTP_HOST='127.0.0.1').content)"],
        cwd=BASE_DIR, env=env, check=True, capture_output=True,
    ).stdout  # fmt: skip
    static_root = BASE_DIR / "staticfiles"
    (static_root / "bench-home.html").write_bytes(home)
    clear_cache(env)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "alliance_site.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null"],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    rows = []
    try:
        wait_for(f"{base}/en/")
        limit = wrk(f"{base}{STATIC_PATH}")
        rows.append((label, "static file (the limit)", "static", limit, None, len(home)))
        print(f"   static limit: {limit['rps']:.0f} req/s", flush=True)
        for name, path in PAGES:
            try:
                size = len(get(f"{base}{path}"))
                hit = wrk(f"{base}{path}")
                clear_cache(env)
                miss = wrk(f"{base}{path}", script)
                clear_cache(env)
                alone = single_request_ms(base, path)
                cold = single_request_ms(base, path, n=7, cold_cache_url=cache_url)
            except OSError as error:  # too slow to answer in 30 s: say so, go on
                rows.append((label, name, "miss", TIMED_OUT, None, 0))
                print(f"   {name}: no answer within 30 s ({error})", flush=True)
                clear_cache(env)
                continue
            rows.append((label, name, "hit", hit, None, size))
            rows.append((label, name, "miss", miss, (alone, cold), size))
            print(f"   {name}: hit {hit['rps']:.0f} req/s, miss {miss['rps']:.0f} req/s, "
                  f"alone {alone:.1f} ms, cold {cold:.1f} ms", flush=True)  # fmt: skip
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a worker still busy with a slow page
            server.kill()
            server.wait()
        (static_root / "bench-home.html").unlink(missing_ok=True)
    return rows


def machine():
    cpu = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if "model name" in line),
        platform.processor(),
    )
    memory = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/meminfo") if "MemTotal" in line),
        "?",
    )
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {memory}",
        f"- {platform.platform()}; Python {platform.python_version()}; "
        f"SQLite {sqlite3.sqlite_version}",
        f"- {(wrk_version.stdout or wrk_version.stderr).splitlines()[0]}",
        f"- load: wrk, 2 threads, {CONNECTIONS} connections, {SECONDS} s per measure; "
        "server: gunicorn, 2 sync workers, DEBUG off, on the same machine",
    ]


def table(rows):
    limits = {row[0]: row[3]["rps"] for row in rows if row[2] == "static"}
    lines = [
        "| database | page | cache | req/s | p50 ms | p99 ms | % of static | alone ms "
        "| cold ms | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, name, mode, result, alone, _size in rows:
        ratio = 100 * result["rps"] / limits[label]
        alone, cold = (f"{ms:.1f}" for ms in alone) if alone else ("", "")
        lines.append(
            f"| {label} | {name} | {mode} | {result['rps']:.0f} | {result['p50']:.1f} | "
            f"{result['p99']:.1f} | {ratio:.0f}% | {alone} | {cold} | {result['errors']} |"
        )
    return lines


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk (make bench does it)")
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    script = WORK / "unique-query.lua"
    script.write_text(UNIQUE_QUERY_LUA)
    cache_url = REDIS_URL if reachable("127.0.0.1", 6379) else f"filecache://{WORK / 'cache'}"
    started = time.perf_counter()
    rows = run_database("SQLite", f"sqlite:///{WORK / 'bench.sqlite3'}", cache_url, script)
    if reachable("127.0.0.1", 5432):
        rows += run_database("PostgreSQL", fresh_postgres_database(), cache_url, script)
    else:
        print("PostgreSQL is not reachable on 127.0.0.1:5432: measured on SQLite only")

    lines = table(rows)
    print("\n" + "\n".join(lines))
    RESULTS.write_text(
        "# Benchmark results\n\n"
        f"Written by `make bench` on {time.strftime('%Y-%m-%d %H:%M %Z')} in "
        f"{time.perf_counter() - started:.0f} s, at 100 times today's content "
        "(30,000 articles in two languages, 13,000 participants, 12,000 signatories, "
        "3,000 practices). Cache: "
        f"{'Redis' if cache_url.startswith('redis') else 'file cache'}.\n\n"
        + "\n".join(machine())
        + "\n\n"
        + "\n".join(lines)
        + "\n\nA miss is a request at an address the page cache has never seen; the pieces "
        "pages share (menu, sidebar, news entries, the signatories table) stay cached, as "
        "on the site. Alone: one request at a time on a miss. Cold: one request at a time "
        "with the whole cache emptied before each, so every piece is rendered afresh."
        "\n\nTargets: a hit at least 70% of the static file's requests per second; a miss "
        "on the home, list, article and signatories pages at least 10%, and under 25 ms "
        "alone; no page above 10 queries on a miss (checked by the test suite).\n"
    )
    print(f"\nWritten to {RESULTS.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
