"""`make bench-links`: Studyfolio's link checker, LinkChecker and lychee on the same generated site.

A server process answers 1,000 URLs on 5 hosts (the loopback addresses 127.0.0.2-6, one port
each), every answer 100 ms late: about 10% broken (404, 410, 500, a redirect to a 404), some
429s with Retry-After, some redirects, some HEAD-refusing pages, a few that never answer.
Each tool checks the site from cold; Studyfolio then runs again on its warm cache. Printed per
tool: wall time, requests the server received, and wrong verdicts against the known truth."""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from aiohttp import web

HOSTS = [f"127.0.0.{n}" for n in range(2, 7)]
LATENCY = 0.1
TIMEOUT = 2  # seconds, the same for every tool
PLAN = [  # (kind, count, works for a reader?)
    ("ok", 755, True), ("moved", 50, True), ("chain", 10, True), ("head405", 40, True),
    ("busy", 30, True), ("flaky", 10, True), ("missing", 60, False), ("gone", 20, False),
    ("error", 10, False), ("moved-missing", 10, False), ("silent", 5, False),
]
BIN = Path(sys.executable).parent


# -- the server ----------------------------------------------------------------------------

class Behaviour:
    """Per-run state of the server: requests counted, and which URLs already answered once."""

    def __init__(self):
        self.requests = 0
        self.seen: set[str] = set()


def answer(kind: str, number: str, method: str, first: bool) -> web.StreamResponse:
    if kind == "ok" or kind == "target":
        return web.Response(text="<html><body><h1 id='top'>page</h1></body></html>",
                            content_type="text/html")
    if kind == "moved":
        return web.Response(status=301, headers={"Location": f"/{number}/target"})
    if kind == "chain":
        return web.Response(status=302, headers={"Location": f"/c{number}/moved"})
    if kind == "moved-missing":
        return web.Response(status=301, headers={"Location": f"/m{number}/missing"})
    if kind == "head405":
        if method == "HEAD":
            return web.Response(status=405, headers={"Allow": "GET"})
        return web.Response(text="<html><body>ok</body></html>", content_type="text/html")
    if kind == "busy" and first:
        return web.Response(status=429, headers={"Retry-After": "1"})
    if kind == "busy":
        return web.Response(text="ok", content_type="text/html")
    if kind == "flaky":
        return web.Response(status=503 if first else 200)
    statuses = {"missing": 404, "gone": 410, "error": 500}
    return web.Response(status=statuses.get(kind, 404))


def serve(ready, ports):
    """The server process: 5 hosts plus a control port on 127.0.0.1 (/reset, /count)."""
    behaviour = Behaviour()

    async def handle(request: web.Request) -> web.StreamResponse:
        behaviour.requests += 1
        key = f"{request.host}{request.path}"
        first = key not in behaviour.seen
        behaviour.seen.add(key)
        parts = request.path.strip("/").split("/")
        number, kind = (parts + ["", ""])[:2]
        if kind == "silent":
            await asyncio.sleep(60)
        await asyncio.sleep(LATENCY)
        return answer(kind, number, request.method, first)

    async def control(request: web.Request) -> web.Response:
        count = behaviour.requests
        if request.path == "/reset":
            behaviour.requests = 0
            behaviour.seen.clear()
        return web.json_response({"requests": count})

    async def main():
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handle)
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await runner.setup()
        bound = []
        for host in HOSTS:
            site = web.TCPSite(runner, host, 0, backlog=1024)
            await site.start()
            bound.append(site._server.sockets[0].getsockname()[1])
        admin = web.Application()
        admin.router.add_get("/{tail:.*}", control)
        admin_runner = web.AppRunner(admin, access_log=None)
        await admin_runner.setup()
        admin_site = web.TCPSite(admin_runner, "127.0.0.1", 0)
        await admin_site.start()
        ports.extend([*bound, admin_site._server.sockets[0].getsockname()[1]])
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


def control(port: int, action: str) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{action}", timeout=5) as response:
        return json.load(response)["requests"]


# -- the site and its truth ---------------------------------------------------------------

def plan_urls(ports: list[int]) -> dict[str, bool]:
    """url -> works for a reader, spread over the hosts in a fixed shuffled order."""
    rng = random.Random(6)
    kinds = [(kind, works) for kind, count, works in PLAN for _ in range(count)]
    rng.shuffle(kinds)
    truth = {}
    for index, (kind, works) in enumerate(kinds):
        host = index % len(HOSTS)
        truth[f"http://{HOSTS[host]}:{ports[host]}/{index}/{kind}"] = works
    return truth


def write_site(folder: Path, urls: list[str]) -> None:
    """100 pages of 10 links each (some links on two pages), an index linking every page."""
    folder.mkdir(parents=True)
    pages = [urls[i:i + 10] for i in range(0, len(urls), 10)]
    names = [f"p{i:03d}.html" for i in range(len(pages))]
    for number, (name, links) in enumerate(zip(names, pages, strict=True)):
        extra = pages[(number + 1) % len(pages)][:2]  # the same URL on a second page
        items = "".join(f'<li><a href="{u}">link {i}</a></li>' for i, u in enumerate(links + extra))
        nav = f'<a href="index.html">home</a> <a href="{names[(number + 1) % len(names)]}#top">next</a>'
        (folder / name).write_text(
            f"<!DOCTYPE html><html><head><title>{name}</title></head><body>"
            f"<h1 id='top'>{name}</h1><nav>{nav}</nav><ul>{items}</ul></body></html>")
    index = "".join(f'<li><a href="{n}">{n}</a></li>' for n in names)
    (folder / "index.html").write_text(
        f"<!DOCTYPE html><html><head><title>index</title></head><body><ul>{index}</ul></body></html>")


