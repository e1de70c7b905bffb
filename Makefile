# Two commands:  make demo   (prove everything, write the LaTeX document and PDF)
#                make test   (the test suite: unit tests, doctests, soundness tests, every theorem)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

$(BIN)/symconv: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

.PHONY: demo test bench clean
demo: $(BIN)/symconv
	$(BIN)/symconv prove proofs
	$(BIN)/symconv latex proofs -o out/symconv.tex --pdf

test: $(BIN)/symconv
	$(BIN)/python -m pytest -q

bench: $(BIN)/symconv
	$(BIN)/python benchmarks/dft_diagonalization.py

clean:
	rm -rf $(VENV) out *.egg-info
