"""Roadmap pages of the fixture site: topics, notes, cards, progress, next up, graph, errors."""





from sitebuild import report_lines


def test_every_roadmap_problem_is_reported_once_together(studypath_build):
    assert studypath_build.returncode == 0, studypath_build.log
    assert report_lines(studypath_build.log) == [
        "content/notes/b-bad.md:4: unknown topic 'vectrs' in Topics",
        "content/notes/b-bad.md:6: unknown resource 'res:numpi'",
        # the review log's lines are reported by the review plugin (studyfolio.srs)
        "content/reviews.jsonl:2: not valid JSON: Expecting value (column 1)",
        "content/reviews.jsonl:3: 'rating' must be one of 1 (Again), 2 (Hard), 3 (Good), 4 (Easy), got 9",
        "content/reviews.jsonl:4: card 'gone' has 1 review (line 4) but no card has that id now; its note is unknown (an explicit id no card has now)",
        "content/roadmaps/broken.yml:2: unknown key 'summery' in the roadmap",
        "content/roadmaps/broken.yml:11: prerequisite cycle: alpha -> beta -> gamma -> alpha",
        "content/roadmaps/broken.yml:11: unknown prerequisite 'vectr' of topic 'beta'",
        "content/roadmaps/broken.yml:12: unknown resource 'islx' in topic 'beta'",
        "content/roadmaps/broken.yml:18: topic 'alpha' is in two stages: 'One' and 'Two' (first on line 6)",
    ]
    assert "hint: did you mean 'vectors'?" in studypath_build.log
    assert "Studyfolio found 9 error(s) and 1 warning(s)." in studypath_build.log


def test_index_lists_each_roadmap_with_its_progress(studypath_build):
    page = studypath_build.page("roadmaps/index.html")
    cards = page.find_class("roadmap-card")
    assert [c.findtext("h2/a") for c in cards] == ["Linear algebra basics", "A broken roadmap"]
    basics = cards[0]
    assert basics.find_class("progress")[0].text_content().split() == ["Topics", "with", "notes", "3", "/", "5"]
    assert [li.text_content().split()[-1] for li in basics.cssselect(".roadmap-card-stages li")] == ["2/2", "1/3"]


def test_topics_show_resources_notes_card_counts_and_status(studypath_build):
    page = studypath_build.page("roadmaps/basics/index.html")
    vectors = page.get_element_by_id("topic-vectors")
    assert vectors.get("data-topic") == "basics/vectors"
    assert "status-covered" in vectors.get("class")
    assert vectors.find_class("topic-status")[0].text == "Has notes"
    assert vectors.cssselect(".topic-description em")[0].text == "and"
    assert vectors.cssselect(".topic-description math")
    [resource] = vectors.cssselect(".topic-resources a.res-link")
    assert (resource.get("href"), resource.find_class("res-kind")[0].text) == ("/resources/#res-numpy", "tool")
    notes = vectors.cssselect(".topic-notes li")
    assert [(li.find("a").get("href"), li.find_class("card-count")[0].text) for li in notes] == [
        ("/notes/a-vectors/", "2 cards")]
    facts = {div.findtext("dt"): div.find("dd").text_content() for div in vectors.cssselect(".topic-facts > div")}
    assert facts["Cards reviewed"] == "1 of 2"
    matrices = page.get_element_by_id("topic-matrices")
    assert [a.get("href") for a in matrices.cssselect(".topic-facts a[href^='#topic-']")] == ["#topic-vectors"]
    assert matrices.cssselect(".topic-notes .card-count")[0].text == "1 card"


def test_progress_per_stage_and_overall_and_next_up(studypath_build):
    page = studypath_build.page("roadmaps/basics/index.html")

    def bars(element):
        return [" ".join(p.text_content().split()) for p in element.find_class("progress")]

    assert bars(page.find_class("roadmap-overall")[0]) == ["Topics with notes 3 / 5", "Cards reviewed 1 / 3"]
    stages = page.cssselect("section.stage")
    assert [s.get("id") for s in stages] == ["stage-1", "stage-2"]
    assert bars(stages[0]) == ["Topics with notes 2 / 2", "Cards reviewed 1 / 2"]
    assert bars(stages[1]) == ["Topics with notes 1 / 3", "Cards reviewed 0 / 1"]
    next_up = [a.get("href") for a in page.cssselect(".next-up-list a")]
    assert next_up == ["#topic-eigen"]
    assert "status-next" in page.get_element_by_id("topic-eigen").get("class")
    assert "status-open" in page.get_element_by_id("topic-svd").get("class")