# -- the tools ------------------------------------------------------------------------------

def run_studyfolio(site: Path, cache: Path, work: Path) -> set[str]:
    out = work / "studyfolio.jsonl"
    subprocess.run([str(BIN / "studyfolio"), "linkcheck", "--site", str(site), "--external",
                    "--allow-private", "--timeout", str(TIMEOUT), "--no-progress",
                    "--cache", str(cache), "--json", str(out)],
                   cwd=work, check=True, stdout=subprocess.DEVNULL)
    failing = set()
    for line in out.read_text().splitlines():
        record = json.loads(line)
        if record["status"] not in ("ok", "redirected"):
            failing.add(record["target"])
    return failing


def run_lychee(site: Path, cache: Path, work: Path) -> set[str]:
    out = work / "lychee.json"
    command = [str(BIN / "lychee"), "--no-progress", "--format", "json", "--output", str(out),
               "--timeout", str(TIMEOUT), *sorted(str(p) for p in site.glob("*.html"))]
    subprocess.run(command, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    data = json.loads(out.read_text())
    failing = set()
    for group in ("error_map", "timeout_map"):
        for entries in (data.get(group) or {}).values():
            failing.update(entry["url"] for entry in entries)
    return failing


def run_linkchecker(site: Path, cache: Path, work: Path) -> set[str]:
    # Run as root, LinkChecker drops to 'nobody': the site must be world-readable.
    command = [str(BIN / "linkchecker"), "--check-extern", "--no-status", "-o", "csv",
               "--timeout", str(TIMEOUT), "--no-warnings", "-v", str(site / "index.html")]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True)
    rows = [line for line in done.stdout.splitlines() if line and not line.startswith("#")]
    failing = set()
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        if row["urlname"].startswith("http") and row["valid"] != "True":
            failing.add(row["urlname"])
    return failing


def available(name: str) -> str:
    """'' when the peer can run here, else why not."""
    if not (BIN / name).exists():
        return f"{name} is not installed (make bench-links installs the bench extra)"
    return ""


def measure(name, runner, site, cache, work, truth, admin) -> dict:
    control(admin, "reset")
    started = time.perf_counter()
    failing = runner(site, cache, work)
    seconds = time.perf_counter() - started
    requests = control(admin, "count")
    wrong = sorted(u for u, works in truth.items() if works == (u in failing))
    return {"tool": name, "seconds": seconds, "requests": requests, "wrong": wrong}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-wrong", type=int, default=5, help="wrong verdicts to list per tool")
    args = parser.parse_args()

    manager = multiprocessing.Manager()
    ports, ready = manager.list(), manager.Event()
    server = multiprocessing.Process(target=serve, args=(ready, ports), daemon=True)
    server.start()
    work = Path(tempfile.mkdtemp(prefix="bench-links-"))
    try:
        if not ready.wait(20):
            print("the bench server did not start")
            return 1
        ports = list(ports)
        truth = plan_urls(ports[:-1])
        admin = ports[-1]
        site = work / "site"
        write_site(site, list(truth))
        os.chmod(work, 0o755)
        for path in site.rglob("*"):
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        broken = sum(1 for works in truth.values() if not works)
        print(f"{len(truth)} URLs on {len(HOSTS)} hosts ({broken} do not work), "
              f"{LATENCY * 1000:.0f} ms per answer, timeout {TIMEOUT} s for every tool\n")

        rows = []
        cache = work / "cache"
        rows.append(measure("studyfolio (cold)", run_studyfolio, site, cache, work, truth, admin))
        rows.append(measure("studyfolio (warm)", run_studyfolio, site, cache, work, truth, admin))
        skipped = []
        for name, runner in (("lychee", run_lychee), ("linkchecker", run_linkchecker)):
            why = available(name)
            if why:
                skipped.append(f"{name}: {why}")
                continue
            rows.append(measure(name, runner, site, cache, work, truth, admin))

        print(f"{'tool':<20}{'wall time':>11}{'requests':>10}{'wrong':>7}")
        for row in rows:
            print(f"{row['tool']:<20}{row['seconds']:>10.2f}s{row['requests']:>10}{len(row['wrong']):>7}")
        for row in rows:
            for url in row["wrong"][: args.show_wrong]:
                print(f"  wrong ({row['tool']}): {url} (truth: {'works' if truth[url] else 'fails'})")
        for line in skipped:
            print("  skipped " + line)
        cold, warm = rows[0]["seconds"], rows[1]["seconds"]
        print(f"\nwarm / cold: {warm / cold:.0%}")
        lychee = next((r for r in rows if r["tool"] == "lychee"), None)
        if lychee:
            print(f"studyfolio cold / lychee: {cold / lychee['seconds']:.0%}")
        return 0
    finally:
        server.terminate()
        server.join(5)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
