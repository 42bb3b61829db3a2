"""The body of a new note: the study method's sections, each with a prompt the reader never sees.

Every prompt is an HTML comment. The block skeletons (explain, compare, card) are comments too,
so the new note builds with no problem and no placeholder ever reaches a published page: the
learner takes a block out of its comment when writing it. Out of its comment, the explain block
and the card build as they are; the compare block's resource ids are reported until replaced."""

from __future__ import annotations

import textwrap

WIDTH = 96
UNCOMMENT = "take it out of its comment (delete the line before it and the line after it)"

INTRO = (
    "A draft: only you see it, at /drafts/{slug}.html. Comments like this one are prompts for you;"
    " the page never shows them, so delete each once its section is written. Before you publish,"
    " add `Summary: one sentence` (and `Tags:`, `Audience:` if you like) to the lines at the top,"
    " then remove `Status: draft`."
)
OWN_WORDS = (
    "Explain the idea to a friend who is smart but has not met it yet, or to yourself six months"
    " from now. No pasted definitions: where you cannot say it plainly is where to dig."
)
FORMULA = (
    "Translate the formula symbol by symbol, then read the whole of it as one sentence. To use"
    f" the block below, {UNCOMMENT} and put your formula in place of the example; the build"
    " checks that every symbol you list is in the formula."
)
EXPLAIN = """\
/// explain | $y = mx + b$
$m$: how steep the line is
$b$: where the line crosses the y-axis

For every step to the right, y climbs by m, starting from b.
///"""
COMPARE = (
    "One idea, several explanations: what did the video, the course and the book each make"
    " clear, and what is the idea where they overlap? Name each resource by its id in"
    " content/resources.yml; a style is visual, intuitive, simple, practical or formal. To use"
    f" the block below, {UNCOMMENT}."
)
COMPARE_BLOCK = """\
//// compare | The idea of this note
/// explanation | res:RESOURCE-ID
    style: visual
What this resource made clear, in your words.
///
/// explanation | res:ANOTHER-RESOURCE-ID
    style: formal
What this one added.
///
My synthesis: what the explanations agree on, and what each angle is good for.
////"""
CARDS = (
    "A handful of questions this note answers, each easy, medium or hard; they join your reviews"
    f" once the note is published. To use the card below, {UNCOMMENT}; copy it for each question."
)
CARDS_AT = " `at:` is the moment of the video where the answer is: the card links there."
CARD = """\
/// card | A question this note answers?
    level: medium{at}
The answer, in a sentence or two of your own.
///"""


def prompt(text: str) -> str:
    """A comment the page never shows, wrapped like the rest of the note."""
    return textwrap.fill(f"<!-- {text} -->", WIDTH, break_long_words=False, break_on_hyphens=False)


def commented(block: str) -> str:
    return f"<!--\n{block}\n-->"


def section(heading: str, text: str, block: str = "") -> str:
    parts = [f"## {heading}", prompt(text)] + ([commented(block)] if block else [])
    return "\n\n".join(parts)


def body(slug: str, *, video: bool) -> str:
    """The note's text after its metadata header (and the blank line that ends it)."""
    card = CARD.format(at='\n    at: "00:00"' if video else "")
    sections = [
        prompt(INTRO.format(slug=slug)),
        section("In my own words", OWN_WORDS),
        section("The formula in plain English", FORMULA, EXPLAIN),
        section("How the resources compare", COMPARE, COMPARE_BLOCK),
        section("Cards", CARDS + (CARDS_AT if video else ""), card),
    ]
    return "\n\n".join(sections) + "\n"
