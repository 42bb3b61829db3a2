"""One HTTP check with aiohttp: HEAD first, GET when HEAD is refused or says no, redirects
followed by hand (to report them and catch loops, and to refuse a hop to a local or private
address), retries with backoff, 429 Retry-After."""

from __future__ import annotations

import asyncio
import email.utils
import errno
import os
import time
from http import HTTPStatus
from typing import NamedTuple
from urllib.parse import urldefrag, urljoin, urlsplit

import aiohttp

from .classify import PRIVATE, is_private
from .config import Config
from .records import Status, Verdict
from .resolver import PrivateAddressError
from .slots import NEW, STARTED, Slots

REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT = {301, 308}
HEAD_REFUSED = {405, 501}
DRAIN_LIMIT = 65_536  # small bodies are read so the connection can be reused


class Body(NamedTuple):
    """A page as read: its bytes, or why they could not be read ('' when they were not wanted)."""

    data: bytes | None = None
    unread: str = ""


class Answer(NamedTuple):
    """What a server said: status, the redirect target and Retry-After, maybe the body."""

    method: str
    code: int
    reason: str
    location: str | None
    retry_after: float | None
    body: Body


class Failure(NamedTuple):
    """No answer: the verdict it leads to, and whether trying again may help."""

    verdict: Verdict
    retry: bool


class Host:
    """Per-host state: its share of connections, a pause after 429, whether it refuses HEAD."""

    def __init__(self, limit: int):
        self.slots = Slots(limit)
        self.resume_at = 0.0
        self.head_refused = False


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date counted from now."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def why(error: aiohttp.ClientConnectorError) -> str:
    """A connection failure in a few words, without the address (it is in the report line)."""
    number = error.os_error.errno
    if number is not None and number in errno.errorcode:
        return os.strerror(number).lower()
    return str(error.os_error.strerror or error.os_error).split(" (", 1)[0].lower()


def one_line(message: str) -> str:
    """A parser's message on one line: 'Bad status line: Invalid status code: b'HTTP/1.1 abc''
    instead of lines that point at the fault with a caret."""
    lines = (line.strip().rstrip(":") for line in message.splitlines())
    return ": ".join(line for line in lines if line.strip("^~ "))


def tls_why(error: aiohttp.ClientSSLError) -> str:
    """A TLS failure in a few words: a certificate refused, or a server that spoke no TLS."""
    if isinstance(error, aiohttp.ClientConnectorCertificateError):
        problem = error.certificate_error
        return f"TLS certificate refused: {getattr(problem, 'verify_message', None) or problem}"
    reason = getattr(error.os_error, "reason", None) or why(error)
    if reason == "WRONG_VERSION_NUMBER":
        return "TLS failed: the server did not answer in TLS (wrong version number)"
    return f"TLS failed: {reason.replace('_', ' ').lower()}"


def phrase(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)


