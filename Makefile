# Two commands on a fresh machine: `make run` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: run test bench lint model clean-venv chromium

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,ray]'
	touch $(STAMP)

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[dev,ray,bench]'
	touch $(BENCH_STAMP)

run: $(STAMP)
	$(VENV)/bin/unmangle clean samples/broken-page.txt --explain

test: $(STAMP) chromium
	$(PY) -m pytest -q -n 2 --dist loadfile

# The report's browser tests drive Debian's chromium: install it when missing and allowed to (without it they fail
# with a message saying so; .ci/run installs it in CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then s=""; elif sudo -n true 2>/dev/null; then s="sudo -n"; else s=none; fi; \
	  if [ "$$s" != none ] && command -v apt-get >/dev/null 2>&1; then \
	    $$s apt-get update -qq && $$s env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	      || echo "could not install chromium: the browser tests will fail"; \
	  else echo "chromium is missing (apt-get install chromium): the browser tests will fail"; fi; }

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts

bench: $(BENCH_STAMP)
	$(PY) bench/run_all.py

# Rebuild the statistics shipped in src/unmangle/data from ../shared/corpora.
model: $(STAMP)
	$(PY) scripts/build_charmodel.py
	$(PY) scripts/build_cjk_model.py

clean-venv:
	rm -rf $(VENV)
