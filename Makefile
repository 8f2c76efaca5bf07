# Two commands set up everything: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint typecheck bench fuzz soak clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/ind-tui $(ARGS)

# tool caches live in .venv: `make test` writes nothing into the checkout.
lint: $(STAMP_TEST)
	RUFF_CACHE_DIR=$(VENV)/.cache/ruff $(BIN)/ruff check ind_tui tests bench
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP_TEST)
	$(BIN)/mypy --cache-dir $(VENV)/.cache/mypy

# Tests in parallel, a file per worker; many tests wait on the sandbox or a terminal, so
# 4 workers use 2 cores well. Bytecode goes to .venv too, and the run fails if the checkout
# has anything new afterwards (files in .venv aside).
TEST_WORKERS ?= 4
CHECKOUT_STATE := { git status --porcelain --ignored --untracked-files=all 2>/dev/null \
	| grep -v '^!! \.venv/'; true; }

test: $(STAMP_TEST)
	@$(CHECKOUT_STATE) > $(VENV)/.checkout-before
	$(MAKE) --no-print-directory lint typecheck
	PYTHONPYCACHEPREFIX=$(abspath $(VENV))/.cache/pycache \
		$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile
	@$(CHECKOUT_STATE) | diff $(VENV)/.checkout-before - \
		|| { echo "make test: the run left the files above in the checkout"; exit 1; }

# Longer property runs against the API (schemathesis with more examples).
fuzz: $(STAMP_TEST)
	IND_TUI_FUZZ_EXAMPLES=300 $(BIN)/python -m pytest tests/test_api_fuzz*.py

# Filing under faults: 500 seeded submissions (`make test` runs a short one). IND_TUI_SOAK
# and IND_TUI_SOAK_SEED change size and seed; the summary line is printed at the end.
soak: $(STAMP_TEST)
	IND_TUI_SOAK=$${IND_TUI_SOAK:-500} $(BIN)/python -m pytest -s -p no:randomly tests/test_soak.py

bench: $(STAMP_TEST)
	@for f in bench/bench_*.py; do m=bench.$$(basename $$f .py); echo "== $$m"; $(BIN)/python -m $$m || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
