# Two commands do everything on a fresh machine with Python 3.10+ and make:
#   make run    create .venv on first use, install pmopath, start the assessment
#   make test   create .venv with the test extras, run ruff, mypy and pytest
# Both install the exact versions in requirements/*.txt (hashed); `make lock` refreshes them,
# `make test-latest` runs the suite on the newest versions pyproject.toml allows.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.pmopath-run
TEST_STAMP := $(VENV)/.pmopath-test
PIP        := $(BIN)/python -m pip --quiet --disable-pip-version-check
# pmopath itself, without touching the locked dependencies or fetching a build backend
INSTALL_SELF := $(PIP) install --no-deps --no-build-isolation -e .
# pytest's workers: 2 by default (the suite's figure in README is for 2 cores); PYTEST_WORKERS=0 runs serially
PYTEST_WORKERS ?= 2
UV_VERSION := 0.13.9

.PHONY: run test test-latest lock lint typecheck pytest demo bench bench-scale bench-imports wheel clean mermaid-test-deps browser-test-deps test-browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): requirements/run.txt pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes -r requirements/run.txt
	$(INSTALL_SELF)
	touch $@

$(TEST_STAMP): requirements/test.txt pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes -r requirements/test.txt
	$(INSTALL_SELF)
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/pmopath assess

test: $(TEST_STAMP) lint typecheck pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

pytest: $(TEST_STAMP)
	$(BIN)/pytest -q -n $(PYTEST_WORKERS)

# The suite against the newest versions pyproject.toml allows (a venv of its own), so a
# release that breaks pmopath shows here before a user meets it.
LATEST := .venv-latest
test-latest:
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade --upgrade-strategy eager -e '.[test]'
	$(LATEST)/bin/python -m pip list --format=freeze --disable-pip-version-check | grep -iE '^(typer|rich|pydantic|pyyaml|questionary|platformdirs)='
	$(LATEST)/bin/pytest -q -n $(PYTEST_WORKERS)

# Refresh requirements/*.txt from pyproject.toml (one lock for Python 3.10 and newer, with hashes).
# Run `make test` afterwards; commit the lock only when it is green.
lock: | $(BIN)/python
	$(PIP) install uv==$(UV_VERSION)
	$(BIN)/uv pip compile --quiet --universal --python-version 3.10 --generate-hashes --upgrade pyproject.toml requirements/build.in -o requirements/run.txt
	$(BIN)/uv pip compile --quiet --universal --python-version 3.10 --generate-hashes --upgrade --extra test pyproject.toml requirements/build.in -o requirements/test.txt

# Test-only: Mermaid and jsdom under tests/mermaid, so tests/test_mermaid.py can parse the
# markdown roadmap's charts with Mermaid itself (needs node and npm; the test runs the same
# `npm ci` when node_modules is missing or older than the lock file, and skips without node).
MERMAID_DIR := tests/mermaid
mermaid-test-deps: $(MERMAID_DIR)/node_modules/.package-lock.json

$(MERMAID_DIR)/node_modules/.package-lock.json: $(MERMAID_DIR)/package-lock.json
	npm ci --prefix $(MERMAID_DIR) --no-audit --no-fund --loglevel=error
	touch $@

# Test-only: the markdown reports in headless Chromium with GitHub-flavoured markdown and
# Mermaid 11 (tests/browser, tests/test_browser.py). Needs Chromium (Debian: apt-get install
# chromium), node and npm; `make test` runs the same tests and skips them without Chromium.
BROWSER_DIR := tests/browser
browser-test-deps: $(BROWSER_DIR)/node_modules/.package-lock.json

$(BROWSER_DIR)/node_modules/.package-lock.json: $(BROWSER_DIR)/package-lock.json
	npm ci --prefix $(BROWSER_DIR) --no-audit --no-fund --loglevel=error
	touch $@

test-browser: $(TEST_STAMP) browser-test-deps
	PMOPATH_REQUIRE_BROWSER=1 $(BIN)/pytest -q -p no:xdist tests/test_browser.py

demo: $(RUN_STAMP)
	$(BIN)/pmopath roadmap --target director --profile examples/project-manager.yaml

bench: $(RUN_STAMP)
	$(BIN)/python benchmarks/startup.py

bench-scale: $(RUN_STAMP)
	$(BIN)/python benchmarks/scale.py

# Import-time profile of one command, e.g. make bench-imports ARGS="gap --profile examples/project-manager.yaml"
ARGS ?= roles
bench-imports: $(RUN_STAMP)
	$(BIN)/python benchmarks/imports.py $(ARGS)

wheel: $(TEST_STAMP)
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w dist .

clean:
	rm -rf $(VENV) $(LATEST) dist build .pytest_cache .mypy_cache .ruff_cache $(MERMAID_DIR)/node_modules
