import pytest

from studyfolio.core.video import format_timestamp, is_web_address, parse_timestamp, video_link


@pytest.mark.parametrize(("text", "seconds"), [("04:14", 254), ("0:07", 7), ("1:02:03", 3723), (" 12:00 ", 720)])
def test_timestamps_parse(text, seconds):
    assert parse_timestamp(text) == seconds


@pytest.mark.parametrize("text", ["4:14:", "04:60", "abc", "", "1:2:3", "-1:00"])
def test_malformed_timestamps_name_the_value(text):
    with pytest.raises(ValueError) as caught:
        parse_timestamp(text)
    assert str(caught.value) == f"malformed timestamp '{text}': expected mm:ss or h:mm:ss, e.g. 04:14"


def test_format_round_trips():
    assert [format_timestamp(s) for s in (7, 254, 3723)] == ["00:07", "04:14", "1:02:03"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", "https://www.youtube.com/watch?v=abcdefghijk&t=254"),
        ("https://www.youtube.com/watch?v=abcdefghijk&t=10", "https://www.youtube.com/watch?v=abcdefghijk&t=254"),
        ("https://youtu.be/abcdefghijk", "https://youtu.be/abcdefghijk?t=254"),
        ("https://example.org/talk.mp4", "https://example.org/talk.mp4#t=254"),
    ],
)
def test_video_links_open_at_the_second(url, expected):
    assert video_link(url, 254) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.youtube.com/watch?v=abc", True),
    ("http://media.example.org/talk.mp4", True),
    ("javascript:alert(1)", False),
    ("JAVASCRIPT:alert(1)", False),
    ("data:text/html,x", False),
    ("https://", False),
    ("www.example.com/talk", False),
    ("https://example.org/a b", False),
])
def test_only_http_addresses_with_a_host_are_web_addresses(url, expected):
    assert is_web_address(url) is expected
