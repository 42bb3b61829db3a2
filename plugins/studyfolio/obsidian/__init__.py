"""Obsidian vaults published as they are: the vault's syntax (extension.py) in the notes vault
mode reads (`STUDYFOLIO_OBSIDIAN`, see core/vault.py) and in notes marked `Syntax: obsidian`
(as `studyfolio import obsidian` writes them), and the vault's attachments copied."""

from pelican import signals

from ..core.settings import add_markdown_extension
from ..core.vault import attachment_paths, vault_folders


def add_extension(pelican) -> None:
    add_markdown_extension(pelican, "studyfolio.obsidian.extension")  # inert in other notes
    # `#math/algebra` is the tag page tags/math-algebra/, not tags/mathalgebra/.
    subs = list(pelican.settings.get("TAG_REGEX_SUBSTITUTIONS")
                or pelican.settings.get("SLUG_REGEX_SUBSTITUTIONS", []))  # Pelican's fallback
    pelican.settings["TAG_REGEX_SUBSTITUTIONS"] = [(r"/", "-"), *subs]
    if vault_folders(pelican.settings) is None:
        return
    static = list(pelican.settings.get("STATIC_PATHS", []))
    pelican.settings["STATIC_PATHS"] = static + [p for p in attachment_paths(pelican.settings) if p not in static]


def register() -> None:
    signals.initialized.connect(add_extension)
