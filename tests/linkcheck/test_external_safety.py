"""The checker asks no local or private address unless allowed, whatever form or name it
hides behind, and every answer, however malformed, ends in a verdict within the time set."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import socket
import tracemalloc
import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from linkcheck_servers import NamesResolver, config, elapsed
from studyfolio.linkcheck.cache import LinkCache
from studyfolio.linkcheck.classify import PRIVATE
from studyfolio.linkcheck.external import check_external, new_session
from studyfolio.linkcheck.fetch import Fetcher
from studyfolio.linkcheck.records import Status, Verdict
from studyfolio.linkcheck.resolver import GuardedResolver

pytestmark = pytest.mark.timeout(30)
GUARDED = config(allow_private=False)


def ok(h):
    h.reply(200, body=b"<p>fine</p>")


def check(urls, cfg=GUARDED):
    return check_external(urls, cfg, LinkCache(None, 1)).verdicts


def fetch(url, names, public=(), cfg=GUARDED):
    """Fetcher.check with test names: `names` maps a name to its address; (address, port)
    pairs in `public` stand in for public servers."""
    async def run():
        resolver = GuardedResolver(cfg.allow_private, NamesResolver(names), public)
        async with new_session(cfg, resolver) as session:
            verdict, _ = await Fetcher(cfg, session).check(url)
            return verdict
    with ThreadPoolExecutor(max_workers=1) as thread:  # its own loop: a browser test's may run here
        return thread.submit(asyncio.run, run()).result(timeout=30)


def port(server) -> int:
    return server.server_address[1]


def loopback_name() -> str | None:
    """A name other than localhost that this machine resolves to a loopback address."""
    for name in ("localhost.localdomain", "ip6-localhost", socket.gethostname()):
        try:
            answers = socket.getaddrinfo(name, 80, type=socket.SOCK_STREAM)
        except OSError:
            continue
        if answers and all(a[4][0].startswith("127.") or a[4][0] == "::1" for a in answers):
            return name
    return None


@pytest.mark.parametrize("host", ["0x7f000001", "2130706433", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]",
                                  "[::1]", "0.0.0.0", "0"])
def test_other_forms_of_loopback_are_not_asked(start_server, host):
    server = start_server({"/": ok})
    url = f"http://{host}:{port(server)}/"
    assert check([url]) == {url: PRIVATE}
    assert server.requests() == []


def test_a_name_that_resolves_to_loopback_is_refused_when_connecting(start_server):
    name = loopback_name()
    if name is None:
        pytest.skip("no name here resolves to a loopback address")
    server = start_server({"/": ok})
    url = f"http://{name}:{port(server)}/"
    assert check([url]) == {url: PRIVATE}
    assert server.requests() == []
    assert check([url], config(allow_private=True))[url].status is Status.OK


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.7", "192.168.1.1", "169.254.169.254", "::1",
                                     "fd00::1", "100.64.0.1"])
def test_a_name_with_a_private_answer_is_not_connected_to(start_server, address):
    server = start_server({"/": ok})
    assert fetch(f"http://rebind.test:{port(server)}/", {"rebind.test": address}) == PRIVATE
    assert server.requests() == []


def test_a_name_with_one_private_answer_among_public_ones_is_refused(start_server):
    server = start_server({"/": ok})
    url = f"http://mixed.test:{port(server)}/"
    assert fetch(url, {"mixed.test": ["127.0.0.1", "10.0.0.1"]}, {("127.0.0.1", port(server))}) == PRIVATE
    assert server.requests() == []


def test_a_public_name_is_checked_through_the_guard(start_server):
    server = start_server({"/": ok})
    url = f"http://public.test:{port(server)}/"
    verdict = fetch(url, {"public.test": "127.0.0.1"}, {("127.0.0.1", port(server))})
    assert verdict == Verdict(Status.OK, "200 OK", 200, url)


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/admin", "http://2130706433:{port}/admin",
                                    "http://[::1]:{port}/admin", "http://inside.test:{port}/admin",
                                    "http://localhost:{port}/admin"])
def test_a_redirect_to_a_private_address_is_not_followed(start_server, target):
    inside = start_server({"/admin": ok})
    hop = target.format(port=port(inside))
    public = start_server({"/go": lambda h: h.reply(302, {"Location": hop})})
    url = f"http://public.test:{port(public)}/go"
    verdict = fetch(url, {"public.test": "127.0.0.1", "inside.test": "127.0.0.1"},
                    {("127.0.0.1", port(public))})
    assert verdict == Verdict(Status.EXCLUDED, f"redirected to a local or private address: {hop}", 302,
                              hint=PRIVATE.hint)
    assert public.requests() == ["HEAD /go"]
    assert inside.requests() == []


def test_redirects_between_private_addresses_are_followed_when_allowed(start_server):
    server = start_server({"/go": lambda h: h.reply(302, {"Location": "/there"}), "/there": ok})
    verdict = check([server.url("/go")], config(allow_private=True))[server.url("/go")]
    assert verdict.status is Status.REDIRECTED


@pytest.mark.parametrize(("answer", "reason"), [
    (b"HTTP/1.1 abc\r\n", "malformed answer: Bad status line: Invalid status code: b'HTTP/1.1 abc'"),
    (b"hello\r\n\r\n", "malformed answer: Bad status line: Expected HTTP/, RTSP/ or ICE/: b'hello'"),
])
def test_a_malformed_status_line_is_broken_at_once(start_raw, answer, reason):
    server = start_raw(answer)
    url = server.url("/")
    (verdicts, seconds) = elapsed(check, [url], config())
    assert verdicts == {url: Verdict(Status.BROKEN, reason)}
    assert server.seen == ["HEAD / HTTP/1.1"]  # not retried: asking again gets the same
    assert seconds < 1


def test_https_to_a_plain_http_port_is_broken(start_server):
    server = start_server({"/": ok})
    url = server.url("/").replace("http://", "https://")
    assert check([url], config()) == {url: Verdict(
        Status.BROKEN, "TLS failed: the server did not answer in TLS (wrong version number)")}
    assert server.requests() == []


def test_http_to_a_tls_port_is_broken(start_server, tls_context):
    server = start_server({"/": ok}, tls=tls_context)
    url = server.url("/")
    verdicts, seconds = elapsed(check, [url], config(retries=1))
    assert verdicts == {url: Verdict(Status.BROKEN, "connection reset by the server")}
    assert server.requests() == []
    assert seconds < 1


def test_a_certificate_that_is_not_trusted_is_broken(start_server, tls_context):
    server = start_server({"/": ok}, tls=tls_context)
    url = server.url("/").replace("http://", "https://")
    assert check([url], config()) == {url: Verdict(
        Status.BROKEN, "TLS certificate refused: self-signed certificate")}


@functools.cache
def gzip_bomb() -> bytes:
    """64 MiB of zeros gzipped to about 64 KiB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(bytes(1 << 20)) for _ in range(64)) + packer.flush()


