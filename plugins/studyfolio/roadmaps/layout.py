"""A layered (Sugiyama-style) layout of a prerequisite graph, reading top to bottom.

Steps: rank each topic below its prerequisites; put a waypoint on every rank a long edge
crosses; order each rank to reduce crossings (barycenter sweeps, the best order kept); place
boxes as near their neighbours as the order and spacing allow (isotonic regression, so boxes
never overlap); route each edge straight down through its waypoints. Between ranks an edge is
a curve inside the gap; within a rank it is a vertical line through a slot of its own, so no
edge crosses a box. Written here because the pure-Python options checked did not fit: one
library is unmaintained, a maintained one places ranks without crossing reduction or routing."""

from __future__ import annotations

from dataclasses import dataclass, field

from .graph import topological_order

NODE_GAP = 28.0  # horizontal space between boxes in a rank
LANE_GAP = 6.0  # horizontal space beside an edge's slot
WAYPOINT_WIDTH = 10.0  # the slot an edge takes when it passes through a rank
RANK_GAP = 56.0  # vertical space between ranks, where edges bend
MARGIN = 8.0
COLUMN_GAP = 10.0  # vertical space between boxes of the one-column drawing
LANE_STEP = 7.0  # horizontal space between the lanes beside that column
SWEEPS = 12


@dataclass(frozen=True)
class Box:
    x: float  # left
    y: float  # top
    width: float
    height: float
    rank: int

    @property
    def center(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box) -> bool:
        return (self.x < other.x + other.width and other.x < self.x + self.width
                and self.y < other.y + other.height and other.y < self.y + self.height)


@dataclass(frozen=True)
class Route:
    """An edge from a prerequisite to a topic as points; consecutive points with the same x are
    a straight line inside a rank, others a curve inside the gap between two ranks."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]


@dataclass
class Layout:
    boxes: dict[str, Box] = field(default_factory=dict)
    routes: list[Route] = field(default_factory=list)
    bands: list[tuple[float, float]] = field(default_factory=list)  # (top, bottom) of each rank
    width: float = 0.0
    height: float = 0.0


def assign_ranks(order: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Longest path from the sources, then each topic moved down next to what needs it."""
    preds = {n: [s for s, t in edges if t == n] for n in order}
    succs = {n: [t for s, t in edges if s == n] for n in order}
    rank: dict[str, int] = {}
    for node in order:
        rank[node] = max((rank[p] + 1 for p in preds[node]), default=0)
    for node in reversed(order):
        if succs[node]:
            rank[node] = max(rank[node], min(rank[s] for s in succs[node]) - 1)
    return rank


def crossings(upper: list, lower: list, links: list[tuple]) -> int:
    position_up = {n: i for i, n in enumerate(upper)}
    position_low = {n: i for i, n in enumerate(lower)}
    pairs = sorted((position_up[a], position_low[b]) for a, b in links if a in position_up and b in position_low)
    count = 0
    for i, (a1, b1) in enumerate(pairs):
        for a2, b2 in pairs[i + 1:]:
            if (a1 - a2) * (b1 - b2) < 0:
                count += 1
    return count


def order_ranks(layers: list[list], links: list[tuple]) -> list[list]:
    """Barycenter sweeps down and up, each followed by swaps of neighbours that remove
    crossings; the order with the fewest crossings wins."""
    up: dict = {}
    down: dict = {}
    for a, b in links:
        down.setdefault(a, []).append(b)
        up.setdefault(b, []).append(a)

    def total(candidate):
        return sum(crossings(candidate[i], candidate[i + 1], links) for i in range(len(candidate) - 1))

    def sweep(current, indexes, neighbours):
        for i in indexes:
            ref = current[i - 1] if neighbours is up else current[i + 1]
            position = {n: k for k, n in enumerate(ref)}
            scale = len(ref) / max(len(current[i]), 1)

            def key(item, position=position, scale=scale):
                index, node = item
                near = [position[m] for m in neighbours.get(node, []) if m in position]
                return (sum(near) / len(near) if near else index * scale, index)

            current[i] = [n for _, n in sorted(enumerate(current[i]), key=key)]

    def pair_crossings(u, v, positions) -> int:
        """Crossings between the edges of u and of v when u is left of v."""
        count = 0
        for neighbours, position in ((up, positions[0]), (down, positions[1])):
            for a in neighbours.get(u, []):
                for b in neighbours.get(v, []):
                    if a in position and b in position and position[a] > position[b]:
                        count += 1
        return count

    def transpose(current):
        improved = True
        while improved:
            improved = False
            for i, layer in enumerate(current):
                above = {n: k for k, n in enumerate(current[i - 1])} if i > 0 else {}
                below = {n: k for k, n in enumerate(current[i + 1])} if i + 1 < len(current) else {}
                for k in range(len(layer) - 1):
                    u, v = layer[k], layer[k + 1]
                    if pair_crossings(v, u, (above, below)) < pair_crossings(u, v, (above, below)):
                        layer[k], layer[k + 1] = v, u
                        improved = True

    current = [list(layer) for layer in layers]
    sweep(current, range(1, len(current)), up)
    transpose(current)
    best, best_count = [list(layer) for layer in current], total(current)
    for _ in range(SWEEPS):
        if best_count == 0:
            break
        sweep(current, range(len(current) - 2, -1, -1), down)
        sweep(current, range(1, len(current)), up)
        transpose(current)
        count = total(current)
        if count < best_count:
            best, best_count = [list(layer) for layer in current], count
    return best


