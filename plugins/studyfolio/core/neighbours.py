"""Older and newer note links: `article.older` / `article.newer` for the article template."""

from __future__ import annotations


def link_neighbours(generator) -> None:
    """Pelican keeps published articles newest first; link each to its neighbours."""
    articles = sorted(generator.articles, key=lambda a: (a.date, a.slug), reverse=True)
    for index, article in enumerate(articles):
        article.newer = articles[index - 1] if index > 0 else None
        article.older = articles[index + 1] if index + 1 < len(articles) else None
