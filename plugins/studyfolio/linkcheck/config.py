"""`STUDYFOLIO_LINKCHECK` settings: the schema as data, validated in one place, all errors at once."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from ..core.diagnostics import did_you_mean

SETTING = "STUDYFOLIO_LINKCHECK"
DEFAULT_USER_AGENT = "Mozilla/5.0 (compatible; Studyfolio-linkcheck/0.1)"


class ConfigError(ValueError):
    """Bad settings; the message lists every problem, one a line."""


def positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"expected a whole number of at least 1, got {value!r}")
    return value


def non_negative_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"expected a whole number of at least 0, got {value!r}")
    return value


def positive_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"expected a number above 0, got {value!r}")
    return float(value)


def non_negative_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"expected a number of at least 0, got {value!r}")
    return float(value)


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected True or False, got {value!r}")
    return value


def text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value


def web_address(value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ValueError(f"expected an http:// or https:// address, got {value!r}")
    return value.rstrip("?")


def patterns(value: Any) -> tuple[re.Pattern, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ValueError(f"expected a list of regular expressions, got {value!r}")
    compiled = []
    for item in value:
        try:
            compiled.append(re.compile(item))
        except (re.error, TypeError) as error:
            raise ValueError(f"{item!r} is not a regular expression: {error}") from None
    return tuple(compiled)


def status_codes(value: Any) -> frozenset[int]:
    """[200, 204, "300-399"]: single codes and inclusive ranges written 'low-high'."""
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ValueError(f"expected a list of status codes such as [200, '300-399'], got {value!r}")
    codes: set[int] = set()
    for item in value:
        match = re.fullmatch(r"\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?", str(item))
        if isinstance(item, bool) or not match:
            raise ValueError(f"{item!r} is not a status code or a range such as '200-299'")
        low, high = int(match.group(1)), int(match.group(2) or match.group(1))
        codes.update(range(low, high + 1))
    return frozenset(codes)


# name: (default, validator, what it is for). The README documents the same table.
SCHEMA: dict[str, tuple[Any, Callable[[Any], Any]]] = {
    "concurrency": (32, positive_int),
    "per_host": (4, positive_int),
    "timeout": (10.0, positive_number),
    "retries": (2, non_negative_int),
    "backoff": (0.5, positive_number),
    "retry_after_cap": (30.0, non_negative_number),
    "max_redirects": (10, non_negative_int),
    "max_body": (1_048_576, positive_int),
    "accept": (["200-299"], status_codes),
    "include": ([], patterns),
    "exclude": ([], patterns),
    "user_agent": (DEFAULT_USER_AGENT, text),
    "cache_ttl_hours": (72.0, non_negative_number),
    "allow_private": (False, boolean),
    "fragments": (False, boolean),
    "youtube_oembed": ("https://www.youtube.com/oembed", web_address),
}


@dataclasses.dataclass(frozen=True)
class Config:
    """Validated link-check settings; build one with `Config.from_settings`."""

    concurrency: int
    per_host: int
    timeout: float
    retries: int
    backoff: float
    retry_after_cap: float
    max_redirects: int
    max_body: int
    accept: frozenset[int]
    include: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...]
    user_agent: str
    cache_ttl_hours: float
    allow_private: bool
    fragments: bool
    youtube_oembed: str

    @classmethod
    def from_settings(cls, given: dict | None, **overrides: Any) -> Config:
        """Defaults, then `given` (the setting), then `overrides` (command-line flags)."""
        given = dict(given or {})
        given.update({k: v for k, v in overrides.items() if v is not None})
        problems = []
        values = {}
        for key in sorted(set(given) - set(SCHEMA)):
            hint = did_you_mean(key, SCHEMA) or "known keys: " + ", ".join(sorted(SCHEMA))
            problems.append(f"{SETTING}: unknown key '{key}'; {hint}")
        for key, (default, validate) in SCHEMA.items():
            try:
                values[key] = validate(given.get(key, default))
            except ValueError as error:
                problems.append(f"{SETTING}['{key}']: {error}")
        if problems:
            raise ConfigError("\n".join(problems))
        return cls(**values)
