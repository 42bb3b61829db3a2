"""Card ids: an explicit `id` wins; otherwise the note slug plus a hash of the normalized question.

Review history is keyed by these ids, so the derivation must not change when the learner only
fixes case, spacing or punctuation in a question."""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata

ASCII_PUNCTUATION = str.maketrans("", "", string.punctuation)
EXPLICIT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
CLOZE_MARKUP = re.compile(r"\{\{c\d+::(.*?)(?:::[^{}]*?)?\}\}", re.DOTALL)


def normalize_question(text: str) -> str:
    """Casefolded, punctuation and symbols stripped, whitespace collapsed: what the id hashes."""
    if text.isascii():  # the common case; ASCII punctuation and symbols are string.punctuation
        return " ".join(text.translate(ASCII_PUNCTUATION).lower().split())
    return normalize_unicode(text)


def normalize_unicode(text: str) -> str:
    """normalize_question for any text: NFKC, casefold, Unicode categories P* and S* removed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(" " if ch.isspace() else ch for ch in text if unicodedata.category(ch)[0] not in "PS")
    return " ".join(kept.split())


def cloze_answers(text: str) -> str:
    """Cloze source with each deletion replaced by its answer, so renumbering keeps the id."""
    return CLOZE_MARKUP.sub(lambda m: m.group(1), text)


def derived_id(note_slug: str, question: str) -> str:
    """`<note slug>-<first 8 hex digits of sha1 of the normalized question>`."""
    digest = hashlib.sha1(normalize_question(question).encode("utf-8")).hexdigest()
    return f"{note_slug}-{digest[:8]}"


def check_explicit_id(value: str) -> str:
    """The learner's `id` option, or ValueError naming it."""
    value = value.strip()
    if not EXPLICIT_ID.fullmatch(value):
        raise ValueError(
            f"card id '{value}' may hold only letters, digits, '-', '_' and '.', "
            "starting with a letter or digit"
        )
    return value


def anki_guid(base_id: str) -> str:
    """A stable Anki note GUID for a card id: re-importing updates the note, never duplicates it."""
    return "sf" + hashlib.sha1(f"studyfolio:{base_id}".encode()).hexdigest()[:16]
