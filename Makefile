# Shortcuts for the README's two commands (the logic is in tasks.py, which needs only Python):
#   make demo   prove everything, audit the seeds, write the LaTeX document and PDF
#   make test   the test suite: unit, soundness, CLI, doctests, every theorem in proofs/
PYTHON ?= python3

.PHONY: demo test bench clean
demo:
	$(PYTHON) tasks.py demo

test:
	$(PYTHON) tasks.py test

bench:
	$(PYTHON) tasks.py bench

clean:
	rm -rf .venv out *.egg-info
