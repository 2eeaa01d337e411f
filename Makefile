# The verbs a newcomer needs. `make help` lists them.
PYTHON ?= python3
# Local work runs in development mode unless told otherwise; production sets
# DEBUG=false and its secrets in the environment (see .env.example).
export DEBUG ?= true
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run superuser test test-fast tools bench install install-dev migrate demo lint format \
	messages check-migrations clean validator

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python ## Install the site's dependencies into .venv
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python ## Install the dependencies and the test tools into .venv
	$(BIN)/pip install --quiet -e ".[dev]"

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

demo: migrate ## Load the demo content (safe to run again)
	$(BIN)/python manage.py load_demo_content

run: demo ## Run the site with demo content and the email worker on http://127.0.0.1:8000/ (PORT=8001: another port)
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap "kill $$worker" EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

superuser: migrate ## Create an account for the admin at /admin/ (asks for a name and password)
	$(BIN)/python manage.py createsuperuser

# Every test runs: a missing tool is installed by `tools` or fails the run, never skipped.
test: install-dev tools ## Run every test, the browser and HTML checks included
	REQUIRE_BROWSER=1 REQUIRE_VALIDATOR=1 HYPOTHESIS_PROFILE=ci $(BIN)/pytest -n auto --dist load

test-fast: install-dev ## Run the tests without a browser: the loop while developing
	$(BIN)/pytest --ignore=tests/browser

bench: install ## Measure the site under load at 100 times today's content (bench/results.md)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py
# The Nu Html Checker, from the npm package vnu-jar (run with java). Its install
# script would download a Java runtime: it is not run, the system's java is used.
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	npm install --prefix .cache/vnu --no-audit --no-fund --ignore-scripts vnu-jar@26

validator: $(VNU_JAR) ## Install the HTML checker that the HTML validity test runs

# The programs the tests drive besides Python: Chromium (browser and accessibility
# tests), java and npm (the HTML checker). As root on Debian the missing ones are
# installed from its packages; otherwise the target stops with the command to run.
CHROMIUM ?= /usr/bin/chromium
tools: ## Install Chromium, java and the HTML checker that the tests drive
	@missing=""; \
	test -x "$(CHROMIUM)" || missing="$$missing chromium fonts-dejavu-core"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		install="apt-get install -y --no-install-recommends$$missing"; \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$install; \
		else \
			echo "The tests need programs that are missing. Install them with:" >&2; \
			echo "    sudo apt-get update && sudo $$install" >&2; \
			exit 1; \
		fi; \
	fi
	@$(MAKE) --no-print-directory validator

lint: install-dev ## Check the code with ruff, and the layers of its imports (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install ## Fail if a model change has no migration
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install ## Update and compile the French catalogues (APP=news: one app only)
ifdef APP
	cd $(APP) && PYTHONPATH=.. DJANGO_SETTINGS_MODULE=alliance_site.settings \
		../$(BIN)/django-admin makemessages -l fr --no-location --no-obsolete
	cd $(APP) && PYTHONPATH=.. DJANGO_SETTINGS_MODULE=alliance_site.settings \
		../$(BIN)/django-admin compilemessages -l fr
else
	$(BIN)/python manage.py makemessages -l fr --no-location --no-obsolete \
		--ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages -l fr --ignore=.venv
endif

clean: ## Remove the virtual environment, caches and the local database
	rm -rf $(VENV) .cache staticfiles db.sqlite3 .pytest_cache .ruff_cache
