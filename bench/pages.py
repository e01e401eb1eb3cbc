#!/usr/bin/env python
"""Benchmark: five logged-in pages under 20 concurrent users, each next to a bare Django view of the same size.

Self-contained: in a temporary folder it migrates a throwaway SQLite database, runs `seed_demo`, grows a member's
world (tests/performance/world.py: organisations, forum replies, events, documents, notices) and logs 20 users in
(session cookies); then it starts uvicorn on `config.asgi:application` with DEBUG off, as deployed, and loads
each page with 20 concurrent keep-alive clients (one user each), alternating round by round with the baseline:
a view of the benchmark's own URLconf (bench/_pages_urls.py) rendering a template holding the very bytes of the
page, through the same server and middleware. Then it grows the data tenfold and measures again. The SQL
queries of each page are counted at both sizes (Django's test client, second request).

By default the client keeps one core to itself and the server's workers get the others (`--no-pin` shares them
all, as before 2026-12-04): sharing, the client and the server took turns on the same cores and a page's ratio
moved by a factor of two between runs minutes apart; pinned, it measures what the server spends.

    .venv/bin/python bench/pages.py [--units 5] [--requests 200] [--concurrency 20] [--rounds 3] [--redis URL] [--quick]

The Markdown report is printed and written to bench/results/pages.md (git-ignored). Goal: each page's p50 and
p95 latency at most 2.5 times the bare view's; the same number of queries at 10× the data.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from _http import BASE_DIR, CLIENT_ERRORS, Connection, Uvicorn, manage, throwaway_env
from _reporting import cpu_model, ms, percentile, report_write, version

RESULTS = BASE_DIR / "bench" / "results" / "pages.md"
GOAL = 2.5


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0


async def run_load(port: int, path: str, sessions: list[str], requests: int, concurrency: int) -> Load:
    """`requests` GETs of `path` over `concurrency` keep-alive connections, each with its own user's session."""
    load, remaining = Load(), requests

    async def user(session: str) -> None:
        nonlocal remaining
        connection = Connection(port)
        headers = {"Cookie": f"sessionid={session}", "Accept": "text/html", "Accept-Language": "fr"}
        while remaining > 0:
            remaining -= 1
            started = time.perf_counter()
            try:
                response = await connection.request("GET", path, headers=headers)
            except CLIENT_ERRORS:
                load.errors += 1
                continue
            if response.status == 200:
                load.latencies.append(time.perf_counter() - started)
            else:
                load.errors += 1
        connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(user(sessions[number % len(sessions)]) for number in range(concurrency)))
    load.elapsed = time.perf_counter() - started
    return load


