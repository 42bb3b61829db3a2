"""The typed records every stage passes on: a link where it was found, and its verdict."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Status(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    TIMEOUT = "timeout"
    RATE_LIMITED = "rate-limited"
    EXCLUDED = "excluded"
    UNSAFE = "unsafe"
    UNCHECKED = "unchecked"  # mailto:, tel:, data: and other schemes that are never fetched
    UNVERIFIED = "unverified"  # the page works, but it could not be read to find its #anchor

    @property
    def failed(self) -> bool:
        """Statuses that fail a strict run: the reader would hit a dead end or a hazard."""
        return self in FAILED


FAILED = frozenset({Status.BROKEN, Status.TIMEOUT, Status.UNSAFE})
SKIPPED = frozenset({Status.EXCLUDED, Status.UNCHECKED, Status.UNVERIFIED})  # neither passed nor failed


class Link(NamedTuple):
    """One `href`/`src` as found in the built site (or one URL of resources.yml).

    `url` is the value as written, `target` the absolute URL it resolves to, `page` the
    output file (site-relative, '' for resources.yml) and `path:line` where to report it:
    the source note when the link is found there, else the output file."""

    url: str
    target: str
    page: str
    path: str
    line: int
    text: str = ""
    in_source: bool = False


class Verdict(NamedTuple):
    """What checking one target found. `code` is the last HTTP status (0 when none)."""

    status: Status
    reason: str
    code: int = 0
    final: str = ""
    hint: str = ""


class Result(NamedTuple):
    """A link and its verdict: one line of the report."""

    link: Link
    verdict: Verdict

    def format(self) -> str:
        """`path:line: [status] url: reason`, then an indented hint when there is one."""
        link, verdict = self.link, self.verdict
        text = f"{link.path}:{link.line}: [{verdict.status}] {link.url}: {verdict.reason}"
        if verdict.hint:
            text += f"\n    hint: {verdict.hint}"
        return text
