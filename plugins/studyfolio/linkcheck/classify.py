"""Verdicts that need no request: unsafe or unfetched schemes, malformed URLs, exclusions."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urldefrag, urlsplit

from .config import Config
from .records import Status, Verdict
from .youtube import malformed, video_id

NOT_FETCHED = {"mailto", "tel", "data"}
HOST_CHARACTERS = re.compile(r"[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]")


def host_problem(netloc: str, hostname: str) -> str:
    """What is wrong with a URL's host part, or '' when a request can be sent."""
    if not hostname:
        return "no host name"
    host = netloc.rpartition("@")[2]
    host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.startswith("[") else host
    except UnicodeError:
        return f"'{host}' is not a valid international host name"
    if not HOST_CHARACTERS.fullmatch(ascii_host):
        return f"'{host}' is not a valid host name"
    return ""


def is_private(hostname: str) -> bool:
    """localhost and addresses of the loopback, private and link-local ranges."""
    host = hostname.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local or address.is_unspecified


def classify(url: str, config: Config) -> Verdict | None:
    """The verdict for `url` when no request is needed, or None when it must be fetched."""
    if config.include and not any(p.search(url) for p in config.include):
        return Verdict(Status.EXCLUDED, "matches no include pattern")
    for pattern in config.exclude:
        if pattern.search(url):
            return Verdict(Status.EXCLUDED, f"matches exclude pattern '{pattern.pattern}'")
    return offline_verdict(url, config.allow_private)


def offline_verdict(url: str, allow_private: bool = False) -> Verdict | None:
    """Scheme, syntax and address checks: the part of `classify` a build runs on every link."""
    try:
        parts = urlsplit(url)
        port_problem = "" if parts.port is None or parts.port > 0 else "port 0"
    except ValueError as error:
        return Verdict(Status.BROKEN, f"malformed URL: {error}")
    scheme = parts.scheme.lower()
    if scheme == "javascript":
        return Verdict(Status.UNSAFE, "javascript: links run code when clicked",
                       hint="link to a page instead, or leave the code out of the note")
    if scheme in NOT_FETCHED:
        return Verdict(Status.UNCHECKED, f"{scheme}: links are not fetched")
    if scheme not in ("http", "https"):
        return Verdict(Status.UNCHECKED, f"{scheme or 'relative'} links are not fetched")
    problem = port_problem or host_problem(parts.netloc, parts.hostname or "")
    if problem:
        return Verdict(Status.BROKEN, f"malformed URL: {problem}")
    if not allow_private and is_private(parts.hostname or ""):
        return Verdict(Status.EXCLUDED, "a local or private address",
                       hint="set allow_private (or pass --allow-private) to check it")
    video = video_id(url)
    if video is not None:
        return malformed(video)
    return None


def check_key(url: str, fragments: bool = False) -> str:
    """What one request answers for: the URL without its fragment, or the YouTube video."""
    video = video_id(url)
    if video:
        return f"youtube:{video}"
    return url if fragments else urldefrag(url).url
