"""What every benchmark's report needs: milliseconds, percentiles, versions and the machine's CPU."""

import platform
from importlib import metadata
from pathlib import Path


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def report_write(text: str, path) -> None:
    """Print the Markdown report and write it to `path` (under bench/results/, git-ignored)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    print()
    print(text)
    print(f"Written to {path}")
