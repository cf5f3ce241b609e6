# Career Map. Two commands for a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTEST_ARGS ?=

.PHONY: run test setup browser lint fmt migrate content-load content-check import test-pg e2e migrations-check check-deploy check-nginx bench bench-load bench-area bench-edge soak faults hostile clean

## run: set up, migrate, load content and whatever datasets are found, serve http://127.0.0.1:$(PORT)
run: setup migrate content-load import
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver 127.0.0.1:$(PORT)

## test: set up (venv, chromium) and run the whole suite, browser tests included
test: setup browser
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	mkdir -p var/static
	touch $@

## browser: Debian's chromium for the Playwright tests (never `playwright install`)
browser:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

migrate: setup
	$(PY) manage.py migrate --noinput -v0

content-load: setup
	$(PY) manage.py content_load

content-check: setup
	$(PY) manage.py content_check

import: setup
	$(PY) manage.py import_data

## lint: ruff (lint and format) and mypy with django-stubs; .pre-commit-config.yaml runs the same
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

fmt: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: setup
	$(PY) manage.py makemigrations --check --dry-run

## test-pg: the suite on the local PostgreSQL
test-pg: setup browser
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(PY) -m pytest -n 2 $(PYTEST_ARGS)

e2e: setup browser
	$(PY) -m pytest tests/e2e

## check-deploy: Django's deployment checks with production-like settings
check-deploy: setup
	DEBUG=0 SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=careermap.example \
	SECURE_SSL_REDIRECT=1 SECURE_COOKIES=1 SECURE_HSTS_SECONDS=31536000 \
	$(PY) manage.py check --deploy --fail-level WARNING

## check-nginx: nginx -t on deploy/nginx.conf (TLS, with a throwaway certificate) and deploy/nginx-local.conf
check-nginx: setup
	@command -v nginx >/dev/null || { echo "nginx not found: apt-get install -y nginx"; exit 1; }
	@dir=$$(mktemp -d) && trap 'rm -rf "$$dir"' EXIT && for variant in nginx.conf nginx-local.conf; do \
		nginx -t -c "$$($(PY) deploy/render_nginx.py "$$dir/$$variant" --variant $$variant)" || exit 1; done

bench: setup
	$(PY) bench/read_page.py
	$(PY) bench/import_bench.py

## bench-load: mixed workload on PostgreSQL + Redis under gunicorn, wrk 60 s at 32 connections (not part of `make test`)
bench-load: setup
	$(PY) bench/load.py $(BENCH_ARGS)

## bench-area: occupation page with and without ?area= (and 4,000 cold area pages) on PostgreSQL + Redis, wrk -t2 -c20, goal p99 <= 50 ms
bench-area: setup
	$(PY) bench/area_pay.py $(BENCH_ARGS)

## bench-edge: nginx (deploy/nginx-local.conf) in front of gunicorn: read page through the cache vs a static file (goal >= 80%), and two logged-in users never served from it
bench-edge: setup
	$(PY) bench/edge.py $(BENCH_ARGS)

## soak: the same workload for 10 minutes, gunicorn worker RSS must grow < 10% (MINUTES=2 to shorten)
soak: setup
	$(PY) bench/soak.py --minutes $${MINUTES:-10} $(BENCH_ARGS)

## faults: PostgreSQL/Redis outages under load, SIGKILLed loads, full disk, read-only dir (root; restarts services)
faults: setup
	$(PY) bench/faults.py $(BENCH_ARGS)

## hostile: the fuzz, schemathesis, escaping, private-URL and rate-limit tests at depth, on SQLite and PostgreSQL (BENCH_ARGS="--database sqlite" for one)
hostile: setup
	$(PY) bench/hostile.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var
