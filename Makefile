# The two commands of the contract: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# Re-install only when the dependencies change.
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install checks-tools run serve worker varnish test-varnish test screenshots system-packages opensearch opensearch-stop test-search-engine test-api-schema test-load lighthouse lint format check migrate demo-content makemessages compilemessages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

# axe-core, the Nu HTML Checker (vnu-jar) and Lighthouse for the browser checks, from npm
# (tools/browser-checks/package-lock.json). --ignore-scripts: vnu-jar's install script would
# download a JDK; the machine's own java runs vnu.jar.
CHECKS := tools/browser-checks/node_modules/.installed-$(shell cksum tools/browser-checks/package-lock.json | cut -d' ' -f1)
$(CHECKS): tools/browser-checks/package-lock.json
	cd tools/browser-checks && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -f tools/browser-checks/node_modules/.installed-*
	touch $@

checks-tools: $(CHECKS)

migrate: $(STAMP)
	$(MANAGE) migrate --noinput

demo-content: migrate
	$(MANAGE) load_demo_content

run: demo-content
	$(MANAGE) ensure_admin
	@echo "migraUp! Pankow: http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Production: gunicorn with the production settings (migraup/settings/production.py), after
# migrating and collecting the static files. Needs SECRET_KEY and ALLOWED_HOSTS (README).
PROD := DJANGO_SETTINGS_MODULE=migraup.settings.production
serve: $(STAMP)
	$(PROD) $(MANAGE) check --deploy --fail-level WARNING
	$(PROD) $(MANAGE) migrate --noinput
	@# The content checks read the database, so they come after migrating; they warn (e.g.
	@# legal details still missing) without stopping the site, whose admin fills them in.
	$(PROD) $(MANAGE) check --deploy --database default --tag legal
	$(PROD) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD) exec $(BIN)/gunicorn --config migraup/gunicorn.conf.py migraup.wsgi

# The worker beside `make serve`: scheduled publishing, the weekly link check (WORKER_JOBS)
# and the background task queue.
worker: $(STAMP)
	$(PROD) exec $(MANAGE) run_worker

# The suite on every core (pytest-xdist), in random order (pytest-randomly; the seed is
# printed). TEST_WORKERS=0 runs it in one process; PYTEST_ARGS adds options.
TEST_WORKERS ?= auto
test: $(STAMP) $(CHECKS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# What `make test` needs from Debian (needs root; run once): Chromium and the DejaVu fonts
# (Arabic glyphs) for the browser tests, which drive it through Playwright (Playwright never
# downloads a browser), a Java runtime for the Nu HTML Checker, npm for the checkers, and
# Pango with HarfBuzz for the pages' PDFs (WeasyPrint, core.pdf; also needed in production).
# Installs only what is missing; .ci/run calls it before `make test`.
system-packages:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || missing="$$missing fonts-dejavu-core"; \
	ldconfig -p | grep -q libpangoft2-1.0.so.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# A real OpenSearch node on 127.0.0.1:$(OPENSEARCH_PORT), one JVM built from Maven Central
# (tools/opensearch); use it with SEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT).
OPENSEARCH_PORT ?= 9201
export OPENSEARCH_PORT
opensearch:
	tools/opensearch/start-background.sh

opensearch-stop:
	tools/opensearch/stop.sh

# The search tests against that node (started if needed).
test-search-engine: $(STAMP) opensearch
	SEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) $(BIN)/pytest -n $(TEST_WORKERS) tests/search/

# Varnish in front of two app servers (tools/varnish/start.sh; README, "Several app servers
# behind a shared cache"): `make varnish` serves it on http://127.0.0.1:6081/ until Ctrl-C;
# DATABASE_URL and REDIS_URL name what the two share (a SQLite file and a cache folder
# without them). `make test-varnish` runs tests/varnish/ through it, then stops it.
VARNISH_PORT ?= 6081
export VARNISH_PORT
varnish: $(STAMP)
	tools/varnish/start.sh
	@trap 'tools/varnish/stop.sh' EXIT INT TERM; echo "Ctrl-C stops it"; sleep infinity

test-varnish: $(STAMP)
	tools/varnish/start.sh
	VARNISH_URL=http://127.0.0.1:$(VARNISH_PORT) VARNISH_WORK=$(CURDIR)/build/varnish \
		$(BIN)/pytest -p no:randomly -p no:xdist tests/varnish/; \
		status=$$?; tools/varnish/stop.sh; exit $$status

# Schemathesis against the live OpenAPI document of /api/v3/ over the demo content
# (tools/schemathesis/run.sh; its own virtualenv; DATABASE_URL picks the database).
test-api-schema: $(STAMP)
	tools/schemathesis/run.sh

# wrk against the production set-up on PostgreSQL (tools/load-check/run.sh, about 20 s a run):
# the search uncached, and random query strings with the page cache on; fails on any answer
# that is not 2xx, on errors in the log and when the query strings filled the cache.
test-load: $(STAMP)
	tools/load-check/run.sh

# Lighthouse on the home page, a project page and the search, mobile and desktop, over a
# throwaway site served like `make serve` (tools/lighthouse/run.sh; reports in
# build/lighthouse/); fails when a score is below LIGHTHOUSE_MIN (95).
lighthouse: $(STAMP) $(CHECKS)
	tools/lighthouse/run.sh

# Every page type in all six languages on a phone (390 px) and a desktop (1280 px), full
# page, over a throwaway demo site: SCREENSHOTS=folder (default build/screenshots), ONLY=home,contact.
SCREENSHOTS ?= build/screenshots
screenshots: $(STAMP)
	LOG_LEVEL_REQUESTS=WARNING $(BIN)/python tools/screenshots/shoot.py $(SCREENSHOTS) $(if $(ONLY),--only $(ONLY))

# A static copy of the public site in every language with a Pagefind search index (README,
# "Static archive"): make export-static DIR=build/archiv [BASE_URL=https://example.org/archiv/]
# (BASE_URL: where it will be served, for absolute canonical, hreflang and sitemap URLs).
# Pagefind comes with the browser checks' npm tools.
.PHONY: export-static
export-static: $(STAMP) $(CHECKS)
	@test -n "$(DIR)" || { echo "usage: make export-static DIR=folder [BASE_URL=https://…/]" >&2; exit 2; }
	$(MANAGE) export_static_site "$(DIR)" $(if $(BASE_URL),--base-url "$(BASE_URL)")

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

makemessages: $(STAMP)
	@# The site's languages by name: --all would take locale/upstream/ for a language too.
	$(MANAGE) makemessages $(foreach code,de en es it tr ar,-l $(code)) --no-location --ignore=.venv --ignore=staticfiles --ignore=build --ignore=tools

compilemessages: $(STAMP)
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles
