"""Card HTML as terminal text, and durations as the short labels on the rating buttons."""

from __future__ import annotations

import re

from lxml import html as lxml_html

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BLOCKS = {"p", "div", "pre", "ul", "ol", "table", "tr", "blockquote", "h1", "h2", "h3", "h4", "figure"}


def _walk(element, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    local = tag.rsplit("}", 1)[-1]
    if local == "math":
        tex = element.xpath('.//*[local-name()="annotation"][@encoding="application/x-tex"]/text()')
        display = element.get("display") == "block"
        text = tex[0].strip() if tex else " ".join(element.itertext()).strip()
        out.append(f"\n$${text}$$\n" if display else f"${text}$")
    elif local in ("script", "style"):
        pass
    else:
        if local == "br":
            out.append("\n")
        elif local == "li":
            out.append("\n- ")
        elif local in BLOCKS:
            out.append("\n")
        if element.text:
            out.append(element.text)
        for child in element:
            _walk(child, out)
        if local in BLOCKS:
            out.append("\n")
    if element.tail:
        out.append(element.tail)


def visible(text: str) -> str:
    """`text` safe to print: control characters (ESC starts the sequences that move the cursor,
    retitle the window or clear the screen) shown in caret notation, `^[`, instead of run."""
    return CONTROL.sub(lambda m: "^" + chr((ord(m.group()) + 64) % 128)
                       if ord(m.group()) < 128 else "\ufffd", text)


def html_text(fragment: str) -> str:
    """Readable text for a card's question or answer HTML; math shows as its TeX source.
    Control characters come out visible (see `visible`): lxml refuses them in any case."""
    if not fragment or not fragment.strip():
        return ""
    root = lxml_html.fragment_fromstring(visible(fragment), create_parent="div")
    out: list[str] = [root.text or ""]
    for element in root:
        _walk(element, out)
    lines = [" ".join(line.split()) for line in "".join(out).splitlines()]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def interval_label(seconds: float) -> str:
    """`1m`, `5.5m`, `10m`, `3h`, `4d`, `2.3mo`, `1.4y`: what a rating button says."""
    minutes = seconds / 60
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return _short(minutes) + "m"
    hours = minutes / 60
    if hours < 24:
        return _short(hours) + "h"
    days = hours / 24
    if days < 31:
        return _short(days) + "d"
    if days < 365:
        return _short(days / 30.4375) + "mo"
    return _short(days / 365.25) + "y"


def _short(value: float) -> str:
    """One decimal under 10 when it matters (5.5), whole numbers otherwise."""
    if value < 10 and abs(value - round(value)) >= 0.05:
        return f"{value:.1f}"
    return str(round(value))
