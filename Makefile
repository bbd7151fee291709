# The two commands of the README (`make demo`, `make test`) do all the set-up on a fresh machine.
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck check bench score browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/yoy compare reports/gwr/zhejiang_2024.txt reports/gwr/zhejiang_2025.txt -o out/zhejiang_2024-2025.html

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check compare tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

# Each benchmark prints ratios against a baseline timed in the same run; none asserts a time.
bench: $(STAMP)
	$(BIN)/python bench/bench_indicators.py
	$(BIN)/python bench/bench_render.py
	$(BIN)/python bench/bench_batch.py

# Scores the engine with the outside referee (needs ../shared beside the checkout).
score: $(STAMP)
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/python ../shared/eval/score.py run --corpus ../shared/corpus --gold ../shared/gold --cmd yoy

# Debian's Chromium for the browser test (Playwright's own browser download cannot work here).
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y --no-install-recommends chromium)

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
