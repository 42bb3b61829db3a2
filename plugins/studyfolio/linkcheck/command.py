"""`studyfolio linkcheck`: check the built site's links after `make html`; `--external` too.

Every `studyfolio` command imports this module to list its options, so the HTTP client, the
progress bar and the resources reader are imported only when `--external` needs them."""

from __future__ import annotations

import argparse
import os
import sys
import time

from ..core.settings import SettingsFileError, add_settings_option, settings_of
from .build import DEV_SERVER_PATHS, MAP_FILE
from .cache import LinkCache
from .classify import offline_verdict
from .config import SETTING, Config, ConfigError
from .locate import SourceMap, site_root
from .pagecache import PAGES_FILE, PageCache
from .records import Result, Status
from .report import condense, summary, write_json_lines, write_junit
from .site import SiteLinks, failures, offline_results, place

QUIET = {Status.OK, Status.EXCLUDED, Status.UNCHECKED}
CACHE_FILE = os.path.join("linkcheck", "external.json")


def add_commands(subparsers) -> None:
    parser = subparsers.add_parser(
        "linkcheck",
        help="check the links of the built site (internal; --external for the web)",
        description="Check every link of the built site: internal pages, files and anchors, and"
        " with --external every web link and resources.yml URL (cached; failures are always"
        " asked again). Reports `path:line: [status] url: reason`.",
    )
    parser.add_argument("--site", help="the built site (default: the settings' OUTPUT_PATH, else output)")
    add_settings_option(parser)
    parser.add_argument("--external", action="store_true", help="also check links off the site")
    parser.add_argument("--strict", action="store_true", default=None,
                        help="exit 1 when a link is broken (default: STUDYFOLIO_STRICT)")
    parser.add_argument("--cache", help="cache folder (default: the settings' CACHE_PATH)")
    parser.add_argument("--no-cache", action="store_true", help="ask every link again")
    parser.add_argument("--resources", metavar="FILE",
                        help="resources file to check with --external (default: STUDYFOLIO_RESOURCES"
                        " in the content folder, else resources.yml)")
    parser.add_argument("--json", metavar="FILE", help="write every result as JSON lines")
    parser.add_argument("--junit", metavar="FILE", help="write JUnit XML for CI")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list links that work")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    for name, kind, text in [
        ("--concurrency", int, "requests at once"), ("--per-host", int, "requests at once per host"),
        ("--timeout", float, "seconds per request"), ("--retries", int, "tries after the first"),
        ("--user-agent", str, "User-Agent header"),
    ]:
        parser.add_argument(name, type=kind, help=text)
    parser.add_argument("--include", action="append", metavar="REGEX", help="check only matches")
    parser.add_argument("--exclude", action="append", metavar="REGEX", help="skip matches")
    parser.add_argument("--allow-private", action="store_true", default=None,
                        help="also check localhost and private addresses")
    parser.add_argument("--fragments", action="store_true", default=None,
                        help="also check #fragments of external pages")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        places = settings_of(args)
        settings = places.values
        overrides = {key: getattr(args, key) for key in (
            "concurrency", "per_host", "timeout", "retries", "user_agent", "include", "exclude",
            "allow_private", "fragments")}
        config = Config.from_settings(settings.get(SETTING), **overrides)
    except (ConfigError, SettingsFileError) as error:
        print(f"studyfolio: {error}", file=sys.stderr)
        return 2
    content, output = places.content, places.output
    if not os.path.isdir(output):
        print(f"studyfolio: no built site in {output}/: build it first (make html)", file=sys.stderr)
        return 2
    cache_dir = args.cache or places.cache
    strict = bool(settings.get("STUDYFOLIO_STRICT")) if args.strict is None else args.strict
    root = site_root(content)
    sources = SourceMap.load(os.path.join(cache_dir, MAP_FILE), output, root)

    started = time.perf_counter()
    pages = PageCache(os.path.join(cache_dir, PAGES_FILE) if settings.get("LOAD_CONTENT_CACHE")
                      else None).load()  # after `make html`, every page the build just read
    site = SiteLinks.read(output, settings.get("SITEURL", ""), sources, pages.read)
    try:
        pages.save()
    except OSError as error:
        print(f"studyfolio: warning: could not keep the pages read for the next run: {error}", file=sys.stderr)
    results = site.check_internal(exclude=(*config.exclude, DEV_SERVER_PATHS))
    requests = cached = 0
    if args.external:
        resources = args.resources or places.in_content("STUDYFOLIO_RESOURCES")
        found, requests, cached = external_results(args, config, site.external, resources, root,
                                                   cache_dir)
        results += found
    else:
        results += failures(offline_results(site.external, offline_verdict))
    results = place(results, sources, output)
    seconds = time.perf_counter() - started

    shown = condense(r for r in results if args.verbose or r.verdict.status not in QUIET)
    for result in shown:
        print(result.format())
    print(summary(results, seconds, requests, cached))
    if args.json:
        write_json_lines(args.json, results)
    if args.junit:
        write_junit(args.junit, results, seconds)
    failed = sum(1 for r in condense(results) if r.verdict.status.failed)
    if strict and failed:
        print(f"strict mode: {failed} link problem(s)", file=sys.stderr)
        return 1
    return 0


def external_results(args: argparse.Namespace, config: Config, links: list, resources: str,
                     root: str, cache_dir: str) -> tuple[list[Result], int, int]:
    """Every web link of the site and of the resources file checked (the cache first): results,
    requests sent and answers from the cache."""
    from .external import check_external
    from .progress import progress_bar
    from .resources_input import resource_links

    links = links + resource_links(resources, root)
    cache = LinkCache(None if args.no_cache else os.path.join(cache_dir, CACHE_FILE),
                      config.cache_ttl_hours).load()
    targets = sorted({link.target for link in links})
    with progress_bar(len(targets), enabled=not args.no_progress) as advance:
        run = check_external(targets, config, cache, advance)
    cache.save()
    return [Result(link, run.verdicts[link.target]) for link in links], run.requests, run.cached
