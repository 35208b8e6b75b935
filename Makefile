# Concord — the two commands: `make run` (demo on http://127.0.0.1:8000) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2
# Debian packages the tests need: a real browser, CJK fonts for it, and pdftoppm.
SYSTEM_PACKAGES := chromium fonts-noto-cjk poppler-utils gettext
# What serving needs: the CJK fonts official documents are rendered with, and msgfmt.
RUN_PACKAGES := fonts-noto-cjk gettext

.PHONY: run test lint format messages system-deps run-deps bench clean help

help:
	@echo "make run   - set up, migrate, load the demo district and serve on http://$(HOST):$(PORT)"
	@echo "make test  - ruff + the whole pytest suite (SQLite; PostgreSQL when DATABASE_URL is set)"
	@echo "make bench - every benchmark at a size that finishes in a few minutes"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed-run

system-deps: PACKAGES = $(SYSTEM_PACKAGES)
run-deps: PACKAGES = $(RUN_PACKAGES)
system-deps run-deps:
	@missing=""; \
	for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing \
	    || { echo "ERROR: could not install$$missing (the browser and PDF tests need them)"; exit 1; }; \
	fi

messages: $(VENV)/.installed-run
	@command -v msgfmt >/dev/null || { echo "ERROR: msgfmt missing: apt-get install gettext"; exit 1; }
	cd concord && ../$(BIN)/concord compilemessages -v0

run: run-deps $(VENV)/.installed-run messages
	mkdir -p var
	$(BIN)/concord migrate --no-input -v0
	$(BIN)/concord demo
	$(BIN)/concord serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(VENV)/.installed-dev system-deps messages lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) -q

bench: $(VENV)/.installed-dev
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf var $(VENV)
