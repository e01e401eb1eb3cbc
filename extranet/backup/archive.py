"""The archive format: a tar.gz holding the database dump, the files under `media/` and `documents/`, and
`manifest.json` (written last) with the size and SHA-256 of every other member.

Reading verifies everything into a staging directory before anything is restored: a damaged or altered
archive changes nothing.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import BackupError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class _HashingReader:
    """Hands the file's bytes to tarfile and hashes exactly those bytes, so the manifest matches the archive."""

    def __init__(self, file):
        self.file, self.sha256 = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def files_under(root: Path) -> Iterator[Path]:
    """The regular files under `root`, in a stable order (symbolic links are not followed)."""
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink():
                yield path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class ArchiveWriter:
    """Writes to a hidden temporary name beside `output`, then links it into place: never a half archive."""

    def __init__(self, output: Path):
        if output.exists():
            raise BackupError(f"{output} already exists: choose another --output (a backup never overwrites).")
        output.parent.mkdir(parents=True, exist_ok=True)
        self.output = output
        descriptor, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".partial", dir=output.parent)
        os.close(descriptor)
        self.partial = Path(name)
        self.tar = tarfile.open(self.partial, "w:gz")
        self.entries = []

    def add_file(self, path: Path, name: str) -> dict:
        with open(path, "rb") as file:
            info = self.tar.gettarinfo(fileobj=file, arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            reader = _HashingReader(file)
            self.tar.addfile(info, reader)
        entry = {"path": name, "size": info.size, "sha256": reader.sha256.hexdigest()}
        self.entries.append(entry)
        return entry

    def finish(self, manifest: dict) -> None:
        data = json.dumps(manifest, indent=2, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode = len(data), 0o600
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        with open(self.partial, "rb") as file:
            os.fsync(file.fileno())
        try:
            os.link(self.partial, self.output)  # fails if the name appeared meanwhile: nothing is overwritten
        except FileExistsError as error:
            raise BackupError(
                f"{self.output} appeared during the backup; the archive is left at {self.partial}."
            ) from error
        self.partial.unlink()

    def abort(self) -> None:
        self.tar.close()
        self.partial.unlink(missing_ok=True)


def archive_extract_verified(*, path: Path, staging: Path, progress: Callable[[str], None]) -> dict:
    """Extract the archive into `staging` and check it against its manifest; return the manifest."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            tar.extractall(staging, filter="data")
    except (OSError, EOFError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a readable backup archive (damaged or truncated?): {error}") from error
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{path} holds no valid {MANIFEST}: {error}") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown archive format {manifest.get('format')!r}; this version reads {FORMAT_VERSION}.")
    expected = {entry["path"]: entry for entry in [manifest["database"], *manifest["files"]]}
    present = {str(file.relative_to(staging)) for file in files_under(staging)} - {MANIFEST}
    if missing := sorted(expected.keys() - present):
        raise BackupError(f"The archive lacks {len(missing)} file(s) of its manifest, e.g. {missing[0]}.")
    if unexpected := sorted(present - expected.keys()):
        raise BackupError(f"The archive holds {len(unexpected)} file(s) outside its manifest, e.g. {unexpected[0]}.")
    for name, entry in expected.items():
        file = staging / name
        if file.stat().st_size != entry["size"] or sha256_of(file) != entry["sha256"]:
            raise BackupError(f"Checksum mismatch for {name}: the archive is damaged; nothing was restored.")
    progress(f"Checked {len(expected)} checksum(s): the archive is intact.")
    return manifest
