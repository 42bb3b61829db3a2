"""Report results: `path:line: [status] url: reason` lines, a summary, JSON lines, JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Iterable

from ..core.diagnostics import Diagnostic, Severity
from .records import SKIPPED, Result, Status


def condense(results: Iterable[Result]) -> list[Result]:
    """One line per place a person can fix. A link found in notes is reported there only; a link
    that comes from the theme (on every page) is reported once, with a count of the others."""
    groups: dict[tuple, list[Result]] = {}
    for result in sorted(results, key=order):
        groups.setdefault((result.link.target, result.verdict), []).append(result)
    kept = []
    for group in groups.values():
        in_notes = [r for r in group if r.link.in_source]
        if in_notes:
            kept += list(dict.fromkeys(in_notes))
            continue
        first, others = group[0], len({r.link.page for r in group[1:]} - {group[0].link.page})
        if others:
            more = f"{others} more page" + ("s" if others > 1 else "")
            first = first._replace(verdict=first.verdict._replace(
                reason=f"{first.verdict.reason} (also on {more})"))
        kept.append(first)
    return sorted(kept, key=order)


def order(result: Result) -> tuple:
    link = result.link
    return (not link.in_source, link.path, link.line, link.url, result.verdict.status)


def diagnostics(results: Iterable[Result], *, strict: bool) -> list[Diagnostic]:
    """Build-time problems as core diagnostics: warnings, or errors in strict mode."""
    severity = Severity.ERROR if strict else Severity.WARNING
    found = []
    for result in condense(results):
        link, verdict = result.link, result.verdict
        message = f"[{verdict.status}] {link.url}: {verdict.reason}"
        found.append(Diagnostic(link.path, link.line, message, verdict.hint, severity))
    return found


def summary(results: list[Result], seconds: float, requests: int = 0, cached: int = 0) -> str:
    """'Checked N links (U unique) in S s: 900 ok, 3 broken, ...' with requests and cache hits."""
    counts = Counter(r.verdict.status for r in results)
    unique = len({r.link.target for r in results})
    parts = [f"{counts[s]} {s}" for s in Status if counts[s]]
    text = f"Checked {len(results)} links ({unique} unique) in {seconds:.1f} s: "
    text += ", ".join(parts) if parts else "nothing to check"
    extra = []
    if requests:
        extra.append(f"{requests} requests")
    if cached:
        extra.append(f"{cached} from the cache")
    return text + (f" ({', '.join(extra)})" if extra else "") + "."


def record(result: Result) -> dict:
    link, verdict = result.link, result.verdict
    return {
        "path": link.path, "line": link.line, "url": link.url, "target": link.target,
        "page": link.page, "status": str(verdict.status), "reason": verdict.reason,
        "code": verdict.code, "final": verdict.final, "hint": verdict.hint,
    }


def write_json_lines(path: str, results: Iterable[Result]) -> None:
    """One JSON object a line for every link occurrence, in report order."""
    with open(path, "w", encoding="utf-8") as handle:
        for result in sorted(results, key=order):
            handle.write(json.dumps(record(result), ensure_ascii=False, sort_keys=True) + "\n")


def write_junit(path: str, results: Iterable[Result], seconds: float) -> None:
    """JUnit XML for CI: a test case per reported place; failures fail, exclusions are skipped."""
    cases = condense(results)
    failed = sum(1 for r in cases if r.verdict.status.failed)
    skipped = sum(1 for r in cases if r.verdict.status in SKIPPED)
    suite = etree.Element("testsuite", name="studyfolio.linkcheck", tests=str(len(cases)),
                          failures=str(failed), errors="0", skipped=str(skipped),
                          time=f"{seconds:.3f}")
    for result in cases:
        link, verdict = result.link, result.verdict
        case = etree.SubElement(suite, "testcase", classname=link.path,
                                name=f"{link.line}: {link.url}")
        message = f"[{verdict.status}] {verdict.reason}"
        if verdict.status.failed:
            failure = etree.SubElement(case, "failure", type=str(verdict.status), message=message)
            failure.text = result.format()
        elif verdict.status in SKIPPED:
            etree.SubElement(case, "skipped", message=message)
    tree = etree.ElementTree(etree.Element("testsuites"))
    tree.getroot().append(suite)
    etree.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
