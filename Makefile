# Shortcuts for the README's two commands (which need only python3):
#   make demo   sets up .venv, indexes corpus/ and runs a search on it
#   make test   sets up .venv and runs the tests
#   make build  compiles the entity extractor again after an edit (mypyc,
#               see docs/development.md): `pip install -e .`
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test setup build clean

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

demo: $(INSTALLED)
	$(BIN)/searchidx index corpus
	$(BIN)/searchidx search "Kines Rusia" --limit 5

test: $(INSTALLED)
	$(BIN)/python -m pytest -q

build: $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e .

clean:
	rm -rf $(VENV) .searchidx build *.egg-info *__mypyc*.so analyzers/entities/*.so analyzers/entities/compiled_build.txt
