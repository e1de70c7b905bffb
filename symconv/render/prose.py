r"""Prose with formulas, as LaTeX: the formulas typeset as mathematics, the words as text.

Statements, titles and counterexamples are written in plain text with ASCII or Unicode
formulas ("S^n = I", "x_{i-1 mod n}", "omega^(-jk)", "ω ≤ n → x").  :func:`prose_latex` finds
the formula runs (a run needs a strong sign: a sub- or superscript, a relation or an operator, a
Greek letter, a function name) and sets them in math mode; everything else is text, made safe
for LaTeX by pylatexenc's ``unicode_to_latex``.  ``$...$`` written by the author is kept as is.
The result is deterministic and uses only amsmath/amssymb.

>>> prose_latex("S^n = I: shifting n times returns every signal to itself.")
'$S^{n} = I$: shifting n times returns every signal to itself.'
>>> prose_latex("The Fourier modes f_k = (omega^(-jk))_j are eigenvectors of S")
'The Fourier modes $f_{k} = (\\omega^{-jk})_{j}$ are eigenvectors of S'
>>> prose_latex("ω ≤ n → x & 50% of $a_b$")
'$\\omega \\leq n \\to x$ \\& 50\\% of $a_b$'
"""

from __future__ import annotations

import logging
import re

__all__ = ["prose_latex", "math_latex"]

_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa", "lambda", "mu", "nu",
          "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda",
          "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega"}
_STD_FUNCS = {"exp", "log", "sin", "cos", "tan", "det", "gcd", "deg", "max", "min", "sup", "inf", "dim", "ker"}
_OPNAMES = {"circ", "diag", "rank", "conj", "tr", "erf", "sinc", "floor", "ceil", "sqrt", "Re", "Im", "sign", "lcm"}
_WEAK_FUNCS = {"max", "min", "inf", "sup", "dim", "rank", "sign"}      # also English words: need a strong neighbour
_STOP = {"is", "of", "in", "at", "to", "by", "as", "or", "be", "an", "on", "it", "if", "up", "we", "no", "so", "do",
         "and", "the", "for", "its", "vs", "not", "are", "has", "all", "one", "two", "iff", "with", "then", "each"}
_MULTI_OPS = {" (x) ": r"\otimes", "..": r"\dots", ">=": r"\geq", "<=": r"\leq", "!=": r"\neq", "->": r"\to", "=>": r"\Rightarrow",
              "<=>": r"\iff", "(*)": r"\circledast", "||": r"\|", "...": r"\dots"}
_STRONG_OPS = set("=<>*+^_|") | set("≤≥≠≡→⊛⋆∑∫∈·×∘⊗−√∞⌊⌋∗⇔⇒↦") | set(_MULTI_OPS)
_WEAK_OPS = set("()[]{}-/'")
_TOKEN = re.compile(r"""
    (?P<raw>\$[^$]+\$)
  | (?P<textword>\b\d+-D\b|\b\d+x\d+(?:x\d+)?\b)
  | (?P<code>\b[A-Za-z]\w*_[A-Za-z]\w*[A-Za-z]{3}\w*|\b[A-Za-z]\w*[A-Za-z]{3}\w*_\w+)
  | (?P<multi>\ \(x\)\ |<=>|\(\*\)|\.\.\.|\.\.|>=|<=|!=|->|=>|\|\|)
  | (?P<word>[A-Za-z\u0370-\u03ff]+)
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<space>\s+)
  | (?P<other>.)
""", re.X | re.S)


def _encoder():
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    logging.getLogger("pylatexenc.latexencode._unicode_to_latex_encoder").setLevel(logging.ERROR)
    return UnicodeToLatexEncoder(unknown_char_policy="unihex")


_ENC = None


def _text(s: str) -> str:
    """Plain text made safe for LaTeX (specials escaped, Unicode as LaTeX commands)."""
    global _ENC
    if _ENC is None:
        _ENC = _encoder()
    return _ENC.unicode_to_latex(s)


