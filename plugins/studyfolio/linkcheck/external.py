"""External links: deduplicate, answer from the cache or offline, fetch the rest concurrently."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import unquote, urldefrag

import aiohttp
from aiohttp.abc import AbstractResolver

from .cache import LinkCache
from .classify import check_key, classify
from .collect import IDS, parse_tree
from .config import Config
from .fetch import Body, Failure, Fetcher
from .records import Status, Verdict
from .resolver import GuardedResolver
from .youtube import oembed_url, oembed_verdict

ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass
class ExternalRun:
    """Verdicts by target URL, and what it took: requests sent, answers from the cache."""

    verdicts: dict[str, Verdict] = field(default_factory=dict)
    requests: int = 0
    cached: int = 0


def new_session(config: Config, resolver: AbstractResolver | None = None) -> aiohttp.ClientSession:
    """One session for the run: pooled keep-alive connections within both limits, and host
    names resolved by a `GuardedResolver` (tests pass one that knows their own names)."""
    connector = aiohttp.TCPConnector(limit=config.concurrency, limit_per_host=config.per_host,
                                     ttl_dns_cache=300,
                                     resolver=resolver or GuardedResolver(config.allow_private))
    return aiohttp.ClientSession(
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=None),  # each request is bounded by Fetcher
        headers={"User-Agent": config.user_agent, "Accept": ACCEPT},
    )


async def check_video(fetcher: Fetcher, video: str, retries: int | None) -> Verdict:
    url = oembed_url(fetcher.config.youtube_oembed, video)
    outcome = await fetcher.request("GET", url, retries=retries)
    if isinstance(outcome, Failure):
        return outcome.verdict
    if outcome.code == 429:
        return Verdict(Status.RATE_LIMITED, "429 Too Many Requests from the video check", 429)
    return oembed_verdict(outcome.code, outcome.reason)


def anchor_verdict(page: Verdict, body: Body, target: str) -> Verdict:
    """With fragment checking on: a working page without the anchor is a broken link; one
    that could not be read (too slow, too big, cut) leaves the anchor unverified."""
    fragment = unquote(urldefrag(target).fragment)
    if not fragment or page.status.failed or fragment.startswith(":~:"):
        return page
    if body.unread:
        reason = f"{page.reason}; the anchor #{fragment} was not checked: {body.unread}"
        return page._replace(status=Status.UNVERIFIED, reason=reason)
    if body.data is None:
        return page
    tree = parse_tree(body.data)
    if tree is None or fragment in set(IDS(tree)):
        return page
    return Verdict(Status.BROKEN, f"no anchor '{fragment}' in the page", page.code, page.final)


async def fetch_all(todo: dict[str, list[str]], config: Config, run: ExternalRun,
                    cache: LinkCache, advance: Callable[[int], None]) -> None:
    async with new_session(config) as session:
        fetcher = Fetcher(config, session)

        async def one(key: str, targets: list[str]) -> None:
            known = [check_key(t, config.fragments) for t in targets]
            again = all(cache.failed_before(k) for k in known)  # once, with GET: see the cache
            retries = 0 if again else None
            if key.startswith("youtube:"):
                verdict, body = await check_video(fetcher, key.partition(":")[2], retries), Body()
            else:
                want_body = config.fragments and any(urldefrag(t).fragment for t in targets)
                verdict, body = await fetcher.check(key, want_body, retries, head=not again)
            for target in targets:
                found = anchor_verdict(verdict, body, target) if config.fragments else verdict
                run.verdicts[target] = found
                cache.put(check_key(target, config.fragments), found)
            advance(len(targets))

        # Links that timed out last run go first: they take longest, so they end sooner.
        slow_first = sorted(todo.items(), key=lambda item: (not cache.timed_out_before(
            check_key(item[1][0], config.fragments)), item[0]))
        await asyncio.gather(*(one(key, targets) for key, targets in slow_first))
        run.requests = fetcher.requests


def check_external(targets: Iterable[str], config: Config, cache: LinkCache,
                   advance: Callable[[int], None] = lambda n: None) -> ExternalRun:
    """Verdicts for every distinct target; one request chain per page or video, not per link."""
    run = ExternalRun()
    todo: dict[str, list[str]] = {}
    for target in sorted(set(targets)):
        offline = classify(target, config)
        key = check_key(target, config.fragments)
        cached = cache.get(key) if offline is None else None
        if offline is not None or cached is not None:
            run.verdicts[target] = offline or cached
            advance(1)
            continue
        fetch_key = key if key.startswith("youtube:") else urldefrag(target).url
        todo.setdefault(fetch_key, []).append(target)
    run.cached = cache.hits
    if todo:
        run_to_end(fetch_all(todo, config, run, cache, advance))
    return run


def run_to_end(coroutine) -> None:
    """Run a coroutine on a fresh event loop, in a thread of its own when this thread already
    runs one (a notebook, a browser driver's loop in tests)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(asyncio.run, coroutine).result()