def test_graph_is_inline_svg_with_every_topic_and_edge_and_a_list_twin(studypath_build):
    page = studypath_build.page("roadmaps/basics/index.html")
    svgs = page.cssselect("svg.roadmap-graph")
    # Wider than a phone as layers, so a one-column drawing comes too; the CSS shows one of them.
    assert [svg.get("class") for svg in svgs] == ["roadmap-graph graph-wide", "roadmap-graph graph-narrow"]
    for svg in svgs:
        nodes = svg.cssselect("g.graph-node")
        assert sorted(n.get("data-node") for n in nodes) == ["dot-product", "eigen", "matrices", "svd", "vectors"]
        edges = sorted((p.get("data-from"), p.get("data-to")) for p in svg.cssselect("path.graph-edge"))
        assert edges == [("dot-product", "eigen"), ("eigen", "svd"), ("matrices", "eigen"),
                         ("vectors", "dot-product"), ("vectors", "matrices")]
        links = svg.cssselect("a")
        assert all(a.get("tabindex") is None and a.get("href").startswith("#topic-") for a in links)
        assert links[0].get("aria-label") == "Vectors (has notes)"
        assert svg.get("role") == "group"
        title = svg.find("title")
        assert svg.get("aria-labelledby") == title.get("id")
    assert len({svg.find("title").get("id") for svg in svgs}) == 2, "each drawing has ids of its own"
    items = page.cssselect(".graph-list li")
    assert [" ".join(li.text_content().split()) for li in items] == [
        "Vectors: a starting point",
        "Dot product: builds on Vectors",
        "Matrices: builds on Vectors",
        "Eigenvectors: builds on Matrices, Dot product",
        "Singular value decomposition: builds on Eigenvectors",
    ]
    assert not page.cssselect("script[src^='http']")


def test_a_roadmap_with_a_cycle_still_has_a_page_without_a_graph(studypath_build):
    page = studypath_build.page("roadmaps/broken/index.html")
    assert not page.cssselect("svg.roadmap-graph")
    assert "not drawn while the prerequisites have a cycle" in page.find_class("graph-section")[0].text_content()
    assert [li.get("id") for li in page.cssselect(".topic-card")] == ["topic-alpha", "topic-beta", "topic-gamma"]


def test_marks_need_javascript_so_their_controls_start_hidden(studypath_build):
    page = studypath_build.page("roadmaps/basics/index.html")
    assert page.cssselect("[data-roadmap-tools]")[0].get("hidden") is not None
    assert all(group.get("hidden") is not None for group in page.cssselect("[data-topic-mark]"))


def test_each_topic_is_one_line_with_its_details_on_demand(studypath_build):
    page = studypath_build.page("roadmaps/basics/index.html")
    cards = page.cssselect(".topic-card")
    assert [c.get("data-status") for c in cards] == ["covered", "covered", "covered", "next", "open"]
    for card in cards:
        [details] = card.cssselect("details.topic-details")
        assert details.get("open") is None
        assert details.cssselect("summary h4")[0].text
        assert details.cssselect(".topic-facts"), "notes and resources are inside the details"
        assert not card.cssselect("summary button"), "the mark buttons are beside the summary, not in it"
    vectors = page.get_element_by_id("topic-vectors")
    assert vectors.cssselect("summary .topic-count")[0].text == "1 note"
    filters = page.cssselect("input[data-topic-filter]")
    assert [(f.get("value"), f.get("checked") is not None) for f in filters] == [
        ("all", True), ("next", False), ("open", False)]


def test_a_notes_topic_chips_link_to_their_topic_on_the_roadmap(studypath_build):
    chips = studypath_build.page("notes/a-vectors/index.html").cssselect(".note-topics .topic")
    assert [(c.tag, c.get("href"), c.text, c.get("data-pagefind-filter")) for c in chips] == [
        ("a", "/roadmaps/basics/#topic-vectors", "Vectors", "topic:vectors"),
        ("a", "/roadmaps/basics/#topic-dot-product", "Dot product", "topic:dot-product"),
    ]
    roadmap = studypath_build.page("roadmaps/basics/index.html")
    assert roadmap.get_element_by_id("topic-dot-product").cssselect("h4")[0].text == "Dot product"
    # a topic no roadmap has (reported above) stays text: nothing to click that goes nowhere
    [unknown] = studypath_build.page("notes/b-bad/index.html").cssselect(".note-topics .topic")
    assert (unknown.tag, unknown.text) == ("span", "vectrs")
    cards = studypath_build.page("topics/linear-algebra/index.html").cssselect(".note-card-topics a.topic")
    assert ("/roadmaps/basics/#topic-matrices", "Matrices") in [(a.get("href"), a.text) for a in cards]
