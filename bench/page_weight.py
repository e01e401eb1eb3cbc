#!/usr/bin/env python
"""Benchmark: the weight of the public home page and of a member's page, next to the bare layout.

Self-contained: in a temporary folder it migrates a throwaway SQLite database, runs `seed_demo` and logs a member
in, collects the static files as deployed (`collectstatic`: hashed names, WhiteNoise's .gz copies), starts uvicorn
on `config.asgi:application` with DEBUG off, then fetches each page and every asset it loads: the stylesheets,
scripts, icons and images its HTML names (link, script, img, srcset), and what the stylesheets name in turn
(`url(...)`, `@import`: fonts, images). Each is fetched twice: as the server sends it to a browser accepting gzip,
and uncompressed. The HTML itself is compressed by nginx in production (deploy/nginx, `gzip on`, level 1): its
compressed size is computed with gzip level 1. Baseline: the layout alone (`base.html` with an empty content
block, the benchmark's own URLconf), which every page pays.

    .venv/bin/python bench/page_weight.py [--quick]

The Markdown report is printed and written to bench/results/page_weight.md (git-ignored).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from _http import BASE_DIR, Connection, Uvicorn, manage, throwaway_env
from _reporting import cpu_model, report_write, version

RESULTS = BASE_DIR / "bench" / "results" / "page_weight.md"
KINDS = ("HTML", "CSS", "JavaScript", "Images", "Fonts", "Other")


class AssetParser(HTMLParser):
    """The URLs of what a browser would load for this HTML (not the links it would only follow)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and values.get("href"):
            rel = set((values.get("rel") or "").lower().split())
            if rel & {"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon", "manifest"}:
                self.urls.append(values["href"])
        elif tag in ("script", "img", "source", "audio", "video", "iframe") and values.get("src"):
            self.urls.append(values["src"])
        if values.get("srcset"):
            self.urls += [item.strip().split()[0] for item in values["srcset"].split(",") if item.strip()]


def kind_of(path: str, content_type: str) -> str:
    content_type = content_type.split(";")[0].strip().lower()
    suffix = Path(urlsplit(path).path).suffix.lower()
    if content_type == "text/html":
        return "HTML"
    if content_type == "text/css" or suffix == ".css":
        return "CSS"
    if "javascript" in content_type or suffix in (".js", ".mjs"):
        return "JavaScript"
    if content_type.startswith("font/") or suffix in (".woff", ".woff2", ".ttf", ".otf", ".eot"):
        return "Fonts"
    if content_type.startswith("image/"):
        return "Images"
    return "Other"


@dataclass
class Item:
    path: str
    kind: str
    status: int
    raw: int
    wire: int
    encoding: str


@dataclass
class Page:
    name: str
    path: str
    items: list[Item] = field(default_factory=list)

    def total(self, attribute: str, kind: str | None = None) -> int:
        return sum(getattr(item, attribute) for item in self.items if kind is None or item.kind == kind)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


async def weigh(port: int, name: str, path: str, cookie: str) -> Page:
    connection, page = Connection(port), Page(name, path)
    headers = {"Accept": "text/html", "Accept-Language": "fr"} | ({"Cookie": cookie} if cookie else {})

    async def fetch(url: str, accept: str):
        response = await connection.request("GET", url, headers={**headers, "Accept-Encoding": accept})
        return response

    html = await fetch(path, "identity")
    if html.status != 200:
        raise RuntimeError(f"{name} {path} answered {html.status}")
    # The HTML leaves Django uncompressed; nginx compresses it (gzip on, level 1 by default).
    page.items.append(Item(path, "HTML", 200, len(html.body), len(gzip.compress(html.body, 1)), "gzip (nginx)"))
    parser = AssetParser()
    parser.feed(html.body.decode("utf-8", errors="replace"))
    queue, seen = [urljoin(path, url) for url in parser.urls], set()
    while queue:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url in seen or url.startswith("data:"):
            if parts.netloc and url not in seen:
                print(f"WARNING: {name} loads an external asset: {url}", file=sys.stderr)
            seen.add(url)
            continue
        seen.add(url)
        plain = await fetch(url, "identity")
        served = await fetch(url, "gzip, br")
        kind = kind_of(url, plain.headers.get("content-type", ""))
        page.items.append(
            Item(
                url, kind, plain.status, len(plain.body), len(served.body), served.headers.get("content-encoding", "–")
            )
        )
        if kind == "CSS":
            for match in CSS_URL.finditer(plain.body.decode("utf-8", errors="replace")):
                queue.append(urljoin(url, match.group(1) or match.group(2)))
    connection.close()
    return page


