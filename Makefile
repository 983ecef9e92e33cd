# Two entry points: `make demo` builds the graph from seeds/ into out/, `make test` runs every test.
# Both create .venv and install the hash-pinned dependencies on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test bench chromium clean

demo: $(VENV)/.installed
	$(BIN)/kg build seeds/ --out out/

test: $(VENV)/.installed-test chromium
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test chromium
	$(BIN)/python bench/conll04.py
	$(BIN)/python bench/located_probes.py
	$(BIN)/python bench/rdf_store.py
	$(BIN)/python bench/html_interactive.py

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

# Browser tests drive Debian's Chromium (never a browser download).
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf $(VENV) out/graph.* out/screenshots
