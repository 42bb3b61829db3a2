"""A Content-Security-Policy for the published site: no script runs but the site's own files
and its few inline scripts (allowed by their SHA-256 hash), so text that slipped through
escaping somewhere still cannot run.

With `STUDYFOLIO_CSP = True` (publishconf.py sets it), once every page is written: each HTML
page gets the policy as `<meta http-equiv>` right after its charset, and `_headers` holds it
(with what a `<meta>` cannot say: frame-ancestors) for hosts that read such a file. Styles
may be inline (style attributes of the graphs and widgets); a style cannot run a script."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

from .atomic import write_if_changed

SETTING = "STUDYFOLIO_CSP"
CHARSET = '<meta charset="utf-8">'
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)
HEADERS_FILE = "_headers"


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script that a browser runs (not src=, not JSON data)."""
    return [m.group("body") for m in INLINE_SCRIPT.finditer(page)
            if "src=" not in m.group("attrs").lower() and not DATA_TYPE.search(m.group("attrs"))]


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: list[str]) -> str:
    """The page policy: the site's own files, its hashed inline scripts, Pagefind's WebAssembly;
    images, audio, video and frames the author embeds may come from any https address."""
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *hashes]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "media-src 'self' https:",
        "frame-src https:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def html_pages(output: str) -> list[str]:
    return sorted(os.path.join(folder, name) for folder, _dirs, names in os.walk(output)
                  for name in names if name.endswith(".html"))


def add_policy(pelican) -> None:
    """After the build: the policy into every page and into `_headers`."""
    if not pelican.settings.get(SETTING):
        return
    output = pelican.settings["OUTPUT_PATH"]
    pages = {path: Path(path).read_text(encoding="utf-8") for path in html_pages(output)}
    hashes = sorted({script_hash(body) for page in pages.values() for body in inline_scripts(page)})
    rule = policy(hashes)
    meta = f'{CHARSET}\n  <meta http-equiv="Content-Security-Policy" content="{rule}">'
    for path, page in pages.items():
        if CHARSET in page and "Content-Security-Policy" not in page:
            write_if_changed(path, page.replace(CHARSET, meta, 1))
    write_if_changed(os.path.join(output, HEADERS_FILE), headers_file(rule))


def headers_file(rule: str) -> str:
    return (
        "# Response headers for every page, for hosts that read this file.\n"
        "/*\n"
        f"  Content-Security-Policy: {rule}; frame-ancestors 'none'\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "/theme/*\n"
        "  Cache-Control: public, max-age=3600\n"
    )
