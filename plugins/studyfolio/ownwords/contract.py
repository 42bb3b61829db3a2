"""Block option validators, and why pymdownx refused a block (it leaves such blocks as text).

Validators are small pure functions that raise ValueError naming the bad value; `refusal`
replays pymdownx's checks on a header from the source to say which one failed."""

from __future__ import annotations

from collections.abc import Callable

import yaml
from pymdownx.blocks.block import type_string_in

from ..core.diagnostics import did_you_mean
from .sites import Header


def one_of(*choices: str) -> Callable[[object], str]:
    """pymdownx's validator of one of `choices` (any case), with a message a learner reads."""
    accepts = type_string_in(choices)

    def validate(value: object) -> str:
        try:
            return accepts(value.strip() if isinstance(value, str) else value)
        except ValueError:
            raise ValueError(f"'{value}' is not one of: {', '.join(choices)}") from None

    return validate


def refusal(block: type, header: Header) -> tuple[str, str]:
    """(what is wrong, hint) for a header pymdownx refused to turn into a `block`."""
    name = header.name
    where = f"'/// {name}'"
    if block.ARGUMENT and not header.argument:
        return f"{where} needs an argument after '|'", f"write it as {block.USAGE}"
    if block.ARGUMENT is False and header.argument:
        return f"{where} takes no argument, got '{header.argument}'", f"write it as {block.USAGE}"
    options: object = {}
    if header.options.strip():
        try:
            options = yaml.safe_load(header.options)
        except yaml.YAMLError:
            options = None
    if not isinstance(options, dict):
        return (
            f"the options of {where} are not 'key: value' lines",
            "indent each option 4 spaces under the /// line, e.g. `    style: visual`",
        )
    accepted = {**block.OPTIONS, "attrs": None}
    for key, value in options.items():
        if key not in accepted:
            known = ", ".join(sorted(block.OPTIONS)) or "none"
            hint = did_you_mean(str(key), block.OPTIONS) or f"options of {where}: {known}"
            return f"unknown option '{key}' in {where}", hint
        if key == "attrs":
            continue
        try:
            block.OPTIONS[key][1](value)
        except ValueError as error:
            return f"invalid {key} in {where}: {error}", f"write it as {block.USAGE}"
    return f"{where} could not be read", f"write it as {block.USAGE}"
