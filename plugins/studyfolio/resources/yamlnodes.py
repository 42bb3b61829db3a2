"""YAML read as nodes, so every value keeps the line it came from (for `file:LINE:` reports).

Checkers are tiny functions that take a node and return a Python value or raise ValueError
naming the bad value and what was expected; the schemas call them and report with the line."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from ..core.diagnostics import Diagnostic, Severity, did_you_mean

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def display_path(path: str) -> str:
    """`/site/content/resources.yml` as `content/resources.yml`: the file and its folder."""
    folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return f"{folder}/{os.path.basename(path)}" if folder else os.path.basename(path)


@dataclass
class Problems:
    """The problems found in one YAML file, as core Diagnostics."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, line: int, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(self.path, line, message, hint, Severity.ERROR))

    def warning(self, line: int, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(self.path, line, message, hint, Severity.WARNING))


def compose(text: str, problems: Problems) -> yaml.Node | None:
    """The document's root node, or None (and a report) when the YAML cannot be read."""
    try:
        return yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problems.error(
            line,
            f"invalid YAML: {error.problem or error.context}",
            "check the indentation and that every list item starts with '- '",
        )
    except yaml.YAMLError as error:
        problems.error(1, f"invalid YAML: {error}", "check the file is YAML text")
    return None


def mapping(node: yaml.Node, problems: Problems, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
    """A mapping node as {key: (key node, value node)}; duplicate keys are reported."""
    if not isinstance(node, yaml.MappingNode):
        problems.error(line_of(node), f"{what} must be a mapping of keys to values", "write `key: value` lines")
        return None
    found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in found:
            problems.error(
                line_of(key_node),
                f"key '{key}' given twice in {what} (first on line {line_of(found[key][0])})",
                "keep one of them",
            )
            continue
        found[key] = (key_node, value_node)
    return found


def check_keys(
    items: dict[str, tuple[yaml.Node, yaml.Node]],
    allowed: tuple[str, ...],
    problems: Problems,
    what: str,
) -> None:
    for key, (key_node, _) in items.items():
        if key not in allowed:
            hint = did_you_mean(key, allowed) or "allowed keys: " + ", ".join(allowed)
            problems.error(line_of(key_node), f"unknown key '{key}' in {what}", hint)


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def text(node: yaml.Node) -> str:
    """A non-empty string."""
    if not isinstance(node, yaml.ScalarNode) or is_null(node):
        raise ValueError("expected text")
    value = str(node.value).strip()
    if not value:
        raise ValueError("expected text, got an empty value")
    return value


def boolean(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
        return str(node.value).lower() in ("true", "yes", "on")
    raise ValueError(f"expected true or false, got '{getattr(node, 'value', '')}'")


def text_list(node: yaml.Node) -> tuple[str, ...]:
    """A list of strings; a single string counts as a list of one."""
    if is_null(node):
        return ()
    if isinstance(node, yaml.ScalarNode):
        return (text(node),)
    if isinstance(node, yaml.SequenceNode):
        values = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode) or is_null(item):
                raise ValueError("expected a list of plain values")
            values.append(str(item.value).strip())
        return tuple(v for v in values if v)
    raise ValueError("expected a list such as [a, b]")
