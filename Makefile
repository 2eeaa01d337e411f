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
.PHONY: help run test bench install install-dev migrate demo lint format messages check-migrations clean \
	validator browser

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

run: demo ## Run the site with demo content on http://127.0.0.1:8000/ (and the email worker)
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap "kill $$worker" EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev ## Run every test
	$(BIN)/pytest

bench: install ## Measure the site under load at 100 times today's content (bench/results.md)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py
# The Nu Html Checker, from the npm package vnu-jar (run with java). Its install
# script would download a Java runtime: it is not run, the system's java is used.
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	npm install --prefix .cache/vnu --no-audit --no-fund --ignore-scripts vnu-jar@26

validator: $(VNU_JAR) ## Install the HTML checker that the HTML validity test runs

browser: ## Install Chromium from Debian for the browser and accessibility tests (as root)
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

lint: install-dev ## Check the code with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

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
