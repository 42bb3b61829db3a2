"""Link checking: internal links on every build (warnings, errors in strict mode); external
links, resources.yml and YouTube videos on demand with `studyfolio linkcheck --external`.

Pelican is imported when the plugin registers: the command does not need it."""


def attach(pelican) -> None:
    """One checker per Pelican instance, kept on it; bound receivers go when it goes."""
    from pelican import signals

    from .build import BuildLinkCheck

    checker = BuildLinkCheck(pelican.settings)
    pelican.studyfolio_linkcheck = checker
    signals.all_generators_finalized.connect(checker.collect_sources)
    signals.finalized.connect(checker.check)


def register() -> None:
    from pelican import signals

    signals.initialized.connect(attach)
