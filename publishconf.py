"""Production settings: `make publish`. Absolute URLs, feeds, strict checks, no cache reuse."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402

SITEURL = os.environ.get("STUDYFOLIO_SITEURL", "https://studyfolio.example.org")
RELATIVE_URLS = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
STUDYFOLIO_STRICT = True
STUDYFOLIO_CSP = True  # a Content-Security-Policy in every page and in _headers
OWNWORDS_REPORT_SAVE_AS = ""  # the own-words report is for the author, not for readers