_MATH_CHARS = {"→": r"\to ", "←": r"\leftarrow ", "↦": r"\mapsto ", "⇔": r"\iff ", "⇒": r"\Rightarrow ",
               "·": r"\cdot ", "−": "-", "∗": "*", "×": r"\times "}


def _math_char(ch: str) -> str:
    r"""One non-ASCII character in math mode (\ensuremath{\omega} -> \omega; a text symbol -> \text{...})."""
    if ch in _MATH_CHARS:
        return _MATH_CHARS[ch]
    t = _text(ch)
    m = re.fullmatch(r"\\ensuremath\{(.*)\}", t)
    if m:
        return m.group(1) + " "
    return r"\text{" + t + "}"


def _classify(kind: str, tok: str) -> str:
    """'strong', 'weak' (fits in a formula) or 'text'."""
    if kind == "word":
        if tok in _GREEK or any("\u0370" <= ch <= "\u03ff" for ch in tok):
            return "strong"
        if tok in _WEAK_FUNCS:
            return "weak"
        if tok == "star":
            return "strong"
        if tok in _STD_FUNCS or tok in _OPNAMES or tok in ("sum", "int", "mod"):
            return "strong" if tok not in ("int", "mod", "sum") else "weak"
        if tok in _STOP:
            return "text"
        if len(tok) <= 2 or (len(tok) <= 3 and tok.isupper()):
            return "weak"
        return "text"
    if kind == "num":
        return "weak"
    if kind in ("textword", "code"):
        return "text"
    if kind in ("multi",) or tok in _STRONG_OPS:
        return "strong"
    if tok in _WEAK_OPS:
        return "weak"
    return "text"


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text)]


def _word_math(tok: str) -> str:
    if tok in _GREEK:
        return "\\" + tok + " "
    if any("\u0370" <= ch <= "\u03ff" for ch in tok):
        return "".join(_math_char(ch) if ord(ch) > 127 else ch for ch in tok)
    if tok in _STD_FUNCS:
        return "\\" + tok + " "
    if tok in _OPNAMES:
        return r"\operatorname{" + tok + "} "
    if tok == "sum":
        return r"\sum "
    if tok == "int":
        return r"\int "
    if tok == "mod":
        return r"\bmod "
    if tok == "star":
        return r"\star "
    return tok


def _group_end(toks: list[tuple[str, str]], start: int, open_: str, close: str) -> int:
    depth = 0
    for q in range(start, len(toks)):
        if toks[q][1] == open_:
            depth += 1
        elif toks[q][1] == close:
            depth -= 1
            if depth == 0:
                return q
    return -1


def _script(toks: list[tuple[str, str]], q: int) -> tuple[str, int] | None:
    """The operand of a ``^`` or ``_`` at ``q``: (its LaTeX, the index after it), or None."""
    if q + 1 >= len(toks):
        return None
    nk, nt = toks[q + 1]
    if nt in ("(", "{"):
        end = _group_end(toks, q + 1, nt, ")" if nt == "(" else "}")
        return ("{" + _math(toks[q + 2:end]).strip() + "}", end + 1) if end > 0 else None
    if nt == "-" and q + 2 < len(toks) and toks[q + 2][0] in ("word", "num"):
        return "{-" + _word_math(toks[q + 2][1]).strip() + "}", q + 3
    if nk in ("word", "num"):
        return "{" + _word_math(nt).strip() + "}", q + 2
    return None


