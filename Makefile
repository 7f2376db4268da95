# Lan Tỏa — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test test-postgres lint format migrate demo serve install clean bench

# Creates the virtualenv and installs the project (re-runs only when pyproject.toml changes).
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

# Serves the site with a background-task worker and the scheduled-publishing loop beside it.
run: demo
	$(PY) manage.py collectstatic --no-input -v 0
	@echo ""
	@echo "Lan Tỏa: http://$(HOST):$(PORT)/   quản trị: http://$(HOST):$(PORT)/admin/"
	@trap 'kill 0' INT TERM EXIT; \
	$(PY) manage.py db_worker --queue-name default -v 0 & \
	$(PY) manage.py run_scheduler & \
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest --create-db -p no:cacheprovider

# The same suite on a real PostgreSQL server that scripts/postgres.sh installs and starts.
test-postgres: install
	DATABASE_URL="$$(bash scripts/postgres.sh)" $(VENV)/bin/pytest --create-db -p no:cacheprovider -q

# BENCH="pages search" runs only those bench/ modules and updates their sections.
bench: install
	$(PY) bench/run.py $(BENCH)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles

# Real-browser end-to-end tests (Playwright driving Debian's Chromium) against `runserver` on a
# fresh demo database; not part of `make test`. Installs chromium with apt when it is missing.
.PHONY: test-e2e
test-e2e: install
	bash scripts/install-browser.sh
	LANTOA_E2E=1 $(VENV)/bin/pytest tests/e2e -p no:cacheprovider
