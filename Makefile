# newsextract — `make demo` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= $(abspath ../shared)
export NEWSEXTRACT_CORPORA ?= $(SHARED)/corpora
export NEWSEXTRACT_SHARED := $(SHARED)
export OMP_NUM_THREADS ?= 1
# NumPy asks for transparent huge pages for every array of 4 MB or more; on this project's VMs they cost the
# pipeline 12 % of its speed at batch size 8 and half at 64 (docs/performance.md). The template sets it too.
export NUMPY_MADVISE_HUGEPAGE ?= 0
export PIP_DISABLE_PIP_VERSION_CHECK := 1
PYTEST_ARGS ?=

.PHONY: help setup lint typecheck check unit integration e2e test demo bench

help:
	@echo "make demo   start the local stack, upload the sample article, print the API's answer"
	@echo "make test   lint, type-check, template checks, sam build, the whole test suite"
	@echo "make setup  create .venv and install newsextract with its dev tools"
	@echo "make bench  speed, cold start, memory and API latency (writes bench/results.json)"
	@echo "make model / model-eval / attribution-model / eval-polnear / layers / template-check"

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: setup
	$(VENV)/bin/mypy

check: lint typecheck

unit: setup
	$(PY) -m pytest tests/unit $(PYTEST_ARGS)

integration: setup
	$(PY) -m pytest tests/integration $(PYTEST_ARGS)

e2e: setup
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

test: setup browser-deps check template-check sam-build
	$(PY) -m pytest tests $(PYTEST_ARGS)

demo: setup
	$(PY) scripts/demo.py

bench: setup
	$(PY) scripts/bench.py

-include mk/*.mk
