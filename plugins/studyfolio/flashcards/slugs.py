"""Note and tag slugs made exactly as Pelican makes them, so card ids and deck URLs match the site."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

KEYS = ("SLUG_REGEX_SUBSTITUTIONS", "TAG_REGEX_SUBSTITUTIONS", "SLUGIFY_PRESERVE_CASE",
        "SLUGIFY_USE_UNICODE")


def slug_settings(settings: dict) -> dict:
    """The settings slugs depend on, copied (for the Markdown extension's config)."""
    found = {key: settings.get(key, DEFAULT_CONFIG.get(key)) for key in KEYS}
    if found["TAG_REGEX_SUBSTITUTIONS"] is None:
        found["TAG_REGEX_SUBSTITUTIONS"] = found["SLUG_REGEX_SUBSTITUTIONS"]
    return {key: list(value) if isinstance(value, list | tuple) else value for key, value in found.items()}


@functools.lru_cache(maxsize=4096)
def cached_slugify(value: str, subs: tuple, preserve_case: bool, use_unicode: bool) -> str:
    """Pelican's slugify (slow: transliteration and regexes), memoised; it is a pure function."""
    return slugify(value, regex_subs=subs, preserve_case=preserve_case, use_unicode=use_unicode)


@dataclass(frozen=True)
class SlugRules:
    settings: dict

    @classmethod
    def from_config(cls, config: dict | None) -> SlugRules:
        return cls(slug_settings(config or {}))

    def _slugify(self, value: str, subs_key: str) -> str:
        subs = tuple(tuple(pair) for pair in self.settings[subs_key])
        return cached_slugify(value, subs, bool(self.settings["SLUGIFY_PRESERVE_CASE"]),
                              bool(self.settings["SLUGIFY_USE_UNICODE"]))

    def note(self, meta: dict, path: str) -> str:
        """The `Slug:` metadata if given, else the slug of the file's base name."""
        given = (meta.get("slug") or [""])[0].strip()
        if given:
            return given
        return self._slugify(os.path.splitext(os.path.basename(path))[0], "SLUG_REGEX_SUBSTITUTIONS")

    def tag(self, name: str) -> str:
        return self._slugify(name, "TAG_REGEX_SUBSTITUTIONS")
