# Two commands on a fresh machine: `make run` and `make test`. Both make the venv.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

TS     := resources/i18n/usosmail_gui_pl.ts
BUNDLE := dist/usosmail-gui

.PHONY: run test lint bench install install-test package-data translations update-translations \
	screenshots dist dist-test dist-bench install-desktop uninstall-desktop clean \
	install-quality mutation coverage

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit("usosmail-gui needs Python 3.11 or newer (found %s); set PYTHON=python3.11" % sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	@touch $(VENV)/.installed $@

$(VENV)/.installed-quality: pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q -e '.[test,quality]'
	@touch $(VENV)/.installed $(VENV)/.installed-test $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
install-quality: $(VENV)/.installed-quality

## package-data: what the package loads at run time, made from resources/ (the Polish .qm,
## the window icon) and pyproject.toml (the version); installer/package_data.py, which the
## setuptools build runs too
package-data: | $(VENV)/.installed
	@$(PY) installer/package_data.py
translations: package-data

## update-translations: collect new texts from the code into the .ts (then translate them in Qt Linguist)
update-translations: install
	$(VENV)/bin/pyside6-lupdate -extensions py usosmail_gui -ts $(TS) -locations relative -no-obsolete

## run: the GUI on the built-in sandbox (a local USOS API on 127.0.0.1; no credentials needed)
## with the demo list of students loaded
run: install package-data
	$(VENV)/bin/usosmail-gui --sandbox --demo

## test: lint + the whole suite, headless
test: lint package-data
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

## lint: ruff, mypy --strict on the whole package, import contracts (core has no Qt)
lint: install-test package-data
	$(VENV)/bin/ruff check usosmail_gui tests installer setup.py
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

## mutation: mutmut on the core modules that guard sending, the journal, statuses, wire
## parsing, rendering and address checks ([tool.mutmut] in pyproject.toml), then the score
## of each module (build/mutation/scores.txt and .json). Slow (not part of `make test`);
## incremental: a second run re-tests only what changed. One module while iterating:
## make mutation MUTANTS='usosmail_gui.core.sending.*'
## MUTANTS: mutant names or fnmatch patterns (several: space-separated), given to
## `mutmut run` as positional arguments; the recipe turns off the shell's file-name
## globbing so a pattern reaches mutmut as written. The filter works, but mutmut's progress
## line counts every mutant of the configured set ("N/10781"), mutants are generated for all
## modules, and mutants named or matched are re-tested even when they already have a
## result (see the README's developer section).
MUTATION_CHILDREN ?= 2
MUTANTS ?=
mutation: install-quality package-data
	set -f; QT_QPA_PLATFORM=offscreen $(VENV)/bin/mutmut run --max-children $(MUTATION_CHILDREN) $(MUTANTS)
	$(PY) tests/mutation/scores.py

## coverage: line and branch coverage of usosmail_gui/core by the unit tests, per module
## (build/coverage/report.txt; the HTML in build/coverage/html)
COVERAGE_TESTS ?= tests/unit
coverage: install-quality package-data
	@mkdir -p build/coverage
	@# the report is made even when a test fails (a timing test may, under tracing); make fails then
	QT_QPA_PLATFORM=offscreen $(PY) -m coverage run -m pytest -q $(COVERAGE_TESTS); status=$$?; \
	$(PY) -m coverage report | tee build/coverage/report.txt; $(PY) -m coverage html -q; exit $$status

## bench: benchmarks, each printed as a ratio against a baseline measured in the same run
bench: install-test package-data
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench

## screenshots: docs/screenshots/VIEW-LANG.png (mailbox: sandbox-mailbox-LANG.png), 1366x768, each view of the --screenshot
## runner (app/screenshot.py VIEWS) in Polish and English, from fresh settings and a journal
## of its own; under a real X server (xvfb-run) when there is one, for real fonts
SCREENSHOT_VIEWS ?= main send statuses campaigns mailbox
screenshots: install package-data
	@for view in $(SCREENSHOT_VIEWS); do for lang in pl en; do \
	  name=$$view; [ $$view = mailbox ] && name=sandbox-mailbox; \
	  out=docs/screenshots/$$name-$$lang.png; echo "$$out"; \
	  if command -v xvfb-run >/dev/null; then \
	    xvfb-run -a -s "-screen 0 1366x768x24" $(VENV)/bin/usosmail-gui --sandbox --demo --language $$lang \
	      --screenshot $$out --screenshot-view $$view || exit 1; \
	  else \
	    QT_QPA_PLATFORM=offscreen $(VENV)/bin/usosmail-gui --sandbox --demo --language $$lang \
	      --screenshot $$out --screenshot-view $$view || exit 1; \
	  fi; done; done

## dist: the standalone bundle of both commands in dist/usosmail-gui/ (PyInstaller, in its
## own build venv; installer/build.py, the same command on Windows and macOS)
dist:
	$(PYTHON) installer/build.py

## dist-test: build the bundle, then run it as on a machine without Python (tests/dist)
dist-test: dist install-test
	USOSMAIL_BUNDLE=$(BUNDLE) $(PY) -m pytest tests/dist

## dist-bench: cold start of the bundled app against the venv's, in the same run
dist-bench: install-test package-data
	$(PYTHON) installer/build.py --startup-probe
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench bench_dist_startup

## install-desktop: menu entry, icon and .usosmail type for this user (~/.local/share);
## the bundle's commands if it is built (`make dist`), else the venv's. uninstall-desktop removes them.
install-desktop: install package-data
	$(PY) installer/desktop.py install $(if $(wildcard $(BUNDLE)/usosmail-gui),--bundle $(BUNDLE),--venv $(VENV))
uninstall-desktop:
	$(PYTHON) installer/desktop.py uninstall

clean:
	rm -rf $(VENV) build dist mutants *.egg-info .mypy_cache .ruff_cache usosmail_gui/_version.py \
		usosmail_gui/resources/i18n/*.qm usosmail_gui/resources/icons/usosmail-gui.svg
