"""Internal links: does the page, file, feed or anchor a link points to exist in the output?"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, unquote, urljoin, urlsplit

from ..core.diagnostics import did_you_mean
from .collect import Page
from .records import Status, Verdict

PLACEHOLDER_ORIGIN = "http://site.invalid"  # stands for the site while SITEURL is empty
ALWAYS_THERE = {"", "top"}  # `#` and `#top` scroll to the top of any page (HTML standard)


# 'x/', '../x/#top', 'a.png?v=2': a relative path (no scheme, no host), maybe a query and fragment.
RELATIVE_PATH = re.compile(r"(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^/?#][^?#]*(?:\?[^#]*)?(?:#.*)?\Z", re.S)


def join_path(base_path: str, url: str) -> str:
    """A relative path joined to the path of the page it is on, dot segments removed, as
    urljoin does (RFC 3986), for the common case only (see RELATIVE_PATH)."""
    path, _, fragment = url.partition("#")
    path, _, query = path.partition("?")
    folder = base_path.rsplit("/", 1)[0] + "/"
    joined = posixpath.normpath(folder + path)
    last = path.rsplit("/", 1)[-1]
    if path.endswith("/") or last in (".", ".."):
        joined = joined.rstrip("/") + "/"
    return joined + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


def url_kind(url: str) -> str:
    """'page' for folders and .html files, else the file's extension."""
    name = url.rsplit("/", 1)[1]
    extension = posixpath.splitext(name)[1].lower()
    return "page" if not name or extension in ("", ".html", ".htm") else extension


def file_url(file: str) -> str:
    """'notes/x/index.html' as '/notes/x/', other files as '/path'."""
    if file == "index.html" or file.endswith("/index.html"):
        return "/" + file[: -len("index.html")]
    return "/" + file


class SiteIndex:
    """The built site: its files, each page's anchors, and how its URLs map to files."""

    def __init__(self, files: list[str], pages: list[Page], siteurl: str = ""):
        self.files = set(files)
        self.anchors = {page.path: page.anchors for page in pages}
        base = urlsplit(siteurl.rstrip("/") or PLACEHOLDER_ORIGIN)
        self.origin = f"{base.scheme}://{base.netloc}"
        self.netloc = base.netloc.lower()
        self.prefix = base.path.rstrip("/")
        self._urls: list[str] | None = None
        self._paths: dict[str, str | None] = {}
        self._files: dict[str, str | None] = {}

    def resolve(self, base: str, url: str) -> str:
        """`url` as found on a page served at `base`, made absolute (site-absolute paths, the
        most common links, without the cost of a full join)."""
        if url.startswith("/") and not url.startswith("//") and "/." not in url:
            return self.origin + url
        if url.startswith("#"):
            return base.split("#", 1)[0] + url
        if base.startswith(self.origin + "/") and RELATIVE_PATH.match(url):
            return self.origin + join_path(base[len(self.origin):], url)
        try:
            return urljoin(base, url)
        except ValueError:
            return url  # malformed: the external checks say how

    def page_url(self, page: Page) -> str:
        """The absolute URL a page is served at, or its <base href> resolved against that."""
        url = f"{self.origin}{self.prefix}/{quote(page.path)}"
        return urljoin(url, page.base) if page.base else url

    def site_path(self, absolute: str) -> str:
        """An internal URL as the site sees it: '/review/?note=x#top' (no origin, no prefix)."""
        if absolute.startswith(self.origin):
            rest = absolute[len(self.origin):]
        else:
            parts = urlsplit(absolute)
            rest = absolute[len(f"{parts.scheme}://{parts.netloc}"):]
        return rest[len(self.prefix):] if self.prefix and rest.startswith(self.prefix) else rest

    def internal_path(self, absolute: str) -> str | None:
        """The output path (decoded, normalised) an absolute URL names, or None if off-site."""
        if absolute not in self._paths:
            self._paths[absolute] = self._internal_path(absolute)
        return self._paths[absolute]

    def _internal_path(self, absolute: str) -> str | None:
        if absolute.startswith(self.origin + "/"):  # the usual case, without a full parse
            path = absolute[len(self.origin):].partition("#")[0].partition("?")[0]
        else:
            try:
                parts = urlsplit(absolute)
            except ValueError:
                return None
            if parts.scheme not in ("http", "https") or parts.netloc.lower() != self.netloc:
                return None
            path = parts.path or "/"
        if self.prefix and not (path == self.prefix or path.startswith(self.prefix + "/")):
            return None
        path = unquote(path[len(self.prefix):])
        slash = path.endswith("/")
        path = posixpath.normpath("/" + path).lstrip("/")
        return path + "/" if slash and path else path

    def target_file(self, path: str) -> str | None:
        """The file a web server would answer `path` with: itself, or the folder's index.html."""
        if path not in self._files:
            self._files[path] = self._target_file(path)
        return self._files[path]

    def _target_file(self, path: str) -> str | None:
        if path in ("", "/"):
            candidates = ["index.html"]
        elif path.endswith("/"):
            candidates = [path + "index.html"]
        else:
            candidates = [path, path + "/index.html"]
        return next((c for c in candidates if c in self.files), None)

    def page_urls(self) -> list[str]:
        """Every file as a site URL ('/notes/x/' for index pages), for 'did you mean'."""
        if self._urls is None:
            self._urls = [file_url(file) for file in sorted(self.files)]
        return self._urls

    def similar_urls(self, missing: str) -> list[str]:
        """Candidates of the same kind as a missing target: pages for a page, else files
        with the same extension (a missing page is not a script with a similar name)."""
        kind = url_kind(missing)
        return [url for url in self.page_urls() if url_kind(url) == kind]

    def check(self, page: Page, target: str) -> Verdict:
        """The verdict for an internal link to absolute URL `target` found on `page`."""
        path = self.internal_path(target)
        file = self.target_file(path) if path is not None else None
        if file is None:
            shown = "/" + (path or "")
            return Verdict(Status.BROKEN, f"no page or file at {shown}",
                           hint=did_you_mean(shown, self.similar_urls(shown)))
        fragment = unquote(target.partition("#")[2])
        if fragment in ALWAYS_THERE or fragment.startswith(":~:") or file not in self.anchors:
            return Verdict(Status.OK, "exists")
        anchors = self.anchors[file]
        if fragment in anchors:
            return Verdict(Status.OK, "exists")
        where = "on this page" if file == page.path else f"in {file_url(file)}"
        hint = did_you_mean("#" + fragment, sorted("#" + anchor for anchor in anchors))
        return Verdict(Status.BROKEN, f"no anchor '{fragment}' {where}", hint=hint)
