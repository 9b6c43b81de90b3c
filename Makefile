# Two commands matter: `make demo` (install, then the main job on the bundled sample, no server)
# and `make test` (install what the tests need, start what they need, run them all).
VENV := .venv
PY := $(VENV)/bin/python
SAMPLE ?= data/beihu
AS_OF ?= 2012-06-30

.PHONY: demo test install system-deps bench clean

$(PY):
	python3 -m venv $(VENV)

install: $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'

system-deps:
	bash scripts/system-deps.sh

demo: install
	$(VENV)/bin/orgnet summary $(SAMPLE) --as-of $(AS_OF)
	$(VENV)/bin/orgnet report $(SAMPLE) --as-of $(AS_OF) -o out/report.html

test: install system-deps
	$(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache build dist
