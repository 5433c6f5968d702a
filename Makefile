# Two commands on a fresh machine: `make run` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: run test bench lint model clean-venv

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

test: $(STAMP)
	$(PY) -m pytest -q -n 2 --dist loadfile

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts

bench: $(BENCH_STAMP)
	$(PY) bench/run_all.py

# Rebuild the statistics shipped in src/unmangle/data from ../shared/corpora.
model: $(STAMP)
	$(PY) scripts/build_charmodel.py

clean-venv:
	rm -rf $(VENV)
