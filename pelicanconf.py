"""Pelican settings for writing: `make html`, `make serve`. Production overrides: publishconf.py."""

AUTHOR = "Demo Learner"
SITENAME = "Studyfolio"
SITESUBTITLE = "Learning the math behind machine learning, in my own words"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["notes"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
DEFAULT_PAGINATION = 12  # full rows of the home grid (3 or 2 columns): no lone card
SUMMARY_MAX_LENGTH = 40
SLUGIFY_SOURCE = "basename"  # URLs and card ids follow the file name, not the title

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "studyfolio.core",
    "studyfolio.obsidian",  # Obsidian vaults as they are, when STUDYFOLIO_OBSIDIAN is set
    "studyfolio.math",
    "studyfolio.flashcards",
    "studyfolio.resources",
    "studyfolio.roadmaps",
    "studyfolio.ownwords",
    "studyfolio.srs",
    "studyfolio.discovery",
    "studyfolio.portfolio",
    "studyfolio.linkcheck",  # keep last: it checks the links of what every plugin wrote
]

# Python-Markdown: Pelican's defaults (codehilite, extra, meta) plus heading anchors.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": "#", "permalink_title": "Link to this section"},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

ARTICLE_URL = "notes/{slug}/"
ARTICLE_SAVE_AS = "notes/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
CATEGORY_URL = "topics/{slug}/"
CATEGORY_SAVE_AS = "topics/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
CATEGORIES_SAVE_AS = "topics/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "sitemap"]
SITEMAP_SAVE_AS = "sitemap.xml"

# Feeds need absolute URLs, so they are written by publishconf.py.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Categories are "areas" to readers (roadmap topics are "topics"); their URLs stay topics/ so no link breaks.
MENUITEMS = [("Notes", "archives/"), ("Areas", "topics/")]  # tags: from the notes page
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = False

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"

# Studyfolio: problems in the sources are reported; strict mode makes them fail the build.
STUDYFOLIO_STRICT = False

# Resources and roadmaps: content/resources.yml, content/roadmaps/*.yml, the review log they count.
STUDYFOLIO_RESOURCES = "resources.yml"
STUDYFOLIO_ROADMAPS = "roadmaps"
STUDYFOLIO_REVIEWS = "reviews.jsonl"
MENUITEMS = [*MENUITEMS, ("Roadmaps", "roadmaps/"), ("Resources", "resources/")]

# Templates are loaded once per build; every Pelican run (also on autoreload) makes a new
# environment, so the per-include modification check is pure cost.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "auto_reload": False}

# Own words: explain and compare blocks, video timestamps, the check against a note's sources.
OWNWORDS_MAX_COPIED = 20  # percent of a note's words that may match its Transcript: sources
OWNWORDS_BADGE = False  # True shows readers "92% in my own words" on checked notes
OWNWORDS_REPORT_SAVE_AS = "ownwords/index.html"  # the author's report page; "" for none

# Flashcards: `question::answer` inline cards in every note (else only in notes with `Cards: inline`).
STUDYFOLIO_CARDS_INLINE = False
# Inline cards read with an Obsidian vault's spaced repetition settings: the path of its
# .obsidian/plugins/obsidian-spaced-repetition/data.json ("" for the plugin's defaults).
STUDYFOLIO_OBSIDIAN_SETTINGS = ""
MENUITEMS = [*MENUITEMS, ("Cards", "cards/")]

# Spaced repetition (studyfolio.srs): FSRS-6 with the 21 default parameters, no fuzz.
STUDYFOLIO_DESIRED_RETENTION = 0.9  # the chance of recall the schedule aims for
STUDYFOLIO_NEW_CARDS_PER_DAY = 20  # new cards the review page and `studyfolio review` add a day

# Studyfolio discovery: Pagefind search index (built at the end of every build), wikilinks,
# backlinks and series. Live reload is switched on by the dev server only (`make serve`).
STUDYFOLIO_SEARCH = True
SERIES_URL = "series/{slug}/"
SERIES_SAVE_AS = "series/{slug}/index.html"

# Link checking: internal links on every build; `make linkcheck` for the web (README "Check links").
STUDYFOLIO_LINKCHECK = {"exclude": []}
