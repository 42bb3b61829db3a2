"""Verdicts that need no request, YouTube ids, check keys and the settings schema."""

from __future__ import annotations

import pytest

from sitebuild import ROOT
from studyfolio.linkcheck.classify import check_key, classify, offline_verdict
from studyfolio.linkcheck.config import SCHEMA, Config, ConfigError
from studyfolio.linkcheck.fetch import retry_after_seconds
from studyfolio.linkcheck.records import Status, Verdict
from studyfolio.linkcheck.youtube import video_id

DEFAULTS = Config.from_settings({})


@pytest.mark.parametrize(("url", "verdict"), [
    ("mailto:me@example.org", Verdict(Status.UNCHECKED, "mailto: links are not fetched")),
    ("tel:+441234", Verdict(Status.UNCHECKED, "tel: links are not fetched")),
    ("data:image/png;base64,iVBORw0KGgo=", Verdict(Status.UNCHECKED, "data: links are not fetched")),
    ("ftp://files.example.org/a", Verdict(Status.UNCHECKED, "ftp links are not fetched")),
    ("javascript:alert(1)", Verdict(Status.UNSAFE, "javascript: links run code when clicked",
                                    hint="link to a page instead, or leave the code out of the note")),
    ("JavaScript:void(0)", Verdict(Status.UNSAFE, "javascript: links run code when clicked",
                                   hint="link to a page instead, or leave the code out of the note")),
    ("http://exa mple.org/", Verdict(Status.BROKEN, "malformed URL: 'exa mple.org' is not a valid host name")),
    ("http://[::1/", Verdict(Status.BROKEN, "malformed URL: Invalid IPv6 URL")),
    ("http://example.org:99999/", Verdict(Status.BROKEN, "malformed URL: Port out of range 0-65535")),
    ("https:///path-only", Verdict(Status.BROKEN, "malformed URL: no host name")),
    ("http://" + "a" * 64 + ".org/", Verdict(Status.BROKEN, f"malformed URL: '{'a' * 64}.org' is not a valid international host name")),
    ("https://www.youtube.com/watch?v=short", Verdict(
        Status.BROKEN, "'short' is not a YouTube video id",
        hint="a video id is 11 characters of A-Z, a-z, 0-9, - and _")),
])
def test_offline_verdicts(url, verdict):
    assert classify(url, DEFAULTS) == verdict


@pytest.mark.parametrize("url", [
    "https://bücher.example/ein-buch", "https://xn--bcher-kva.example/", "http://example.org:8080/x",
    "https://user@example.org/", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
])
def test_urls_that_must_be_fetched(url):
    assert classify(url, DEFAULTS) is None


@pytest.mark.parametrize("url", [
    "http://localhost:8000/", "http://api.localhost/", "http://127.0.0.1/", "http://10.1.2.3/",
    "http://192.168.0.10/", "http://172.16.5.4/", "http://[::1]/", "http://169.254.1.1/", "http://0.0.0.0/",
    # the same addresses in the other forms browsers and curl accept
    "http://0x7f000001/", "http://2130706433/", "http://0177.0.0.1/", "http://127.1/", "http://0/",
    "http://127.0.0.1./", "http://0x7f.1:8080/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
    "http://[fe80::1]/", "http://[fd12:3456::1]/", "http://[fec0::1]/", "http://[::]/",
    "http://[64:ff9b::a00:1]/", "http://100.64.0.1/", "http://LOCALHOST./",
])
def test_private_addresses_are_skipped_unless_allowed(url):
    assert classify(url, DEFAULTS) == Verdict(
        Status.EXCLUDED, "a local or private address",
        hint="set allow_private (or pass --allow-private) to check it")
    assert offline_verdict(url, allow_private=True) is None


@pytest.mark.parametrize("url", [
    "http://8.8.8.8/", "http://[2606:4700:4700::1111]/", "http://[::ffff:8.8.8.8]/",
    "http://0x08080808/", "http://deadbeef.example/", "http://1e1.example/", "http://cafe/",
])
def test_public_addresses_and_names_are_fetched(url):
    assert classify(url, DEFAULTS) is None


def test_exclude_and_include_patterns():
    config = Config.from_settings({"exclude": [r"^https://slow\.example/"], "include": [r"example"]})
    assert classify("https://slow.example/a", config) == Verdict(
        Status.EXCLUDED, r"matches exclude pattern '^https://slow\.example/'")
    assert classify("https://other.org/", config) == Verdict(Status.EXCLUDED, "matches no include pattern")
    assert classify("https://fast.example/", config) is None


@pytest.mark.parametrize(("url", "video"), [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "dQw4w9WgXcQ"),
    ("https://youtube.com/watch/?feature=share&v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ?t=254", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ?start=3", "dQw4w9WgXcQ"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
    ("https://www.youtube.com/watch", ""),
    ("https://www.youtube.com/@3blue1brown", None),
    ("https://www.youtube.com/playlist?list=PLZHQObOWTQDPD3MizzM2xVFitgF8hE_ab", None),
    ("https://example.org/watch?v=dQw4w9WgXcQ", None),
])
def test_youtube_video_ids(url, video):
    assert video_id(url) == video


def test_check_keys_share_one_request():
    assert check_key("https://youtu.be/dQw4w9WgXcQ?t=1") == check_key(
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=99") == "youtube:dQw4w9WgXcQ"
    assert check_key("https://example.org/a#one") == "https://example.org/a"
    assert check_key("https://example.org/a#one", fragments=True) == "https://example.org/a#one"


def test_retry_after_forms():
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_config_defaults_and_ranges():
    config = Config.from_settings({"accept": [200, "300-302"], "per_host": 2}, timeout=3)
    assert config.accept == frozenset({200, 300, 301, 302})
    assert (config.per_host, config.timeout, config.concurrency) == (2, 3.0, 32)
    assert DEFAULTS.accept == frozenset(range(200, 300))


def test_config_reports_every_problem_at_once():
    with pytest.raises(ConfigError) as raised:
        Config.from_settings({"concurency": 4, "timeout": 0, "accept": ["2xx"], "exclude": ["("]})
    assert str(raised.value).splitlines() == [
        "STUDYFOLIO_LINKCHECK: unknown key 'concurency'; did you mean 'concurrency'?",
        "STUDYFOLIO_LINKCHECK['timeout']: expected a number above 0, got 0",
        "STUDYFOLIO_LINKCHECK['accept']: '2xx' is not a status code or a range such as '200-299'",
        "STUDYFOLIO_LINKCHECK['exclude']: '(' is not a regular expression: missing ), unterminated subpattern at position 0",
    ]


def test_readme_documents_every_setting_with_its_default():
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Check links", 1)[1].split("| key | default | meaning |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|")[1:3] for line in table.strip().splitlines()[1:]]
    documented = {key.strip(" `"): default.strip(" `") for keys, default in rows for key in keys.split(",")}
    assert sorted(documented) == sorted(SCHEMA)
    for key, (default, _) in SCHEMA.items():
        if not isinstance(default, list):
            assert documented[key] == (f"{default:g}" if isinstance(default, float) else str(default)), key
