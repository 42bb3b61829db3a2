"""A progress bar on the terminal while external links are checked (none when not a terminal)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progress_bar(total: int, *, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """Yields advance(n); draws on stderr only when it is a terminal."""
    console = Console(file=sys.stderr)
    if not enabled or not console.is_terminal or total == 0:
        yield lambda n: None
        return
    columns = (TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("links", total=total)
        yield lambda n: bar.advance(task, n)
