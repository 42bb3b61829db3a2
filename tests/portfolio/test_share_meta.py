"""Link previews in the head of every page: parsed from the demo's publish build (absolute URLs)
and from a writing build (relative canonical link, no og:url, no og:image)."""

import json
from pathlib import Path

import pytest
from PIL import Image

SITE = "https://studyfolio.example.org"


def head(page) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in page.cssselect("head meta[property], head meta[name^='twitter:']"):
        found.setdefault(meta.get("property") or meta.get("name"), []).append(meta.get("content"))
    return found


def json_ld(page) -> dict:
    [script] = page.cssselect('head script[type="application/ld+json"]')
    return json.loads(script.text)


def canonical(page) -> str:
    [link] = page.cssselect('head link[rel="canonical"]')
    return link.get("href")


def test_a_note_has_article_tags_an_image_and_blogposting_data(demo_build):
    page = demo_build.page("notes/bayes-theorem/index.html")
    tags = head(page)
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["Conditional probability and Bayes' theorem, with a test that lies to you"]
    assert tags["og:description"] == [
        "A test that is 99% accurate can still be wrong most of the time it says \"yes\". "
        "Working through why is how Bayes' theorem finally made sense to me."
    ]
    assert tags["og:url"] == [f"{SITE}/notes/bayes-theorem/"] and canonical(page) == f"{SITE}/notes/bayes-theorem/"
    assert tags["og:image"] == [f"{SITE}/previews/notes/bayes-theorem.png"]
    assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["630"])
    assert tags["og:image:alt"] == [
        "Conditional probability and Bayes' theorem, with a test that lies to you: a note on Statistics with 8 flashcards"
    ]
    assert tags["article:published_time"] == ["2026-08-27T20:05:00+00:00"]
    assert tags["article:modified_time"] == ["2026-10-02T08:45:00+00:00"]
    assert sorted(tags["article:tag"]) == sorted(tag.text.lstrip("#") for tag in page.cssselect(".note-header .tag"))
    assert tags["twitter:card"] == ["summary_large_image"]
    data = json_ld(page)
    assert data["@type"] == "BlogPosting" and data["headline"] == tags["og:title"][0]
    assert data["author"] == {"@type": "Person", "name": "Demo Learner"}
    assert data["datePublished"] == "2026-08-27T20:05:00+00:00" and data["url"] == f"{SITE}/notes/bayes-theorem/"
    assert data["keywords"] == tags["article:tag"] and data["image"] == tags["og:image"][0]
    with Image.open(demo_build.output / "previews" / "notes" / "bayes-theorem.png") as image:
        assert image.size == (1200, 630) and image.format == "PNG"


def test_a_page_the_home_page_and_the_profile(demo_build):
    about = demo_build.page("about/index.html")
    assert head(about)["og:type"] == ["website"] and head(about)["og:title"] == ["About"]
    assert canonical(about) == f"{SITE}/about/" and json_ld(about)["@type"] == "WebPage"
    home = demo_build.page("index.html")
    assert canonical(home) == f"{SITE}/"
    assert head(home)["og:image"] == [f"{SITE}/previews/site.png"]
    assert head(home)["og:title"] == ["Studyfolio"]
    profile = demo_build.page("profile/index.html")
    data = json_ld(profile)
    assert data["@type"] == "ProfilePage" and data["mainEntity"]["name"] == "Demo Learner"
    assert head(profile)["og:title"] == ["Learning profile"] and canonical(profile) == f"{SITE}/profile/"


def test_every_preview_image_named_in_a_page_exists_and_is_small(demo_build):
    for path in demo_build.output.rglob("*.html"):
        for image in head(demo_build.page(str(path.relative_to(demo_build.output)))).get("og:image", []):
            file = demo_build.output / image.removeprefix(f"{SITE}/")
            assert file.exists(), (path, image)
            assert file.stat().st_size < 150_000, file


def test_the_placeholder_siteurl_is_named_in_a_publish_build(demo_build):
    log = " ".join(demo_build.log.split())
    assert f"WARNING SITEURL is the placeholder {SITE}: link previews, the canonical links and the feeds" in log
    assert "set STUDYFOLIO_SITEURL=https://your.site" in log


@pytest.fixture(scope="module")
def writing_build(demo_writing_build):
    return demo_writing_build


def test_a_writing_build_keeps_urls_relative_and_leaves_out_what_must_be_absolute(writing_build):
    page = writing_build.page("notes/bayes-theorem/index.html")
    tags = head(page)
    assert canonical(page) == "/notes/bayes-theorem/"
    assert "og:url" not in tags and "og:image" not in tags and tags["twitter:card"] == ["summary"]
    assert "url" not in json_ld(page) and "image" not in json_ld(page)
    assert Path(writing_build.output / "previews" / "notes" / "bayes-theorem.png").exists()


def test_json_ld_cannot_end_its_script_element():
    from studyfolio.portfolio.share import json_ld as encode

    text = str(encode({"headline": "</script><script>alert(1)</script> & more"}))
    assert "<" not in text and ">" not in text and json.loads(text)["headline"].startswith("</script>")
