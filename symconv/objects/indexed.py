"""Index notation for derivations that hold for every n.

Matrix entries are written as applied functions of indices in Z_n, e.g.
``W(i, j)``; the Iverson bracket ``Iverson(a, b)`` is [a = b (mod n)];
``zsum(body, l)`` is the sum over l in Z_n.  ``omega`` stands for the DFT's
primitive n-th root of unity exp(-2*pi*i/n), with omega**n = 1.

The standard entries, as the conventions of DESIGN.md define them:

>>> ENTRY['S'](i, j)
Iverson(i, j + 1)
>>> ENTRY['F'](j, k)
omega**(j*k)
>>> ENTRY['C'](i, j)
c(i - j)
"""

from __future__ import annotations

import functools

import sympy as sp

__all__ = ["TEX_NAMES", "entry_function", "poly_function", "size", "deg", "Pk", "kconv", "sequence_function", "lsum", "X", "xi", "CYCLIC_BASES", "n", "v", "i", "j", "k", "l", "m", "t", "u", "s_", "omega", "Iverson", "zsum",
           "S", "W", "C", "F", "Fs", "P", "c", "a", "b", "x", "f", "conv", "ENTRY"]

n = sp.Symbol("n", integer=True, positive=True)
i, j, k, l, m, t, u, s_, v = sp.symbols("i j k l m t u s v", integer=True)
omega = sp.Symbol("omega")


class Iverson(sp.Function):
    """[a = b (mod n)]: 1 when a and b agree modulo n, else 0."""

    nargs = 2

    def _latex(self, printer):
        a, b = (printer._print(x) for x in self.args)
        return rf"[{a} \equiv {b}]"

    def _sympystr(self, printer):
        return f"Iverson({printer._print(self.args[0])}, {printer._print(self.args[1])})"


def zsum(body: sp.Expr, var: sp.Symbol) -> sp.Sum:
    """The sum of ``body`` over ``var`` in Z_n = {0, ..., n-1}."""
    return sp.Sum(body, (var, 0, n - 1))


#: LaTeX of every named entry function, for the justifications of Unfold/Fold
TEX_NAMES: dict[str, str] = {}


def entry_function(name: str, tex: str | None = None, cyclic: bool = True,
                   kind: str | None = None) -> sp.core.function.UndefinedFunction:
    r"""An indexed object ``name(i, j, ...)`` that prints in LaTeX as ``tex_{i,j}``.

    A ``#`` in ``tex`` is replaced by the arguments instead (``"P_a(#)"``), and
    ``#1``, ``#2``, ... by the first, second, ... argument.
    With ``cyclic=True`` (matrices and signals on Z_n) indices are read
    modulo n; with ``cyclic=False`` (finitely supported sequences on Z, see
    :func:`sequence_function`) they are compared exactly.

    >>> from sympy import latex
    >>> print(latex(entry_function("conv", r"(a \circledast b)")(i - 1)))
    (a \circledast b)_{i - 1}
    >>> entry_function("h", "h")(i) == entry_function("h", "h")(i)
    True
    """
    tex = name if tex is None else tex
    TEX_NAMES[name] = tex
    kind = kind or ("entry" if cyclic else "sequence")
    if kind not in ("entry", "sequence", "poly"):
        raise ValueError(f"kind must be 'entry', 'sequence' or 'poly', got {kind!r}")
    return _entry_function(name, tex, bool(cyclic), kind)


@functools.lru_cache(maxsize=None)
def _entry_function(name: str, tex: str, cyclic: bool, kind: str):
    """One class per (name, LaTeX, cyclic): the same notation built twice is the same SymPy object."""

    def _latex(self, printer, exp=None):
        printed = [printer._print(q) for q in self.args]
        args = ",".join(printed)
        if "#1" in tex:
            out = tex
            for q, a_ in enumerate(printed, 1):
                out = out.replace(f"#{q}", a_)
        else:
            # a name that carries its own sub- or superscript is braced first (no double subscript)
            base = f"{{{tex}}}" if ("_" in tex or "^" in tex) else tex
            out = tex.replace("#", args) if "#" in tex else f"{base}_{{{args}}}"
        return f"\\left({out}\\right)^{{{exp}}}" if exp else out

    # _symconv_kind: "entry" (on Z_n), "sequence" (finitely supported on Z) or "poly" (notation for
    # polynomials, sizes, degrees: neither indexed data nor finitely supported)
    return sp.Function(name, _latex=_latex, _symconv_cyclic=cyclic, _symconv_kind=kind, _symconv_tex=tex)


def poly_function(name: str, tex: str) -> sp.core.function.UndefinedFunction:
    """A polynomial-valued object, printed as ``tex`` with ``#`` replaced by its argument.

    >>> from sympy import latex
    >>> print(latex(poly_function("Q", "P_b(1/#)")(X)))
    P_b(1/x)
    """
    return entry_function(name, tex, cyclic=False, kind="poly")


def sequence_function(name: str, tex: str | None = None) -> sp.core.function.UndefinedFunction:
    """A finitely supported sequence on Z (a kernel): indices compared exactly."""
    return entry_function(name, tex, cyclic=False)


def lsum(body: sp.Expr, var: sp.Symbol) -> sp.Sum:
    """The sum of ``body`` over ``var`` in Z (finitely many non-zero terms)."""
    return sp.Sum(body, (var, -sp.oo, sp.oo))


X = sp.Symbol("x")   # the polynomial variable of kernels

# kernel-level notation: |K|, deg, the polynomial P_K(y) of a kernel, and the stack (convolution)
size = poly_function("size", "|#|")
deg = poly_function("deg", r"\deg #")
Pk = poly_function("Pk", "P_{#1}(#2)")
kconv = poly_function("kconv", "(#1 * #2)")
xi = sp.Symbol("xi")  # x in Q[x]/(x^n - 1): xi**n = 1, printed as x

#: symbols whose n-th power is 1: their exponents are compared modulo n
CYCLIC_BASES = (omega, xi)


S, W, P = entry_function("S"), entry_function("W"), entry_function("P", "(S^k)")
C = entry_function("C", r"\mathrm{circ}(c)")
F, Fs = entry_function("F"), entry_function("F^*", "F^*")
c, a, b, x, f = (entry_function(name) for name in ("c", "a", "b", "x", "f"))
conv = entry_function("conv", r"(a \circledast b)")


ENTRY = {
    # shift: S[i, j] = [i = j + 1 (mod n)]
    "S": sp.Lambda((i, j), Iverson(i, j + 1)),
    # circulant of c: circ(c)[i, j] = c(i - j)
    "C": sp.Lambda((i, j), c(i - j)),
    # DFT and its conjugate transpose
    "F": sp.Lambda((j, k), omega ** (j * k)),
    "F^*": sp.Lambda((j, k), omega ** (-j * k)),
    # circular convolution (a (*) b)(s) = sum_t a(s - t) b(t)
    "conv": sp.Lambda((i,), zsum(a(i - t) * b(t), t)),
}