class Fetcher:
    """Checks URLs over one aiohttp session within the global and per-host limits."""

    def __init__(self, config: Config, session: aiohttp.ClientSession):
        self.config = config
        self.session = session
        self.slots = Slots(config.concurrency)
        self.hosts: dict[str, Host] = {}
        self.requests = 0

    def host(self, url: str) -> Host:
        key = urlsplit(url).netloc.lower()
        if key not in self.hosts:
            self.hosts[key] = Host(self.config.per_host)
        return self.hosts[key]

    async def send(self, method: str, url: str, want_body: bool, priority: int) -> Answer | Failure:
        """One request, bounded in time; the body (if wanted) is read within what time is left.
        A local or private address is not asked: a literal one here, a name's when resolved."""
        if not self.config.allow_private and is_private(urlsplit(url).hostname or ""):
            return Failure(PRIVATE, False)
        host = self.host(url)
        loop = asyncio.get_running_loop()
        async with host.slots.hold(priority):
            wait = host.resume_at - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if method == "HEAD" and host.head_refused and not want_body:
                method = "GET"  # learnt while this request waited for its turn
            async with self.slots.hold(priority):
                self.requests += 1
                deadline = loop.time() + self.config.timeout
                try:
                    async with asyncio.timeout_at(deadline):
                        response = await self.session.request(method, url, allow_redirects=False)
                except TimeoutError:
                    return Failure(Verdict(Status.TIMEOUT, f"no answer within {self.config.timeout:g} s"), True)
                except aiohttp.ClientConnectorDNSError as error:
                    if isinstance(error.os_error, PrivateAddressError):
                        return Failure(PRIVATE, False)
                    return Failure(Verdict(Status.BROKEN, "host name not found"), False)
                except aiohttp.ClientSSLError as error:
                    return Failure(Verdict(Status.BROKEN, tls_why(error)), False)
                except aiohttp.ClientConnectorError as error:
                    return Failure(Verdict(Status.BROKEN, f"cannot connect: {why(error)}"), True)
                except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError,
                        aiohttp.ClientPayloadError):
                    return Failure(Verdict(Status.BROKEN, "connection reset by the server"), True)
                except aiohttp.ClientResponseError as error:
                    reason = f"malformed answer: {one_line(error.message)}"
                    return Failure(Verdict(Status.BROKEN, reason), False)
                except (aiohttp.ClientError, ValueError) as error:
                    return Failure(Verdict(Status.BROKEN, f"request failed: {error}"), False)
                try:
                    body = await self.read_body(response, deadline, want_body)
                finally:
                    response.release()
                return Answer(method, response.status, response.reason or "",
                              response.headers.get("Location"),
                              retry_after_seconds(response.headers.get("Retry-After")), body)

    async def read_body(self, response, deadline: float, want_body: bool) -> Body:
        """Up to max_body bytes (decoded) when wanted, else drain a small body to keep the
        connection; a body that trickles or never ends is cut at the deadline or the size limit.
        The status is known either way: a wanted body that is not read says why."""
        if response.method == "HEAD":
            return Body()
        limit = self.config.max_body if want_body else DRAIN_LIMIT
        if not want_body and (response.content_length or limit + 1) > limit:
            response.close()
            return Body()
        chunks, size = [], 0
        try:
            async with asyncio.timeout_at(deadline):
                while size <= limit:
                    chunk = await response.content.read(min(65_536, limit + 1 - size))
                    if not chunk:
                        return Body(b"".join(chunks) if want_body else None)
                    chunks.append(chunk)
                    size += len(chunk)
            unread = f"the page is larger than {limit} bytes"
        except TimeoutError:
            unread = f"the page did not arrive within {self.config.timeout:g} s"
        except aiohttp.ClientError:
            unread = "the connection was cut before the page ended"
        response.close()
        return Body(unread=unread if want_body else "")

    async def request(self, method: str, url: str, want_body: bool = False,
                      priority: int = NEW, retries: int | None = None) -> Answer | Failure:
        """`send`, tried again with exponential backoff on timeouts, resets and (for GET) 5xx,
        and after the wait a 429 asks for (capped), which pauses the whole host."""
        config = self.config
        retries = config.retries if retries is None else retries
        outcome: Answer | Failure = Failure(Verdict(Status.BROKEN, "not tried"), False)
        for attempt in range(retries + 1):
            outcome = await self.send(method, url, want_body, priority if attempt == 0 else STARTED)
            last = attempt == retries
            if isinstance(outcome, Failure):
                if not outcome.retry or last:
                    return outcome
                await asyncio.sleep(config.backoff * 2**attempt)
            elif outcome.code == 429 and not last:
                wait = outcome.retry_after
                wait = config.backoff * 2**attempt if wait is None else wait
                host = self.host(url)
                resume = asyncio.get_running_loop().time() + min(wait, config.retry_after_cap)
                host.resume_at = max(host.resume_at, resume)
            elif outcome.code >= 500 and outcome.method == "GET" and not last:
                await asyncio.sleep(config.backoff * 2**attempt)
            else:
                return outcome
        return outcome

    async def check(self, url: str, want_body: bool = False, retries: int | None = None,
                    head: bool = True) -> tuple[Verdict, Body]:
        """The verdict for `url` (and the final page's body when wanted); `retries` overrides
        the setting (a link that failed last run is asked once); without `head` every hop is
        asked with GET at once (a link that failed last run: GET decided it then, so a HEAD
        first would only add a round trip)."""
        url = urldefrag(url).url
        chain: list[tuple[int, str]] = []
        seen = {url}
        current = url
        first = "HEAD" if head and not want_body else "GET"
        method = first
        priority = NEW
        while True:
            outcome = await self.request(method, current, want_body, priority, retries)
            priority = STARTED
            if isinstance(outcome, Failure):
                if outcome.verdict == PRIVATE and chain:
                    reason = f"redirected to a local or private address: {current}"
                    return PRIVATE._replace(reason=reason, code=chain[-1][0]), Body()
                return with_chain(outcome.verdict, chain, current), Body()
            code = outcome.code
            if outcome.method == "HEAD" and code >= 400 and code != 429:
                self.host(current).head_refused |= code in HEAD_REFUSED
                method = "GET"  # HEAD is refused or may be wrong: ask again the usual way
                continue
            if code in REDIRECTS and outcome.location:
                try:
                    target = urldefrag(urljoin(current, outcome.location.strip())).url
                except ValueError:
                    return Verdict(Status.BROKEN, f"redirected to a malformed URL: {outcome.location}", code), Body()
                if urlsplit(target).scheme not in ("http", "https"):
                    return Verdict(Status.BROKEN, f"redirected to a non-web address: {target}", code), Body()
                if target in seen:
                    loop = " -> ".join([url, *[t for _, t in chain], target])
                    return Verdict(Status.BROKEN, f"redirect loop: {loop}", code), Body()
                if len(chain) >= self.config.max_redirects:
                    return Verdict(Status.BROKEN, f"more than {self.config.max_redirects} redirects", code), Body()
                chain.append((code, target))
                seen.add(target)
                current = target
                method = first
                continue
            if code in self.config.accept:
                return accepted(code, chain, current), outcome.body
            if code == 429:
                tries = (self.config.retries if retries is None else retries) + 1
                reason = f"{phrase(code)} after {tries} tr{'ies' if tries > 1 else 'y'}"
                return with_chain(Verdict(Status.RATE_LIMITED, reason, code), chain, current), Body()
            return with_chain(Verdict(Status.BROKEN, phrase(code), code), chain, current), Body()


def accepted(code: int, chain: list[tuple[int, str]], final: str) -> Verdict:
    """OK, or redirected with the chain; permanent moves come with a hint to update the link."""
    if not chain:
        return Verdict(Status.OK, phrase(code), code, final)
    codes = ", ".join(str(c) for c, _ in chain)
    moved = None
    for hop_code, target in chain:
        if hop_code not in PERMANENT:
            break
        moved = target
    hint = f"the link moved permanently: update it to {moved}" if moved else ""
    return Verdict(Status.REDIRECTED, f"redirected ({codes}) to {final}", code, final, hint)


def with_chain(verdict: Verdict, chain: list[tuple[int, str]], final: str) -> Verdict:
    """A failure after redirects names where it happened."""
    if not chain:
        return verdict
    codes = ", ".join(str(c) for c, _ in chain)
    return verdict._replace(reason=f"{verdict.reason} at {final} (redirected {codes})", final=final)
