r"""A finite group G acting on finite sets, as symbols of derivations that hold for every action.

The notation extends the label model of :mod:`symconv.objects.group_elements` (G's elements are
labels mod n = |G|, with ``GMul``, ``GInv``, ``GId``) by *G-sets* and their *points*:

* a G-set is a plain SymPy symbol (``X``, ``Y``); ``Card(X)`` is its size |X|, a positive finite
  integer, so a sum over X, ``xsum(body, x) = Sum(body, (x, 0, Card(X) - 1))``, is a finite sum
  (its points labelled 0..|X|-1);
* a point is a :class:`Point`, a symbol that carries its G-set (``Point("x", X)``); it is not an
  integer: no rule about Z_n or about group labels applies to it, and a label never stands for a point;
* ``Act(g, p)`` is g . p, the action of the group element g (a group expression) on the point p (a
  point expression); it lies in p's set.  Nothing is assumed beyond the action axioms
  e . p = p and g . (h . p) = (g h) . p (:mod:`symconv.engine.action_rules`);
* ``PtEq(p, q)`` is the bracket [p = q] of two points of one G-set;
* ``OrbitSize(p1, ..., pk)`` is |G (p1, ..., pk)|, the size of the orbit of the tuple under the
  diagonal action; ``NumOrbits(X1, ..., Xk)`` the number of orbits of G on X1 x ... x Xk;
* ``SolDim(E, W(p, ...))`` is the dimension of the space of matrices (functions) W for which the
  equation E holds for every value of its other free symbols.

>>> import sympy as sp
>>> X = sp.Symbol("X")
>>> x, g = Point("x", X), sp.Symbol("g", integer=True)
>>> point_set(Act(g, x)), point_set(g)
(X, None)
>>> print(sp.latex(PtEq(Act(g, x), x)), sp.latex(Card(X)))
[g \cdot x = x] \lvert X\rvert
"""

from __future__ import annotations

import sympy as sp

from .group_elements import GMul

__all__ = ["Point", "Card", "Act", "PtEq", "OrbitSize", "NumOrbits", "SolDim", "point_set", "base_point",
           "xsum", "is_gset_range"]


class Point(sp.Symbol):
    """A point of a G-set: a symbol that carries its set (``gset``), not an integer.

    Two points of the same name in different sets are different symbols.

    >>> import sympy as sp
    >>> X, Y = sp.symbols("X Y")
    >>> Point("x", X) == Point("x", X), Point("x", X) == Point("x", Y), Point("x", X).is_integer
    (True, False, None)
    """

    __slots__ = ("gset",)

    def __new__(cls, name: str, gset: sp.Symbol):
        if not isinstance(name, str) or not name:
            raise ValueError(f"name must be a non-empty str, got {name!r}")
        if not isinstance(gset, sp.Symbol) or isinstance(gset, Point) or gset.is_integer:
            raise TypeError(f"gset must be a SymPy symbol naming a set (not an integer, not a point), got {gset!r}")
        obj = sp.Symbol.__xnew__(cls, name)
        obj.gset = gset
        return obj

    def __getnewargs_ex__(self):
        return ((self.name, self.gset), {})

    def _hashable_content(self):
        return super()._hashable_content() + (self.gset,)


class Card(sp.Function):
    """|X|, the size of a finite G-set: a positive (finite) integer."""

    nargs = 1
    is_integer = True
    is_positive = True
    is_finite = True

    def _latex(self, printer, exp=None):
        out = rf"\lvert {printer._print(self.args[0])}\rvert"
        return rf"{out}^{{{exp}}}" if exp else out


def _tex_group(printer, g) -> str:
    out = printer._print(g)
    return rf"\left({out}\right)" if isinstance(g, GMul) else out


class Act(sp.Function):
    """g . p: the group element g acting on the point p (a point of p's set)."""

    nargs = 2

    def _latex(self, printer, exp=None):
        g, p = self.args
        inner = printer._print(p)
        if isinstance(p, Act):
            inner = rf"\left({inner}\right)"
        out = rf"{_tex_group(printer, g)} \cdot {inner}"
        return rf"\left({out}\right)^{{{exp}}}" if exp else out


class PtEq(sp.Function):
    """[p = q]: 1 when the points p and q of one G-set are equal, else 0."""

    nargs = 2

    def _latex(self, printer, exp=None):
        out = rf"[{printer._print(self.args[0])} = {printer._print(self.args[1])}]"
        return rf"{out}^{{{exp}}}" if exp else out


class OrbitSize(sp.Function):
    """|G (p1, ..., pk)|: the size of the orbit of a tuple of points under the diagonal action."""

    is_integer = True
    is_positive = True

    def _latex(self, printer, exp=None):
        pts = ", ".join(printer._print(q) for q in self.args)
        tup = rf"\left({pts}\right)" if len(self.args) > 1 else pts
        out = rf"\lvert G {tup}\rvert"
        return rf"{out}^{{{exp}}}" if exp else out


class NumOrbits(sp.Function):
    """The number of orbits of G on X1 x ... x Xk."""

    is_integer = True
    is_positive = True

    def _latex(self, printer, exp=None):
        prod = r" \times ".join(printer._print(q) for q in self.args)
        out = rf"\lvert G \backslash \left({prod}\right)\rvert" if len(self.args) > 1 else \
            rf"\lvert G \backslash {prod}\rvert"
        return rf"{out}^{{{exp}}}" if exp else out


class SolDim(sp.Function):
    """dim {W : E holds for every value of its other free symbols}, written SolDim(E, W(p, ...))."""

    nargs = 2

    def _latex(self, printer, exp=None):
        eq, unknown = self.args
        func = getattr(unknown, "func", None)
        name = getattr(func, "_symconv_tex", None) or getattr(func, "__name__", None) or printer._print(unknown)
        body = printer._print(eq.lhs) + " = " + printer._print(eq.rhs) if isinstance(eq, sp.Eq) else printer._print(eq)
        quantified = sorted((q for q in eq.free_symbols if q.is_integer or isinstance(q, Point)), key=sp.default_sort_key)
        forall = r"\ \forall " + ", ".join(printer._print(q) for q in quantified) if quantified else ""
        out = rf"\dim\left\{{{name} : {body}{forall}\right\}}"
        return rf"\left({out}\right)^{{{exp}}}" if exp else out


def point_set(e) -> sp.Symbol | None:
    """The G-set of a point expression (a Point, or Act(g, p) with p a point expression), else None."""
    if isinstance(e, Point):
        return e.gset
    if isinstance(e, Act):
        return point_set(e.args[1])
    return None


def base_point(e) -> Point | None:
    """The point p of g1 . (g2 . (... p)), else None."""
    if isinstance(e, Point):
        return e
    if isinstance(e, Act):
        return base_point(e.args[1])
    return None


def xsum(body, var: Point) -> sp.Sum:
    """The sum of ``body`` over the point ``var`` running through its whole G-set.

    >>> import sympy as sp
    >>> X = sp.Symbol("X")
    >>> x = Point("x", X)
    >>> xsum(PtEq(x, x), x).limits
    ((x, 0, Card(X) - 1),)
    """
    if not isinstance(var, Point):
        raise TypeError(f"var must be a Point, got {var!r}")
    return sp.Sum(body, (var, 0, Card(var.gset) - 1))


def is_gset_range(lim) -> bool:
    """Whether a sum's limit runs a Point through its whole G-set: (p, 0, |set of p| - 1)."""
    return (len(lim) == 3 and isinstance(lim[0], Point) and lim[1] == 0
            and sp.expand(lim[2] - (Card(lim[0].gset) - 1)) == 0)
