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

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kg build
	$(BIN)/kg load
	$(BIN)/kg query chain_leaders
	$(BIN)/kg view --out out/view.html
	$(BIN)/kg export --format json --out out/graph.export.json

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf out .kg-data
