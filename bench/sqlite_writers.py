#!/usr/bin/env python
"""Benchmark: concurrent writers on SQLite through the real write path, next to one writer and a bare INSERT.

Self-contained: in a temporary folder it migrates a throwaway SQLite database with the project's settings (WAL,
IMMEDIATE transactions, busy timeout: config/settings.py), runs `seed_demo`, logs 20 members in (session cookies)
and starts uvicorn on `config.asgi:application` with DEBUG off and as many worker processes as deployed (4).
Each writer is a user replying in the same forum topic through machina's form (CSRF token, session saved on
every request, the search index update queued in the database as in production). Rounds alternate:
  - 20 writers replying at once (the figure),
  - 1 writer replying (baseline: the same write without contention),
  - 20 writers posting to a bare view doing one INSERT (baseline: the floor of a write on this server).
Reported: "database is locked" errors (answers 500 and the server log), other errors, p50/p95/p99 latency and
writes per second; the posts counted in the database at the end must equal the replies accepted.

    .venv/bin/python bench/sqlite_writers.py [--writers 20] [--writes 10] [--rounds 3] [--quick]

The Markdown report is printed and written to bench/results/sqlite_writers.md (git-ignored).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from _http import BASE_DIR, CLIENT_ERRORS, Connection, Uvicorn, manage, throwaway_env
from _reporting import cpu_model, ms, percentile, report_write, version

RESULTS = BASE_DIR / "bench" / "results" / "sqlite_writers.md"
LOCKED = "database is locked"


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    locked: int = 0
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0


class Writer:
    """A logged-in member with a keep-alive connection and a CSRF token."""

    def __init__(self, port: int, session: str):
        self.connection = Connection(port)
        self.session = session
        self.csrf = ""

    def headers(self, **extra) -> dict[str, str]:
        cookie = f"sessionid={self.session}" + (f"; csrftoken={self.csrf}" if self.csrf else "")
        return {"Cookie": cookie, "Accept": "text/html", **extra}

    async def prepare(self, form_url: str) -> None:
        response = await self.connection.request("GET", form_url, headers=self.headers())
        if response.status != 200 or "csrftoken" not in response.cookies:
            raise RuntimeError(f"{form_url} answered {response.status} without a CSRF cookie")
        self.csrf = response.cookies["csrftoken"]

    async def post(self, url: str, fields: dict[str, str]) -> int:
        body = urlencode({"csrfmiddlewaretoken": self.csrf, **fields}).encode()
        headers = self.headers(**{"Content-Type": "application/x-www-form-urlencoded"})
        response = await self.connection.request("POST", url, headers=headers, body=body)
        if response.status == 500 and LOCKED.encode() in response.body:
            return -500  # the 500 page does not say why; the server log does (counted there too)
        return response.status


def reply_fields(number: int) -> dict[str, str]:
    return {
        "subject": "Re",
        "content": f"Réponse de charge {number} ({uuid.uuid4().hex[:8]}) : nous avons la même question.",
        "attachment-TOTAL_FORMS": "1",
        "attachment-INITIAL_FORMS": "0",
        "attachment-MIN_NUM_FORMS": "0",
        "attachment-MAX_NUM_FORMS": "5",
    }


async def run_load(writers: list[Writer], url: str, writes: int, fields, success: int) -> Load:
    """Each writer sends `writes` POSTs one after the other; all writers at once."""
    load = Load()

    async def one(writer: Writer) -> None:
        for number in range(writes):
            started = time.perf_counter()
            try:
                status = await writer.post(url, fields(number))
            except CLIENT_ERRORS:
                load.errors += 1
                continue
            load.statuses[status] = load.statuses.get(status, 0) + 1
            if status == success:
                load.latencies.append(time.perf_counter() - started)
            elif status == -500:
                load.locked += 1
            else:
                load.errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(one(writer) for writer in writers))
    load.elapsed = time.perf_counter() - started
    return load


async def measure(port: int, data: dict, args) -> dict:
    sessions = data["sessions"][: args.writers]
    writers = [Writer(port, session) for session in sessions]
    for writer in writers:
        await writer.prepare(data["reply"])
    scenarios = {
        f"forum reply, {args.writers} writers": (writers, data["reply"], reply_fields, 302),
        "forum reply, 1 writer (baseline)": (writers[:1], data["reply"], reply_fields, 302),
        f"bare INSERT view, {args.writers} writers (baseline)": (
            writers,
            "/__bench__/insert/",
            lambda number: {"body": f"insert {number}"},
            201,
        ),
    }
    results = {name: [] for name in scenarios}
    warmed = 0
    for name, (group, url, fields, success) in scenarios.items():
        warm = await run_load(group, url, 2, fields, success)  # unmeasured
        warmed += warm.statuses.get(302, 0) if "reply" in name else 0
    for round_number in range(args.rounds):
        order = list(scenarios) if round_number % 2 == 0 else list(reversed(scenarios))
        for name in order:
            group, url, fields, success = scenarios[name]
            # The single writer sends as many writes as all the writers together, for as many samples.
            writes = args.writes * (args.writers if len(group) == 1 else 1)
            load = await run_load(group, url, writes, fields, success)
            results[name].append(load)
            print(
                f"  round {round_number + 1}/{args.rounds} {name:45}: {load.throughput:6.1f} writes/s, "
                f"p99 {ms(percentile(load.latencies, 0.99)) if load.latencies else '–'} ms, locked {load.locked}, "
                f"errors {load.errors}, statuses {load.statuses}",
                flush=True,
            )
    for writer in writers:
        writer.connection.close()
    return results, warmed


def setup(env, *args) -> dict:
    done = subprocess.run(
        [sys.executable, str(BASE_DIR / "bench" / "_pages_setup.py"), *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(args, results, log_locked: int, posts: tuple[int, int], load_average) -> str:
    lines = [
        "# SQLite: concurrent writers through the real write path",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()}; load average "
        f"{load_average[0]:.2f} before, {load_average[1]:.2f} after (shared cores: compare ratios)",
        f"- Python {platform.python_version()}, Django {version('Django')}, SQLite {sqlite3.sqlite_version}, "
        f"uvicorn {version('uvicorn')}",
        f"- Server: uvicorn `config.asgi:application`, {args.workers} worker processes, DEBUG off; SQLite options "
        "of config/settings.py (WAL, synchronous=NORMAL, IMMEDIATE transactions, 20 s busy timeout); tasks queued "
        "in the database (django-tasks-db), as deployed.",
        f"- Load: {args.writes} writes per writer and round, each writer waiting for its answer before the next; "
        f"{args.rounds} rounds, scenarios alternated. The single writer sends {args.writes * args.writers} writes.",
        "",
        '| Scenario | Writes OK | "database is locked" | Other errors | p50 (ms) | p95 (ms) | p99 (ms) | writes/s '
        "| p99 vs 1 writer | p99 vs bare INSERT |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    p99 = {}
    for name, loads in results.items():
        latencies = [value for load in loads for value in load.latencies]
        p99[name] = percentile(latencies, 0.99) if latencies else float("nan")
    single = next(value for name, value in p99.items() if "1 writer" in name)
    bare = next(value for name, value in p99.items() if "bare" in name)
    for name, loads in results.items():
        latencies = [value for load in loads for value in load.latencies]
        lines.append(
            f"| {name} | {len(latencies)} | {sum(load.locked for load in loads)} "
            f"| {sum(load.errors for load in loads)} "
            f"| {ms(statistics.median(latencies))} | {ms(percentile(latencies, 0.95))} | {ms(p99[name])} "
            f"| {statistics.median(load.throughput for load in loads):.1f} | {p99[name] / single:.2f}× "
            f"| {p99[name] / bare:.2f}× |"
        )
    accepted, counted = posts
    lines += [
        "",
        f'"{LOCKED}" in the server log: {log_locked}. Replies accepted (302): {accepted}; new posts in the '
        f"database: {counted} ({'equal' if accepted == counted else '**different**'}).",
        "Latencies pool every write of every round; writes/s is the median of the rounds.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=20, help="concurrent writers (default 20)")
    parser.add_argument("--writes", type=int, default=10, help="writes per writer and round (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--workers", type=int, default=4, help="uvicorn worker processes (default 4, as deployed)")
    parser.add_argument("--quick", action="store_true", help="a quick check: 5 writes per writer, 2 rounds")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.quick:
        args.writes, args.rounds = 5, 2
    if not (0 < args.writers <= 100 and 0 < args.writes <= 1000 and 0 < args.rounds <= 20):
        parser.error("keep it bounded: writers <= 100, writes <= 1000, rounds <= 20")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="territoires-bench-") as tmp:
        workdir = Path(tmp)
        env = throwaway_env(workdir, TASKS_BACKEND="django_tasks_db.DatabaseBackend")
        print("Migrating a throwaway SQLite database…", flush=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        print(f"Seeding the demo data, logging {args.writers} members in…", flush=True)
        data = setup(env, "create", "--units", "1", "--users", str(args.writers), "--templates", str(workdir / "t"))
        database = workdir / "db.sqlite3"

        def posts() -> int:
            with sqlite3.connect(database, timeout=30) as connection:
                return connection.execute("SELECT COUNT(*) FROM forum_conversation_post").fetchone()[0]

        before = posts()
        server = Uvicorn(env, workdir / "uvicorn.log", workers=args.workers).start()
        try:
            results, warmed = asyncio.run(measure(server.port, data, args))
        finally:
            server.stop()
        log = (workdir / "uvicorn.log").read_text(errors="replace")
        if LOCKED not in log and "Traceback" in log:
            print(log[-3000:])
        # The warm-up's replies are posts too: counted with the measured ones.
        accepted = warmed + sum(
            load.statuses.get(302, 0) for name, loads in results.items() for load in loads if "reply" in name
        )
        text = report(args, results, log.count(LOCKED), (accepted, posts() - before), (load_before, os.getloadavg()[0]))

    report_write(text, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
