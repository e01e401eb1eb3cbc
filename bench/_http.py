"""What the page benchmarks share: a small HTTP/1.1 keep-alive client on asyncio streams, uvicorn processes
on free loopback ports, and the throwaway environment (SQLite database, media, index in a temporary folder)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "bench"
HOST = "127.0.0.1"
REQUEST_TIMEOUT = 60.0
START_TIMEOUT = 120.0
# uvicorn closes a keep-alive connection idle for 5 s (--timeout-keep-alive): reopen before that.
IDLE_REOPEN = 4.0


class HTTPError(Exception):
    pass


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    keep_alive: bool
    cookies: dict[str, str] = field(default_factory=dict)


async def read_response(reader: asyncio.StreamReader) -> Response:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise HTTPError(f"bad status line: {lines[0]!r}")
    status = int(parts[1])
    headers: dict[str, str] = {}
    cookies: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookie_name, _, cookie_value = value.split(";", 1)[0].partition("=")
                cookies[cookie_name.strip()] = cookie_value.strip()
            headers[name] = value
    keep_alive = headers.get("connection", "").lower() != "close" and parts[0] == "HTTP/1.1"
    if "chunked" in headers.get("transfer-encoding", "").lower():
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0].strip(), 16)
            if size == 0:
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
    return Response(status, headers, body, keep_alive, cookies)


def request_bytes(
    port: int, method: str, path: str, *, headers: dict[str, str] | None = None, body: bytes = b""
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "User-Agent: territoires-bench"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class Connection:
    """One keep-alive connection, reopened when the server closes it."""

    def __init__(self, port: int):
        self.port = port
        self.reader = self.writer = None
        self.last_used = 0.0

    async def request(self, method, path, *, headers=None, body=b"") -> Response:
        if self.writer is not None and time.monotonic() - self.last_used > IDLE_REOPEN:
            self.close()  # the server has closed it, or is about to: a request sent now would be lost
        if self.writer is None:
            self.reader, self.writer = await asyncio.wait_for(asyncio.open_connection(HOST, self.port), REQUEST_TIMEOUT)
        try:
            self.writer.write(request_bytes(self.port, method, path, headers=headers, body=body))
            await self.writer.drain()
            response = await asyncio.wait_for(read_response(self.reader), REQUEST_TIMEOUT)
        except BaseException:
            self.close()
            raise
        self.last_used = time.monotonic()
        if not response.keep_alive:
            self.close()
        return response

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


CLIENT_ERRORS = (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, HTTPError)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def throwaway_env(workdir: Path, **extra: str) -> dict[str, str]:
    """Production-like settings (DEBUG off) on a database, media and index inside `workdir`."""
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="_pages_settings",
        PYTHONPATH=os.pathsep.join([str(BENCH_DIR), str(BASE_DIR)]),
        DEBUG="0",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        # No collectstatic here: the pages name their assets without the manifest's hashes (page_weight.py
        # measures the assets as served, with the manifest).
        STATIC_MANIFEST="0",
        STATIC_ROOT=str(workdir / "static"),
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        SEARCH_URL=f"whoosh://{workdir / 'whoosh'}",
        MEDIA_ROOT=str(workdir / "media"),
        DOCUMENTS_ROOT=str(workdir / "documents"),
        TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
        BENCH_TEMPLATES=str(workdir / "templates"),
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(extra)
    (workdir / "static").mkdir(exist_ok=True)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdin=subprocess.DEVNULL)


@dataclass
class Uvicorn:
    """`uvicorn config.asgi:application`, as deployed (deploy/systemd), on a free loopback port."""

    env: dict[str, str]
    log: Path
    workers: int = 1
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self) -> Uvicorn:
        command = [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", HOST, "--port", str(self.port)]
        command += ["--no-access-log", "--log-level", "warning", "--no-server-header"]
        if self.workers > 1:
            command += ["--workers", str(self.workers)]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stop() reaches the workers too
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                asyncio.run(Connection(self.port).request("GET", "/static/"))
                return self
            except CLIENT_ERRORS:
                time.sleep(0.3)
        raise RuntimeError(f"uvicorn did not answer within {START_TIMEOUT:.0f} s:\n{self.log.read_text()[-3000:]}")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if not self.alive():
            return
        for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(grace)
                return
            except subprocess.TimeoutExpired:
                continue
