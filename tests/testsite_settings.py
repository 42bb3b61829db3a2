"""Settings shared by the test sites: the repo's writing settings, the theme and plugins by
absolute path, and PATH = "content", which Pelican resolves next to each site's settings file.

A test site's settings file puts tests/ on sys.path, star-imports this, then overrides."""

import os
import sys

_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, _ROOT)
from pelicanconf import *  # noqa: E402,F403

PATH = "content"
THEME = os.path.join(_ROOT, "theme")
PLUGIN_PATHS = [os.path.join(_ROOT, "plugins")]
STATIC_PATHS = []
LOAD_CONTENT_CACHE = False
