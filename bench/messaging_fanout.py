#!/usr/bin/env python
"""Benchmark: fan-out of one message to N connected clients of a room, next to a bare Channels echo consumer.

Self-contained: it migrates a throwaway SQLite database in a temporary folder, creates one organisation room
with N members and their sessions, starts uvicorn processes serving the project (`config.asgi`) and the
baseline (`bench/_echo_asgi.py`, a consumer that only relays to a group), connects N WebSocket clients to each
(the `websockets` library), then, round by round and alternating the two (A B, B A, ...), has one client send
a message and times its arrival at every client: p50/p95 of the time from send to the LAST receipt (the
whole room served) and of all receipts. Each channel layer is measured: in-memory (one process) and
channels-redis (two processes, clients split between them; skipped when Redis does not answer). The
resident memory of each server process is read before and after the clients connect: RSS per idle connection.

    .venv/bin/python bench/messaging_fanout.py [--clients 1000] [--rounds 10] [--cycles 10] [--trim] [--quick]
                                               [--redis-url redis://127.0.0.1:6379/0]

With --cycles C (default 10), the clients then disconnect and reconnect until they have connected C times; the
servers' RSS with the clients connected is read after each connection: it must not grow beyond 5 %. Both
applications are served with a memory probe (`_memory_probe.py`): after each connection it also reports the
memory blocks Python's allocator has handed out (a leak of Python objects raises them) and, with --trim, the RSS
left once the C allocator has returned its free pages.

The Markdown report is printed and written to bench/results/messaging_fanout.md (git-ignored). Only loopback
addresses are contacted; every server is stopped in all cases.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from _http import throwaway_env
from _memory_probe import PATH as PROBE_PATH
from _reporting import cpu_model, ms, percentile, report_write, version
from websockets.asyncio.client import connect

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results" / "messaging_fanout.md"
HOST = "127.0.0.1"
ROUND_TIMEOUT = 60.0
CYCLE_GOAL = 0.05  # RSS growth allowed over the connect/disconnect cycles
TRIM_SENTENCE = ", and the RSS left once the C allocator has returned its free pages (`malloc_trim`)."
START_TIMEOUT = 90.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


@dataclass
class Servers:
    """uvicorn processes of one application on one channel layer."""

    name: str
    application: list[str]
    env: dict[str, str]
    count: int
    log_dir: Path
    processes: list = field(default_factory=list)
    ports: list = field(default_factory=list)

    def start(self):
        for number in range(self.count):
            port = free_port()
            log = (self.log_dir / f"{self.name}-{number}.log").open("wb")
            env = {**self.env, "SITE_URL": f"http://{HOST}:{port}"}
            command = [sys.executable, "-m", "uvicorn", *self.application, "--host", HOST, "--port", str(port)]
            command += ["--log-level", "warning", "--no-access-log", "--ws-max-queue", "1024"]
            self.processes.append(
                subprocess.Popen(
                    command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
                )
            )
            self.ports.append(port)
        for process, port in zip(self.processes, self.ports, strict=True):
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"{self.name} stopped; see {self.log_dir}")
                try:
                    socket.create_connection((HOST, port), timeout=0.5).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"{self.name} did not start") from None
                    time.sleep(0.2)

    def rss(self) -> int:
        return sum(rss_kib(process.pid) for process in self.processes)

    async def probe(self, *, trim: bool = False) -> dict[str, int]:
        """The memory probe's figures (`_memory_probe.py`), summed over the processes."""
        totals = {"rss_kib": 0, "blocks": 0, "objects": 0}
        for port in self.ports:
            reader, writer = await asyncio.open_connection(HOST, port)
            query = "?trim=1" if trim else ""
            writer.write(f"GET {PROBE_PATH}{query} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
            answer = await reader.read()
            writer.close()
            for key, value in json.loads(answer.split(b"\r\n\r\n", 1)[1]).items():
                totals[key] += value
        return totals

    def stop(self):
        for number, process in enumerate(self.processes):
            if process.poll() is not None:
                log = self.log_dir / f"{self.name}-{number}.log"
                print(
                    f"{self.name} process {number} had stopped (code {process.returncode}):\n{log.read_text()[-3000:]}"
                )
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


class Room:
    """N connected clients; each records when each round's message reached it."""

    def __init__(self, name, *, messaging: bool, conversation: int | None = None):
        self.name, self.messaging, self.conversation = name, messaging, conversation
        self.sockets, self.readers = [], []
        self.received: dict[int, list[float]] = {}
        self.complete: dict[int, asyncio.Event] = {}
        self.sent_at: dict[int, float] = {}

    async def join(self, servers: Servers, sessions: list[str], count: int):
        limit = asyncio.Semaphore(50)

        async def one(index):
            async with limit:
                port = servers.ports[index % len(servers.ports)]
                if self.messaging:
                    ws = await connect(
                        f"ws://{HOST}:{port}/ws/messages/",
                        origin=f"http://{HOST}:{port}",
                        additional_headers={"Cookie": f"sessionid={sessions[index]}"},
                        open_timeout=60,
                    )
                    await ws.send(json.dumps({"type": "subscribe", "conversation": self.conversation}))
                    while json.loads(await ws.recv())["type"] != "subscribed":
                        pass
                else:
                    ws = await connect(f"ws://{HOST}:{port}/echo/", open_timeout=60)
                return ws

        self.sockets = await asyncio.gather(*(one(index) for index in range(count)))
        self.readers = [asyncio.create_task(self._read(ws)) for ws in self.sockets]

    async def _read(self, ws):
        async for raw in ws:
            arrived = time.perf_counter()
            if self.messaging:
                frame = json.loads(raw)
                if frame.get("type") != "message":
                    continue
                text = frame["html"]
            else:
                text = raw
            parts = text.split()
            if len(parts) == 2 and parts[0] == "bench" and parts[1].isdecimal():
                number = int(parts[1])
                times = self.received.setdefault(number, [])
                times.append(arrived)
                if len(times) == len(self.sockets):
                    self.complete[number].set()

    async def round(self, number: int, sender: int) -> list[float]:
        self.complete[number] = asyncio.Event()
        text = f"bench {number}"
        ws = self.sockets[sender % len(self.sockets)]
        self.sent_at[number] = time.perf_counter()
        if self.messaging:
            frame = {"type": "send", "conversation": self.conversation, "body": text, "key": uuid.uuid4().hex}
            await ws.send(json.dumps(frame))
        else:
            await ws.send(text)
        await asyncio.wait_for(self.complete[number].wait(), ROUND_TIMEOUT)
        return [arrived - self.sent_at[number] for arrived in self.received[number]]

    async def leave(self):
        for reader in self.readers:
            reader.cancel()
        await asyncio.gather(*(ws.close() for ws in self.sockets), return_exceptions=True)


async def measure(layer, servers_by_kind, data, args):
    rooms = {
        "echo": Room("echo", messaging=False),
        "messaging": Room("messaging", messaging=True, conversation=data["conversation"]),
    }
    memory = {}
    results = {name: {"last": [], "all": []} for name in rooms}
    for name, room in rooms.items():
        before = servers_by_kind[name].rss()
        started = time.perf_counter()
        await room.join(servers_by_kind[name], data["sessions"], args.clients)
        await asyncio.sleep(2)  # let the servers settle before reading their memory
        memory[name] = {
            "connect_s": time.perf_counter() - started,
            "per_connection_kib": (servers_by_kind[name].rss() - before) / args.clients,
        }
        print(f"  {layer}: {args.clients} clients connected to {name}", flush=True)
    number = 0
    for round_index in range(args.rounds):
        order = ["echo", "messaging"] if round_index % 2 == 0 else ["messaging", "echo"]
        for name in order:
            number += 1
            latencies = await rooms[name].round(number, sender=number)
            results[name]["last"].append(max(latencies))
            results[name]["all"].extend(latencies)
            await asyncio.sleep(0.3)
    # Connect/disconnect cycles: the servers' RSS with N clients connected, after each reconnection. A leak per
    # connection (a consumer, a group membership or a session kept after the socket closed) grows it cycle by cycle.
    # The probe then tells a leak of Python objects (allocated blocks rising) from memory the allocator keeps.
    for name in rooms:
        memory[name].update(cycles=[], blocks=[], trimmed=[])
    for cycle in range(args.cycles):
        if cycle:
            for name, room in rooms.items():
                await room.leave()
                await asyncio.sleep(1)  # let the servers run the disconnect handlers
                await room.join(servers_by_kind[name], data["sessions"], args.clients)
            await asyncio.sleep(2)
        for name in rooms:
            memory[name]["cycles"].append(servers_by_kind[name].rss())
            memory[name]["blocks"].append((await servers_by_kind[name].probe())["blocks"])
            if args.trim:
                memory[name]["trimmed"].append((await servers_by_kind[name].probe(trim=True))["rss_kib"])
        print(
            f"  {layer}: cycle {cycle + 1}/{args.cycles}: RSS {[memory[n]['cycles'][-1] for n in rooms]} KiB, "
            f"Python blocks {[memory[n]['blocks'][-1] for n in rooms]}",
            flush=True,
        )
    for room in rooms.values():
        await room.leave()
    return results, memory


def report(args, measured) -> str:
    lines = [
        "# Messaging fan-out",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {cpu_model()} · {os.cpu_count()} cores · Python "
        f"{platform.python_version()} · channels {version('channels')} · channels-redis {version('channels-redis')} · "
        f"uvicorn {version('uvicorn')} · websockets {version('websockets')}",
        "",
        f"{args.clients} clients in one room, {args.rounds} messages per application, rounds alternated. "
        "Latency from send to the last client's receipt (the room served) and over every receipt, in ms.",
        "",
        "| Layer | Application | last receipt p50 | p95 | every receipt p50 | p95 | ratio (p95 last) | connect N (s) "
        "| RSS per idle connection (KiB) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for layer, (results, memory) in measured.items():
        base = percentile(results["echo"]["last"], 0.95)
        for name in ("echo", "messaging"):
            last, every = results[name]["last"], results[name]["all"]
            ratio = percentile(last, 0.95) / base if base else 0
            label = "bare echo (baseline)" if name == "echo" else "messaging"
            lines.append(
                f"| {layer} | {label} | {ms(percentile(last, 0.5))} "
                f"| {ms(percentile(last, 0.95))} | {ms(percentile(every, 0.5))} | {ms(percentile(every, 0.95))} "
                f"| {ratio:.2f} | {memory[name]['connect_s']:.1f} | {memory[name]['per_connection_kib']:.1f} |"
            )
    if args.cycles > 1:
        lines += [
            "",
            f"Resident memory of the server process(es) with the {args.clients} clients connected, after the first "
            f"connection and after {args.cycles} connect/disconnect cycles (goal: growth ≤ {CYCLE_GOAL:.0%}).",
            "",
            "| Layer | Application | RSS after cycle 1 (KiB) | after each cycle (KiB) | RSS after cycle "
            f"{args.cycles} (KiB) | Growth | Goal ≤ {CYCLE_GOAL:.0%} | Growth from cycle 2 |",
            "| --- | --- | ---: | --- | ---: | ---: | --- | ---: |",
        ]
        for layer, (_results, memory) in measured.items():
            for name in ("echo", "messaging"):
                rss = memory[name]["cycles"]
                growth = (rss[-1] - rss[0]) / rss[0] if rss[0] else 0.0
                # The first reconnection grows the allocator's arenas once; a leak keeps growing after it.
                after_first = (rss[-1] - rss[1]) / rss[1] if len(rss) > 2 and rss[1] else 0.0
                label = "bare echo (baseline)" if name == "echo" else "messaging"
                lines.append(
                    f"| {layer} | {label} | {rss[0]} | {', '.join(str(value) for value in rss)} | {rss[-1]} "
                    f"| {growth:+.1%} | {'met' if growth <= CYCLE_GOAL else '**missed**'} "
                    f"| {after_first:+.1%} |"
                )
        lines += [
            "",
            "What the memory is: the blocks Python's allocator has handed out and not got back, after a full garbage "
            "collection (a leak of Python objects raises them cycle after cycle)"
            + (TRIM_SENTENCE if args.trim else "."),
            "",
            "| Layer | Application | Python blocks, cycle 1 | last cycle | Growth |"
            + (" RSS trimmed, cycle 1 (KiB) | last cycle | Growth |" if args.trim else ""),
            "| --- | --- | ---: | ---: | ---: |" + (" ---: | ---: | ---: |" if args.trim else ""),
        ]
        for layer, (_results, memory) in measured.items():
            for name in ("echo", "messaging"):
                label = "bare echo (baseline)" if name == "echo" else "messaging"
                row = f"| {layer} | {label} | {_first_last_growth(memory[name]['blocks'])} |"
                if args.trim:
                    row += f" {_first_last_growth(memory[name]['trimmed'])} |"
                lines.append(row)
    return "\n".join(lines) + "\n"


def _first_last_growth(values: list[int]) -> str:
    growth = (values[-1] - values[0]) / values[0] if values and values[0] else 0.0
    return f"{values[0]} | {values[-1]} | {growth:+.1%}"


def redis_reachable(url: str) -> bool:
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return True
    except Exception:  # noqa: BLE001 any failure means no usable Redis
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=1000, help="clients in the room (default 1000)")
    parser.add_argument("--rounds", type=int, default=10, help="messages per application and layer (default 10)")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--layer", choices=["all", "in-memory", "redis"], default="all", help="layers to measure")
    parser.add_argument(
        "--cycles", type=int, default=10, help="connections of the N clients, RSS read after each (default 10)"
    )
    parser.add_argument(
        "--trim", action="store_true", help="after each cycle, also read the RSS once the C allocator is trimmed"
    )
    parser.add_argument("--quick", action="store_true", help="a quick check: 50 clients, 3 rounds, 3 cycles")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.quick:
        args.clients, args.rounds, args.cycles = 50, 3, 3
    if not (0 < args.clients <= 5000 and 0 < args.rounds <= 100 and 0 < args.cycles <= 50):
        parser.error("keep the load bounded: clients <= 5000, rounds <= 100, cycles <= 50")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4 * args.clients + 256)), hard))

    with tempfile.TemporaryDirectory(prefix="territoires-bench-") as tmp:
        workdir = Path(tmp)
        # DEBUG off as in production: with DEBUG on, each thread's database connection keeps its last 9,000
        # queries, which the connection cycles would measure as growth.
        env = throwaway_env(workdir, DJANGO_SETTINGS_MODULE="config.settings")
        print("Migrating a throwaway SQLite database…", flush=True)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=BASE_DIR, env=env, check=True
        )
        created = subprocess.run(
            [sys.executable, "bench/_messaging_setup.py", str(args.clients)],
            cwd=BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        data = json.loads(created.stdout.strip().splitlines()[-1])
        layers = {"in-memory": ({}, 1)} if args.layer != "redis" else {}
        if args.layer == "in-memory":
            pass
        elif redis_reachable(args.redis_url):
            layers["redis"] = ({"REDIS_URL": args.redis_url}, 2)
        else:
            print(f"Redis does not answer at {args.redis_url}: only the in-memory layer is measured.", flush=True)
        logs = RESULTS.parent / "messaging_fanout_logs"
        logs.mkdir(parents=True, exist_ok=True)
        measured = {}
        for layer, (extra, count) in layers.items():
            layer_env = {**env, **extra}
            servers = {
                name: Servers(name, ["--app-dir", "bench", f"{module}:application"], layer_env, count, logs)
                for name, module in (("echo", "_echo_asgi"), ("messaging", "_messaging_asgi"))
            }
            try:
                for group in servers.values():
                    group.start()
                measured[layer] = asyncio.run(measure(layer, servers, data, args))
            finally:
                for group in servers.values():
                    group.stop()
    text = report(args, measured)
    report_write(text, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