def isotonic(targets: list[float]) -> list[float]:
    """The nondecreasing sequence nearest to `targets` (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [sum, count]
    for value in targets:
        blocks.append([value, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    result: list[float] = []
    for total, count in blocks:
        result.extend([total / count] * count)
    return result


def is_waypoint(item) -> bool:
    return isinstance(item, tuple)


def gap(a, b) -> float:
    """Boxes keep NODE_GAP apart; an edge's slot needs only LANE_GAP beside it."""
    return LANE_GAP if is_waypoint(a) or is_waypoint(b) else NODE_GAP


def row_width(row: list, widths: dict) -> float:
    return sum(widths[n] for n in row) + sum(gap(a, b) for a, b in zip(row, row[1:], strict=False))


def place(layer: list, widths: dict, wanted: dict[object, float], limit: float | None = None) -> dict[object, float]:
    """Centers for a rank in its order, each as near its wanted center as spacing allows, and
    the whole rank inside [0, limit] when it fits there (the clamped fit is still the nearest),
    and starting at 0 when it does not, so it never pushes the other ranks."""
    offsets = [0.0]
    for a, b in zip(layer, layer[1:], strict=False):
        offsets.append(offsets[-1] + (widths[a] + widths[b]) / 2 + gap(a, b))
    fitted = isotonic([wanted[n] - o for n, o in zip(layer, offsets, strict=True)])
    if limit is not None and layer:
        low = widths[layer[0]] / 2
        high = max(low, limit - offsets[-1] - widths[layer[-1]] / 2)  # too wide: from the left edge
        fitted = [min(max(z, low), high) for z in fitted]
    return {n: z + o for n, z, o in zip(layer, fitted, offsets, strict=True)}


def split_ranks(order: list[str], edges: list[tuple[str, str]], rank: dict[str, int],
                widths: dict, limit: float) -> dict[str, int]:
    """Rows for the topics so that no row (its boxes and the edges passing through it) is wider
    than `limit` where one box alone fits. A rank becomes one or more rows; its topics with more
    edges in than out come first, so fewer edges pass by the rest."""
    preds = {n: [s for s, t in edges if t == n] for n in order}
    succs = {n: [t for s, t in edges if s == n] for n in order}
    ranks = max(rank.values(), default=-1) + 1
    row: dict[str, int] = {}
    next_row = 0
    for r in range(ranks):
        pending = sorted((n for n in order if rank[n] == r),
                         key=lambda n: (len(succs[n]) - len(preds[n]), order.index(n)))
        while pending:
            passing = [(s, t) for s, t in edges if s in row and t not in row]
            chosen: list[str] = []
            for node in pending:
                trial = [*chosen, node]
                lanes = sum(1 for _, t in passing if t not in trial)
                width = row_width(trial, widths) + lanes * (WAYPOINT_WIDTH + LANE_GAP)
                if not chosen or width <= limit:
                    chosen.append(node)
            for node in chosen:
                row[node] = next_row
            pending = [n for n in pending if n not in chosen]
            next_row += 1
    return row


