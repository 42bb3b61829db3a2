"""The learning profile page (/profile/): its figures against a fixture site whose answers are known,
and its honest empty state when the review log is empty."""

import shutil

import pytest

from sitebuild import ROOT, build_site

FIXTURE = ROOT / "tests" / "fixtures" / "portfolio"


def texts(page, selector: str) -> list[str]:
    return [" ".join(element.text_content().split()) for element in page.cssselect(selector)]


def cells(page, selector: str) -> list[list[str]]:
    return [[" ".join(cell.text_content().split()) for cell in row] for row in page.cssselect(selector)]


@pytest.fixture(scope="module")
def profile_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("portfolio") / "output"
    build = build_site(FIXTURE / "portfolioconf.py", output, cwd=FIXTURE)
    assert build.returncode == 0, build.log
    return build


def test_figures_are_counted_from_the_notes_and_the_log(profile_build):
    page = profile_build.page("profile/index.html")
    assert texts(page, ".profile-figures li") == [
        "3 notes written",
        "2 areas covered",
        "3 flashcards written",
        "2 of them reviewed (6 reviews)",  # the review of a card no note has is not counted
        # variance-what: Good, Good (now in review), Good (recalled), Again (forgotten);
        # median-outliers: Easy (in review at once), Good (recalled): 2 of 3 recalled
        "67% recalled in the 30 days to 15 Nov 2026 (3 reviews of cards in review)",
        "2 days: longest study streak",
    ]
    assert texts(page, ".lead") == [
        "3 notes written between 3 September 2026 and 2 November 2026, each in my own words, with 3 flashcards to keep it."
    ]


def test_notes_per_month_chart_has_a_bar_and_a_table_row_per_month(profile_build):
    page = profile_build.page("profile/index.html")
    assert cells(page, "#profile-months-table tbody tr") == [["September 2026", "2"], ["October 2026", "0"], ["November 2026", "1"]]
    chart = page.cssselect("svg.profile-chart")[0]
    assert chart.get("role") == "img" and chart.get("aria-describedby") == "profile-months-table"
    assert [t.text for t in chart.iter("{*}title", "title")] == [
        "September 2026: 2 notes", "October 2026: 0 notes", "November 2026: 1 note",
    ]
    heights = [float(r.get("height")) for r in chart.cssselect(".profile-bar")]
    assert heights[0] == 2 * heights[2] and "profile-bar-empty" in chart.cssselect(".profile-bar")[1].get("class")


def test_areas_latest_notes_and_links_from_home(profile_build):
    page = profile_build.page("profile/index.html")
    assert cells(page, ".profile-area") == [["Statistics", "2", "3", "2"], ["Linear algebra", "1", "0", "0"]]
    assert texts(page, ".profile-area-topics") == [
        "Statistics: Roadmap topics covered: variance", "Linear algebra: Roadmap topics covered: none yet",
    ]
    assert texts(page, ".profile-latest li a") == ["Vectors as arrows", "The mean & the median", "Variance, my way"]
    home = profile_build.page("index.html")
    assert home.cssselect("a.profile-link")[0].get("href") == "https://learner.example.net/profile/"
    assert "https://learner.example.net/profile/" in profile_build.text("sitemap.xml")


def test_an_empty_log_gives_an_honest_empty_state(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    (site / "content" / "reviews.jsonl").unlink()
    build = build_site(site / "portfolioconf.py", tmp_path / "output", cwd=site)
    assert build.returncode == 0, build.log
    page = build.page("profile/index.html")
    figures = texts(page, ".profile-figures li")
    assert figures[3:5] == ["0 of them reviewed (0 reviews)", "– retention: no reviews yet"]
    assert texts(page, ".empty-state")[0].startswith("No reviews in the review log yet")
    assert texts(page, ".study-heatmap-summary")[0].startswith("0 reviews on 0 days and 3 notes published")
