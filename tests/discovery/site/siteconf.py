"""The discovery fixture site: the repo's writing settings with this folder's notes."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("STUDYFOLIO_ROOT") or os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, ROOT)
from pelicanconf import *  # noqa: E402,F403

PATH = os.path.join(HERE, "content")
THEME = os.path.join(ROOT, "theme")
PLUGIN_PATHS = [os.path.join(ROOT, "plugins")]
STATIC_PATHS = []
