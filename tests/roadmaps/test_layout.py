"""The layered layout on generated DAGs: no boxes overlap, every edge is drawn, none crosses a box."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyfolio.roadmaps.layout import assign_lanes, column_layout, isotonic, layered_layout


@st.composite
def dags(draw):
    """Random DAGs: edges only go from an earlier node to a later one, in a shuffled order."""
    count = draw(st.integers(min_value=1, max_value=22))
    names = [f"t{i}" for i in range(count)]
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    edges = draw(st.lists(st.sampled_from(pairs), max_size=40, unique=True)) if pairs else []
    order = draw(st.permutations(names))
    sizes = {n: (draw(st.sampled_from([120.0, 150.0])), draw(st.sampled_from([34.0, 50.0, 66.0]))) for n in names}
    return list(order), edges, sizes


def inside(x, y, box) -> bool:
    return box.x < x < box.x + box.width and box.y < y < box.y + box.height


@settings(max_examples=150, deadline=None)
@given(dags())
def test_no_overlap_every_edge_drawn_and_no_edge_through_a_box(dag):
    nodes, edges, sizes = dag
    layout = layered_layout(nodes, edges, sizes)
    boxes = layout.boxes
    assert sorted(boxes) == sorted(nodes)
    placed = list(boxes.items())
    for i, (a, box_a) in enumerate(placed):
        assert (box_a.width, box_a.height) == sizes[a]
        assert box_a.x >= 0 and box_a.x + box_a.width <= layout.width
        assert box_a.y >= 0 and box_a.y + box_a.height <= layout.height
        for b, box_b in placed[i + 1:]:
            assert not box_a.overlaps(box_b), (a, b)
    assert sorted((r.source, r.target) for r in layout.routes) == sorted(edges)
    for route in layout.routes:
        source, target = boxes[route.source], boxes[route.target]
        assert source.rank < target.rank, "a prerequisite is drawn above what builds on it"
        assert route.points[0] == (source.center, source.bottom)
        assert route.points[-1] == (target.center, target.y)
        ys = [y for _, y in route.points]
        assert ys == sorted(ys), "edges run downwards"
        for (x1, y1), (x2, y2) in zip(route.points, route.points[1:], strict=False):
            if x1 != x2:
                # A curve between ranks: it stays in the gap, where there are no boxes.
                assert any(bottom == y1 for _, bottom in layout.bands)
                assert any(top == y2 for top, _ in layout.bands)
                assert all(not (b.y < y2 and y1 < b.bottom) for b in boxes.values())
            else:
                # A straight line inside a rank: it crosses no box but its own two ends.
                for name, box in boxes.items():
                    if name in (route.source, route.target):
                        continue
                    assert not (box.x <= x1 <= box.x + box.width and y1 < box.bottom and box.y < y2), name


@settings(max_examples=30, deadline=None)
@given(dags())
def test_same_graph_same_layout(dag):
    nodes, edges, sizes = dag
    assert layered_layout(nodes, edges, sizes) == layered_layout(nodes, edges, sizes)


def test_a_chain_reads_top_to_bottom_and_a_long_edge_gets_a_lane():
    sizes = {n: (100.0, 30.0) for n in "abc"}
    layout = layered_layout(["a", "b", "c"], [("a", "b"), ("b", "c"), ("a", "c")], sizes)
    assert [layout.boxes[n].rank for n in "abc"] == [0, 1, 2]
    long_edge = next(r for r in layout.routes if (r.source, r.target) == ("a", "c"))
    assert len(long_edge.points) == 6  # out of a, through rank 1 in its own lane, into c
    lane_x = long_edge.points[2][0]
    b = layout.boxes["b"]
    assert not b.x <= lane_x <= b.x + b.width


def test_a_cycle_is_refused_with_its_name():
    with pytest.raises(ValueError) as caught:
        layered_layout(["a", "b"], [("a", "b"), ("b", "a")], {"a": (1, 1), "b": (1, 1)})
    assert str(caught.value) == "the prerequisites have a cycle: a -> b -> a"


def test_isotonic_regression_pools_violators():
    assert isotonic([1.0, 3.0, 2.0, 4.0]) == [1.0, 2.5, 2.5, 4.0]
    assert isotonic([]) == []


@settings(max_examples=80, deadline=None)
@given(dags(), st.sampled_from([330.0, 600.0, 900.0]))
def test_a_width_limit_splits_ranks_and_keeps_every_box_inside_it(dag, limit):
    nodes, edges, sizes = dag
    layout = layered_layout(nodes, edges, sizes, limit)
    boxes = layout.boxes
    assert sorted(boxes) == sorted(nodes)
    for route in layout.routes:
        assert boxes[route.source].rank < boxes[route.target].rank
    for i, (a, box_a) in enumerate(boxes.items()):
        for b, box_b in list(boxes.items())[i + 1:]:
            assert not box_a.overlaps(box_b), (a, b)
    rows = {}
    for name, box in boxes.items():
        rows.setdefault(box.rank, []).append(name)
    for row in rows.values():
        if len(row) > 1:  # a row that has more than one box was filled within the limit
            assert max(boxes[n].x + boxes[n].width for n in row) <= limit


def test_the_demo_shaped_wide_rank_becomes_rows_no_wider_than_the_limit():
    names = [f"t{i}" for i in range(8)]
    edges = [("t0", n) for n in names[1:]]  # one topic and seven that build on it: a rank of 7
    sizes = {n: (150.0, 40.0) for n in names}
    free = layered_layout(names, edges, sizes)
    limited = layered_layout(names, edges, sizes, 500.0)
    assert len(free.bands) == 2 and free.width > 1000
    assert len(limited.bands) > 2 and limited.width <= 500


@settings(max_examples=100, deadline=None)
@given(dags())
def test_the_column_layout_stacks_boxes_and_gives_overlapping_edges_their_own_lanes(dag):
    nodes, edges, sizes = dag
    layout = column_layout(nodes, edges, sizes)
    boxes = layout.boxes
    ordered = sorted(boxes.values(), key=lambda b: b.y)
    assert all(a.bottom < b.y for a, b in zip(ordered, ordered[1:], strict=False))
    assert all(b.x + b.width <= layout.width and b.bottom <= layout.height for b in ordered)
    right = max(b.x + b.width for b in ordered)
    spans = []
    for route in layout.routes:
        source, target = boxes[route.source], boxes[route.target]
        assert source.y < target.y, "a prerequisite is drawn above what builds on it"
        (x0, y0), (lane, y1), (lane2, y2), (x3, y3) = route.points
        assert (x0, x3) == (source.x + source.width, target.x + target.width)
        assert lane == lane2 and right < lane < layout.width and y1 == y0 < y2 == y3
        spans.append((lane, y0, y3))
    for i, (lane, top, bottom) in enumerate(spans):
        for other, top2, bottom2 in spans[i + 1:]:
            assert lane != other or bottom < top2 or bottom2 < top, "two edges share a stretch of lane"


def test_assign_lanes_reuses_a_lane_once_an_edge_has_ended():
    lanes = assign_lanes(["a", "b", "c", "d"], [("a", "b"), ("c", "d"), ("a", "d")])
    assert lanes == {("a", "b"): 0, ("c", "d"): 0, ("a", "d"): 1}
