"""Complete each card once inline Markdown has run: id, level, tags and video link as data
attributes, one card per cloze number, the reversed twin of a two-way card; report what is
missing or malformed. The HTML it leaves is the contract decks and review pages read."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.treeprocessors import Treeprocessor

from ..core.source import NoteSource, note_of
from ..core.video import format_timestamp, is_web_address, parse_timestamp, video_link
from .block import SPEC_ATTR
from .cloze import (
    FORMS,
    REASON_ATTR,
    SOURCE_ATTR,
    deletions,
    masked,
    numbers,
    revealed,
    strip_sources,
)
from .ids import cloze_answers, derived_id
from .slugs import SlugRules
from .spec import CardSpec, CardState
from .srschedule import UnreadSchedule

HINTS = {
    ("question", "block"): "write the question after the bar: /// card | What is ...?",
    ("question", "inline"): "write question::answer, or the question above a line holding only ?",
    ("answer", "block"): "write the answer between the /// card line and the closing ///",
    ("answer", "inline"): "write the answer after the ::, or below the line holding only ?",
}


@dataclass(frozen=True)
class NoteInfo:
    """What cards take from their note: its slug, its Video: and its tags (as slugs)."""

    slug: str
    video: str | None
    tags: tuple[str, ...]
    duration: int | None = None  # the video's length in seconds, from `Duration:`


def has_content(el: etree.Element) -> bool:
    return bool((el.text or "").strip()) or len(el) > 0


def append_content(target: etree.Element, source: etree.Element, *, unwrap: bool = False,
                   move: bool = False) -> None:
    """Append `source`'s text and children to `target` (a copy unless `move`); a lone <p> is
    unwrapped."""
    if unwrap and len(source) == 1 and source[0].tag == "p" and not (source.text or "").strip():
        source = source[0]
    if not move:
        source = copy.deepcopy(source)
    if source.text:
        if len(target):
            target[-1].tail = (target[-1].tail or "") + source.text
        else:
            target.text = (target.text or "") + source.text
    for child in source:
        target.append(child)


class CardBuilder:
    """Turns one card skeleton (from the card block) into its finished <details> element(s)."""

    def __init__(self, spec: CardSpec, info: NoteInfo, note: NoteSource, rules: SlugRules):
        self.spec = spec
        self.info = info
        self.note = note
        self.level = spec.options.get("level")
        own = {rules.tag(tag) for tag in (*spec.options.get("tags", ()), *spec.decks)}
        self.tags = sorted(set(info.tags) | own)
        self.at = spec.options.get("at")
        self.video_url = self.link()

    def link(self) -> str | None:
        if self.at is None:
            return None
        if not self.info.video:
            self.note.error(
                self.spec.option_lines.get("at", self.spec.line),
                f"card has at: {self.at.text} but the note has no Video:",
                "add Video: <the video's URL> to the note's metadata, or remove at:",
            )
            return None
        if self.info.duration is not None and self.at.seconds > self.info.duration:
            self.note.error(
                self.spec.option_lines.get("at", self.spec.line),
                f"card has at: {self.at.text}, past the end of the video"
                f" (Duration: {format_timestamp(self.info.duration)})",
                "check the time, or the note's Duration:",
            )
        return video_link(self.info.video, self.at.seconds)

    def build(self, skeleton: etree.Element) -> list[etree.Element]:
        question, answer = skeleton[0][0], skeleton[1]
        if deletions(question) or deletions(answer):
            return self.cloze(question, answer)
        self.require(question, "question")
        self.require(answer, "answer")
        base = self.spec.options.get("id") or derived_id(self.info.slug, self.spec.question)
        if not self.spec.two_way:
            return [self.card(base, "basic", question, answer, unwrap=False, move=True, sibling=0)]
        flipped = etree.Element("div")
        append_content(etree.SubElement(flipped, "p"), question)
        return [self.card(base, "basic", question, answer, unwrap=False, sibling=0),
                self.card(f"{base}-r", "reversed", answer, flipped, unwrap=True, move=True, sibling=1)]

    def require(self, el: etree.Element, part: str) -> None:
        if has_content(el):
            return
        self.note.error(self.spec.line, f"card has no {part}", HINTS[part, self.spec.origin])
        if part == "question":
            el.text = "(no question)"
        else:
            etree.SubElement(el, "p", {"class": "card-missing"}).text = "(no answer)"

    def cloze(self, question: etree.Element, answer: etree.Element) -> list[etree.Element]:
        in_question = bool(deletions(question))
        if in_question and deletions(answer):
            self.note.error(
                self.spec.line,
                "cloze deletions in both the question and the answer",
                "a cloze card is one text: put the deletions in the question, or leave the"
                " question out and write the text in the card's body",
            )
        source = self.spec.question if in_question else self.spec.body
        base = self.spec.options.get("id") or derived_id(self.info.slug, cloze_answers(source))
        if in_question:
            text = etree.Element("div")
            append_content(etree.SubElement(text, "p"), question)
            prompt, extra = None, answer
        else:
            text, prompt, extra = answer, (question if has_content(question) else None), None
        cards = []
        for sibling, number in enumerate(numbers([text])):
            shown = etree.Element("div")
            if prompt is not None:
                append_content(etree.SubElement(shown, "span", {"class": "card-prompt"}), prompt)
                shown[-1].tail = " "
            append_content(shown, masked(text, number), unwrap=True, move=True)
            solved = revealed(text, number)
            if extra is not None and has_content(extra):
                append_content(etree.SubElement(solved, "div", {"class": "card-extra"}), extra)
            cards.append(self.card(f"{base}-c{number}", "cloze", shown, solved, cloze=number,
                                   move=True, sibling=sibling))
        return cards

    def card(self, card_id, kind, question, answer, *, unwrap=True, cloze=None,
             move=False, sibling=0) -> etree.Element:
        attrs = {"class": "card", "id": f"card-{card_id}", "data-card-id": card_id,
                 "data-note": self.info.slug, "data-kind": kind}
        if self.level:
            attrs["data-level"] = self.level
        attrs["data-tags"] = " ".join(self.tags)
        if self.spec.decks:
            attrs["data-deck"] = " ".join(self.spec.decks)
        if cloze is not None:
            attrs["data-cloze"] = str(cloze)
        if self.video_url:
            attrs["data-video-url"] = self.video_url
        attrs["data-line"] = str(self.spec.line)
        schedule = self.spec.sr_schedule[sibling] if sibling < len(self.spec.sr_schedule) else None
        if isinstance(schedule, UnreadSchedule):
            self.note.warning(self.spec.line, f"review schedule '{schedule.group}' not read: {schedule.reason};"
                              " the card starts as new", "review it once in Studyfolio, or fix the comment")
        elif schedule is not None:  # Obsidian's SR comment: one `!` group per card of the text
            attrs["data-sr"] = f"{schedule.due.isoformat()},{schedule.interval},{schedule.ease}"
        details = etree.Element("details", attrs)
        summary = etree.SubElement(details, "summary")
        append_content(etree.SubElement(summary, "span", {"class": "card-question"}), question,
                       unwrap=unwrap, move=move)
        badges = etree.Element("span", {"class": "card-badges"})
        if self.level:
            badge = etree.SubElement(badges, "span", {"class": f"card-level level-{self.level}"})
            etree.SubElement(badge, "span", {"class": "visually-hidden"}).text = "Level: "
            badge[-1].tail = self.level
        if kind != "basic":
            label = f"cloze {cloze}" if cloze is not None else "reversed"
            etree.SubElement(badges, "span", {"class": "card-kind"}).text = label
        if len(badges):
            summary.append(badges)
        append_content(etree.SubElement(details, "div", {"class": "card-answer"}), answer, move=move)
        if self.video_url:
            where = etree.SubElement(details, "p", {"class": "card-video"})
            link = etree.SubElement(where, "a", {"href": self.video_url, "rel": "noopener"})
            link.text = f"Watch at {format_timestamp(self.at.seconds)} in the video"
        return details


class CardFinalizer(Treeprocessor):
    """Runs after inline Markdown (priority 19): reports loose problems, then finishes every card."""

    def __init__(self, md, state: CardState, rules: SlugRules):
        super().__init__(md)
        self.state = state
        self.rules = rules

    def note_info(self, note: NoteSource) -> NoteInfo:
        meta = getattr(self.md, "Meta", None) or note.front_matter
        video = (meta.get("video") or [""])[0].strip()
        tags = [t.strip() for value in meta.get("tags", []) for t in value.split(",") if t.strip()]
        try:
            duration = parse_timestamp((meta.get("duration") or [""])[0])
        except ValueError:
            duration = None  # no Duration:, or one the own-words plugin reports
        return NoteInfo(
            slug=self.rules.note(meta, note.path),
            video=video if is_web_address(video) else None,
            tags=tuple(sorted({self.rules.tag(tag) for tag in tags})),
            duration=duration,
        )

    def run(self, root: etree.Element) -> None:
        note = note_of(self.md)
        skeletons = [(parent, child) for parent in root.iter() for child in parent
                     if child.tag == "details" and SPEC_ATTR in child.attrib]
        if self.state.cloze_marked:
            self.report_cloze(root, skeletons, note)
            strip_sources(root)
        self.report_stray_headers(note)
        if not skeletons:
            return
        info = self.note_info(note)
        for parent, skeleton in reversed(skeletons):  # innermost first, should a card hold a card
            spec = self.state.specs[int(skeleton.attrib.pop(SPEC_ATTR))]
            cards = CardBuilder(spec, info, note, self.rules).build(skeleton)
            at = list(parent).index(skeleton)
            cards[-1].tail = skeleton.tail
            parent.remove(skeleton)
            for offset, card in enumerate(cards):
                parent.insert(at + offset, card)

    def report_cloze(self, root: etree.Element, skeletons: list, note: NoteSource) -> None:
        """Malformed cloze forms, and cloze deletions outside any card."""
        card_line: dict = {}
        for _, skeleton in reversed(skeletons):  # the innermost card names the line
            line = self.state.specs[int(skeleton.get(SPEC_ATTR))].line
            for span in skeleton.iter("span"):
                card_line.setdefault(span, line)
        for span in root.iter("span"):
            kind = span.get("class")
            if kind not in ("cloze-error", "cloze"):
                continue
            line = card_line.get(span)
            where = note.line_of(span.get(SOURCE_ATTR, "").split("\x02")[0], line or 1)
            if kind == "cloze-error":
                note.error(where, f"unknown cloze form '{span.get(SOURCE_ATTR)}': "
                           f"{span.get(REASON_ATTR)}", FORMS)
            elif line is None:
                span.set("class", "cloze cloze-stray")
                note.error(where, "cloze deletion outside a card",
                           "put it in a /// card block, or add Cards: inline to the note's"
                           " metadata to make its paragraph a card")

    def report_stray_headers(self, note: NoteSource) -> None:
        """Cards in a list item or a quote that Markdown left as text (the card block reports
        those it was handed)."""
        for line in self.state.stray_lines:
            if line not in self.state.claimed_strays:
                note.error(line, "card block not recognised",
                           "a card starts at the beginning of a line, outside lists and quotes, as"
                           " /// card | question")
