# Campus IA site: the four commands a person (and CI) needs, and one for maintainers.
#
#   make serve   live preview on http://127.0.0.1:8000/
#   make build   strict build into site/; the release checks run on the new build
#                before it replaces site/ (the README's "Deploying")
#   make test    install test tools (Chromium, nginx, Java, Node packages) and run pytest
#   make bench   run benchmarks/run.py
#   make lock    refresh requirements/*.lock after a change to pyproject.toml's dependencies
#   make edit    web editor on http://127.0.0.1:8081/ beside the live preview (guide/)
#   make screenshots  build, then full-page PNGs of every page (both languages,
#                390 and 1366 px wide) into screenshots/ (scripts/screenshots)
#
# Each target installs what it needs into .venv first, from a lock file with a hash
# for every package (requirements/base.lock, test.lock, bench.lock; pip refuses a
# file whose hash differs), then the project itself without dependencies. A stamp
# file named after a hash of the lock file and pyproject.toml records a finished
# install, so a second run skips pip until one of them changes.

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

LOCKS := requirements
# $(call STAMP,extra): the stamp of an install of requirements/<extra>.lock as it is now.
STAMP = $(VENV)/.installed-$(1)-$(shell cat $(LOCKS)/$(1).lock pyproject.toml | sha256sum | cut -c1-16)
# uv resolves the locks (installed into .venv by `make lock` only: `make test` does not need it).
UV_VERSION := uv>=0.9,<1
UV_COMPILE = $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" pyproject.toml $(LOCKS)/build.in

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench lock edit screenshots

serve: $(call STAMP,base)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

# The editor (Decap CMS, from npm) and the preview run side by side; Ctrl-C stops both.
edit: $(call STAMP,base)
	[ -f node_modules/decap-cms/dist/decap-cms.js ] || npm ci --no-audit --no-fund --ignore-scripts
	trap 'kill 0' EXIT; \
	$(BIN)/mkdocs serve -a 127.0.0.1:8000 & \
	$(BIN)/campus-ia edit --port 8081

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

# `make lock` keeps the versions already locked where pyproject.toml still allows them
# and adds or drops what it added or dropped; `make lock UPGRADE=1` takes the newest
# versions it allows. test.lock and bench.lock are resolved with base.lock as a
# constraint, so a package shared by two locks has the same version in both.
UPGRADE ?=
lock: | $(BIN)/python
	$(PIP) install '$(UV_VERSION)'
	$(UV_COMPILE) $(if $(UPGRADE),--upgrade) -o $(LOCKS)/base.lock
	$(UV_COMPILE) --extra test -c $(LOCKS)/base.lock -o $(LOCKS)/test.lock
	$(UV_COMPILE) --extra bench -c $(LOCKS)/base.lock -o $(LOCKS)/bench.lock

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (Material for MkDocs 9.8): make PYTHON=python3.11 ..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# One rule per lock; test.lock and bench.lock hold every package of base.lock at the
# same version, so their install leaves the base stamp too. Old stamps are removed first.
# --no-build-isolation: the build tools come from the lock (build.in), not from the index.
$(VENV)/.installed-%: | $(BIN)/python
	$(eval extra := $(firstword $(subst -, ,$*)))
	$(PIP) install --require-hashes --requirement $(LOCKS)/$(extra).lock
	$(PIP) install --no-deps --no-build-isolation --editable .
	rm -f $(VENV)/.installed-$(extra)-* $(if $(filter base,$(extra)),,$(VENV)/.installed-base-*)
	touch $@ $(call STAMP,base)
