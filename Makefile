# Two commands do all the set-up:  make demo  (build every output)  and  make test  (every check).
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
ARTICLES ?= $(firstword $(QUIZGEN_ARTICLES) $(wildcard ../shared/seeds))

.PHONY: demo test lint typecheck pytest bench readme clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# Both install every extra (pdf, extract), so the two commands do all the set-up; `pip install .` alone is the light core.
$(VENV)/.installed-demo: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[all]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-demo

demo: $(VENV)/.installed-demo
	$(VENV)/bin/quizgen check $(if $(ARTICLES),--articles $(ARTICLES))
	$(VENV)/bin/quizgen build -o out

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check quizgen tests bench

typecheck: $(VENV)/.installed-test
	$(VENV)/bin/mypy

pytest: $(VENV)/.installed-test
	QUIZGEN_ARTICLES=$(abspath $(ARTICLES)) $(VENV)/bin/pytest -q

test: lint typecheck pytest

bench: $(VENV)/.installed-test
	$(PY) bench/run_all.py

# README's command outputs, refreshed from real runs (tests/test_readme.py checks them), and its figures of the
# bundled bank (tests/test_readme_bank_figures.py); review the diff.
readme: $(VENV)/.installed-test
	QUIZGEN_ARTICLES=$(abspath $(ARTICLES)) $(PY) tests/test_readme.py --update
	$(PY) tests/test_readme_bank_figures.py --update

clean:
	rm -rf out build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
