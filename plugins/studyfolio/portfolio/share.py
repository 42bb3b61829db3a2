"""What a shared link shows: Open Graph and Twitter card tags, the canonical URL and JSON-LD.

`share_meta()` is a template global: it reads the page being written (a note, a page, the
profile, any other) from the template's context. URLs are absolute when SITEURL is; in a
`make html` build (SITEURL empty or relative) the canonical link stays relative and the tags
that must be absolute (og:url, og:image) are left out."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from jinja2 import pass_context
from lxml import html as lxml_html
from markupsafe import Markup

PREVIEWS = "previews"
SITE_PREVIEW = f"{PREVIEWS}/site.png"
PROFILE_URL = "profile/"
INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"}


def preview_path(slug: str) -> str:
    return f"{PREVIEWS}/notes/{slug}.png"


def plain(html_text: str) -> str:
    """The text of a short HTML fragment (a Summary, a title) on one line, without heading
    permalinks; templates escape it once where they print it."""
    text = str(html_text or "")
    if "<" not in text:
        return " ".join(html.unescape(text).split())
    fragment = lxml_html.fragment_fromstring(text, create_parent="div")
    for link in fragment.cssselect("a.headerlink"):
        link.drop_tree()
    for element in fragment.iter():  # block ends become spaces: "Heading" + "Text", not "HeadingText"
        if isinstance(element.tag, str) and element.tag not in INLINE:
            element.tail = f" {element.tail or ''}"
    return " ".join(fragment.text_content().split())


def is_absolute(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def json_ld(data: dict) -> Markup:
    """JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped, so no text
    can end the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@dataclass
class ShareMeta:
    title: str
    description: str
    canonical: str  # absolute when the site's URL is, else relative to the site root
    absolute: bool
    kind: str = "website"  # og:type
    image: str = ""
    image_alt: str = ""
    published: str = ""
    modified: str = ""
    tags: list[str] = field(default_factory=list)
    data: Markup = Markup("")


def page_url(context) -> str:
    """The site-relative URL of the page being written: its output file, `index.html` dropped."""
    name = str(context.get("output_file") or "").replace("\\", "/")
    if name == "index.html" or name.endswith("/index.html"):
        return name[: -len("index.html")]
    return name


def note_meta(article, base: ShareMeta) -> None:
    base.kind = "article"
    base.title = plain(article.title)
    base.description = plain(getattr(article, "summary", "")) or base.description
    base.published = article.date.isoformat()
    modified = getattr(article, "modified", None)
    base.modified = (modified or article.date).isoformat()
    base.tags = [tag.name for tag in getattr(article, "tags", []) or []]
    if getattr(article, "status", "published") != "draft":
        base.image = preview_path(article.slug)
        cards = len(getattr(article, "flashcards", []) or [])
        base.image_alt = f"{base.title}: a note on {article.category}" + (f" with {cards} flashcards" if cards else "")


def structured(meta: ShareMeta, context, image_url: str) -> dict:
    author = {"@type": "Person", "name": context.get("AUTHOR") or context.get("SITENAME")}
    if meta.kind == "article":
        data = {
            "@context": "https://schema.org", "@type": "BlogPosting", "headline": meta.title,
            "description": meta.description, "datePublished": meta.published, "dateModified": meta.modified,
            "author": author, "keywords": meta.tags,
        }
    elif context.get("page_name") == "profile/index":
        data = {"@context": "https://schema.org", "@type": "ProfilePage", "name": meta.title,
                "description": meta.description, "mainEntity": author}
    else:
        data = {"@context": "https://schema.org", "@type": "WebPage", "name": meta.title, "description": meta.description}
    if meta.absolute:
        data["url"] = meta.canonical
        if image_url:
            data["image"] = image_url
    return data


@pass_context
def share_meta(context) -> ShareMeta:
    """The link-preview facts of the page being written."""
    siteurl = str(context.get("SITEURL") or "")
    absolute = is_absolute(siteurl)
    url = page_url(context)
    sitename = str(context.get("SITENAME") or "")
    meta = ShareMeta(
        title=sitename, description=plain(context.get("SITESUBTITLE") or ""),
        canonical=f"{siteurl}/{url}" if absolute else f"/{url}", absolute=absolute,
        image=SITE_PREVIEW, image_alt=f"{sitename}: {plain(context.get('SITESUBTITLE') or '')}".rstrip(": "),
    )
    article, page = context.get("article"), context.get("page")
    if article is not None:
        note_meta(article, meta)
    elif page is not None:
        meta.title = plain(page.title)
        meta.description = plain(getattr(page, "summary", "")) or meta.description
    elif context.get("share_title"):
        meta.title = str(context["share_title"])
        meta.description = str(context.get("share_description") or meta.description)
    image_url = f"{siteurl}/{meta.image}" if absolute and meta.image else ""
    meta.image = image_url
    meta.data = json_ld(structured(meta, context, image_url))
    return meta
