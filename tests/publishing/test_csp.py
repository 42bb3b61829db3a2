"""The published site carries a Content-Security-Policy that its own pages satisfy: every page
kind opened in Chromium under the policy reports no violation and still works (theme, search,
review, roadmap), while a script that is not the site's own is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import ROOT, build_site
from studyfolio.core.csp import inline_scripts, policy, script_hash

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    output = tmp_path_factory.mktemp("csp") / "output"
    build = build_site(ROOT / "publishconf.py", output, content=ROOT / "content",
                       extra={"SITEURL": "", "FEED_DOMAIN": ""})
    assert build.returncode == 0, build.log
    return build


def test_every_page_carries_the_policy_before_any_script(published):
    pages = sorted(published.output.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        head = published.page(str(path.relative_to(published.output))).find("head")
        first, second = list(head)[:2]
        assert first.get("charset") == "utf-8", path
        assert second.get("http-equiv") == "Content-Security-Policy", path
        assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in second.get("content")


def test_the_policy_allows_exactly_the_inline_scripts_the_site_has(published):
    rule = published.page("index.html").xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    hashes = {script_hash(body) for path in published.output.rglob("*.html")
              for body in inline_scripts(path.read_text(encoding="utf-8"))}
    assert len(hashes) == 2  # the early theme script and the review page's first fetch
    assert rule == policy(sorted(hashes))
    assert (published.output / "_headers").read_text(encoding="utf-8").splitlines() == [
        "# Response headers for every page, for hosts that read this file.",
        "/*",
        f"  Content-Security-Policy: {rule}; frame-ancestors 'none'",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "/theme/*",
        "  Cache-Control: public, max-age=3600",
    ]


def test_json_data_scripts_are_not_counted_as_scripts():
    page = ('<script type="application/ld+json">{"a": 1}</script><script src="/x.js"></script>'
            '<script>run()</script><SCRIPT type="text/javascript">b()</SCRIPT>')
    assert inline_scripts(page) == ["run()", "b()"]


def test_the_writing_build_has_no_policy(fixture_build):
    assert "Content-Security-Policy" not in fixture_build.text("index.html")


PAGES = ["/", "/notes/bayes-theorem/", "/cards/", "/tags/", "/topics/", "/archives/",
         "/roadmaps/", "/roadmaps/math-for-ml/", "/resources/", "/about/", "/profile/",
         "/search/?q=variance", "/series/linear-algebra-one-idea-at-a-time/", "/404.html"]


@pytest.mark.browser
def test_every_page_kind_works_under_the_policy(published, serve, browser):
    site = serve(published.output)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in PAGES + [deck_page(published.output)]:
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], path
        assert page.get_attribute("html", "data-theme") in ("light", "dark"), path
    page.goto(site + "/review/")
    page.wait_for_selector("#review[aria-busy=false]")
    assert page.evaluate("window.__violations") == []
    page.goto(site + "/notes/bayes-theorem/")
    page.keyboard.press("/")
    page.keyboard.type("variance")
    page.locator("dialog.search-dialog .search-result").first.wait_for()
    assert page.evaluate("window.__violations") == []
    assert [e for e in errors if "Content Security Policy" in e] == []
    context.close()


@pytest.mark.browser
def test_a_script_that_is_not_the_sites_own_is_refused(published, serve, browser):
    note = published.output / "notes" / "bayes-theorem" / "index.html"
    planted = published.output / "planted.html"
    planted.write_text(note.read_text(encoding="utf-8").replace(
        "</body>", '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"></body>'),
        encoding="utf-8")
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(serve(published.output) + "/planted.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    assert sorted(v.split()[0] for v in page.evaluate("window.__violations")) == [
        "script-src-attr", "script-src-elem"]
    context.close()
    planted.unlink()


def deck_page(output: Path) -> str:
    deck = sorted((output / "cards" / "notes").glob("*/index.html"))[0]
    return "/" + str(deck.parent.relative_to(output)) + "/"
