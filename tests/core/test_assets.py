"""The theme's bundles: one stylesheet and one site script on every page, each joined in order from
the theme's own files; a bundle naming a file the theme lacks is reported, not shipped short."""

from pathlib import Path

from sitebuild import ROOT, build_site, report_lines, settings_text
from studyfolio.core.assets import BUNDLES, ThemeBundles

STATIC = ROOT / "theme" / "static"


def test_every_bundle_joins_its_sources_in_order():
    bundles = ThemeBundles(str(ROOT / "theme"), {"PATH": str(ROOT / "content")})
    for bundle, sources in BUNDLES.items():
        text = bundles.text(bundle)
        places = [text.index(f"/* {source} */\n" + (STATIC / source).read_text().rstrip()) for source in sources]
        assert places == sorted(places), bundle


def test_the_site_stylesheet_holds_every_stylesheet_of_the_theme():
    """A stylesheet added to the theme but left out of the bundle would style no page."""
    assert sorted(BUNDLES["css/studyfolio.css"]) == sorted(f"css/{p.name}" for p in (STATIC / "css").glob("*.css"))


def test_every_demo_page_links_one_stylesheet_and_only_bundled_scripts(demo_build):
    site = "https://studyfolio.example.org"
    pages = sorted(demo_build.output.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        page = demo_build.page(str(path.relative_to(demo_build.output)))
        styles = [link.get("href") for link in page.cssselect("link[rel=stylesheet]")]
        assert styles == [f"{site}/theme/css/studyfolio.css"], path
        scripts = [s.get("src").removeprefix(site + "/") for s in page.cssselect("script[src]")]
        assert scripts[0] == "theme/js/site.js", path
        for script in scripts:
            assert (demo_build.output / script).is_file(), (path, script)
            assert script.removeprefix("theme/") in BUNDLES or script == "theme/js/roadmap.js", (path, script)
    assert (demo_build.output / "theme/css/studyfolio.css").read_text() == ThemeBundles(
        str(ROOT / "theme"), {"PATH": str(ROOT / "content")}).text("css/studyfolio.css")


def test_a_bundle_naming_a_missing_file_is_reported(tmp_path: Path):
    content = tmp_path / "content"
    (content / "notes").mkdir(parents=True)
    (content / "notes" / "one.md").write_text("Title: One\nDate: 2026-09-01\n\nA note.\n")
    settings = tmp_path / "conf.py"
    settings.write_text(settings_text(content))
    bundles = {"css/studyfolio.css": ["css/site.css", "css/missing.css"], "js/site.js": ["js/theme.js"]}
    build = build_site(settings, tmp_path / "output", cwd=tmp_path, extra={"STUDYFOLIO_BUNDLES": bundles})
    assert build.returncode == 0, build.log
    missing = ROOT / "theme" / "static" / "css" / "missing.css"  # the theme lives outside this site's folder
    log = " ".join(build.log.split())
    assert f"{missing}:1: error: theme file not found; bundle css/studyfolio.css names it" in log, build.log
    assert "hint: restore the file, or take it out of STUDYFOLIO_BUNDLES" in log
    assert report_lines(build.log) == []  # nothing else is wrong
    assert (tmp_path / "output/theme/css/studyfolio.css").read_text() == f"/* css/site.css */\n{(STATIC / 'css/site.css').read_text().rstrip()}\n"
