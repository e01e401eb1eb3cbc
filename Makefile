# Territoires: `make run` starts the site on http://$(HOST):$(PORT)/ with demo data; `make test` runs every check.
# GNU make and bash. `make help` lists the targets.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

HOST ?= 127.0.0.1
PORT ?= 8000
VENV = .venv
PY = $(VENV)/bin/python
PYTEST_ARGS ?=
BENCH_ARGS ?=
# Root installs system packages directly; anyone else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := run
.PHONY: help venv run test browser-deps lint format messages bench freeze clean

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# The stamp makes `make venv` a no-op until a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@if [ ! -x $(PY) ]; then \
		python=$$(command -v python3.11 || command -v python3); \
		echo "Creating $(VENV) with $$python"; \
		"$$python" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.installed ## Create .venv and install requirements-dev.txt (again only when a requirements file changed).
	@:

run: export DEBUG ?= 1
# E-mail links point at the address being served (a SITE_URL set in the environment wins).
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: venv ## Migrate, load the demo data, index, then serve with uvicorn and the task worker (Ctrl-C stops both).
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py sync_organisation_groups
	$(PY) manage.py seed_demo
	$(PY) manage.py update_index --remove
	@# One bash script, so that the trap stops the task worker and the server together, whatever ends the run.
	@$(PY) manage.py db_worker --no-reload --queue-name default,search & worker=$$!; \
	$(VENV)/bin/uvicorn config.asgi:application --host $(HOST) --port $(PORT) & server=$$!; \
	stop() { trap - EXIT INT TERM; kill $$server $$worker 2>/dev/null || true; wait || true; }; \
	trap 'stop; exit 130' INT; trap 'stop; exit 143' TERM; trap stop EXIT; \
	echo "Territoires on http://$(HOST):$(PORT)/ (task worker pid $$worker, server pid $$server)"; \
	wait $$server

test: venv browser-deps lint ## Lint, check migrations, then run the whole pytest suite (browser tests included).
	mkdir -p var
	DJANGO_SETTINGS_MODULE=config.test_settings $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

browser-deps: ## Install Chromium (Debian) and axe-core (npm) for the browser tests, when missing.
	@if [ ! -x /usr/bin/chromium ]; then \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi
	@if [ ! -d node_modules/axe-core ]; then npm ci --no-audit --no-fund; fi

lint: venv ## ruff check and ruff format --check.
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv ## Format the code and apply ruff's safe fixes.
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: venv ## Extract the French and English messages, then compile them.
	$(PY) manage.py makemessages -l fr -l en --ignore=.venv --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

bench: venv ## Run every benchmark in bench/ (results in bench/results/).
	@for script in bench/[!_]*.py; do echo "== $$script"; $(PY) "$$script" $(BENCH_ARGS); done

freeze: venv ## Print the installed packages, pinned (for requirements.txt).
	@$(PY) -m pip freeze --exclude-editable

clean: ## Remove var/ (database, media, search index, collected static files).
	rm -rf var/
