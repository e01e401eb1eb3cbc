#!/usr/bin/env python
"""Benchmark: the project's ASGI application under uvicorn and under daphne, one process each.

Self-contained: it migrates a throwaway SQLite database in a temporary folder, starts both servers on
free loopback ports (DEBUG=1, the same environment for both), waits until each answers, then sends
bounded loads with a small HTTP/1.1 keep-alive client written on asyncio streams (no extra
dependency): N requests over C concurrent connections, to a template-rendered page and to a static
file. Rounds alternate between the servers (A B, B A, A B, ...) because the machine is noisy and both
share its cores with the client. Every figure is printed next to uvicorn's, measured in the same run.

    .venv/bin/python bench/asgi_servers.py [--requests 2000] [--concurrency 20] [--rounds 3] [--quick]

The Markdown report is printed and written to bench/results/asgi_servers.md (git-ignored). The
servers are stopped in all cases, and only loopback addresses are ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from _reporting import cpu_model, ms, percentile, report_write, version

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results" / "asgi_servers.md"
HOST = "127.0.0.1"
APPLICATION = "config.asgi:application"
# The page: the login form if it exists yet, else the home page. Either is rendered from templates and
# writes nothing (an anonymous session is never saved).
PAGE_CANDIDATES = ["/connexion/", "/"]
# The static file: served by WhiteNoise (with the finders, since DEBUG=1).
STATIC_CANDIDATES = ["/static/wagtailadmin/css/core.css", "/static/wagtailadmin/js/core.js"]
REQUEST_TIMEOUT = 30.0  # seconds, for one request
ROUND_TIMEOUT = 600.0  # seconds, for one load of N requests
START_TIMEOUT = 90.0  # seconds, for a server to answer its first request


# --- A minimal HTTP/1.1 client --------------------------------------------------------------------


class HTTPError(Exception):
    pass


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """Read one response; return (status, body, keep_alive)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise HTTPError(f"bad status line: {lines[0]!r}")
    status = int(parts[1])
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    keep_alive = headers.get("connection", "").lower() != "close" and parts[0] == "HTTP/1.1"
    if "chunked" in headers.get("transfer-encoding", "").lower():
        chunks = []
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.split(b";", 1)[0].strip(), 16)
            if size == 0:
                # Trailers (if any) end with an empty line.
                while (await reader.readuntil(b"\r\n")) != b"\r\n":
                    pass
                break
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(chunks)
    elif "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif status in (204, 304) or 100 <= status < 200:
        body = b""
    else:
        body = await reader.read()
        keep_alive = False
    return status, body, keep_alive


def request_bytes(port: int, path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: territoires-bench\r\n"
        "Accept: text/html,*/*\r\nAccept-Encoding: identity\r\nConnection: keep-alive\r\n\r\n"
    ).encode("ascii")


async def fetch_once(port: int, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
    try:
        writer.write(request_bytes(port, path))
        await writer.drain()
        status, body, _ = await asyncio.wait_for(read_response(reader), timeout)
        return status, body
    finally:
        writer.close()


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests only
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0


async def run_load(port: int, path: str, requests: int, concurrency: int, expected: int) -> Load:
    """Send `requests` GETs over `concurrency` keep-alive connections; time each one."""
    load = Load()
    remaining = requests
    payload = request_bytes(port, path)

    async def connection() -> None:
        nonlocal remaining
        reader = writer = None
        while remaining > 0:
            remaining -= 1
            started = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), REQUEST_TIMEOUT)
                writer.write(payload)
                await writer.drain()
                status, _, keep_alive = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, HTTPError):
                load.errors += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
                continue
            load.statuses[status] = load.statuses.get(status, 0) + 1
            if status == expected:
                load.latencies.append(time.perf_counter() - started)
            else:
                load.errors += 1
            if not keep_alive:
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(connection() for _ in range(concurrency))), ROUND_TIMEOUT)
    load.elapsed = time.perf_counter() - started
    return load


def run_async(coroutine):
    try:
        import uvloop  # optional: a cheaper client leaves more CPU to the servers

        return uvloop.run(coroutine)
    except ImportError:
        return asyncio.run(coroutine)


# --- The servers ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    name: str
    command: list[str]
    port: int
    log: Path
    process: subprocess.Popen | None = None

    def start(self, env: dict[str, str]) -> None:
        log = self.log.open("wb")
        self.process = subprocess.Popen(
            self.command,
            cwd=BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so that stop() reaches any child too
        )
        log.close()

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                run_async(fetch_once(self.port, "/static/", timeout=2.0))
                return
            except (OSError, TimeoutError, asyncio.IncompleteReadError, HTTPError):
                time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer within {START_TIMEOUT:.0f} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(grace)
                return
            except subprocess.TimeoutExpired:
                continue


