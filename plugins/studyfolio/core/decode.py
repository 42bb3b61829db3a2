"""A note's bytes as text: UTF-8 (a byte-order mark dropped), every line ending as `\\n`.

A byte that is not UTF-8 is reported at its line with its offset and shown as U+FFFD, so the
rest of the note is still published; a NUL byte, which no text editor writes, likewise. A file
that is mostly such bytes is not a note at all (an image or a document saved as `.md`)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

REPLACEMENT = "\ufffd"
BINARY_SHARE = 0.3  # more bytes that text never holds than this in the first 8 KB: not text
CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
SAMPLE = 8192
ERRORS = "studyfolio-note-bytes"
UTF8_HINT = "save the note as UTF-8 (most editors offer it under 'Save with encoding')"


class NotText(ValueError):
    """The file is not text; `offset` is where the first byte that text does not hold is."""

    def __init__(self, offset: int, byte: int):
        super().__init__(f"not a text file (the byte at offset {offset} is 0x{byte:02x})")
        self.offset = offset
        self.byte = byte


@dataclass
class Decoded:
    """The text, and `(line, message, hint)` for each kind of byte that had to be replaced."""

    text: str
    problems: list[tuple[int, str, str]] = field(default_factory=list)


def decode_recording(data: bytes) -> tuple[str, list[int]]:
    """The text (undecodable bytes as U+FFFD) and the offsets of those bytes, in one pass."""
    found: list[int] = []

    def record(error: UnicodeDecodeError) -> tuple[str, int]:
        found.append(error.start)
        return REPLACEMENT, error.end

    codecs.register_error(ERRORS, record)
    return data.decode("utf-8", errors=ERRORS), found


def looks_binary(data: bytes, invalid: list[int]) -> bool:
    """Many control or undecodable bytes near the start: an image, archive or document, not
    text in another encoding (Latin-1 French is about 3% accented letters)."""
    sample = data[:SAMPLE]
    odd = len(CONTROL.findall(sample)) + sum(1 for offset in invalid if offset < SAMPLE)
    return odd > max(8, BINARY_SHARE * len(sample))


def line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_note(data: bytes) -> Decoded:
    """The note's text; raises NotText for a binary file."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text, invalid = decode_recording(data)
    nul = [match.start() for match in re.finditer(b"\\x00", data)]
    if looks_binary(data, invalid):
        control = CONTROL.search(data)  # control bytes alone can make a file binary
        first = min(invalid[:1] + ([control.start()] if control else []))
        raise NotText(first, data[first])
    decoded = Decoded(text.replace("\x00", REPLACEMENT).replace("\r\n", "\n").replace("\r", "\n"))
    if invalid:
        first = invalid[0]
        others = len(invalid) - 1
        more = f", nor {'is' if others == 1 else 'are'} {others} more" if others else ""
        decoded.problems.append((
            line_at(data, first),
            f"the byte at offset {first} (0x{data[first]:02x}) is not UTF-8{more}; "
            f"shown as {REPLACEMENT}",
            UTF8_HINT,
        ))
    if nul:
        more = f" and {len(nul) - 1} more" if len(nul) > 1 else ""
        decoded.problems.append((
            line_at(data, nul[0]),
            f"a NUL byte at offset {nul[0]}{more}; shown as {REPLACEMENT}",
            "delete it: it is invisible in most editors (search for \\x00 or \\0)",
        ))
    return decoded
