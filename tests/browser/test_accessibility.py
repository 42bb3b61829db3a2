"""Every page kind of the demo site checked by axe-core in light and dark, on a desktop and a phone
screen: no serious or critical violation; and a focus ring that stands out from what is behind it."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

PAGES = {
    "home": "/",
    "note": "/notes/svd-and-pca/",
    "archives": "/archives/",
    "tags": "/tags/",
    "tag": "/tags/calculus/",
    "areas": "/topics/",
    "area": "/topics/calculus/",
    "deck": "/cards/notes/svd-and-pca/",
    "cards": "/cards/",
    "review": "/review/",
    "roadmap": "/roadmaps/math-for-ml/",
    "roadmaps": "/roadmaps/",
    "resources": "/resources/",
    "search": "/search/?q=variance",
    "profile": "/profile/",
    "404": "/404.html",
}
# What a page's script fills in, waited for before axe looks (it would check a half-drawn page).
READY = {"search": ".search-result", "review": ".review-reveal:visible", "roadmap": ".topic-mark:visible"}
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    # Off by default as "experimental": a visible label that the accessible name leaves out.
    "rules": {"label-content-name-mismatch": {"enabled": True}},
}
SEVERE = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    return axe_sync.Axe()


@pytest.fixture(scope="module", params=[("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)],
                ids=lambda p: f"{p[0]}-{p[1]}")
def screen(request, browser):
    """One browser context and page per colour scheme and width, shared by the tests below."""
    scheme, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 860}, color_scheme=scheme)
    page = context.new_page()
    yield page
    context.close()


def severe_violations(axe, page) -> list[str]:
    """`rule: selector (impact)` for each serious or critical violation on the page."""
    found = []
    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        if violation["impact"] in SEVERE:
            found += [f"{violation['id']}: {' '.join(map(str, node['target']))} ({violation['impact']})"
                      for node in violation["nodes"]]
    return found


def test_no_serious_or_critical_violation_on_any_page_kind(demo_site, screen, axe):
    report = {}
    for kind, path in PAGES.items():
        screen.goto(demo_site + path)
        if kind in READY:
            screen.locator(READY[kind]).first.wait_for()
        assert screen.evaluate("document.documentElement.dataset.theme") == screen.evaluate(
            "matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'")
        violations = severe_violations(axe, screen)
        if violations:
            report[kind] = violations
    assert report == {}


def test_the_open_search_dialog_has_no_serious_or_critical_violation(demo_site, screen, axe):
    screen.goto(demo_site + "/")
    screen.keyboard.press("/")
    screen.keyboard.type("variance")
    screen.locator("dialog.search-dialog[open] .search-result").first.wait_for()
    assert severe_violations(axe, screen) == []


def channels(color: str) -> tuple[float, ...]:
    numbers = re.fullmatch(r"rgba?\(([^)]*)\)", color)
    assert numbers, f"not an sRGB colour: {color}"
    values = [float(v) for v in re.split(r"[,\s/]+", numbers.group(1).strip())]
    return tuple(values[:3]) + ((values[3],) if len(values) > 3 else (1.0,))


def luminance(color: str) -> float:
    """WCAG relative luminance of an opaque `rgb(...)` colour."""
    def linear(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue, _alpha = channels(color)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# The ring is drawn outside the element (outline-offset), so what it must stand out from is the
# first opaque background around the element, not the element's own.
RING = """element => {
    element.focus();
    const style = getComputedStyle(element);
    let around = element.parentElement;
    let background = "rgb(255, 255, 255)";
    for (; around; around = around.parentElement) {
        const color = getComputedStyle(around).backgroundColor;
        const alpha = color.match(/rgba\\(.*,\\s*([\\d.]+)\\)/);
        if (!alpha || parseFloat(alpha[1]) === 1) { if (color !== "rgba(0, 0, 0, 0)") { background = color; break; } }
    }
    return {visible: element.matches(":focus-visible"), style: style.outlineStyle,
            width: parseFloat(style.outlineWidth), ring: style.outlineColor, background};
}"""


@pytest.mark.parametrize(("path", "selector"), [
    ("/", "main a[href]"),
    ("/", ".site-header a[href]"),
    ("/notes/svd-and-pca/", ".note-body a[href]"),
    ("/review/", "button.review-reveal"),
    ("/roadmaps/math-for-ml/", "button.mark-button"),
])
def test_the_focus_ring_is_at_least_3_to_1_against_its_background(demo_site, screen, path, selector):
    screen.goto(demo_site + path)
    target = screen.locator(selector).first
    target.wait_for()
    ring = target.evaluate(RING)
    assert ring["visible"] and ring["style"] != "none" and ring["width"] >= 2, ring
    assert contrast(ring["ring"], ring["background"]) >= 3, ring
