"""TeX to MathML with the TeX source kept as an annotation; invalid TeX raises TexError."""

from __future__ import annotations

import functools
import html
import re
from xml.etree import ElementTree as ET

from latex2mathml import exceptions as l2m_errors
from latex2mathml.converter import convert_to_element

# latex2mathml's exceptions carry no message; these say what the learner should fix.
MESSAGES = {
    l2m_errors.DenominatorNotFoundError: "\\frac needs a denominator: \\frac{a}{b}",
    l2m_errors.NumeratorNotFoundError: "\\frac needs a numerator: \\frac{a}{b}",
    l2m_errors.MissingSuperScriptOrSubscriptError: "^ or _ is not followed by anything",
    l2m_errors.DoubleSubscriptsError: "double subscript: write x_{ab}, not x_a_b",
    l2m_errors.DoubleSuperscriptsError: "double superscript: write x^{ab}, not x^a^b",
    l2m_errors.ExtraLeftOrMissingRightError: "\\left without a matching \\right",
    l2m_errors.MissingEndError: "\\begin without a matching \\end",
    l2m_errors.InvalidAlignmentError: "invalid column alignment in an array",
    l2m_errors.LimitsMustFollowMathOperatorError: "\\limits must follow an operator such as \\sum",
    l2m_errors.NoAvailableTokensError: "the formula ends too early",
}


# Standard TeX commands latex2mathml does not know (or draws as a letter), written the way it
# does know them: \sim is a relation, \lVert and \rVert are the norm's bars.
ALIASES = {"arg": r"\operatorname{arg}", "sim": r"\thicksim", "lVert": r"\|", "rVert": r"\|",
           "lvert": "|", "rvert": "|"}
ALIAS = re.compile(r"\\(" + "|".join(ALIASES) + r")(?![A-Za-z])")
# Delimiters after \big, \Big, \bigg, \Bigg, which latex2mathml leaves as their TeX names.
DELIMITERS = {
    "\\|": "\u2016", "\\Vert": "\u2016", "\\vert": "|", "\\langle": "\u27e8", "\\rangle": "\u27e9",
    "\\{": "{", "\\}": "}", "\\lfloor": "\u230a", "\\rfloor": "\u230b", "\\lceil": "\u2308",
    "\\rceil": "\u2309", "\\backslash": "\\",
}
# Operators whose limits go under them in a display formula, as TeX (and MathJax) set them.
LIMITS_UNDER = {"max", "min", "lim", "sup", "inf", "liminf", "limsup", "det", "gcd", "Pr", "argmax", "argmin"}
BOLD = {"bold": "font-weight: bold", "bold-italic": "font-weight: bold; font-style: italic"}


MAX_DEPTH = 100  # braces; deeper formulas would exhaust the converter's recursion
TOO_DEEP = "the formula is nested too deeply to convert"


# AMS environments latex2mathml does not lay out, written as the ones it does: aligned columns
# as align*, centred rows as a one-column array, equation as its content.
ALIGNED = re.compile(r"\\(begin|end)\{(aligned|flalign\*?|eqnarray\*?|alignat\*?)\}(?:\{\d+\})?")
CENTRED = re.compile(r"\\(begin|end)\{(gather\*?|gathered|multline\*?)\}")
EQUATION = re.compile(r"\\(begin|end)\{equation\*?\}")
EQNARRAY_ROW = re.compile(r"^([^&]*)&([^&]*)&(.*)$", re.DOTALL)


def as_known_environments(tex: str) -> str:
    """`tex` with aligned, flalign, eqnarray, alignat, gather, gathered, multline and equation
    rewritten as align*, a centred array or plain content (what latex2mathml lays out)."""
    if "\\begin" not in tex:
        return tex
    if "eqnarray" in tex:  # `a &=& b`: the relation joins the right column
        tex = re.sub(r"(\\begin\{eqnarray\*?\})(.*?)(\\end\{eqnarray\*?\})",
                     lambda m: m.group(1) + "\\\\".join(EQNARRAY_ROW.sub(r"\1&\2\3", row)
                                                      for row in m.group(2).split("\\\\")) + m.group(3),
                     tex, flags=re.DOTALL)
    tex = ALIGNED.sub(lambda m: f"\\{m.group(1)}{{align*}}", tex)
    tex = CENTRED.sub(lambda m: "\\begin{array}{c}" if m.group(1) == "begin" else "\\end{array}", tex)
    return EQUATION.sub("", tex)


