# accord — the two commands a newcomer needs are `make demo` and `make test`.
# Everything else here is for developers and CI.

VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test test-fast check format lock clean messages

# The virtual environment is made on first use and refreshed when the dependencies change.
$(INSTALLED): pyproject.toml setup.py src/accord/core/_chainscan.c requirements.lock scripts/find-python
	@python=$$(scripts/find-python) || exit 1; \
	  echo "Creating $(VENV) with $$python"; \
	  [ -x $(BIN)/python ] || "$$python" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

# The tests check the C scanner of the event log: build it now if the compiler or OpenSSL's
# headers were only just installed by scripts/ensure-test-tools.
BUILD_SCANNER := $(BIN)/python -c "import accord.core._chainscan" 2>/dev/null \
  || $(BIN)/python -m pip install --quiet -c requirements.lock --no-deps -e .

demo: $(INSTALLED)
	$(BIN)/accord demo --port $(PORT)

# The whole suite, browser tests included; DATABASE_URL=postgres://... runs it on PostgreSQL.
test: $(INSTALLED)
	@scripts/ensure-test-tools
	@$(BUILD_SCANNER)
	$(BIN)/coverage run -m pytest $(PYTEST_ARGS)
	@echo "Branch coverage: all of accord $$($(BIN)/coverage report --format=total)%"
	@# The core's rules are covered completely, every branch; anything less fails the run.
	$(BIN)/coverage report --include='src/accord/core/*' --fail-under=100

# Everything but the browser, for a quick loop while editing.
test-fast: $(INSTALLED)
	@scripts/ensure-test-tools
	@$(BUILD_SCANNER)
	$(BIN)/pytest -m 'not browser' $(PYTEST_ARGS)

check: $(INSTALLED)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m accord.cli manage makemigrations --check --dry-run

format: $(INSTALLED)
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

# Re-extract the interface's strings into the catalogues and compile them (docs/languages.md).
messages: $(INSTALLED)
	$(BIN)/accord messages

# Re-pin every dependency to the newest allowed version (commit the result).
lock:
	rm -rf .lock-venv
	$$(scripts/find-python) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet '.[dev]'
	.lock-venv/bin/pip freeze --exclude accord > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) var .coverage build src/*.egg-info