def _math(toks: list[tuple[str, str]]) -> str:
    out: list[str] = []
    scripts: set[str] = set()       # the scripts the current base already has (a second ^ gets a new base {})
    q = 0
    while q < len(toks):
        kind, tok = toks[q]
        if tok in ("^", "_"):
            operand = _script(toks, q)
            if operand is None or not out:
                out.append(r"\_" if tok == "_" else r"\hat{}")      # nothing to attach to: the sign itself
                scripts = set()
                q += 1
                continue
            if tok in scripts:
                out.append("{}")
                scripts = set()
            out.append(tok + operand[0])
            scripts.add(tok)
            q = operand[1]
            continue
        if tok == "'":          # a prime is a superscript of the current base
            if "^" in scripts:
                out.append("{}")
            out.append("'")
            scripts.add("^")
            q += 1
            continue
        if kind == "space":         # spaces do not end a base in math mode
            out.append(" ")
            q += 1
            continue
        scripts = set()
        if kind == "word":
            out.append(_word_math(tok))
        elif kind == "multi":
            out.append(_MULTI_OPS[tok] + " ")
        elif tok in ("{", "}"):
            out.append("\\" + tok)
        elif tok in ("%", "#", "&", "$"):
            out.append("\\" + tok)
        elif tok == "~":
            out.append(r"\sim ")
        elif tok == "\\":
            out.append(r"\backslash ")
        elif ord(tok[0]) > 127:
            out.append(_math_char(tok))
        elif tok in "\"`@":
            out.append(r"\text{" + _text(tok) + "}")
        else:
            out.append(tok)
        q += 1
    return re.sub(r" +([_^])", r"\1", re.sub(r" +", " ", "".join(out)))


def math_latex(text: str) -> str:
    r"""A plain-text formula as math-mode LaTeX (no dollars).

    >>> math_latex("x_{i-1 mod n} != sum_k c_k")
    'x_{i-1 \\bmod n} \\neq \\sum_{k} c_{k}'
    """
    return _math(_tokens(text)).strip()


def _unmatched(toks: list[tuple[str, str]]) -> int:
    """The index of the first bracket without its partner in ``toks``, or -1."""
    stack: list[int] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for q, (_, t) in enumerate(toks):
        if t in "([{" and len(t) == 1:
            stack.append(q)
        elif t in pairs and len(t) == 1:
            if not stack or toks[stack[-1]][1] != pairs[t]:
                return q
            stack.pop()
    return stack[0] if stack else -1


def _emit_run(run: list[tuple[str, str]], out: list[str]) -> None:
    """A candidate run: math when it has a strong sign, a symbol or number, and balanced brackets; a
    bracket without its partner is prose punctuation ("... N >= 3 (the basis of ...)"): the run is cut
    there and each part decided alone."""
    cut = _unmatched(run)
    if cut >= 0:
        _emit_run(run[:cut], out)
        out.append(_text(run[cut][1]))
        _emit_run(run[cut + 1:], out)
        return
    lead: list[tuple[str, str]] = []
    trail: list[tuple[str, str]] = []
    while run and run[0][0] == "space":
        lead.append(run.pop(0))
    # trailing spaces and hyphens stay text (a trailing "-" is a hyphenation: "(2k - 1)-dimensional")
    while run and (run[-1][0] == "space" or run[-1][1] in ("-", "/", "'", "_", "^")):
        trail.insert(0, run.pop())
    out.append(_text("".join(t for _, t in lead)))
    if run:
        strong = any(_classify(k, t) == "strong" for k, t in run if k != "space")
        operand = any(k in ("word", "num") for k, _ in run)
        if strong and operand:
            out.append("$" + math_latex("".join(t for _, t in run)) + "$")
        else:
            out.append(_text("".join(t for _, t in run)))
    out.append(_text("".join(t for _, t in trail)))


def prose_latex(text: str) -> str:
    """Plain text with formulas (ASCII or Unicode) as LaTeX: formula runs in math mode, the rest as text."""
    out: list[str] = []
    run: list[tuple[str, str]] = []
    depth = 0
    for kind, tok in _tokens(text):
        if kind == "raw":
            _emit_run(run, out)
            run, depth = [], 0
            out.append(tok)
            continue
        cls = "space" if kind == "space" else _classify(kind, tok)
        if tok == "," and depth > 0:
            cls = "weak"
        if cls == "text":
            _emit_run(run, out)
            run, depth = [], 0
            out.append(r"\texttt{" + _text(tok) + "}" if kind == "code" else _text(tok))
            continue
        if tok in "([{":
            depth += 1
        elif tok in ")]}":
            depth -= 1
        run.append((kind, tok))
    _emit_run(run, out)
    return "".join(out)
