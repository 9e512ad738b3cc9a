# Kakehashi: `make run` serves the site on http://127.0.0.1:5000, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi

.PHONY: run test lint messages translations fonts bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# Compiled catalogues are built, not committed.
translations: $(VENV)/.runtime
	$(BIN)/pybabel compile --statistics -d app/translations

run: $(VENV)/.runtime translations
	mkdir -p instance
	$(BIN)/flask db upgrade
	$(BIN)/flask content load
	$(BIN)/flask demo create
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: $(VENV)/.dev translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .

# After changing user-facing text: extract it, then translate the new entries in messages.po.
messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o app/translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i app/translations/messages.pot -d app/translations --no-fuzzy-matching --ignore-obsolete

# The self-hosted Nastaliq subset (needs fonts-noto-core installed).
fonts: $(VENV)/.dev
	$(BIN)/python -m tools.subset_urdu_font

# bench.reviews needs wrk (Debian package wrk); add DATABASE=postgresql+psycopg://… for PostgreSQL.
bench: $(VENV)/.dev
	$(BIN)/python -m bench.readings
	$(BIN)/python -m bench.furigana
	$(BIN)/python -m bench.reviews $(if $(DATABASE),--database $(DATABASE))

clean:
	rm -rf $(VENV) instance/*.sqlite
