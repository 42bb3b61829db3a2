"""Files replaced whole: written beside their place and moved over it when complete, so a reader
(the dev server answering a reload while a build runs) sees the old file or the new, never half."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil


class ReplaceOnClose:
    """`with ReplaceOnClose(path) as handle:` writes `path` whole or, on an error, not at all.

    `durable` (a learner's own file) also waits until the bytes are on disk before the move;
    `encoding=None` writes bytes."""

    def __init__(self, path: str, encoding: str | None = "utf-8", durable: bool = False):
        self.path = path
        self.durable = durable
        self.temp = f"{path}.{os.getpid()}.{secrets.token_hex(4)}.part"
        if encoding is None:
            self.handle = open(self.temp, "xb")  # noqa: SIM115 - closed by __exit__
        else:
            self.handle = open(self.temp, "x", encoding=encoding, newline="\n")  # noqa: SIM115

    def __enter__(self):
        return self.handle

    def __exit__(self, kind, error, trace) -> None:
        if kind is None and self.durable:
            self.handle.flush()
            os.fsync(self.handle.fileno())
        self.handle.close()
        if kind is None:
            os.replace(self.temp, self.path)
        else:
            os.unlink(self.temp)


def write_learner_file(path: str, text: str) -> str | None:
    """Replace a learner's file whole and on disk, keeping the previous text as `path.bak`;
    the backup's path, if there was a file to back up."""
    backups = write_learner_files([(path, text)])
    return backups[0] if backups else None


def write_learner_files(files: list[tuple[str, str]]) -> list[str]:
    """Replace several of a learner's files, all or none: each is first written beside its place
    and on disk; only when every one is there does each replace its file (the previous text kept
    as `path.bak`). A failure while writing (a full disk, a size limit) leaves every file as it
    was and no temporary file behind. The backups made, in order."""
    staged: list[tuple[str, str]] = []
    try:
        for path, text in files:
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            staging = ReplaceOnClose(path, durable=True)
            staged.append((path, staging.temp))
            with staging.handle as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException as error:
        if isinstance(error, OSError) and error.filename is None:
            error.filename = path  # a failed write names no file: name the one being written
        for _, temp in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        raise
    backups = []
    for path, temp in staged:
        if os.path.exists(path):
            backups.append(f"{path}.bak")
            shutil.copy2(path, backups[-1])
        os.replace(temp, path)
    return backups


def write_if_changed(path: str, text: str) -> bool:
    """Write `text` to `path` unless it already holds it; whether it wrote."""
    try:
        with open(path, encoding="utf-8") as handle:
            if handle.read() == text:
                return False
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with ReplaceOnClose(path) as handle:
        handle.write(text)
    return True
