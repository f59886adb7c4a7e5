# Two commands: `make run` and `make test`. Everything else is a step of them.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
VENV  := .venv
PY    := $(VENV)/bin/python
PORT  ?= 8000
HOST  ?= 127.0.0.1
DEBUG ?=
PYTEST_ARGS ?=

.PHONY: run test setup install system-deps messages migrate demo bench lint clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip 2>&1 | { grep -v '^WARNING: Location' || true; }
	$(PY) -m pip install -q -r requirements-dev.txt 2>&1 | { grep -v '^WARNING: Location' || true; }
	@touch $@

install: $(VENV)/.installed

# Debian packages: gettext (translations), Chromium for browser tests. The official documents'
# font (Liberation Serif) is bundled in static/fonts/, so rendering needs no system font.
system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$(WITH_BROWSER)" ]; then command -v chromium >/dev/null || missing="$$missing chromium"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

messages: install
	@$(PY) manage.py compilemessages --ignore=.venv --ignore=var -v 0

setup: install system-deps messages
	@mkdir -p var

migrate: setup
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_holidays -v 0

demo: migrate
	$(PY) manage.py load_demo --force  # a development database: see load_demo's guard

run: demo
	@echo "Database: $${DATABASE_URL:-SQLite (var/portal.sqlite3)}; Celery broker: $${REDIS_URL:-filesystem (var/celery)}"
	@echo "Portal: http://$(HOST):$(PORT)/  (stop with Ctrl-C; worker and beat log in var/celery.log); demo logins above, see docs/demo.md"
	@DJANGO_DEBUG=$(if $(DEBUG),True,False) exec $(PY) scripts/run.py --host $(HOST) --port $(PORT)

test:
	@$(MAKE) --no-print-directory setup WITH_BROWSER=1
	@$(VENV)/bin/ruff check --quiet . || { echo "ruff found problems (make lint)"; exit 1; }
	@eval "$$($(PY) scripts/services.py $(if $(filter true,$(CI)),--require))"; \
	DATABASE_URL=sqlite://:memory: DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run -v 0 \
	  || { echo "Missing migrations: run manage.py makemigrations"; exit 1; }; \
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

# Key pages at two scales and deadline-day load (benchmarks/pages.py: its own databases, gunicorn, locust), then the
# jobs (pytest), then the table. BENCH_SCALE=0.1 for a quick run; see benchmarks/pages.py for the other knobs.
bench: setup
	@eval "$$($(PY) scripts/services.py --require)"; \
	$(PY) -m benchmarks.pages && \
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest benchmarks -p no:randomly -q -s --no-header -o python_files='bench_*.py' $(PYTEST_ARGS) && \
	$(PY) -m benchmarks.report

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var