def kib(size: int) -> str:
    return f"{size / 1024:.1f}"


def report(pages: list[Page], load_average: float) -> str:
    baseline = pages[0]
    lines = [
        "# Page weight: what a browser downloads for a page",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()}; "
        f"load average {load_average:.2f}",
        f"- Python {platform.python_version()}, Django {version('Django')}, Wagtail {version('wagtail')}, "
        f"WhiteNoise {version('whitenoise')}",
        "- Server: uvicorn `config.asgi:application`, DEBUG off, static files collected (hashed names, .gz copies "
        "served by WhiteNoise as nginx's `gzip_static` serves them); HTML compressed as nginx would (gzip level 1).",
        "- Weight of an empty cache's first visit; every asset is served by the site itself (no CDN).",
        "",
        "| Page | Requests | Total compressed (KiB) | Total uncompressed (KiB) | JavaScript compressed (KiB) "
        "| JavaScript uncompressed (KiB) | vs bare layout (compressed) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in pages:
        lines.append(
            f"| {page.name} `{page.path}` | {len(page.items)} | {kib(page.total('wire'))} | {kib(page.total('raw'))} "
            f"| {kib(page.total('wire', 'JavaScript'))} | {kib(page.total('raw', 'JavaScript'))} "
            f"| {page.total('wire') / baseline.total('wire'):.2f}× |"
        )
    lines += ["", "By kind, compressed / uncompressed (KiB):", ""]
    lines.append("| Page | " + " | ".join(KINDS) + " |")
    lines.append("| --- |" + " ---: |" * len(KINDS))
    for page in pages:
        cells = [f"{kib(page.total('wire', kind))} / {kib(page.total('raw', kind))}" for kind in KINDS]
        lines.append(f"| {page.name} | " + " | ".join(cells) + " |")
    lines += ["", "Every request:", "", "| Page | URL | Kind | Status | Encoding | Compressed (B) | Uncompressed (B) |"]
    lines.append("| --- | --- | --- | ---: | --- | ---: | ---: |")
    for page in pages:
        for item in page.items:
            lines.append(
                f"| {page.name} | `{item.path}` | {item.kind} | {item.status} | {item.encoding} | {item.wire} "
                f"| {item.raw} |"
            )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="accepted for `make bench`; the run is short anyway")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with tempfile.TemporaryDirectory(prefix="territoires-bench-") as tmp:
        workdir = Path(tmp)
        env = throwaway_env(workdir, STATIC_MANIFEST="1")
        print("Migrating a throwaway SQLite database, collecting the static files…", flush=True)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        print("Seeding the demo data…", flush=True)
        templates = workdir / "templates"
        done = subprocess.run(
            [sys.executable, str(BASE_DIR / "bench" / "_pages_setup.py"), "create", "--units", "1", "--users", "1"]
            + ["--templates", str(templates)],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        data = json.loads(done.stdout.strip().splitlines()[-1])
        # The baseline: the layout with nothing in it, as an anonymous visitor sees it.
        (templates / "bare" / "layout.html").write_text('{% extends "base.html" %}{% block content %}{% endblock %}')
        cookie = f"sessionid={data['sessions'][0]}"
        targets = [
            ("bare layout (baseline)", "/__bench__/bare/layout/", ""),
            ("public home page", "/", ""),
            ("member: dashboard", data["urls"]["dashboard"], cookie),
            ("member: forum topic", data["urls"]["forum topic"], cookie),
        ]
        server = Uvicorn(env, workdir / "uvicorn.log").start()
        try:
            pages = [asyncio.run(weigh(server.port, name, path, cookie)) for name, path, cookie in targets]
        finally:
            server.stop()

    text = report(pages, os.getloadavg()[0])
    report_write(text, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
