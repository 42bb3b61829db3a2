"""Prerequisite graphs: cycles named for the learner, and the order topics can be learned in."""

from __future__ import annotations

from collections.abc import Iterable


def find_cycle(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[str] | None:
    """A cycle as [a, b, ..., a] (edges point from prerequisite to topic), or None.

    Depth-first in the given node order, so the same graph always names the same cycle."""
    order = list(dict.fromkeys(nodes))
    after: dict[str, list[str]] = {n: [] for n in order}
    for source, target in edges:
        after.setdefault(source, []).append(target)
        after.setdefault(target, [])
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    path: list[str] = []
    for start in [*order, *after]:
        if state.get(start):
            continue
        stack = [(start, iter(after[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                return [*path[path.index(child):], child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(after[child])))
    return None


def topological_order(nodes: list[str], edges: list[tuple[str, str]]) -> list[str]:
    """`nodes` with every prerequisite before its topics; ties keep the given order."""
    preds: dict[str, set[str]] = {n: set() for n in nodes}
    for source, target in edges:
        preds[target].add(source)
    done: list[str] = []
    placed: set[str] = set()
    while len(done) < len(nodes):
        ready = next((n for n in nodes if n not in placed and preds[n] <= placed), None)
        if ready is None:
            raise ValueError("the prerequisites have a cycle: " + " -> ".join(find_cycle(nodes, edges) or []))
        done.append(ready)
        placed.add(ready)
    return done
