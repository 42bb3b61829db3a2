"""Files replaced whole: written beside their place and moved over it when complete, so a reader
(the dev server answering a reload while a build runs) sees the old file or the new, never half."""

from __future__ import annotations

import os


class ReplaceOnClose:
    """`with ReplaceOnClose(path) as handle:` writes `path` whole or, on an error, not at all."""

    def __init__(self, path: str, encoding: str = "utf-8"):
        self.path = path
        self.temp = f"{path}.{os.getpid()}.part"
        self.handle = open(self.temp, "w", encoding=encoding)  # noqa: SIM115 - closed by __exit__

    def __enter__(self):
        return self.handle

    def __exit__(self, kind, error, trace) -> None:
        self.handle.close()
        if kind is None:
            os.replace(self.temp, self.path)
        else:
            os.unlink(self.temp)


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
