"""`[mm:ss]` in a note with `Video:` links into the video; past `Duration:` is an error."""

import pytest
from ownwords_render import tree

HEAD = "Title: T\nVideo: https://www.youtube.com/watch?v=abcdefghijk\nDuration: 1:02:10\n\n"


def links(html):
    return [(a.get("href"), a.get("data-at"), a.find("time").get("datetime"), a.text_content())
            for a in tree(html).cssselect("a.timestamp")]


def test_mm_ss_and_h_mm_ss_become_links(render):
    html, problems = render(HEAD + "At [04:14] the chain rule, at [1:00:05] the end.\n")
    assert problems == []
    assert links(html) == [
        ("https://www.youtube.com/watch?v=abcdefghijk&t=254", "254", "PT4M14S", "04:14"),
        ("https://www.youtube.com/watch?v=abcdefghijk&t=3605", "3605", "PT1H5S", "1:00:05"),
    ]
    assert tree(html).cssselect("a.timestamp")[0].get("title") == "Watch from 04:14"


def test_other_hosts_get_a_media_fragment(render):
    html, _ = render("Video: https://media.example.org/talk.mp4\n\nSee [00:07].\n")
    assert links(html) == [("https://media.example.org/talk.mp4#t=7", "7", "PT7S", "00:07")]


def test_code_links_and_escapes_are_left_alone(render):
    source = HEAD + "Code `[04:14]`, a link [04:14](https://example.org), escaped \\[04:14], ref [04:14][x].\n\n    [05:00] indented code\n\n[x]: https://example.org/ref\n"
    html, problems = render(source)
    assert problems == []
    assert links(html) == []
    page = tree(html)
    assert page.cssselect("p code")[0].text == "[04:14]"
    assert [a.get("href") for a in page.cssselect("a")] == ["https://example.org", "https://example.org/ref"]
    assert "escaped [04:14]" in page.text_content()
    assert page.cssselect("pre code")[0].text == "[05:00] indented code\n"


def test_without_video_timestamps_stay_text(render):
    html, problems = render("Title: T\n\nAt [04:14].\n")
    assert problems == []
    assert html == "<p>At [04:14].</p>"


def test_past_the_duration_is_an_error_at_its_line(render):
    html, problems = render(HEAD + "Fine [1:02:10].\n\nToo late [1:02:11], and again [1:02:11].\n")
    assert problems == [
        "content/notes/t.md:7: timestamp [1:02:11] is past the end of the video (1:02:10)\n"
        "    hint: check the time, or the note's Duration:",
    ] * 2
    errors = tree(html).cssselect("span.timestamp-error")
    assert [e.text for e in errors] == ["[1:02:11]", "[1:02:11]"]
    assert len(links(html)) == 1


def test_each_problem_at_its_own_line(render):
    _, problems = render(HEAD + "One [2:00:00].\n\nTwo [3:00:00].\n")
    assert [p.split("\n")[0] for p in problems] == [
        "content/notes/t.md:5: timestamp [2:00:00] is past the end of the video (1:02:10)",
        "content/notes/t.md:7: timestamp [3:00:00] is past the end of the video (1:02:10)",
    ]


@pytest.mark.parametrize("duration", ["ten minutes", "10:75"])
def test_malformed_duration_is_reported(render, duration):
    _, problems = render(f"Video: https://youtu.be/abcdefghijk\nDuration: {duration}\n\n[00:10]\n")
    assert problems == [
        f"content/notes/t.md:2: Duration: malformed timestamp '{duration}': expected mm:ss or h:mm:ss, e.g. 04:14\n"
        "    hint: give the video's length as mm:ss or h:mm:ss, e.g. Duration: 18:42"
    ]


def test_malformed_timestamp(render):
    html, problems = render(HEAD + "At [04:75].\n")
    assert problems == [
        "content/notes/t.md:5: malformed timestamp '04:75': expected mm:ss or h:mm:ss, e.g. 04:14\n"
        "    hint: write a timestamp as [mm:ss] or [h:mm:ss], e.g. [04:14]"
    ]
    assert tree(html).cssselect("span.timestamp-error")[0].text == "[04:75]"


@pytest.mark.parametrize("video", ["javascript:alert(1)//x.mp4", "data:text/html,<b>x</b>", "www.example.com/talk.mp4"])
def test_a_video_that_is_no_web_address_gives_no_timestamp_links(render, video):
    html, _ = render(f"Title: T\nVideo: {video}\n\nSee [00:07].\n")
    assert links(html) == []
    assert tree(html).cssselect("a") == []
    assert "[00:07]" in tree(html).text_content()