def bin_path(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def make_servers(workdir: Path) -> list[Server]:
    uvicorn_port, daphne_port = free_port(), free_port()
    while daphne_port == uvicorn_port:
        daphne_port = free_port()
    return [
        Server(
            "uvicorn",
            [
                bin_path("uvicorn"),
                APPLICATION,
                "--host",
                HOST,
                "--port",
                str(uvicorn_port),
                "--no-access-log",
                "--log-level",
                "warning",
                "--lifespan",
                "off",
            ],
            uvicorn_port,
            workdir / "uvicorn.log",
        ),
        Server(
            "daphne",
            [bin_path("daphne"), "-b", HOST, "-p", str(daphne_port), "-v", "0", APPLICATION],
            daphne_port,
            workdir / "daphne.log",
        ),
    ]


def bench_env(workdir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        SEARCH_URL=f"whoosh://{workdir / 'whoosh'}",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        ALLOWED_HOSTS=HOST,
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def choose(server: Server, candidates: list[str], what: str) -> tuple[str, int]:
    """The first candidate that answers 200, else the first one with its status (reported as such)."""
    seen = []
    for path in candidates:
        status, _ = run_async(fetch_once(server.port, path, timeout=30.0))
        if status == 200:
            return path, 200
        seen.append((path, status))
    path, status = seen[0]
    print(f"WARNING: no {what} answered 200 ({seen}); measuring {path} as it answers ({status}).", file=sys.stderr)
    return path, status


# --- The report -----------------------------------------------------------------------------------


def report(args, targets, results, servers) -> str:
    lines = [
        "# ASGI servers: uvicorn and daphne, one process each",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Django {version('Django')}, Wagtail {version('wagtail')}, "
        f"uvicorn {version('uvicorn')} (uvloop {version('uvloop')}, httptools {version('httptools')}), "
        f"daphne {version('daphne')} (Twisted {version('Twisted')})",
        f"- Load: {args.requests} requests per round over {args.concurrency} keep-alive connections, "
        f"{args.rounds} rounds per server and URL, alternated between the servers, after a warm-up of "
        f"{args.warmup} requests; the client runs on the same machine.",
        "- Application: config.asgi:application, DEBUG=1, throwaway SQLite database, no access log.",
        "",
        "| URL | Server | Requests OK | Errors | Median (ms) | p95 (ms) | Throughput (req/s) "
        "| Rounds (req/s) | vs uvicorn |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for label, (path, status) in targets.items():
        baseline = None
        for server in servers:
            loads = results[(label, server.name)]
            latencies = [value for load in loads for value in load.latencies]
            errors = sum(load.errors for load in loads)
            rates = [load.throughput for load in loads]
            rate = statistics.median(rates)
            if baseline is None:
                baseline = rate
            median = ms(statistics.median(latencies)) if latencies else "–"
            p95 = ms(percentile(latencies, 0.95)) if latencies else "–"
            lines.append(
                f"| {label} `{path}` ({status}) | {server.name} | {len(latencies)} | {errors} | {median} | {p95} "
                f"| {rate:.0f} | {', '.join(f'{r:.0f}' for r in rates)} | {rate / baseline:.2f}× |"
            )
    lines += [
        "",
        "Throughput is the median of the rounds (each round: successful requests / wall time); latencies "
        "pool every request of every round. 'vs uvicorn' is throughput relative to uvicorn in this run.",
        "",
    ]
    return "\n".join(lines)


# --- Main -----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per round (default 2000)")
    parser.add_argument("--concurrency", type=int, default=20, help="concurrent connections (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per server and URL (default 3)")
    parser.add_argument("--warmup", type=int, default=200, help="unmeasured requests first (default 200)")
    parser.add_argument("--page", help=f"page path (default: the first of {PAGE_CANDIDATES} answering 200)")
    parser.add_argument("--static", help=f"static file path (default: {STATIC_CANDIDATES[0]})")
    parser.add_argument("--output", type=Path, default=RESULTS, help="Markdown report (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="a quick check: 300 requests, 2 rounds, 50 warm-up")
    args = parser.parse_args()
    if args.quick:
        args.requests, args.rounds, args.warmup = 300, 2, 50
    if not (0 < args.requests <= 100_000 and 0 < args.concurrency <= 200 and 0 < args.rounds <= 20):
        parser.error("keep the load bounded: requests <= 100000, concurrency <= 200, rounds <= 20")

    # A SIGTERM (from `timeout`, say) unwinds through the finally below, which stops the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with tempfile.TemporaryDirectory(prefix="territoires-bench-") as tmp:
        workdir = Path(tmp)
        env = bench_env(workdir)
        print("Migrating a throwaway SQLite database…", flush=True)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdin=subprocess.DEVNULL,
        )
        servers = make_servers(workdir)
        try:
            for server in servers:
                server.start(env)
            for server in servers:
                server.wait_ready()
                print(f"{server.name} answers on {HOST}:{server.port}", flush=True)

            targets = {
                "page": choose(servers[0], [args.page] if args.page else PAGE_CANDIDATES, "page"),
                "static": choose(servers[0], [args.static] if args.static else STATIC_CANDIDATES, "static file"),
            }
            for server in servers:
                for path, status in targets.values():
                    run_async(run_load(server.port, path, args.warmup, args.concurrency, status))

            results: dict[tuple[str, str], list[Load]] = {}
            for round_number in range(args.rounds):
                order = servers if round_number % 2 == 0 else list(reversed(servers))
                for server in order:
                    for label, (path, status) in targets.items():
                        load = run_async(run_load(server.port, path, args.requests, args.concurrency, status))
                        results.setdefault((label, server.name), []).append(load)
                        print(
                            f"round {round_number + 1}/{args.rounds} {server.name:8} {label:6} {path}: "
                            f"{load.throughput:7.0f} req/s, {load.errors} errors, statuses {load.statuses}",
                            flush=True,
                        )
                        if server.process.poll() is not None:
                            raise RuntimeError(f"{server.name} died:\n{server.log.read_text()}")
        finally:
            for server in servers:
                server.stop()

    text = report(args, targets, results, servers)
    report_write(text, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
