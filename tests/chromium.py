"""Debian's Chromium as the tests and benchmarks start it: headless, no sandbox (containers), and
none of its first-run, sync or update work, which on a 2-core machine costs hundreds of ms of
CPU in every new context and would blur what the benchmarks measure."""

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright):
    """A headless Chromium from a running Playwright."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
