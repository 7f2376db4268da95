# Lan Tỏa — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test test-postgres lint format migrate demo serve install clean bench

# The suite runs on every core (pytest-xdist; `make test XDIST=` runs it in one process), then
# the tests that flush the database, in one process after the rest (tests/conftest.py,
# marker `transactional`; docs/operations.md, "Tests").
XDIST  ?= -n auto --dist loadfile
PYTEST := $(VENV)/bin/pytest --create-db -p no:cacheprovider

# DEBUG=0 refuses a missing or public SECRET_KEY (lantoa/settings.py); without SECRET_KEY in
# the environment it reads .secret_key, generated here once (mode 0600; git ignores it).
.secret_key:
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Creates the virtualenv and installs the project (re-runs only when pyproject.toml changes).
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# Also compiles the Vietnamese catalogues in locale/ (.mo files are build output, not in git)
# and installs the Debian packages the PDF reports need (scripts/install-system-packages.sh).
install: $(VENV)/.installed .secret_key
	bash scripts/install-system-packages.sh
	$(PY) manage.py compilemessages --ignore=.venv -v 0

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

# Serves the site as production does: gunicorn (gunicorn.conf.py: cores + 1 workers), DEBUG=0,
# static files collected and served by WhiteNoise, the task worker and the scheduler beside it;
# Ctrl-C stops all three, and so does one of them exiting (scripts/serve.sh, docs/deployment.md).
serve: migrate
	$(PY) manage.py collectstatic --no-input -v 0
	@echo ""
	@echo "Lan Tỏa (production stack): http://$(HOST):$(PORT)/   (\`make demo\` loads demo content)"
	GUNICORN_BIND=$(HOST):$(PORT) PYTHON=$(PY) bash scripts/serve.sh

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
	$(PYTEST) $(XDIST) --durations=20 -m "not transactional"
	$(PYTEST) -m transactional

# The same suite on a real PostgreSQL server that scripts/postgres.sh installs and starts.
test-postgres: install
	url="$$(bash scripts/postgres.sh)" && \
	DATABASE_URL="$$url" $(PYTEST) -q $(XDIST) -m "not transactional" && \
	DATABASE_URL="$$url" $(PYTEST) -q -m transactional

# BENCH="pages search" runs only those bench/ modules and updates their sections.
bench: install
	$(PY) bench/run.py $(BENCH)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles

# Real-browser end-to-end tests (Playwright driving Debian's Chromium) against the production
# stack (scripts/serve.sh: gunicorn workers, task worker, scheduler) on a fresh demo database:
# a new SQLite file, or a new database on the PostgreSQL server of DATABASE_URL; CACHE_URL is
# passed on. Not part of `make test`. Installs chromium with apt when it is missing.
.PHONY: test-e2e
test-e2e: install
	bash scripts/install-browser.sh
	LANTOA_E2E=1 $(VENV)/bin/pytest tests/e2e -p no:cacheprovider
