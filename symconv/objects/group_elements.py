r"""Elements of an arbitrary finite group G, as symbols of derivations that hold for every G.

The label model.  G has n = |G| elements, labelled by the residues mod n, with the identity
labelled 0.  A group element is written with integer symbols (labels) and three operations:

* ``GMul(a, b)``: the product a b (the label of the product of the elements labelled a and b);
* ``GInv(a)``: the inverse a^{-1};
* ``GId()``: the identity e (its label is 0).

``GMul`` and ``GInv`` depend only on the residues of their arguments mod n, and their values
are labels, read mod n.  So a group element is meaningful only in a *label position*: an
argument of an entry on Z_n (``entry_function(..., cyclic=True)``: a function on G), of an
Iverson bracket ([p = q] is equality in G), or of ``GMul``/``GInv``.  A sum over G is the sum
over the labels ``zsum(body, h)``.  Nothing is assumed about the group law beyond the axioms
(associativity, identity, inverses): it is *not* the addition of labels, and it need not be
commutative.  The rules of :mod:`symconv.engine.group_rules` use exactly those axioms, and the
concrete evaluation (:mod:`symconv.engine.concrete`) evaluates these operations in concrete
groups of order n (Z_n relabelled, the Klein group, the dihedral groups D_3, D_4).

>>> from sympy import latex, symbols
>>> g, h = symbols("g h", integer=True)
>>> print(latex(GMul(GInv(h), g)))
h^{-1} g
>>> print(latex(GInv(GMul(g, h))), latex(GId()))
\left(g h\right)^{-1} e
"""

from __future__ import annotations

import sympy as sp

__all__ = ["GMul", "GInv", "GId", "GROUP_OPS"]


def _tex_factor(printer, a) -> str:
    return printer._print(a)


class GMul(sp.Function):
    """The product a b of two elements of G (labels read mod n)."""

    nargs = 2

    def _latex(self, printer, exp=None):
        out = " ".join(_tex_factor(printer, a) for a in self.args)
        return rf"\left({out}\right)^{{{exp}}}" if exp else out

    def _sympystr(self, printer):
        return f"GMul({printer._print(self.args[0])}, {printer._print(self.args[1])})"


class GInv(sp.Function):
    """The inverse a^{-1} of an element of G."""

    nargs = 1

    def _latex(self, printer, exp=None):
        a = self.args[0]
        inner = printer._print(a)
        if isinstance(a, GMul):
            inner = rf"\left({inner}\right)"
        out = f"{inner}^{{-1}}" if (a.is_Symbol or isinstance(a, (GMul, GId))) else rf"\left({inner}\right)^{{-1}}"
        return rf"\left({out}\right)^{{{exp}}}" if exp else out

    def _sympystr(self, printer):
        return f"GInv({printer._print(self.args[0])})"


class GId(sp.Function):
    """The identity e of G (labelled 0)."""

    nargs = 0

    def _latex(self, printer, exp=None):
        return "e"

    def _sympystr(self, printer):
        return "GId()"


#: the operations of the label model
GROUP_OPS = (GMul, GInv, GId)
