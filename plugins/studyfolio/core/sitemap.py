"""Pages the plugins write, for sitemap.xml: Pelican's direct template only knows notes, pages,
tags and topics. Each plugin adds its pages' URLs while building its context (before any page
is written, so the sitemap, written with the notes, sees them all)."""

from __future__ import annotations

from .shared import SITEMAP


def sitemap_urls(context: dict) -> list[str]:
    """The per-build list of site-relative URLs (e.g. "roadmaps/") the sitemap adds."""
    return SITEMAP.collect(context)
