"""`studyfolio serve`: the dev server with live reload (what `make serve` runs)."""

from __future__ import annotations

from ..core.settings import DEFAULT_FILE, add_settings_option, settings_path


def run_serve(args) -> int:
    from .devserver.main import serve

    settings = settings_path(args.settings) or DEFAULT_FILE  # the server says why one is missing
    return serve(settings, content=args.content, output=args.output, bind=args.bind, port=args.port)


def add_commands(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="build the site, serve it and rebuild on save, reloading the open page",
        description="Build the site, serve it on http://localhost:PORT, rebuild when a note, the "
        "theme or the settings change, and reload the browser tab showing the site (keeping "
        "its scroll position). Problems found while building are shown in the page.",
    )
    parser.add_argument("content", nargs="?", help="the content folder (default: PATH in settings)")
    add_settings_option(parser, "-s", "--settings")
    parser.add_argument("-o", "--output", help="output folder (default: OUTPUT_PATH in settings)")
    parser.add_argument("-p", "--port", type=int, default=8000, help="port (0 picks a free one)")
    parser.add_argument("-b", "--bind", default="127.0.0.1", help="address to listen on")
    parser.set_defaults(run=run_serve)
