"""The review fixture site: the repo's writing settings with this folder's content."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, ROOT)
from pelicanconf import *  # noqa: E402,F403

PATH = os.path.join(HERE, "content")
THEME = os.path.join(ROOT, "theme")
PLUGIN_PATHS = [os.path.join(ROOT, "plugins")]
STATIC_PATHS = []
LOAD_CONTENT_CACHE = False
STUDYFOLIO_NEW_CARDS_PER_DAY = 3
