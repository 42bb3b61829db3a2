"""Obsidian vaults published as they are: the vault's syntax (extension.py) in the notes that
vault mode reads (`STUDYFOLIO_OBSIDIAN`, see core/vault.py), and its attachments copied."""

from pelican import signals

from ..core.settings import add_markdown_extension
from ..core.vault import attachment_paths, vault_folders


def add_extension(pelican) -> None:
    if vault_folders(pelican.settings) is None:
        return
    add_markdown_extension(pelican, "studyfolio.obsidian.extension")
    # `#math/algebra` is the tag page tags/math-algebra/, not tags/mathalgebra/.
    subs = list(pelican.settings.get("TAG_REGEX_SUBSTITUTIONS", []))
    pelican.settings["TAG_REGEX_SUBSTITUTIONS"] = [(r"/", "-"), *subs]
    static = list(pelican.settings.get("STATIC_PATHS", []))
    pelican.settings["STATIC_PATHS"] = static + [p for p in attachment_paths(pelican.settings) if p not in static]


def register() -> None:
    signals.initialized.connect(add_extension)
