# Studyfolio: `make serve` to write, `make test` to check. Every target that needs
# Python sets up .venv first, so a fresh clone needs nothing else.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
# What `make clean` removes besides $(OUTPUTDIR)/: the build's and link checker's CACHE_PATH,
# the test, lint and property-test caches and the benchmarks' generated sites.
CACHES := cache .pytest_cache .ruff_cache .hypothesis .bench
PUBLISHCONF := publishconf.py
PORT ?= 8000
BIND ?= 127.0.0.1

.PHONY: help install html clean regenerate serve devserver publish github test screenshots lint bench linkcheck bench-links

help:
	@echo "make serve      set up, build the demo site and serve it on http://localhost:$(PORT) (rebuilds on save, live reload)"
	@echo "make test       lint and run every test (browser tests use /usr/bin/chromium)"
	@echo "make html       build the site into $(OUTPUTDIR)/"
	@echo "make publish    production build with strict checks"
	@echo "make github     make publish, then push $(OUTPUTDIR)/ to the $(GITHUB_PAGES_BRANCH) branch of $(GITHUB_REMOTE) (GitHub Pages)"
	@echo "make bench      print build benchmarks"
	@echo "make linkcheck  build, then check every internal and external link (cached)"
	@echo "make bench-links  link checkers compared on a local 1,000-URL site"
	@echo "make regenerate build into $(OUTPUTDIR)/ and rebuild on every change (no server)"
	@echo "make screenshots  save screenshots of every page kind into tests/screenshots/ to look at"
	@echo "make lint       check the code with ruff"
	@echo "make install    set up $(VENV)/ (every target does this first)"
	@echo "make clean      remove $(OUTPUTDIR)/ and caches: $(CACHES), __pycache__/"

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

html: $(STAMP)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

clean:
	rm -rf $(OUTPUTDIR) $(CACHES)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

regenerate: $(STAMP)
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

# The Studyfolio dev server: builds, serves, rebuilds on save and reloads the open tab.
serve devserver: $(STAMP)
	$(BIN)/studyfolio serve $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) -b $(BIND)

publish: $(STAMP)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF)

# GitHub Pages: the production build, committed by ghp-import as the only content of the
# $(GITHUB_PAGES_BRANCH) branch (with .nojekyll, so folders starting with _ are served), on
# top of that branch as $(GITHUB_REMOTE) has it (hence the fetch), then pushed there.
GITHUB_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages
github: publish
	git fetch --quiet $(GITHUB_REMOTE)
	$(BIN)/ghp-import -n -r $(GITHUB_REMOTE) -b $(GITHUB_PAGES_BRANCH) -m "Generate Pelican site" $(OUTPUTDIR)
	git push $(GITHUB_REMOTE) $(GITHUB_PAGES_BRANCH)

# Python with ruff, every first-party .js file with oxlint (.oxlintrc.json: real errors, not style).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/oxlint -c .oxlintrc.json --deny-warnings .

test: lint
	$(BIN)/python -m pytest

# Screenshots of every page kind at both widths and schemes, into tests/screenshots/, to look at.
screenshots: $(STAMP)
	$(BIN)/python -m pytest -m screenshots

bench: $(STAMP)
	$(BIN)/python tests/bench/run_all.py

# Link checking: after a build, every link of $(OUTPUTDIR)/ (internal, external, resources.yml).
# LINKCHECK_FLAGS adds options, e.g. `make linkcheck LINKCHECK_FLAGS="--strict --junit linkcheck.xml"`.
LINKCHECK_FLAGS ?=
linkcheck: html
	$(BIN)/studyfolio linkcheck --external --site $(OUTPUTDIR) --settings $(CONFFILE) $(LINKCHECK_FLAGS)

# Benchmark-only peers (the `bench` extra) are installed on first use.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench-links: $(BENCH_STAMP)
	$(BIN)/python tests/bench/bench_links.py
	$(BIN)/python tests/bench/bench_links_internal.py