def endless(h):
    h.send_response(200)
    h.end_headers()  # no length: the body ends when the connection does
    h.close_connection = True
    with contextlib.suppress(OSError):
        while not h.server.stopping.is_set():
            h.wfile.write(b"<p>more</p>" * 6000)


def cut(h):
    h.send_response(200)
    h.send_header("Content-Length", "1000")
    h.end_headers()
    h.wfile.write(b"<p>only th")
    h.close_connection = True


def peak_memory(function, *args):
    """(result, the most memory Python held at once during the call, in bytes)."""
    tracemalloc.start()
    try:
        return function(*args), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(("route", "unread"), [
    (lambda h: h.reply(200, {"Content-Encoding": "gzip"}, gzip_bomb()),
     "the page is larger than 65536 bytes"),
    (endless, "the page is larger than 65536 bytes"),
    (cut, "the connection was cut before the page ended"),
])
def test_a_page_too_big_or_cut_is_read_within_max_body_and_its_anchor_unverified(start_server, route, unread):
    gzip_bomb()  # made before the check starts: making it is slow on a busy machine
    server = start_server({"/page": route})
    url = server.url("/page#part")
    verdicts, peak = peak_memory(check, [url], config(fragments=True, max_body=65536, timeout=5))
    assert verdicts == {url: Verdict(
        Status.UNVERIFIED, f"200 OK; the anchor #part was not checked: {unread}", 200, server.url("/page"))}
    assert peak < 8 << 20  # the bomb inflates to 64 MiB
    assert server.requests() == ["GET /page"]


def test_a_page_of_exactly_max_body_bytes_is_read_whole(start_server):
    page = b'<h2 id="part">x</h2>'.ljust(4096, b" ")
    server = start_server({"/page": lambda h: h.reply(200, body=page)})
    url = server.url("/page#part")
    assert check([url], config(fragments=True, max_body=4096))[url].status is Status.OK


def test_a_link_that_never_answers_ends_within_its_budget(start_server):
    server = start_server({"/silent": lambda h: h.hang(30)})
    cfg = config(timeout=0.3, retries=2, backoff=0.05)
    budget = (cfg.retries + 1) * cfg.timeout + cfg.backoff * (2**cfg.retries - 1)
    verdicts, seconds = elapsed(check, [server.url("/silent")], cfg)
    assert verdicts[server.url("/silent")] == Verdict(Status.TIMEOUT, "no answer within 0.3 s")
    assert server.requests() == ["HEAD /silent"] * 3
    assert (cfg.retries + 1) * cfg.timeout <= seconds < 2 * budget
