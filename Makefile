# Two commands do everything on a fresh machine with Python 3.10+ and make:
#   make run    create .venv on first use, install pmopath, start the assessment
#   make test   create .venv with the test extras, run ruff, mypy and pytest
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.pmopath-run
TEST_STAMP := $(VENV)/.pmopath-test

.PHONY: run test lint typecheck pytest demo bench bench-scale bench-imports wheel clean mermaid-test-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
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
	$(BIN)/pytest -q

# Test-only: Mermaid and jsdom under tests/mermaid, so tests/test_mermaid.py can parse the
# markdown roadmap's charts with Mermaid itself (needs node and npm; the test runs the same
# `npm ci` when node_modules is missing or older than the lock file, and skips without node).
MERMAID_DIR := tests/mermaid
mermaid-test-deps: $(MERMAID_DIR)/node_modules/.package-lock.json

$(MERMAID_DIR)/node_modules/.package-lock.json: $(MERMAID_DIR)/package-lock.json
	npm ci --prefix $(MERMAID_DIR) --no-audit --no-fund --loglevel=error
	touch $@

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
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache $(MERMAID_DIR)/node_modules