class TexError(ValueError):
    """Invalid TeX; the message says what is wrong in the learner's terms."""


def check_braces(tex: str) -> None:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", tex):
        token = match.group()
        if token == "{":
            depth += 1
            if depth > MAX_DEPTH:
                raise TexError(f"braces nested more than {MAX_DEPTH} deep")
        elif token == "}":
            depth -= 1
            if depth < 0:
                raise TexError("unbalanced braces: a '}' closes nothing")
    if depth > 0:
        raise TexError(f"unbalanced braces: {depth} '{{' not closed")


def unknown_commands(root: ET.Element) -> list[str]:
    """latex2mathml passes unknown commands through as text such as <mi>\\foo</mi>."""
    return sorted(
        {el.text for el in root.iter() if el.text and re.fullmatch(r"\\[A-Za-z]+", el.text)}
    )


@functools.lru_cache(maxsize=16384)
def tex_to_mathml(tex: str, *, display: bool) -> str:
    """MathML for `tex`: <math> with <semantics> and an application/x-tex annotation.

    A pure function, memoised: notes repeat small formulas ($m$, $x_i$, $\\mu$) all the time.
    Errors are not cached, so each occurrence is still reported."""
    source = tex.strip()
    if not source:
        raise TexError("empty formula")
    check_braces(source)
    try:
        expanded = as_known_environments(ALIAS.sub(lambda m: ALIASES[m.group(1)], source))
        root = convert_to_element(expanded, display="block" if display else "inline")
    except RecursionError:
        raise TexError(TOO_DEEP) from None
    except tuple(MESSAGES) as error:
        raise TexError(MESSAGES[type(error)]) from None
    except (IndexError, KeyError, ValueError) as error:
        raise TexError(f"cannot read this formula ({type(error).__name__})") from None
    try:
        return with_annotation(root, source, display)
    except RecursionError:
        raise TexError(TOO_DEEP) from None


def mend(root: ET.Element, display: bool) -> None:
    """What latex2mathml's tree gets wrong, set right in place: delimiters left as TeX names,
    limits beside max/min/lim in a display, bold that browsers ignore (mathvariant), and a
    fraction missing an argument (an error)."""
    for element in root.iter():
        if element.tag == "mo" and element.text in DELIMITERS:
            element.text = DELIMITERS[element.text]
        if element.tag == "mfrac" and len(element) != 2:
            raise TexError("\\frac needs two arguments: \\frac{a}{b}")
        if element.get("mathvariant") in BOLD:
            element.set("style", BOLD[element.get("mathvariant")])
        if display and element.tag in ("msub", "msubsup") and len(element) and element[0].tag == "mo" \
                and (element[0].text or "").replace(" ", "") in LIMITS_UNDER:
            element.tag = "munder" if element.tag == "msub" else "munderover"


def with_annotation(root: ET.Element, source: str, display: bool = False) -> str:
    """The converted formula as MathML text, its TeX kept in <annotation> and alttext."""
    for element in root.iter():  # latex2mathml leaves entities such as &#x0003C; in the text
        if element.text and "&" in element.text:
            element.text = html.unescape(element.text)
    mend(root, display)
    unknown = unknown_commands(root)
    if unknown:
        raise TexError("unknown command " + ", ".join(unknown))
    semantics = ET.Element("semantics")
    semantics.extend(list(root))
    for child in list(root):
        root.remove(child)
    annotation = ET.SubElement(semantics, "annotation", encoding="application/x-tex")
    annotation.text = source
    root.append(semantics)
    root.set("alttext", source)
    return ET.tostring(root, encoding="unicode", short_empty_elements=False)
