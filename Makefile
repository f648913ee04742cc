# Campus IA site: the four commands a person (and CI) needs.
#
#   make serve   live preview on http://127.0.0.1:8000/
#   make build   strict build into site/; the release checks run on the new build
#                before it replaces site/ (the README's "Deploying")
#   make test    install test tools (Chromium, nginx, Java, Node packages) and run pytest
#   make bench   run benchmarks/run.py
#   make screenshots  build, then full-page PNGs of every page (both languages,
#                390 and 1366 px wide) into screenshots/ (scripts/screenshots)
#
# Each target installs what it needs into .venv first. A stamp file named after
# a hash of pyproject.toml records a finished install, so a second run skips pip
# until pyproject.toml changes.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# -qq: errors only. This machine's pip config names extra package folders that
# may not exist, and pip warns about each one for every package.
PIP := $(BIN)/python -m pip --disable-pip-version-check --no-input --quiet --quiet
# Extra arguments for pytest, e.g. `make test PYTEST_ARGS="-k axe -x"`.
PYTEST_ARGS ?=

PYPROJECT_HASH := $(shell sha256sum pyproject.toml | cut -c1-16)
STAMP = $(VENV)/.installed-$(1)-$(PYPROJECT_HASH)

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench screenshots

serve: $(call STAMP,base)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(call STAMP,base)
	$(BIN)/mkdocs build --strict

test: $(call STAMP,test)
	scripts/install-test-deps
	$(BIN)/pytest -n auto -m "not lighthouse" $(PYTEST_ARGS)
	# Lighthouse scores depend on free CPU, so its audits run alone (exit 5: none selected).
	$(BIN)/pytest -m lighthouse $(PYTEST_ARGS) || [ $$? -eq 5 ]

screenshots: build $(call STAMP,test)
	$(BIN)/python scripts/screenshots site screenshots

bench: $(call STAMP,bench)
	$(BIN)/python benchmarks/run.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One rule per extra; an extra's install also satisfies the plain install, so it
# leaves the base stamp too. Old stamps of the same extra are removed first.
$(VENV)/.installed-base-$(PYPROJECT_HASH): | $(BIN)/python
	$(PIP) install --editable .
	rm -f $(VENV)/.installed-base-*
	touch $@

$(VENV)/.installed-%-$(PYPROJECT_HASH): | $(BIN)/python
	$(PIP) install --editable '.[$*]'
	rm -f $(VENV)/.installed-$*-* $(VENV)/.installed-base-*
	touch $@ $(call STAMP,base)
