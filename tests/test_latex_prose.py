"""Prose with formulas compiles, whatever the prose: statements, titles and counterexamples are
user text, and a character LaTeX does not know must never break the document."""

import random
import shutil
import subprocess

import pytest
import sympy as sp

from symconv.engine.verdict import Counterexample
from symconv.render.latex import counterexample_latex, section_title
from symconv.render.prose import math_latex, prose_latex

ALPHABET = (list("abcxyzSWFIn ijk") * 3 + list("0123456789") + list(" _^{}()[]%&#~\\|<>=*+-/.,:;!?'\"@`")
            + list("ωζπΔ≤≥≠≡→⊛⋆∑∫√∞·×−éüß✓—…«»") + ["omega", "sum_k", "x_{i-1}", "S^n", "(*)", ">=", "..", " (x) ",
                                                     "max_pool1d", "mod", "star", "exp(", "||"])


def random_prose(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 40)))


@pytest.mark.parametrize("text, expected", [
    ("S^n = I: shifting n times", "$S^{n} = I$: shifting n times"),
    ("ω ≤ n → x", r"$\omega \leq n \to x$"),
    ("N >= |a| + |b| - 1 (the basis of FFT convolution)", r"$N \geq |a| + |b| - 1$ (the basis of FFT convolution)"),
    ("100% & #1 $a_b$ cost ~ 5", r"100\% \& \#1 $a_b$ cost {\textasciitilde} 5"),
    ("a lone $ sign", r"a lone \$ sign"),
    ("max_pool1d(2) is exact", r"\texttt{max\_pool1d}(2) is exact"),
])
def test_prose_latex_examples(text, expected):
    assert prose_latex(text) == expected


def test_math_latex_scripts():
    assert math_latex("omega^(-jk)") == r"\omega^{-jk}"
    assert math_latex("x_{i-1 mod n}") == r"x_{i-1 \bmod n}"


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed")
def test_random_prose_compiles(tmp_path):
    rng = random.Random(20261130)
    texts = [random_prose(rng) for _ in range(400)]
    body = []
    for q, t in enumerate(texts):
        body.append(f"% {q}\n" + prose_latex(t) + r"\par")
        body.append(r"\section{" + section_title("topic_x", t) + "}")
    body.append(counterexample_latex(Counterexample(3, "x_1 vs ω² → ∞ & 50%", {"i": sp.Integer(2), "ω_k": "a_b",
                                                                                 "M": sp.Matrix([[1, 2], [3, 4]])})))
    doc = "\n".join([r"\documentclass{article}", r"\usepackage[utf8]{inputenc}", r"\usepackage[T1]{fontenc}",
                     r"\usepackage{amsmath,amssymb}", r"\begin{document}", *body, r"\end{document}"])
    (tmp_path / "p.tex").write_text(doc, encoding="utf-8")
    proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "p.tex"], cwd=tmp_path,
                          capture_output=True, text=True, errors="replace")
    errors = [line for line in proc.stdout.splitlines() if line.startswith("!")]
    assert proc.returncode == 0 and not errors, errors[:3]