def layered_layout(
    nodes: list[str], edges: list[tuple[str, str]], sizes: dict[str, tuple[float, float]],
    max_width: float | None = None,
) -> Layout:
    """Boxes and routes for a DAG whose edges go from prerequisite to topic; with `max_width`,
    as many rows as it takes to stay that narrow (a box wider than it still gets a row).

    Raises ValueError naming a cycle when there is one (the roadmap checks report it first)."""
    nodes = list(dict.fromkeys(nodes))
    edges = list(dict.fromkeys(e for e in edges if e[0] != e[1]))
    order = topological_order(nodes, edges)
    rank = assign_ranks(order, edges)
    widths: dict = {n: sizes[n][0] for n in nodes}
    limit = None if max_width is None else max_width - 2 * MARGIN
    if limit is not None:
        rank = split_ranks(order, edges, rank, widths, limit)
    ranks = max(rank.values(), default=-1) + 1
    layers: list[list] = [[] for _ in range(ranks)]
    for node in nodes:
        layers[rank[node]].append(node)
    links: list[tuple] = []
    chains: dict[tuple[str, str], list] = {}
    for source, target in edges:
        chain = [source]
        for r in range(rank[source] + 1, rank[target]):
            waypoint = ("via", source, target, r)
            layers[r].append(waypoint)
            widths[waypoint] = WAYPOINT_WIDTH
            chain.append(waypoint)
        chain.append(target)
        links.extend(zip(chain, chain[1:], strict=False))
        chains[(source, target)] = chain
    layers = order_ranks(layers, links)

    centers: dict = {}
    for layer in layers:
        x = 0.0
        for item in layer:
            centers[item] = x + widths[item] / 2
            x += widths[item] + NODE_GAP
    neighbours: dict = {}
    for a, b in links:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    for _ in range(8):
        for layer in [*layers, *reversed(layers)]:
            wanted = {}
            for item in layer:
                near = [centers[m] for m in neighbours.get(item, [])]
                wanted[item] = sum(near) / len(near) if near else centers[item]
            centers.update(place(layer, widths, wanted, limit))
    left = min((centers[i] - widths[i] / 2 for layer in layers for i in layer), default=0.0)

    layout = Layout()
    top = MARGIN
    for r, layer in enumerate(layers):
        height = max((sizes[n][1] for n in layer if n in sizes), default=0.0)
        layout.bands.append((top, top + height))
        for item in layer:
            if item in sizes:
                w, h = sizes[item]
                x = round(centers[item] - w / 2 - left + MARGIN, 2)
                layout.boxes[item] = Box(x, round(top + (height - h) / 2, 2), w, h, r)
        top += height + RANK_GAP
    for item in centers:
        centers[item] = round(centers[item] - left + MARGIN, 2)
    for source, target in edges:
        start, end = layout.boxes[source], layout.boxes[target]
        points = [(start.center, start.bottom), (start.center, layout.bands[start.rank][1])]
        for waypoint in chains[(source, target)][1:-1]:
            band = layout.bands[waypoint[3]]
            points += [(centers[waypoint], band[0]), (centers[waypoint], band[1])]
        points += [(end.center, layout.bands[end.rank][0]), (end.center, end.y)]
        layout.routes.append(Route(source, target, tuple(points)))
    layout.width = round(max((b.x + b.width for b in layout.boxes.values()), default=0.0) + MARGIN, 2)
    layout.width = max(layout.width, max((c + WAYPOINT_WIDTH for c in centers.values()), default=0.0))
    layout.height = round(top - RANK_GAP + MARGIN, 2) if layers else 0.0
    return layout


def assign_lanes(order: list[str], edges: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """A lane for each edge of a one-column drawing: edges whose spans of rows overlap (or touch)
    get different lanes; shorter edges take the lanes nearest the column."""
    row = {n: i for i, n in enumerate(order)}
    spans = sorted(edges, key=lambda e: (row[e[1]] - row[e[0]], row[e[0]], row[e[1]]))
    taken: list[list[tuple[int, int]]] = []
    lanes: dict[tuple[str, str], int] = {}
    for source, target in spans:
        start, end = row[source], row[target]
        for lane, used in enumerate(taken):
            if all(end < a or b < start for a, b in used):
                used.append((start, end))
                lanes[(source, target)] = lane
                break
        else:
            taken.append([(start, end)])
            lanes[(source, target)] = len(taken) - 1
    return lanes


def column_layout(
    nodes: list[str], edges: list[tuple[str, str]], sizes: dict[str, tuple[float, float]]
) -> Layout:
    """Boxes in one column in learning order (each after its prerequisites, otherwise as given),
    for narrow screens. Each edge leaves its topic's right side, runs down a lane of its own
    beside the column and enters the topic that builds on it from the right (edges out below the
    middle of a box, edges in above it, so the two never share a line)."""
    nodes = list(dict.fromkeys(nodes))
    edges = list(dict.fromkeys(e for e in edges if e[0] != e[1]))
    order = topological_order(nodes, edges)
    lanes = assign_lanes(order, edges)
    layout = Layout()
    column = max((sizes[n][0] for n in order), default=0.0)
    top = MARGIN
    for index, node in enumerate(order):
        w, h = sizes[node]
        layout.boxes[node] = Box(MARGIN, top, w, h, index)
        layout.bands.append((top, top + h))
        top += h + COLUMN_GAP
    right = MARGIN + column + LANE_GAP
    for source, target in edges:
        start, end = layout.boxes[source], layout.boxes[target]
        x = right + (lanes[(source, target)] + 0.5) * LANE_STEP
        y0, y1 = round(start.y + start.height * 3 / 4, 2), round(end.y + end.height / 4, 2)
        points = ((start.x + start.width, y0), (x, y0), (x, y1), (end.x + end.width, y1))
        layout.routes.append(Route(source, target, points))
    layout.width = round(right + (max(lanes.values(), default=-1) + 1) * LANE_STEP + MARGIN, 2)
    layout.height = round(top - COLUMN_GAP + MARGIN, 2) if order else 0.0
    return layout
