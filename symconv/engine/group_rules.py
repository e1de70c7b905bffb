r"""Rules for sums over an arbitrary finite group G and for its group law.

The notation is the label model of :mod:`symconv.objects.group_elements`: G's elements are the
residues mod n = |G| (identity e = ``GId()``), the product is ``GMul``, the inverse ``GInv``;
a function on G is an entry on Z_n, and a sum over G is ``zsum(body, h)``.  Only the group
axioms are used, through one device: a *group word*.  An expression built from integer symbols
(atoms: arbitrary elements), ``GMul``, ``GInv`` and ``GId`` is read as a word in the free group
on its atoms, and reduced (x x^{-1} = x^{-1} x = e; associativity and the identity are built into
words).  Two expressions with the same reduced word are equal in *every* group, whatever the
atoms stand for; a word never commutes two letters, so nothing true only in abelian groups
(g h = h g, (g h)^{-1} = g^{-1} h^{-1}) is ever shown.

Group expressions are rewritten only in *label positions* (arguments of entries on Z_n, of
Iverson brackets, of ``GMul``/``GInv``), where only the group element matters; an argument of
a sequence on Z, a polynomial or a bare number is never touched.

* :class:`GroupArithmetic`: the group axioms (equal reduced words, in label positions).
* :class:`GroupReindex`: sum_{h in G} F(h) = sum_{k in G} F(A k^{+-1} B): the substitution is a
  bijection of G because k occurs exactly once in the reduced word of the image, which names
  neither the old variable nor captures anything; the sum runs over the whole group and its
  summand depends on h only through label positions.
* :class:`GroupSift`: sum_{v in G} [p = q] F(v) = F(s), where v occurs exactly once in the
  reduced word of p q^{-1}, so the equation p = q has the unique solution v = s in G.
* :class:`LeftInvariantKernel`: the lemma
  W(x, a y) = W(a^{-1} x, y) for all a, x, y  <=>  W(x, y) = W(y^{-1} x, e) for all x, y.

>>> import sympy as sp
>>> from symconv.objects.group_elements import GInv, GMul
>>> g, h = sp.symbols("g h", integer=True)
>>> group_word(GInv(GMul(g, h))) == group_word(GMul(GInv(h), GInv(g)))
True
>>> group_word(GInv(GMul(g, h))) == group_word(GMul(GInv(g), GInv(h)))     # only if G is abelian
False
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from ..objects.group_elements import GId, GInv, GMul
from ..objects.indexed import CYCLIC_BASES, Iverson, n
from .compare import equal_mod_n, integer_poly, is_cyclic
from .rule_base import BINDERS, Rule, RuleError, _eq_map, _no_capture, _rebuild

__all__ = ["group_word", "word_expr", "group_canonical", "label_only", "GroupArithmetic", "GroupReindex",
           "GroupSift", "LeftInvariantKernel"]

Word = tuple   # of (atom, +1 or -1), reduced


def _reduce(letters) -> Word:
    out: list = []
    for a, e in letters:
        if out and out[-1][0] == a and out[-1][1] == -e:
            out.pop()
        else:
            out.append((a, e))
    return tuple(out)


def _inverse(w: Word) -> Word:
    return tuple((a, -e) for a, e in reversed(w))


def group_word(e) -> Word | None:
    """The reduced free-group word of a group expression (atoms: integer symbols), or None when e
    is not one (a number, a sum of labels, a function of other kinds...).

    >>> import sympy as sp
    >>> g, h = sp.symbols("g h", integer=True)
    >>> group_word(GMul(GMul(g, GInv(h)), h))
    ((g, 1),)
    >>> group_word(GId()), group_word(g + 1)
    ((), None)
    """
    e = sp.sympify(e)
    if isinstance(e, GId):
        return ()
    if e.is_Symbol:
        return ((e, 1),) if e.is_integer is True and e != n else None
    if isinstance(e, GMul):
        a, b = (group_word(q) for q in e.args)
        return None if a is None or b is None else _reduce(a + b)
    if isinstance(e, GInv):
        a = group_word(e.args[0])
        return None if a is None else _inverse(a)
    return None


def word_expr(w: Word) -> sp.Expr:
    """The canonical expression of a reduced word (right-nested products; e for the empty word)."""
    if not w:
        return GId()
    atoms = [a if s == 1 else GInv(a) for a, s in w]
    out = atoms[-1]
    for a in reversed(atoms[:-1]):
        out = GMul(a, out)
    return out


def _is_group_op(e) -> bool:
    return isinstance(e, (GMul, GInv, GId))


def _label_parent(e) -> bool:
    """Whether the arguments of e are label positions (read only as elements of G, i.e. mod n)."""
    return (isinstance(e, Iverson) or isinstance(e, (GMul, GInv))
            or (isinstance(e, AppliedUndef) and is_cyclic(e.func) and getattr(e.func, "_symconv_kind", "") == "entry"))


def group_canonical(e: sp.Basic, label: bool = False) -> sp.Basic:
    """e with every group expression in a label position replaced by the canonical expression of
    its reduced word (equal in every group, so equal in value wherever only the element matters)."""
    e = sp.sympify(e)
    if label and _is_group_op(e):
        w = group_word(e)
        if w is not None:
            return word_expr(w)
    if not e.args:
        return e
    if isinstance(e, BINDERS):
        return type(e)(group_canonical(e.function), *e.limits)
    inner = _label_parent(e)
    return _rebuild(e, [group_canonical(q, inner) for q in e.args])


def _label_arg_ok(a: sp.Expr, var) -> bool:
    """An argument in a label position that depends on var only through its residue mod n."""
    if var not in a.free_symbols:
        return True
    if group_word(a) is not None or integer_poly(a):
        return True
    return isinstance(a, (GMul, GInv)) and all(_label_arg_ok(q, var) for q in a.args)


def label_only(body: sp.Expr, var: sp.Symbol) -> bool:
    """Whether body depends on var only through label positions (so it is a function of the group
    element var, i.e. n-periodic in var): every occurrence sits in an argument of an entry on
    Z_n, an Iverson bracket, GMul/GInv, or an omega exponent with integer coefficients."""
    if var not in body.free_symbols:
        return True
    if _label_parent(body):
        return all(_label_arg_ok(q, var) for q in body.args)
    if body.is_Pow and body.base in CYCLIC_BASES:
        return integer_poly(body.exp)
    if isinstance(body, sp.Sum):
        if any(var in sp.sympify(q).free_symbols for lim in body.limits for q in lim[1:]):
            return False
        return label_only(body.function, var)
    if body.is_Add or body.is_Mul:
        return all(label_only(q, var) for q in body.args)
    return False


class _GroupRule(Rule):
    """A rule whose recomputed result is compared with the stated one up to the group axioms
    (both sides' group expressions in label positions reduced to their words)."""

    def check(self, prev, nxt):
        try:
            got = self.apply(prev)
        except RuleError as exc:
            return False, f"{self.name} does not apply: {exc}"
        if equal_mod_n(got, nxt) or equal_mod_n(group_canonical(got), group_canonical(nxt)):
            return True, f"{self.name}: recomputed and matched"
        return False, f"{self.name} gives {sp.sstr(got)}, not the stated {sp.sstr(nxt)}"


def _over_group(lim) -> bool:
    return len(lim) == 3 and lim[1] == 0 and sp.expand(lim[2] - (n - 1)) == 0


def _at_sum(var, fn):
    """Apply fn(body, limit) to every single sum binding var (an iterated sum is refused)."""
    def find(q) -> bool:
        return isinstance(q, sp.Sum) and any(lim[0] == var for lim in q.limits)

    def repl(sm):
        if len(sm.limits) != 1:
            raise RuleError(f"the sum over {var} is iterated: split it into single sums first")
        return fn(sm.function, sm.limits[0])
    return lambda e: e.replace(find, repl)


class GroupArithmetic(Rule):
    """The group axioms: the two expressions agree once every group expression in a label position
    is replaced by its reduced word (associativity, e x = x e = x, x x^{-1} = x^{-1} x = e, and so
    (x y)^{-1} = y^{-1} x^{-1}); never commutativity."""

    def __init__(self, text: str = ""):
        self.text = text

    def check(self, prev, nxt):
        if isinstance(prev, sp.Eq) != isinstance(nxt, sp.Eq):
            return False, "GroupArithmetic relates an equation to an equation, an expression to an expression"
        if equal_mod_n(group_canonical(prev), group_canonical(nxt)):
            return True, "GroupArithmetic: the group words agree"
        return False, (f"GroupArithmetic: {sp.sstr(prev)} and {sp.sstr(nxt)} do not agree by the group axioms "
                       "(reduced words in the free group differ)")

    def justification(self) -> str:
        return self.text or r"group axioms: $(xy)z = x(yz)$, $ex = x$, $x^{-1}x = e$"


class GroupReindex(_GroupRule):
    """sum_{old in G} F(old) = sum_{new in G} F(image), image = A new^{+-1} B a bijection of G.

    Side conditions, each checked: ``image`` is a group expression whose reduced word contains
    ``new`` exactly once (so old -> image is a bijection: a translation, possibly after an
    inversion) and not ``old``; ``new`` occurs nowhere in the sum; the image's symbols are not
    bound inside the summand (no capture); the sum runs over the whole group (0..n-1); the
    summand depends on ``old`` only through label positions."""

    def __init__(self, old: sp.Symbol, image: sp.Expr, new: sp.Symbol):
        self.old, self.image, self.new = old, sp.sympify(image), new
        for nm, s in (("old", old), ("new", new)):
            if not (isinstance(s, sp.Symbol) and s.is_integer is True) or s == n:
                raise RuleError(f"{nm} must be an integer symbol (a label) other than n, got {s!r}")
        w = group_word(self.image)
        if w is None:
            raise RuleError(f"{sp.sstr(image)} is not a group expression (integer symbols, GMul, GInv, GId)")
        if any(a == old for a, _ in w):
            raise RuleError(f"the image {sp.sstr(image)} involves the old variable {old}: not a translation")
        if sum(1 for a, _ in w if a == new) != 1:
            raise RuleError(f"{new} must occur exactly once in the reduced image {sp.sstr(word_expr(w))}: "
                            "otherwise the substitution is not shown to be a bijection of G")

    def _reindex(self, body, lim):
        v = lim[0]
        if not _over_group(lim):
            raise RuleError(f"the sum over {v} must run over the whole group (0..n-1), not {lim[1]}..{lim[2]}")
        if not label_only(body, v):
            raise RuleError(f"the summand depends on {v} outside label positions (not a function on G)")
        if self.new in body.free_symbols or self.new in bound_in(body):
            raise RuleError(f"{self.new} already occurs in the sum")
        if v in bound_in(body):
            raise RuleError(f"{v} is bound again inside the summand: rename the inner sum first")
        _no_capture(self.image, body)
        return sp.Sum(body.xreplace({v: self.image}), (self.new, 0, n - 1))

    def apply(self, expr):
        return _eq_map(expr, _at_sum(self.old, self._reindex))

    def justification(self) -> str:
        return (rf"substitute ${sp.latex(self.old)} = {sp.latex(self.image)}$ "
                r"(a bijection of $G$: translation is invertible)")


def bound_in(e) -> set:
    """The variables bound inside e (by a sum, or any other binder: rule_base.bound_symbols)."""
    from .rule_base import bound_symbols
    return bound_symbols(e)


class GroupSift(_GroupRule):
    """sum_{v in G} [p = q] F(v) = F(s): the bracket holds for exactly one v, the solution s of p = q.

    The bracket's two sides are group expressions and v occurs exactly once in the reduced word of
    p q^{-1} = A v^{+-1} B, so p = q iff v = s with s = (A^{-1} B^{-1})^{+-1}.  Side conditions:
    the sum runs over the whole group; the rest of the summand depends on v only through label
    positions; s is not captured by a sum inside it."""

    def __init__(self, var: sp.Symbol):
        if not (isinstance(var, sp.Symbol) and var.is_integer is True) or var == n:
            raise RuleError(f"var must be an integer symbol (a label) other than n, got {var!r}")
        self.var = var

    def _solve(self, br):
        v = self.var
        p, q = (group_word(a) for a in br.args)
        if p is None or q is None:
            return None
        w = _reduce(p + _inverse(q))
        at = [k for k, (a, _) in enumerate(w) if a == v]
        if len(at) != 1:
            return None
        k = at[0]
        A, eps, B = w[:k], w[k][1], w[k + 1:]
        s = _reduce(_inverse(A) + _inverse(B))
        return word_expr(s if eps == 1 else _inverse(s))

    def _sift(self, body, lim):
        v = lim[0]
        if not _over_group(lim):
            raise RuleError(f"the sum over {v} must run over the whole group (0..n-1), not {lim[1]}..{lim[2]}")
        factors = list(sp.Mul.make_args(body))
        for k, fac in enumerate(factors):
            if isinstance(fac, Iverson) and v in fac.free_symbols:
                sol = self._solve(fac)
                if sol is None:
                    continue
                rest = sp.Mul(*(factors[:k] + factors[k + 1:]))
                if v in bound_in(rest):
                    raise RuleError(f"{v} is bound again inside the summand: rename the inner sum first")
                if not label_only(rest, v):
                    raise RuleError(f"the summand depends on {v} outside label positions (not a function on G)")
                _no_capture(sol, rest)
                return rest.xreplace({v: sol})
        raise RuleError(f"no bracket [p = q] of group expressions in which {v} occurs exactly once")

    def apply(self, expr):
        return _eq_map(expr, _at_sum(self.var, self._sift))

    def justification(self) -> str:
        return rf"sifting over $G$: the bracket holds for exactly one ${sp.latex(self.var)}$"


class LeftInvariantKernel(Rule):
    r"""Lemma: W(x, a y) = W(a^{-1} x, y) for all a, x, y in G  <=>  W(x, y) = W(y^{-1} x, e) for all x, y.

    (=>) take a = y and then y = e: W(x, y e) = W(y^{-1} x, e), and y e = y.
    (<=) W(x, a y) = W((a y)^{-1} x, e) = W(y^{-1} (a^{-1} x), e) = W(a^{-1} x, y).
    The rule recognises exactly this shape (up to the group axioms, the names of the three distinct
    quantified symbols and the order of the sides), with W an entry on Z_n of two indices and no
    other symbol in the equation, and re-checks (<=) by rewriting every W with the right side."""

    def __init__(self):
        self.relation = r"\iff"

    @staticmethod
    def _entry_pair(eq):
        if not isinstance(eq, sp.Eq):
            raise RuleError("needs an equation between two entries of one matrix")
        l_, r_ = eq.lhs, eq.rhs
        if not (isinstance(l_, AppliedUndef) and isinstance(r_, AppliedUndef) and l_.func == r_.func
                and len(l_.args) == 2 and is_cyclic(l_.func) and getattr(l_.func, "_symconv_kind", "") == "entry"):
            raise RuleError("both sides must be entries W(., .) of one matrix on G")
        return l_, r_

    def _premise(self, prev):
        """(W, x, a, y) when prev is W(x, a y) = W(a^{-1} x, y) (either side first); else RuleError."""
        l_, r_ = self._entry_pair(prev)
        for p, q in ((l_, r_), (r_, l_)):
            x, ay = p.args
            ainvx, y = q.args
            if not (x.is_Symbol and y.is_Symbol):
                continue
            w1, w2 = group_word(ay), group_word(ainvx)
            if w1 is None or w2 is None or len(w1) != 2 or len(w2) != 2:
                continue
            (a, s1), (y2, s2) = w1
            (a2, s3), (x2, s4) = w2
            if (s1, s2, s3, s4) == (1, 1, -1, 1) and y2 == y and x2 == x and a2 == a and len({x, y, a}) == 3:
                if prev.free_symbols != {x, y, a}:
                    raise RuleError("the equation has symbols other than the three quantified elements")
                return p.func, x, a, y
        raise RuleError("the premise must read W(x, a y) = W(a^{-1} x, y) for three distinct elements x, y, a")

    def check(self, prev, nxt):
        try:
            W, x, a, y = self._premise(prev)
            l_, r_ = self._entry_pair(nxt)
        except RuleError as exc:
            return False, f"LeftInvariantKernel does not apply: {exc}"
        for p, q in ((l_, r_), (r_, l_)):
            if p.func != W or not (p.args[0].is_Symbol and p.args[1].is_Symbol) or p.args[0] == p.args[1]:
                continue
            X, Y = p.args
            if group_word(q.args[1]) != () or group_word(q.args[0]) != ((Y, -1), (X, 1)):
                continue
            if nxt.free_symbols != {X, Y}:
                continue
            # (<=) re-checked: rewrite W(u, v) -> W(v^{-1} u, e) on both sides of the premise
            def rw(ent):
                return group_word(GMul(GInv(ent.args[1]), ent.args[0]))
            pl, pr = self._entry_pair(prev)
            if rw(pl) is None or rw(pl) != rw(pr):     # pragma: no cover - the shape guarantees it
                return False, "LeftInvariantKernel: the converse does not check"
            return True, "LeftInvariantKernel: W(x, a y) = W(a^-1 x, y) for all a  <=>  W(x, y) = W(y^-1 x, e)"
        return False, ("LeftInvariantKernel concludes W(x, y) = W(y^-1 x, e) for two distinct elements, "
                       f"not {sp.sstr(nxt)}")

    def justification(self) -> str:
        return (r"lemma: $W(x, ay) = W(a^{-1}x, y)\ \forall a$ $\iff$ $W(x,y) = W(y^{-1}x, e)$ "
                r"($\Rightarrow$: $a = y$, then $y = e$; $\Leftarrow$: $(ay)^{-1} = y^{-1}a^{-1}$)")
