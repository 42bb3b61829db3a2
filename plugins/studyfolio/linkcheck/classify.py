"""Verdicts that need no request: unsafe or unfetched schemes, malformed URLs, exclusions."""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urldefrag, urlsplit

from .config import Config
from .records import Status, Verdict
from .youtube import malformed, video_id

NOT_FETCHED = {"mailto", "tel", "data"}
HOST_CHARACTERS = re.compile(r"[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]")
LEGACY_IPV4 = re.compile(r"[0-9a-fA-FxX.]+")  # 2130706433, 0x7f000001, 0177.0.0.1, 127.1
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # an IPv4 address behind a translator
PRIVATE = Verdict(Status.EXCLUDED, "a local or private address",
                  hint="set allow_private (or pass --allow-private) to check it")


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


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host part names by itself, in every form a browser or curl accepts
    (`[::1]`, `127.0.0.1`, and the legacy `2130706433`, `0x7f000001`, `0177.0.0.1`,
    `127.1` that `inet_aton` reads); None for a host name."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if not LEGACY_IPV4.fullmatch(host):
        return None  # inet_aton also reads '127.0.0.1 junk': only address characters here
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def is_private_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Loopback, private, link-local, unique-local, shared (CGNAT), unspecified and reserved
    addresses, also an IPv4 one written as IPv6 (`::ffff:127.0.0.1`, `64:ff9b::7f00:1`)."""
    if address.version == 6:
        if address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        elif address in NAT64:
            address = ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF)
        elif address.is_site_local:
            return True
    return not address.is_global


def is_private(hostname: str) -> bool:
    """localhost, and a literal address of the local or private ranges in any of its forms.
    A name that resolves to such an address is refused when connecting (see resolver.py)."""
    host = hostname.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    address = ip_literal(host)
    return address is not None and is_private_address(address)


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
        return PRIVATE
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
