# Two entry points for a fresh machine: `make run` (the main job, embedded store) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(VENV)/.installed-bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kg build
	$(BIN)/kg load
	$(BIN)/kg query chain_leaders
	$(BIN)/kg view --out out/view.html
	$(BIN)/kg export --format json --out out/graph.export.json --force
	$(BIN)/kg export --format html --chain 氢能产业链 --out out/ --force

test: $(STAMP)
	$(BIN)/python -m pytest

# benchmarks at the issue's sizes (long: includes a 1M-node graph); BENCH_ARGS=--quick for a smoke run
bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf out .kg-data
