"""The review log against broken and hostile input: out-of-range dates, bytes that are not
UTF-8, a byte-order mark, a last line a crash cut short, and two imports at once."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from studyfolio.cli import main
from studyfolio.srs.exchange import export_json
from studyfolio.srs.log import Review, append_reviews, read_log

GOOD = '{"card": "variance-1", "at": "2026-10-01T09:30:00Z", "rating": 3, "ms": 5200}'
LATER = '{"card": "variance-1", "at": "2026-10-05T09:30:00Z", "rating": 4, "ms": 3000}'


def lines(read) -> list[str]:
    return [problem.format() for problem in read.problems]


def test_a_review_dated_9999_is_reported_and_the_rest_is_used(tmp_path):
    log = tmp_path / "reviews.jsonl"
    log.write_text(GOOD + "\n" + GOOD.replace("2026-10-01", "9999-12-31") + "\n" + LATER + "\n")
    read = read_log(str(log), "content/reviews.jsonl")
    assert [r.at.year for r in read.reviews] == [2026, 2026]
    assert lines(read)[0].splitlines()[0] == (
        "content/reviews.jsonl:2: 'at' is out of range: \"9999-12-31T09:30:00Z\" (a review is dated from 2000 to 2099)")


def test_an_import_dated_9999_is_refused_and_the_log_is_unchanged(tmp_path, capsys):
    (tmp_path / "content").mkdir()
    log = tmp_path / "content" / "reviews.jsonl"
    log.write_text(GOOD + "\n")
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"format": "studyfolio-reviews", "version": 1, "reviews": [
        json.loads(LATER), json.loads(GOOD.replace("2026-10-01", "1999-12-31"))]}))
    assert main(["reviews", "import", str(export), "--content", str(tmp_path / "content")]) == 1
    assert capsys.readouterr().err == (
        f"studyfolio: {export}: 1 broken review(s), nothing imported: review 2: 'at' is out of range:"
        ' "1999-12-31T09:30:00Z" (a review is dated from 2000 to 2099)\n')
    assert log.read_text() == GOOD + "\n"


def test_a_line_that_is_not_utf8_is_reported_and_every_other_line_is_used(tmp_path):
    log = tmp_path / "reviews.jsonl"
    log.write_bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\n" + b'{"card": "caf\xe9"}\n' + LATER.encode() + b"\n")
    read = read_log(str(log), "content/reviews.jsonl")
    assert [r.rating for r in read.reviews] == [3, 4]  # the byte-order mark does not cost the first review
    assert lines(read)[0].splitlines()[0] == "content/reviews.jsonl:2: not UTF-8 (byte 14 of the line is 0xe9)"


def test_a_last_line_cut_short_is_reported_then_dropped_with_a_backup(tmp_path):
    log = tmp_path / "reviews.jsonl"
    cut = GOOD + "\n" + LATER[:30]
    log.write_text(cut)
    read = read_log(str(log), "content/reviews.jsonl")
    assert [r.rating for r in read.reviews] == [3]
    assert lines(read) == [
        "content/reviews.jsonl:2: not valid JSON: Unterminated string starting at (column 30)\n"
        "    hint: the last line has no line end: a write cut short (a crash?); the next review or import"
        " drops it and keeps the file as it was in reviews.jsonl.bak"]
    review = Review("variance-1", datetime(2026, 10, 9, 8, 0, tzinfo=UTC), 2, 900)
    assert append_reviews(str(log), [review]) == 1
    assert (tmp_path / "reviews.jsonl.bak").read_text() == cut
    assert log.read_text() == GOOD + "\n" + review.line() + "\n"
    assert read_log(str(log)).problems == []


def test_a_whole_review_without_its_line_end_is_kept(tmp_path):
    log = tmp_path / "reviews.jsonl"
    log.write_text(GOOD)
    review = Review("variance-1", datetime(2026, 10, 9, 8, 0, tzinfo=UTC), 2, 900)
    append_reviews(str(log), [review])
    assert log.read_text() == GOOD + "\n" + review.line() + "\n"
    assert not (tmp_path / "reviews.jsonl.bak").exists()


def test_two_imports_at_once_write_each_review_once(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    reviews = [Review(f"card-{i % 50}", start + timedelta(minutes=i), 1 + i % 4, i) for i in range(10_000)]
    export = tmp_path / "export.json"
    export.write_text(export_json(reviews))
    command = [sys.executable, "-m", "studyfolio.cli", "reviews", "import", str(export), "--content", str(content)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = sorted(run.communicate(timeout=120)[0] for run in runs)
    assert [run.returncode for run in runs] == [0, 0]
    log = content / "reviews.jsonl"
    assert outs == [
        f"Imported 0 new review(s) into {log} (10000 already there).\n",
        f"Imported 10000 new review(s) into {log} (0 already there).\n",
    ]
    assert len(log.read_text().splitlines()) == 10_000
    assert main(["reviews", "import", str(export), "--content", str(content)]) == 0  # idempotent
    assert len(log.read_text().splitlines()) == 10_000
