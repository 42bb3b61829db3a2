"""YouTube: a watch page answers 200 even for a removed video, so ask the oEmbed endpoint."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from ..core.video import YOUTUBE_HOSTS
from .records import Status, Verdict

VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
SHORT_HOSTS = {"youtu.be", "www.youtu.be"}
EMBED_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}
PATH_FORMS = ("embed", "shorts", "live", "v")


def video_id(url: str) -> str | None:
    """The video a YouTube link plays ('' when it names one badly), or None for other links."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    if host in SHORT_HOSTS:
        return segments[0] if segments else ""
    if host not in YOUTUBE_HOSTS | EMBED_HOSTS:
        return None
    if parts.path.rstrip("/") == "/watch":
        return parse_qs(parts.query).get("v", [""])[0]
    if len(segments) >= 2 and segments[0] in PATH_FORMS:
        return segments[1]
    return None


def malformed(video: str) -> Verdict | None:
    """A broken verdict when `video` cannot be a YouTube id; they are 11 URL-safe characters."""
    if VIDEO_ID.fullmatch(video):
        return None
    return Verdict(Status.BROKEN, f"'{video}' is not a YouTube video id",
                   hint="a video id is 11 characters of A-Z, a-z, 0-9, - and _")


def oembed_url(endpoint: str, video: str) -> str:
    """The oEmbed query for one video; it answers 404 once the video is removed."""
    query = urlencode({"url": f"https://www.youtube.com/watch?v={video}", "format": "json"})
    return f"{endpoint}?{query}"


def oembed_verdict(code: int, reason: str) -> Verdict:
    """What an oEmbed answer says about the video."""
    if 200 <= code < 300:
        return Verdict(Status.OK, "the video is available", code)
    if code == 401:
        return Verdict(Status.OK, "the video exists; its owner turned embedding off", code)
    if code == 403:
        return Verdict(Status.BROKEN, "the video is private", code,
                       hint="link a public video, or remove the link")
    if code in (400, 404):
        return Verdict(Status.BROKEN, "the video was removed or never existed", code,
                       hint="find another copy of the video, or remove the link")
    return Verdict(Status.BROKEN, f"the video check answered {code} {reason}".rstrip(), code)