def setup(env, *args) -> dict:
    done = subprocess.run(
        [sys.executable, str(BASE_DIR / "bench" / "_pages_setup.py"), *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.PIPE,  # stderr passes through: a failure shows its traceback
        text=True,
        stdin=subprocess.DEVNULL,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(server: Uvicorn, data: dict, args) -> dict:
    """Rounds alternating page and bare view (A B, B A, ...); every page's loads per side."""
    results = {name: {"page": [], "bare": []} for name in data["urls"]}
    for name in data["urls"]:
        for side in ("page", "bare"):
            path = data["urls"][name] if side == "page" else data["bare"][name]
            asyncio.run(run_load(server.port, path, data["sessions"], args.warmup, args.concurrency))
    for round_number in range(args.rounds):
        sides = ("page", "bare") if round_number % 2 == 0 else ("bare", "page")
        for name in data["urls"]:
            for side in sides:
                path = data["urls"][name] if side == "page" else data["bare"][name]
                load = asyncio.run(run_load(server.port, path, data["sessions"], args.requests, args.concurrency))
                results[name][side].append(load)
                print(
                    f"  round {round_number + 1}/{args.rounds} {name:16} {side:4}: {load.throughput:6.1f} req/s, "
                    f"p50 {ms(statistics.median(load.latencies)) if load.latencies else '–'} ms, "
                    f"{load.errors} errors",
                    flush=True,
                )
                if not server.alive():
                    raise RuntimeError(f"uvicorn died:\n{server.log.read_text()[-3000:]}")
    return results


def summary(loads: list[Load]) -> dict:
    latencies = [value for load in loads for value in load.latencies]
    return {
        "ok": len(latencies),
        "errors": sum(load.errors for load in loads),
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": percentile(latencies, 0.95) if latencies else float("nan"),
        "rate": statistics.median(load.throughput for load in loads),
    }


def report(args, phases: list[tuple[str, dict, dict]], load_average: tuple[float, float]) -> str:
    lines = [
        "# Pages: five logged-in pages next to a bare Django view of the same size",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()}; "
        f"load average {load_average[0]:.2f} before, {load_average[1]:.2f} after the run (other work shares the "
        "cores: compare ratios, not absolute figures)",
        f"- Python {platform.python_version()}, Django {version('Django')}, Wagtail {version('wagtail')}, "
        f"uvicorn {version('uvicorn')}",
        f"- Server: uvicorn `config.asgi:application`, {args.workers} worker process(es), DEBUG off, SQLite (WAL), "
        + (f"the cache in Redis ({args.redis}) as in production" if args.redis else "local-memory cache")
        + f", forum permission answers kept {os.environ.get('FORUM_PERMISSIONS_CACHE_SECONDS', '600')} s"
        + "; the client runs on the same machine, "
        + (
            f"pinned to core(s) {args.cores[0]}, the server to {args.cores[1]}."
            if args.pin
            else "sharing every core with the server."
        ),
        f"- Load: {args.concurrency} concurrent users (keep-alive connections, one session each), {args.requests} "
        f"requests per page and round, {args.rounds} rounds alternating page and bare view, after {args.warmup} "
        "warm-up requests each.",
        "- Baseline: a view of the benchmark's URLconf rendering a template holding the page's bytes "
        "(`{% verbatim %}`), same server, middleware and session.",
        "",
        "| Data | Page | Bytes | Queries | Requests OK | Errors | p50 (ms) | p95 (ms) | req/s | bare p50 (ms) "
        "| bare p95 (ms) | bare req/s | p50 ratio | p95 ratio | Goal ≤ 2.5× |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, data, results in phases:
        for name, sides in results.items():
            page, bare = summary(sides["page"]), summary(sides["bare"])
            ratio50, ratio95 = page["p50"] / bare["p50"], page["p95"] / bare["p95"]
            met = "met" if max(ratio50, ratio95) <= GOAL else "**missed**"
            lines.append(
                f"| {label} | {name} | {data['bytes'][name]} | {data['queries'][name]} | {page['ok']} "
                f"| {page['errors'] + bare['errors']} | {ms(page['p50'])} | {ms(page['p95'])} | {page['rate']:.1f} "
                f"| {ms(bare['p50'])} | {ms(bare['p95'])} | {bare['rate']:.1f} | {ratio50:.2f}× | {ratio95:.2f}× "
                f"| {met} |"
            )
    if len(phases) >= 1:
        lines += ["", "SQL queries per page (second request, Django's test client as the first user):", ""]
        lines.append(
            "| Page | " + " | ".join(f"{label} ({data['units']} units)" for label, data, _ in phases) + " | Same |"
        )
        lines.append("| --- |" + " ---: |" * len(phases) + " --- |")
        for name in phases[0][1]["queries"]:
            counts = [data["queries"][name] for _, data, _ in phases]
            same = "yes" if len(set(counts)) == 1 else "**no**"
            lines.append(f"| {name} | " + " | ".join(str(count) for count in counts) + f" | {same} |")
    lines += [
        "",
        "Latencies pool every request of every round; req/s is the median of the rounds. Errors count non-200 "
        "answers and failed connections, both sides.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=5, help="units of data at 1× (default 5; 10× has 10 times)")
    parser.add_argument("--requests", type=int, default=200, help="requests per page, side and round (default 200)")
    parser.add_argument("--concurrency", type=int, default=20, help="concurrent users (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--warmup", type=int, default=40, help="unmeasured requests per page and side (default 40)")
    parser.add_argument("--workers", type=int, help="uvicorn worker processes (default: one per core of the server)")
    parser.add_argument(
        "--pin",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep one core for the client, the others for the server (default; needs Linux and 2 cores)",
    )
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="keep the cache in this Redis database, as production does (REDIS_URL; a database of its own: the "
        "benchmark leaves its entries there); default: each process's memory",
    )
    parser.add_argument("--no-tenfold", action="store_true", help="skip the load at 10× (queries still counted)")
    parser.add_argument("--quick", action="store_true", help="a quick check: 2 units, 60 requests, 2 rounds")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.quick:
        args.units, args.requests, args.rounds, args.warmup = 2, 60, 2, 20
    if not (0 < args.units <= 50 and 0 < args.requests <= 10_000 and 0 < args.concurrency <= 200):
        parser.error("keep it bounded: units <= 50, requests <= 10000, concurrency <= 200")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load_before = os.getloadavg()[0]
    # Pinning needs Linux's affinity calls; elsewhere (macOS) the client and the server share the cores.
    can_pin = hasattr(os, "sched_setaffinity")
    cores = sorted(os.sched_getaffinity(0)) if can_pin else list(range(os.cpu_count() or 1))
    args.pin = args.pin and can_pin and len(cores) >= 2
    client_cores, server_cores = (cores[:1], cores[1:]) if args.pin else (cores, cores)
    args.workers = args.workers or len(server_cores)
    args.cores = (client_cores, server_cores)

    phases = []
    with tempfile.TemporaryDirectory(prefix="territoires-bench-") as tmp:
        workdir = Path(tmp)
        # Production keeps machina's permission answers (in Redis); nothing changes a permission while the
        # benchmark's server runs, so its local-memory cache may keep them too.
        env = throwaway_env(
            workdir,
            FORUM_PERMISSIONS_CACHE_SECONDS=os.environ.get("FORUM_PERMISSIONS_CACHE_SECONDS", "600"),
            **({"REDIS_URL": args.redis} if args.redis else {}),
        )
        print("Migrating a throwaway SQLite database…", flush=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        print(f"Seeding the demo data and {args.units} units, logging {args.concurrency} users in…", flush=True)
        templates = str(workdir / "templates")
        data = setup(
            env, "create", "--units", str(args.units), "--users", str(args.concurrency), "--templates", templates
        )
        steps = [("1×", None), ("10×", 9 * args.units)]
        for label, grow in steps:
            if grow:
                print(f"Growing the data to {10 * args.units} units…", flush=True)
                grown = setup(env, "grow", "--units", str(grow), "--templates", templates)
                data = {**data, **{key: grown[key] for key in ("units", "queries", "bytes")}}
                if args.no_tenfold:
                    phases.append((label, data, {}))
                    break
            print(f"Measuring at {label} ({data['units']} units)…", flush=True)
            # A fresh server per phase: the bare templates were rewritten and its cache must not hold the old ones.
            if args.pin:
                os.sched_setaffinity(0, server_cores)  # the server's processes inherit it
            server = Uvicorn(env, workdir / "uvicorn.log", workers=args.workers).start()
            if args.pin:
                os.sched_setaffinity(0, client_cores)
            try:
                phases.append((label, data, measure(server, data, args)))
            finally:
                server.stop()

    text = report(args, phases, (load_before, os.getloadavg()[0]))
    report_write(text, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
