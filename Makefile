# cstotimeline — `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test lint format bench eval-timex eval-events screenshot clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installed runtime (re-done when pyproject.toml changes).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# Installed with the dev extra.
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/cstotimeline extract --format table data/samples

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check cstotimeline tests scripts
	$(BIN)/ruff format --check cstotimeline tests scripts
	$(BIN)/mypy

format: $(VENV)/.installed-dev
	$(BIN)/ruff format cstotimeline tests scripts
	$(BIN)/ruff check --fix cstotimeline tests scripts

bench: $(VENV)/.installed
	$(BIN)/python scripts/bench.py --shared $(SHARED)

eval-timex: $(VENV)/.installed
	$(BIN)/cstotimeline evaluate timex $(SHARED)/data/tempeval3/train

eval-events: $(VENV)/.installed
	$(BIN)/cstotimeline evaluate events --verbose $(SHARED)/corpus

# docs/timeline.png (the shared corpus) and docs/timeline-phone.png (the seed articles at a
# phone's width), for the README: headless Chromium (Debian's chromium package).
screenshot: $(VENV)/.installed
	$(BIN)/python scripts/screenshot.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
