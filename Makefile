# cstotimeline — `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= $(or $(CSTOTIMELINE_SHARED),../shared)

.PHONY: run test lint format bench eval-timex eval-events train cv screenshot clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installed runtime (re-done when pyproject.toml changes).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# Installed with the dask extra (for the benchmark's --dask runs).
$(VENV)/.installed-dask: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dask]'
	@touch $@ $(VENV)/.installed

# Installed with the dev extra (which includes the dask extra).
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed $(VENV)/.installed-dask

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

bench: $(VENV)/.installed-dask
	$(BIN)/python scripts/bench.py --shared $(SHARED) $(BENCH_ARGS)

eval-timex: $(VENV)/.installed
	$(BIN)/cstotimeline evaluate timex $(SHARED)/data/tempeval3/train

eval-events: $(VENV)/.installed
	$(BIN)/cstotimeline evaluate events --verbose $(SHARED)/corpus

# Refit the selector (cstotimeline/data/selector.json) on every gold set there is.
train: $(VENV)/.installed-dev
	$(BIN)/python -m cstotimeline.training fit --shared $(SHARED)

# Grouped 5-fold cross-validation by article over all the gold, each article's held-out events
# scored by the acceptance scorer (all sets together, then each set, then the naive baseline).
CV_OUT := .cache/cv
CV_SHOW := $(BIN)/python -m cstotimeline.training show $(CV_OUT) {file}
CV_SETS := $(wildcard $(SHARED)/corpus) tests/data/heldout tests/data/blind tests/data/web data/samples
cv: $(VENV)/.installed-dev
	$(BIN)/python -m cstotimeline.training cross-validate --shared $(SHARED) --out $(CV_OUT)
	@test -f $(SHARED)/tools/score_events.py || { echo "cv: $(SHARED)/tools/score_events.py missing: no acceptance scores"; exit 0; }; \
	echo "score_events.py, all sets:"; \
	$(BIN)/python $(SHARED)/tools/score_events.py $(foreach d,$(CV_SETS),--corpus $(d)) --cmd '$(CV_SHOW)'; \
	for d in $(CV_SETS); do \
	  echo "score_events.py, $$d: held out / naive baseline"; \
	  $(BIN)/python $(SHARED)/tools/score_events.py --corpus $$d --cmd '$(CV_SHOW)'; \
	  $(BIN)/python $(SHARED)/tools/score_events.py --corpus $$d --baseline naive; \
	done

# docs/timeline.png (the shared corpus) and docs/timeline-phone.png (the seed articles at a
# phone's width), for the README: headless Chromium (Debian's chromium package).
screenshot: $(VENV)/.installed
	$(BIN)/python scripts/screenshot.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .cache
