"""LaTeX rendering: every derivation step by step, each with its justification.

The output is deterministic (no dates, no timings) so the document is
byte-identical across runs.

>>> from symconv.objects.indexed import W, i, j
>>> tex(W(i - 1, j))
'W_{i - 1,j}'
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter

from ..engine.derivation import Derivation
from ..engine.lemmas import LEMMAS
from ..engine.statement import Statement
from ..engine.theorem import CASES, Theorem
from ..objects.group_actions import is_gset_range
from ..objects.indexed import xi
from ..engine.verdict import Counterexample, TheoremResult
from .prose import math_latex, prose_latex

__all__ = ["tex", "escape", "theorem_latex", "statement_latex", "document", "counterexample_latex", "value_latex",
           "RawLatex", "section_title"]


class _Printer(LatexPrinter):
    """SymPy's LaTeX printer with sums over Z written as such and index arithmetic as x - p + 1;
    entry functions print themselves (objects.indexed.entry_function)."""


def _print_sum(self, expr):
    parts = []
    for var, lo, hi in reversed(expr.limits):       # outermost first
        v = self._print(var)
        if lo == -sp.oo and hi == sp.oo:
            parts.append(rf"\sum_{{{v} \in \mathbb{{Z}}}}")
        elif is_gset_range((var, lo, hi)):                 # a point through its whole G-set
            parts.append(rf"\sum_{{{v} \in {self._print(var.gset)}}}")
        else:
            parts.append(rf"\sum_{{{v}={self._print(lo)}}}^{{{self._print(hi)}}}")
    body = self._print(expr.function)
    if expr.function.is_Add:
        body = rf"\left({body}\right)"
    return " ".join(parts) + " " + body


_Printer._print_Sum = _print_sum

def _print_add(self, expr, order=None):
    """Index arithmetic reads best as x - p + 1: positive terms, then negative ones, then the number."""
    terms = list(expr.as_ordered_terms())
    pos = [t for t in terms if not t.is_Number and not t.could_extract_minus_sign()]
    neg = [t for t in terms if not t.is_Number and t.could_extract_minus_sign()]
    num = [t for t in terms if t.is_Number]
    out = ""
    for q, t in enumerate(pos + neg + num):
        if t.could_extract_minus_sign():
            out += (" - " if q else "-") + self.parenthesize(-t, self._print_Add_prec())
        else:
            out += (" + " if q else "") + self._print(t)
    return out


def _add_prec(self):
    from sympy.printing.precedence import PRECEDENCE
    return PRECEDENCE["Add"]


_Printer._print_Add = _print_add
_Printer._print_Add_prec = _add_prec

_PRINTER = _Printer({"mul_symbol": None, "symbol_names": {xi: r"\bar{x}"}})


def tex(expr) -> str:
    """LaTeX of an expression, with entries written as subscripts."""
    if isinstance(expr, sp.Eq):
        return f"{tex(expr.lhs)} = {tex(expr.rhs)}"
    return _PRINTER.doprint(sp.sympify(expr))


_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
            "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def escape(text: str) -> str:
    """Escape plain text for LaTeX."""
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


class RawLatex(str):
    """A value that is LaTeX already (a counterexample read back from a JSON report)."""


def value_latex(v) -> str:
    r"""A counterexample's value in math mode, through SymPy's LaTeX printer where it is a number,
    an expression or a matrix.

    >>> value_latex(sp.Rational(-1, 3)), value_latex([1, 2]), value_latex("x_1 vs x_2")
    ('- \\frac{1}{3}', '\\left(1, 2\\right)', '\\text{$x_{1}$ vs $x_{2}$}')
    """
    if isinstance(v, RawLatex):
        return str(v)
    if isinstance(v, str):
        return r"\text{" + prose_latex(v) + "}"
    if isinstance(v, (list, tuple)):
        return r"\left(" + ", ".join(value_latex(q) for q in v) + r"\right)"
    if hasattr(v, "tolist") and not isinstance(v, sp.Basic):      # a NumPy array
        return tex(sp.Matrix(v.tolist())) if getattr(v, "ndim", 1) == 2 else value_latex(v.tolist())
    try:
        return tex(sp.sympify(v, strict=True))
    except (sp.SympifyError, TypeError, ValueError):
        return r"\text{" + escape(str(v)) + "}"


def counterexample_latex(c: Counterexample) -> str:
    r"""A counterexample: its n, its description (formulas in math mode) and its data through SymPy's
    LaTeX printer.

    >>> counterexample_latex(Counterexample(3, "(S x)_0 is x_2, not x_1", {"i": sp.Integer(0)}))
    '$n = 3$: $(S x)_{0}$ is $x_{2}$, not $x_{1}$ (at $i = 0$)'
    """
    out = (f"$n = {c.n}$: " if c.n is not None else "") + prose_latex(c.description)
    if c.data:
        out += " (at " + ", ".join(f"${math_latex(str(k))} = {value_latex(v)}$" for k, v in c.data.items()) + ")"
    return out


def section_title(topic: str, doc: str) -> str:
    r"""A section's title: the first clause of the script's docstring (up to its first colon or full
    stop), else the file name.

    >>> section_title("shift", "The shift matrix S, with (S x)_i = x_{i-1 mod n}: a permutation.")
    'The shift matrix S, with $(S x)_{i} = x_{i-1 \\bmod n}$'
    >>> section_title("layer_shapes", "")
    'layer shapes'
    """
    import re

    first = re.split(r":\s|\.(?:\s|$)", " ".join(doc.split()), maxsplit=1)[0].strip() if doc else ""
    if not first or len(first) > 100:
        return escape(topic.replace("_", " "))
    return prose_latex(first)


def _derivation(d: Derivation) -> list[str]:
    out = []
    if d.title:
        title = prose_latex(d.title)       # $...$ in a title is kept as LaTeX
        out.append(rf"\paragraph{{{title}}}")
    out.append(r"\begin{align*}")
    rows = [f"  & {tex(d.start)}"]
    prev = d.start
    for st in d.steps:
        rel = st.rule.relation
        in_context = getattr(st.rule, "justification_in", None)
        text = in_context(prev, st.expr) if in_context else st.rule.justification()
        prev = st.expr
        why = rf"\parbox[t]{{0.3\textwidth}}{{\raggedright\small {text}}}"
        rows.append(f"  {rel}{{}} & {tex(st.expr)} && {why}")
    out.append(" \\\\\n".join(rows))
    out.append(r"\end{align*}")
    if d.conclusion:
        text = prose_latex(d.conclusion)
        out.append(rf"\noindent Hence {text}.")
    return out


def _apply_name(stmt: Statement, name: str, args) -> sp.Expr:
    """The definition's left side, printed with the notation's own class where the statement uses it."""
    from sympy.core.function import AppliedUndef
    exprs = [stmt.lhs, stmt.rhs] + [lam.expr for _, lam in stmt.definitions]
    for e in exprs:
        for q in e.atoms(AppliedUndef):
            if q.func.__name__ == name:
                return q.func(*args)
    return sp.Function(name)(*args)


#: a formal statement whose LaTeX source is at most this long goes on one line; a side longer than
#: _SCALE characters is scaled down to the text width (machine-made formulas can be very long)
_ONE_LINE, _SCALE = 150, 260


def _fit(side: str) -> str:
    if len(side) <= _SCALE:
        return side
    return rf"\resizebox{{0.92\linewidth}}{{!}}{{$\displaystyle {side}$}}"


def statement_latex(stmt: Statement) -> list[str]:
    """The formal statement, rendered from the SymPy object itself (never hand-written)."""
    rel = "=" if stmt.kind == "identity" else r"\iff"
    lhs, rhs = _fit(tex(stmt.lhs)), _fit(tex(stmt.rhs))
    if len(lhs) + len(rhs) <= _ONE_LINE:
        body = rf"\[ {lhs} \;{rel}\; {rhs} \]"
    else:       # one side per line; a side too long for a line is scaled to the text width
        body = "\n".join([r"\begin{align*}", rf"  & {lhs} \\", rf"  {rel}{{}} & {rhs}", r"\end{align*}"])
    syms = sorted((q for q in stmt.free_symbols if q.is_Symbol), key=str)
    ints = [q for q in syms if q.is_integer and str(q) != "n"]
    others = [q for q in syms if not q.is_integer]
    quant = [r"$n \ge 1$"] + ([f"integers ${', '.join(tex(q) for q in ints)}$"] if ints else []) \
        + ([f"all ${', '.join(tex(q) for q in others)}$"] if others else [])
    out = [r"\noindent\textbf{Formal statement} (the object the engine checks; for " + ", ".join(quant) + "):"]
    if stmt.hypotheses:
        hyps = "; ".join(prose_latex(h.text or h.name) if h.expr is None
                         else f"${h.latex()}$" for h in stmt.hypotheses)
        out.append(r"\noindent if " + hyps + ",")
    out.append(body)
    if stmt.text:
        out.append(rf"\noindent ({prose_latex(stmt.text)})")
    if stmt.definitions:
        items = []
        for name, lam in stmt.definitions:
            item = f"{tex(_apply_name(stmt, name, lam.variables))} := {tex(lam.expr)}"
            items.append(rf"\item ${item}$" if len(item) <= _ONE_LINE // 2 else
                         rf"\item \resizebox{{0.9\linewidth}}{{!}}{{$\displaystyle {item}$}}"
                         if len(item) > _SCALE else rf"\item $\displaystyle {item}$\\[2pt]")
        out += [r"\noindent where (this script's notation):", r"\begin{itemize}"] + items + [r"\end{itemize}"]
    return out


def _sci(v: float) -> str:
    """1.2e-15 -> 1.2 \\times 10^{-15}; 0 -> 0."""
    if v == 0:
        return "0"
    mant, exp = f"{v:.1e}".split("e")
    return rf"{mant} \times 10^{{{int(exp)}}}"


def _verdict(r: TheoremResult) -> str:
    bits = [rf"\textbf{{{r.verdict.value}}} (claims {r.claims.value})"]
    if r.n_checked:
        if r.exact_scope == CASES:
            bits.append(rf"exact for cases {r.n_checked[0]}--{r.n_checked[1]}, every case the statement names")
        else:
            bits.append(rf"exact for $n = {r.n_checked[0]},\dots,{r.n_checked[1]}$ ({prose_latex(r.exact_scope)})")
    if r.numeric_error is not None:
        bits.append(rf"numeric error ${_sci(r.numeric_error)}$ (float64), ${_sci(r.numeric_mp_error)}$ "
                    rf"(mpmath, {r.numeric_dps} digits), seed {r.numeric_seed}")
    caught = sum(v.caught for v in r.variants)
    bits.append(f"false variants refuted: {caught}/{len(r.variants)}")
    return "; ".join(bits) + "."


def theorem_latex(thm: Theorem, result: TheoremResult | None = None) -> str:
    """One theorem: statement, verdict with evidence, derivations, false variants."""
    out = [rf"\subsection*{{\texttt{{{escape(thm.name)}}}}}", prose_latex(thm.statement)]
    if thm.latex:
        if thm.formal:
            out.append(r"\noindent In the usual notation (prose, beside the formal statement):")
        out.append(rf"\[ {thm.latex} \]")
    for stmt in thm.formal or ():
        out.extend(statement_latex(stmt))
    if result is not None:
        out.append(r"\noindent Verdict: " + _verdict(result))
        if result.counterexample is not None:
            out.append(r"\noindent Counterexample: " + counterexample_latex(result.counterexample))
    if thm.derivation is not None:
        for d in thm.derivation():
            out.extend(_derivation(d))
    if result is not None and result.lemmas:
        out.append(r"\noindent Lemmas used:")
        out.append(r"\begin{itemize}")
        for name in result.lemmas:
            lem = LEMMAS[name]
            out.append(rf"\item \texttt{{{escape(name)}}}: ${lem.statement}$; side condition: {lem.side_conditions}.")
        out.append(r"\end{itemize}")
    if result is not None and result.variants:
        out.append(r"\noindent False variants:")
        out.append(r"\begin{itemize}")
        for v in result.variants:
            cex = counterexample_latex(v.counterexample) if v.counterexample else prose_latex(v.detail)
            out.append(rf"\item \texttt{{{escape(v.name)}}} ({prose_latex(v.statement)}): "
                       rf"\textbf{{{v.verdict.value}}}. {cex}")
        out.append(r"\end{itemize}")
    return "\n".join(out)


_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{amsmath,amssymb,mathtools}
\usepackage{graphicx}
\usepackage[margin=2.2cm]{geometry}
\setlength{\parindent}{0pt}
\setlength{\parskip}{4pt}
\allowdisplaybreaks
\emergencystretch=3em
\title{symconv: machine-checked derivations}
\date{}
\begin{document}
\maketitle
Conventions: $(Sx)_i = x_{i-1 \bmod n}$, so $S_{ij} = [i \equiv j+1]$;
$\mathrm{circ}(c)_{ij} = c_{i-j}$ (first column $c$); $F_{jk} = \omega^{jk}$ with
$\omega = e^{-2\pi i/n}$, unnormalised; $[a \equiv b]$ is $1$ when $a \equiv b \pmod n$
and $0$ otherwise; all indices are read modulo $n$.  Every step below was re-checked
by the engine: it recomputed the right-hand side from the named rule and compared it
exactly.
"""


def document(sections: list[tuple[str, list[tuple[Theorem, TheoremResult | None]]]],
             source: str | None = None) -> str:
    """A complete compilable document; ``sections`` is [(topic, [(theorem, result)])].  ``source`` names the
    report the results were read from (``symconv latex --from``): the document then says that its verdicts
    are that report's, not checked again while it was written."""
    out = [_PREAMBLE]
    if source is not None:
        out.append(r"\noindent\textbf{Verdicts from a report.} The verdicts and counterexamples below are those "
                   r"recorded in \texttt{" + escape(source) + "}; they were not checked again while this "
                   r"document was written (run \texttt{symconv prove} to check them).")
    for topic, items in sections:
        doc = getattr(items[0][0], "topic_doc", "") if items else ""
        out.append(rf"\section{{{section_title(topic, doc)}}}")
        if doc:
            out.append(r"\emph{" + prose_latex(" ".join(doc.split())) + "}")
        for thm, res in items:
            out.append(theorem_latex(thm, res))
    out.append(r"\end{document}")
    return "\n\n".join(out) + "\n"
