"""Timestamps into a note's source video: `04:14` or `1:02:03` to seconds, and a link there."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TIMESTAMP = re.compile(r"(?:(\d+):)?([0-5]?\d):([0-5]\d)")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtu.be"}


def is_web_address(url: str) -> bool:
    """True for an http(s) URL with a host and no whitespace: the only kind a note's
    `Video:` may hold, so that no `javascript:` or `data:` address ever becomes a link."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", url)


def parse_timestamp(text: str) -> int:
    """Seconds for `mm:ss` or `h:mm:ss`; ValueError naming the value otherwise."""
    match = TIMESTAMP.fullmatch(text.strip())
    if not match:
        raise ValueError(f"malformed timestamp '{text}': expected mm:ss or h:mm:ss, e.g. 04:14")
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def format_timestamp(seconds: int) -> str:
    """`254` as `04:14`, `3723` as `1:02:03`."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def video_link(url: str, seconds: int) -> str:
    """`url` opened at `seconds`: YouTube links get `t=`, other videos a `#t=` media fragment."""
    parts = urlsplit(url)
    if parts.hostname in YOUTUBE_HOSTS:
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "t"]
        query.append(("t", str(seconds)))
        return urlunsplit(parts._replace(query=urlencode(query)))
    return urlunsplit(parts._replace(fragment=f"t={seconds}"))
