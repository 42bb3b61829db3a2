"""External checks against servers on 127.0.0.1: one scenario each, exact verdicts and requests."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from linkcheck_servers import config, elapsed
from studyfolio.linkcheck.cache import LinkCache
from studyfolio.linkcheck.external import check_external
from studyfolio.linkcheck.records import Status, Verdict

pytestmark = pytest.mark.timeout(30)


def check(urls, cfg=None, cache=None):
    return check_external(urls, cfg or config(), cache or LinkCache(None, 1))


def ok(h):
    h.reply(200, body=b"<p>fine</p>")


def test_ok_link_costs_one_head_request(start_server):
    server = start_server({"/fine": ok})
    run = check([server.url("/fine")])
    assert run.verdicts == {server.url("/fine"): Verdict(Status.OK, "200 OK", 200, server.url("/fine"))}
    assert server.requests() == ["HEAD /fine"]
    assert run.requests == 1


@pytest.mark.parametrize(("code", "reason"), [(404, "404 Not Found"), (410, "410 Gone")])
def test_missing_page_is_broken_after_get_confirms_head(start_server, code, reason):
    server = start_server({"/gone": lambda h: h.reply(code)})
    run = check([server.url("/gone")])
    assert run.verdicts[server.url("/gone")] == Verdict(Status.BROKEN, reason, code)
    assert server.requests() == ["HEAD /gone", "GET /gone"]


def test_server_error_then_success_is_retried_with_backoff(start_server):
    server = start_server({"/flaky": lambda h: h.reply(500 if h.count() <= 2 else 200)})
    run = check([server.url("/flaky")], config(retries=2))
    assert run.verdicts[server.url("/flaky")].status is Status.OK
    assert server.requests() == ["HEAD /flaky", "GET /flaky", "GET /flaky"]


def test_server_error_that_stays_is_broken(start_server):
    server = start_server({"/down": lambda h: h.reply(503)})
    run = check([server.url("/down")], config(retries=1))
    assert run.verdicts[server.url("/down")] == Verdict(Status.BROKEN, "503 Service Unavailable", 503)
    assert server.requests() == ["HEAD /down", "GET /down", "GET /down"]


def test_429_waits_as_long_as_retry_after_says(start_server):
    server = start_server({"/busy": lambda h: h.reply(429, {"Retry-After": "1"}) if h.count() == 1 else ok(h)})
    run, seconds = elapsed(check, [server.url("/busy")])
    assert run.verdicts[server.url("/busy")].status is Status.OK
    assert server.requests() == ["HEAD /busy", "HEAD /busy"]
    assert 1.0 <= seconds < 2.5


def test_429_that_persists_is_rate_limited_and_the_wait_is_capped(start_server):
    server = start_server({"/busy": lambda h: h.reply(429, {"Retry-After": "3600"})})
    run, seconds = elapsed(check, [server.url("/busy")], config(retries=2, retry_after_cap=0.2))
    assert run.verdicts[server.url("/busy")] == Verdict(
        Status.RATE_LIMITED, "429 Too Many Requests after 3 tries", 429)
    assert server.requests() == ["HEAD /busy"] * 3
    assert seconds < 2


def test_429_pauses_the_whole_host(start_server):
    def slow(h):
        h.server.stopping.wait(0.3)
        ok(h)

    server = start_server({
        "/a": lambda h: h.reply(429, {"Retry-After": "1"}) if h.count() == 1 else ok(h),
        "/b": slow, "/c": ok,
    })
    run = check([server.url(p) for p in ("/a", "/b", "/c")], config(per_host=2))
    assert {v.status for v in run.verdicts.values()} == {Status.OK}
    # /a and /b were sent together; /c, sent once /a's 429 freed a slot, waited for the host
    assert server.arrivals["/c"] - server.arrivals["/b"] >= 0.95


def test_head_405_falls_back_to_get_and_the_host_is_remembered(start_server):
    def get_only(h):
        h.reply(405, {"Allow": "GET"}) if h.command == "HEAD" else ok(h)

    server = start_server({"/a": get_only, "/b": get_only})
    run = check([server.url("/a"), server.url("/b")], config(per_host=1))
    assert {v.status for v in run.verdicts.values()} == {Status.OK}
    assert sorted(server.requests()) == ["GET /a", "GET /b", "HEAD /a"]


def test_server_error_is_retried_on_a_host_that_refuses_head(start_server):
    def get_only_flaky(h):
        h.reply(405) if h.command == "HEAD" else h.reply(503 if h.count() <= 2 else 200)

    server = start_server({"/first": lambda h: h.reply(405) if h.command == "HEAD" else ok(h),
                           "/flaky": get_only_flaky})
    run = check([server.url("/first"), server.url("/flaky")], config(per_host=1, retries=2))
    assert run.verdicts[server.url("/flaky")].status is Status.OK
    assert server.requests() == ["HEAD /first", "GET /first", "GET /flaky", "GET /flaky", "GET /flaky"]


def test_redirect_chain_is_followed_and_a_permanent_move_is_a_hint(start_server):
    server = start_server({
        "/old": lambda h: h.reply(301, {"Location": "/moved"}),
        "/moved": lambda h: h.reply(302, {"Location": server.url("/final")}),
        "/final": ok,
    })
    run = check([server.url("/old")])
    assert run.verdicts[server.url("/old")] == Verdict(
        Status.REDIRECTED, f"redirected (301, 302) to {server.url('/final')}", 200,
        server.url("/final"), f"the link moved permanently: update it to {server.url('/moved')}")
    assert server.requests() == ["HEAD /old", "HEAD /moved", "HEAD /final"]


def test_temporary_redirect_gives_no_update_hint(start_server):
    server = start_server({"/login": lambda h: h.reply(307, {"Location": "/welcome"}), "/welcome": ok})
    verdict = check([server.url("/login")]).verdicts[server.url("/login")]
    assert (verdict.status, verdict.hint) == (Status.REDIRECTED, "")


def test_redirect_loop_is_broken_and_named(start_server):
    server = start_server({
        "/x": lambda h: h.reply(302, {"Location": "/y"}),
        "/y": lambda h: h.reply(302, {"Location": "/x"}),
    })
    run = check([server.url("/x")])
    x, y = server.url("/x"), server.url("/y")
    assert run.verdicts[x] == Verdict(Status.BROKEN, f"redirect loop: {x} -> {y} -> {x}", 302)
    assert server.requests() == ["HEAD /x", "HEAD /y"]


def test_too_many_redirects_is_broken(start_server):
    def onwards(h):
        h.reply(301, {"Location": f"/r{int(h.path[2:]) + 1}"})

    server = start_server({f"/r{i}": onwards for i in range(10)})
    run = check([server.url("/r0")], config(max_redirects=3))
    assert run.verdicts[server.url("/r0")] == Verdict(Status.BROKEN, "more than 3 redirects", 301)
    assert len(server.requests()) == 4


def test_no_answer_is_a_timeout_after_retries(start_server):
    server = start_server({"/slow": lambda h: h.hang(10)})
    run, seconds = elapsed(check, [server.url("/slow")], config(timeout=0.3, retries=1))
    assert run.verdicts[server.url("/slow")] == Verdict(Status.TIMEOUT, "no answer within 0.3 s")
    assert server.requests() == ["HEAD /slow", "HEAD /slow"]
    assert seconds < 2


def test_connection_reset_is_retried_then_broken(start_server):
    server = start_server({"/reset": lambda h: h.reset()})
    run = check([server.url("/reset")], config(retries=1))
    assert run.verdicts[server.url("/reset")] == Verdict(Status.BROKEN, "connection reset by the server")
    # each try is sent twice: the client resends once on a dropped connection (RFC 9112, 9.3.1)
    assert server.requests() == ["HEAD /reset"] * 4


def test_reset_once_then_fine_is_ok(start_server):
    server = start_server({"/blip": lambda h: h.reset() if h.count() == 1 else ok(h)})
    run = check([server.url("/blip")])
    assert run.verdicts[server.url("/blip")].status is Status.OK
    assert server.requests() == ["HEAD /blip", "HEAD /blip"]


def trickle(h):
    """Headers at once, then one byte every 0.1 s of a body that claims a gigabyte."""
    if h.command == "HEAD":
        h.reply(405)
        return
    h.send_response(200)
    h.send_header("Content-Length", str(1 << 30))
    h.end_headers()
    for _ in range(100):
        if h.server.stopping.wait(0.1):
            break
        h.wfile.write(b"x")
        h.wfile.flush()
    h.close_connection = True


def test_slow_endless_body_does_not_hold_the_check(start_server):
    server = start_server({"/trickle": trickle})
    run, seconds = elapsed(check, [server.url("/trickle")], config(timeout=2))
    assert run.verdicts[server.url("/trickle")].status is Status.OK
    assert seconds < 1


def test_slow_body_is_cut_at_the_timeout_and_its_anchor_left_unverified(start_server):
    server = start_server({"/trickle": trickle})
    run, seconds = elapsed(check, [server.url("/trickle#part")], config(timeout=0.5, fragments=True))
    assert run.verdicts[server.url("/trickle#part")] == Verdict(
        Status.UNVERIFIED, "200 OK; the anchor #part was not checked: the page did not arrive within 0.5 s",
        200, server.url("/trickle"))
    assert seconds < 1.5


def test_refused_connection_is_broken(start_server):
    server = start_server({})
    url = server.url("/")
    server.shutdown()
    server.server_close()
    run = check([url], config(retries=0))
    assert run.verdicts[url] == Verdict(Status.BROKEN, "cannot connect: connection refused")


def test_removed_youtube_video_is_broken_and_timestamps_are_kept(start_server):
    def oembed(h):
        video = h.path.split("v%3D", 1)[1].split("&", 1)[0]
        if video == "aRemovedVid":
            h.reply(404, body=b"Not Found")
        else:
            h.reply(200, {"Content-Type": "application/json"}, b'{"title": "A video"}')

    stand_in = start_server({"/oembed": oembed})
    removed = "https://www.youtube.com/watch?v=aRemovedVid&t=254"
    also_removed = "https://youtu.be/aRemovedVid?t=30"
    present = "https://www.youtube.com/watch?v=aLiveVideo1"
    run = check([removed, also_removed, present], config(youtube_oembed=stand_in.url("/oembed")))
    gone = Verdict(Status.BROKEN, "the video was removed or never existed", 404,
                   hint="find another copy of the video, or remove the link")
    assert run.verdicts == {removed: gone, also_removed: gone,
                            present: Verdict(Status.OK, "the video is available", 200)}
    assert sorted(stand_in.requests()) == [
        "GET /oembed?url=https://www.youtube.com/watch?v%3DaLiveVideo1&format=json",
        "GET /oembed?url=https://www.youtube.com/watch?v%3DaRemovedVid&format=json",
    ]


def test_private_video_is_broken(start_server):
    stand_in = start_server({"/oembed": lambda h: h.reply(403)})
    url = "https://www.youtube.com/embed/aPrivateVid"
    run = check([url], config(youtube_oembed=stand_in.url("/oembed")))
    assert run.verdicts[url].status is Status.BROKEN
    assert run.verdicts[url].reason == "the video is private"


def test_external_fragment_checked_when_enabled(start_server):
    server = start_server({"/doc": lambda h: h.reply(200, body=b'<h2 id="intro">Intro</h2><a name="old">x</a>')})
    urls = [server.url("/doc#intro"), server.url("/doc#old"), server.url("/doc#nope")]
    run = check(urls, config(fragments=True))
    assert [run.verdicts[u].status for u in urls] == [Status.OK, Status.OK, Status.BROKEN]
    assert run.verdicts[urls[2]].reason == "no anchor 'nope' in the page"
    assert server.requests() == ["GET /doc"]


def test_duplicates_and_fragments_cost_one_request(start_server):
    server = start_server({"/page": ok})
    run = check([server.url("/page"), server.url("/page#a"), server.url("/page#b")])
    assert len(run.verdicts) == 3
    assert server.requests() == ["HEAD /page"]


def test_user_agent_setting_is_sent(start_server):
    server = start_server({"/ua": ok})
    check([server.url("/ua")], config(user_agent="Learner-bot/1"))
    assert [ua for _, _, _, ua in server.seen] == ["Learner-bot/1"]


def test_per_host_limit_holds(start_server):
    def slow(h):
        h.server.stopping.wait(0.1)
        ok(h)

    server = start_server({f"/p{i}": slow for i in range(12)})
    check([server.url(f"/p{i}") for i in range(12)], config(per_host=3, concurrency=20))
    assert server.most == 3


def test_global_limit_holds_across_hosts(start_server):
    def slow(h):
        h.server.stopping.wait(0.1)
        ok(h)

    servers = [start_server({f"/p{i}": slow for i in range(6)}) for _ in range(3)]
    urls = [s.url(f"/p{i}") for s in servers for i in range(6)]
    run, seconds = elapsed(check, urls, config(per_host=4, concurrency=2))
    assert len(run.verdicts) == 18
    assert max(s.most for s in servers) <= 2
    assert seconds >= 0.9  # 18 requests of 0.1 s, two at a time


def test_connections_are_reused(start_server):
    server = start_server({f"/k{i}": ok for i in range(5)})
    check([server.url(f"/k{i}") for i in range(5)], config(per_host=1))
    assert len({port for _, _, port, _ in server.seen}) == 1


def test_cache_skips_working_links_and_asks_failures_again(start_server, tmp_path):
    server = start_server({"/fine": ok, "/gone": lambda h: h.reply(404)})
    file = str(tmp_path / "cache.json")
    urls = [server.url("/fine"), server.url("/gone")]
    first = LinkCache(file, 24, now=1000.0).load()
    check(urls, cache=first)
    first.save()
    second = LinkCache(file, 24, now=1000.0 + 3600).load()
    run = check(urls, cache=second)
    assert run.cached == 1
    assert run.verdicts[urls[0]].status is Status.OK
    assert run.verdicts[urls[1]].status is Status.BROKEN
    assert server.requests("/fine") == ["HEAD /fine"]
    assert server.requests("/gone") == ["HEAD /gone", "GET /gone", "GET /gone"]  # GET decided it
    third = LinkCache(file, 24, now=1000.0 + 7200).load()
    check(urls, cache=third)
    assert server.requests("/gone") == ["HEAD /gone"] + ["GET /gone"] * 3  # asked again, once: no retries
    expired = LinkCache(file, 24, now=1000.0 + 25 * 3600).load()
    check(urls[:1], cache=expired)
    assert server.requests("/fine") == ["HEAD /fine", "HEAD /fine"]


def test_a_link_that_failed_last_run_is_asked_once_without_retries(start_server, tmp_path):
    server = start_server({"/down": lambda h: h.reply(503)})
    file = str(tmp_path / "cache.json")
    first = LinkCache(file, 24, now=1000.0).load()
    check([server.url("/down")], config(retries=2), cache=first)
    first.save()
    assert server.requests() == ["HEAD /down", "GET /down", "GET /down", "GET /down"]
    again = LinkCache(file, 24, now=1001.0).load()
    run = check([server.url("/down")], config(retries=2), cache=again)
    assert run.verdicts[server.url("/down")].status is Status.BROKEN
    assert server.requests()[4:] == ["GET /down"]


def test_a_failure_redirected_last_run_is_asked_again_with_get_at_every_hop(start_server, tmp_path):
    server = start_server({"/old": lambda h: h.reply(301, {"Location": "/missing"})})
    file = str(tmp_path / "cache.json")
    first = LinkCache(file, 24, now=1000.0).load()
    check([server.url("/old")], cache=first)
    first.save()
    assert server.requests() == ["HEAD /old", "HEAD /missing", "GET /missing"]
    again = LinkCache(file, 24, now=1001.0).load()
    run = check([server.url("/old")], cache=again)
    verdict = run.verdicts[server.url("/old")]
    assert (verdict.status, verdict.reason) == (
        Status.BROKEN, f"404 Not Found at {server.url('/missing')} (redirected 301)")
    assert server.requests()[3:] == ["GET /old", "GET /missing"]


def test_links_that_timed_out_last_run_are_asked_first(start_server, tmp_path):
    server = start_server({"/a": lambda h: h.reply(404), "/b": lambda h: h.reply(404),
                           "/z-slow": lambda h: h.hang(5)})
    urls = [server.url("/a"), server.url("/b"), server.url("/z-slow")]
    file = str(tmp_path / "cache.json")
    first = LinkCache(file, 24, now=1000.0).load()
    check(urls, config(per_host=1, timeout=0.3, retries=0), cache=first)
    first.save()
    assert server.requests() == ["HEAD /a", "GET /a", "HEAD /b", "GET /b", "HEAD /z-slow"]
    again = LinkCache(file, 24, now=1001.0).load()
    check(urls, config(per_host=1, timeout=0.3, retries=0), cache=again)
    assert server.requests()[5:] == ["GET /z-slow", "GET /a", "GET /b"]


def test_works_from_a_thread_that_already_runs_an_event_loop(start_server):
    server = start_server({"/fine": ok})

    async def inside():
        return check([server.url("/fine")])

    with ThreadPoolExecutor(max_workers=1) as thread:  # a thread of its own: pytest's may run a loop
        run = thread.submit(asyncio.run, inside()).result(timeout=20)
    assert run.verdicts[server.url("/fine")].status is Status.OK
