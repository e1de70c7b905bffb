r"""Rules for a finite group G acting on finite sets (permutation actions), for every G and every action.

The notation is :mod:`symconv.objects.group_actions`: points (:class:`Point`, typed by their G-set),
``Act(g, p)`` = g . p, brackets ``PtEq(p, q)`` = [p = q], sums over a whole G-set.  The action is
used only through its axioms, e . p = p and g . (h . p) = (g h) . p, with the group law through
reduced words (:mod:`symconv.engine.group_rules`).  From the axioms, p -> g . p is a bijection of
each G-set, with inverse p -> g^{-1} . p; every rule below rests on that and says where.

* :class:`ActionArithmetic`: the axioms (equal *action words*: g1 . (g2 . p) read as (g1 g2) . p,
  the group word reduced, e . p = p).
* :class:`ActionSift`: sum_{v in X} [w . v = q] F(v) = F(w^{-1} . q), when v runs over the whole
  G-set of its type, v occurs in the bracket exactly once (as the point of one side) and q is a
  point of the same set: the bracket holds for exactly one v.
* :class:`ActionReindex`: an equation that holds for all values of its free symbols holds after
  substituting y -> w . y (an equivalence: y -> w . y is onto Y for every w).
* :class:`OrbitStabiliser` (lemma ``orbit_stabiliser``): sum_{g in G} [g.p1 = p1] ... [g.pk = pk]
  = |G| / |G (p1, ..., pk)|.
* :class:`CountOrbits` (lemma ``orbit_counting``): sum over X1 x ... x Xk of 1/|G (p1, ..., pk)|
  = the number of orbits of G on X1 x ... x Xk.
* :class:`InvariantFunctionsDim` (lemma ``invariant_functions_dim_eq_orbits``): the functions W on
  X1 x ... x Xk with W(g.p1, ..., g.pk) = W(p1, ..., pk) for all g, p have the orbit indicators as
  a basis: dimension = the number of orbits.
* :class:`EquivalentConstraints`: two equations in an unknown W that are equivalent (by derivations
  checked here, for an arbitrary W) have the same solution space, so the same dimension.

>>> import sympy as sp
>>> from symconv.objects.group_actions import Point
>>> from symconv.objects.group_elements import GInv, GMul
>>> X = sp.Symbol("X")
>>> x, g, h = Point("x", X), *sp.symbols("g h", integer=True)
>>> action_canonical(Act(GInv(g), Act(g, x)))
x
>>> action_canonical(Act(g, Act(h, x))) == Act(GMul(g, h), x)
True
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from ..objects.group_actions import Act, NumOrbits, OrbitSize, Point, PtEq, SolDim, is_gset_range, point_set
from ..objects.indexed import n
from .compare import equal_mod_n
from .group_rules import _inverse, _reduce, bound_in, group_canonical, group_word, word_expr
from .rule_base import BINDERS, Rule, RuleError, _eq_map, _no_capture, _rebuild

__all__ = ["action_word", "action_canonical", "ill_typed", "ActionArithmetic", "ActionSift", "ActionReindex",
           "RegroupFiniteSums", "OrbitStabiliser", "CountOrbits", "InvariantFunctionsDim", "EquivalentConstraints"]


def action_word(e):
    """(reduced group word w, base point p) with e = w . p by the action axioms, or None when e is
    not a point expression whose every acting element is a group expression.

    >>> import sympy as sp
    >>> from symconv.objects.group_elements import GInv
    >>> X = sp.Symbol("X")
    >>> x, g = Point("x", X), sp.Symbol("g", integer=True)
    >>> action_word(Act(g, Act(GInv(g), x)))
    ((), x)
    >>> action_word(Act(x, x)) is None, action_word(g) is None
    (True, True)
    """
    if isinstance(e, Point):
        return (), e
    if isinstance(e, Act):
        w = group_word(e.args[0])
        inner = action_word(e.args[1])
        if w is None or inner is None:
            return None
        return _reduce(w + inner[0]), inner[1]
    return None


def _act_expr(w, p) -> sp.Expr:
    return p if not w else Act(word_expr(w), p)


def action_canonical(e: sp.Basic) -> sp.Basic:
    """e with every point expression written w . p (w the reduced word, e . p = p), brackets [p = q]
    with their sides in a fixed order, orbit sizes and orbit counts with their arguments sorted, and
    group expressions in label positions reduced (:func:`group_rules.group_canonical`).  Equal
    canonical forms are equal for every group and every action: each change is an action axiom, a
    group axiom, the symmetry of [p = q], or the invariance of |G (p1, ..., pk)| and of the number of
    orbits on X1 x ... x Xk under a permutation of the factors (an equivariant bijection)."""
    e = sp.sympify(e)
    if isinstance(e, Act):
        aw = action_word(e)
        if aw is not None:
            return _act_expr(*aw)
    if not e.args:
        return e
    if isinstance(e, BINDERS):
        return type(e)(action_canonical(e.function), *e.limits)
    args = [action_canonical(q) for q in e.args]
    if isinstance(e, PtEq):
        return PtEq(*sorted(args, key=sp.default_sort_key))
    if isinstance(e, (OrbitSize, NumOrbits)):
        return type(e)(*sorted(args, key=sp.default_sort_key))
    return _rebuild(e, args)


def ill_typed(e) -> str:
    """Why e is not a well-typed expression of points ('' when it is): a sum binds a point over
    anything but its whole G-set, a bracket compares points of two sets, or a point is acted on by
    something that is not a group expression."""
    e = sp.sympify(e)
    for sm in e.atoms(sp.Sum):
        for lim in sm.limits:
            if isinstance(lim[0], Point) and not is_gset_range(lim):
                return f"the point {lim[0]} of {lim[0].gset} is summed over {lim[1:]}, not over its set"
    for br in e.atoms(PtEq):
        sets = [point_set(q) for q in br.args]
        if None not in sets and sets[0] != sets[1]:
            return f"the bracket {sp.sstr(br)} compares points of {sets[0]} and {sets[1]}"
    for node in e.atoms(sp.Add, sp.Mul, sp.Pow):
        for q in node.args:
            if point_set(q) is not None:
                return f"the point {sp.sstr(q)} is used as a number in {sp.sstr(node)}"
    for act in e.atoms(Act):
        if group_word(act.args[0]) is None:
            return f"{sp.sstr(act)}: the acting element is not a group expression"
        if point_set(act.args[1]) is None:
            return f"{sp.sstr(act)}: the element acts on something that is not a point"
    return ""


def _typed(prev, nxt, name: str) -> str:
    for e in (prev, nxt):
        why = ill_typed(e)
        if why:
            return f"{name}: ill-typed expression: {why}"
    return ""


def _bound(e) -> set:
    """The variables bound inside e: by its sums, and every free symbol of a SolDim's equation (SolDim
    quantifies over them)."""
    e = sp.sympify(e)
    return bound_in(e) | {q for sd in e.atoms(SolDim) for q in sd.args[0].free_symbols}


def _agree(a, b) -> bool:
    if equal_mod_n(a, b):
        return True
    ca, cb = (group_canonical(action_canonical(q)) for q in (a, b))
    return equal_mod_n(ca, cb)


class _ActionRule(Rule):
    """A rule whose recomputed result is compared with the stated one up to the action and group
    axioms (:func:`action_canonical`)."""

    def check(self, prev, nxt):
        why = _typed(prev, nxt, self.name)
        if why:
            return False, why
        try:
            got = self.apply(prev)
        except RuleError as exc:
            return False, f"{self.name} does not apply: {exc}"
        if _agree(got, nxt):
            return True, f"{self.name}: recomputed and matched"
        return False, f"{self.name} gives {sp.sstr(got)}, not the stated {sp.sstr(nxt)}"


def _label(s, what: str) -> sp.Symbol:
    if not (isinstance(s, sp.Symbol) and s.is_integer is True) or s == n or isinstance(s, Point):
        raise RuleError(f"{what} must be an integer symbol (a group label) other than n, got {s!r}")
    return s


class ActionArithmetic(Rule):
    """The action axioms e . p = p, g . (h . p) = (g h) . p, with the group axioms (reduced words)."""

    def __init__(self, text: str = ""):
        self.text = text

    def check(self, prev, nxt):
        if isinstance(prev, sp.Eq) != isinstance(nxt, sp.Eq):
            return False, "ActionArithmetic relates an equation to an equation, an expression to an expression"
        why = _typed(prev, nxt, self.name)
        if why:
            return False, why
        if _agree(prev, nxt):
            return True, "ActionArithmetic: the action words agree"
        return False, (f"ActionArithmetic: {sp.sstr(prev)} and {sp.sstr(nxt)} do not agree by the action axioms "
                       "(the reduced action words differ)")

    def justification(self) -> str:
        return self.text or r"action axioms: $e \cdot p = p$, $g \cdot (h \cdot p) = (gh) \cdot p$"


class ActionSift(_ActionRule):
    """sum_{v in X} [w . v = q] F(v) = F(w^{-1} . q): p -> w . p is a bijection of X, so the bracket
    holds for exactly one v.

    Side conditions, each checked: ``var`` is a Point bound by the innermost sum, over its whole
    G-set, and no outer range depends on it (outer sums stay; their variables are in scope); the
    bracket's two sides are points of that set; ``var`` is the point of exactly one side
    and does not occur in the other; it is not bound again in the rest of the summand, and the
    solution's symbols are not captured there."""

    def __init__(self, var: Point):
        if not isinstance(var, Point):
            raise RuleError(f"var must be a Point (a point of a G-set), got {var!r}")
        self.var = var

    def _solve(self, br: PtEq):
        v = self.var
        sides = [action_word(a) for a in br.args]
        if any(s is None for s in sides):
            return None
        if any(point_set(a) != v.gset for a in br.args):
            return None
        at = [q for q, (_, p) in enumerate(sides) if p == v]
        if len(at) != 1:
            return None
        w, _ = sides[at[0]]
        other = br.args[1 - at[0]]
        if v in other.free_symbols:
            return None
        ow, op = sides[1 - at[0]]
        return _act_expr(_reduce(_inverse(w) + ow), op)

    def _sift(self, sm: sp.Sum):
        v = self.var
        if sm.limits[0][0] != v:
            raise RuleError(f"the sum over {v} must be the innermost one (SymPy's first limit)")
        if any(v in sp.sympify(q).free_symbols for lim in sm.limits[1:] for q in lim[1:]):
            raise RuleError(f"an outer range depends on {v}")
        if not is_gset_range(sm.limits[0]):
            raise RuleError(f"the sum over {v} must run over its whole G-set {v.gset}, not "
                            f"{sm.limits[0][1]}..{sm.limits[0][2]}")
        factors = list(sp.Mul.make_args(sm.function))
        for q, fac in enumerate(factors):
            if isinstance(fac, PtEq) and v in fac.free_symbols:
                sol = self._solve(fac)
                if sol is None:
                    continue
                rest = sp.Mul(*(factors[:q] + factors[q + 1:]))
                if v in _bound(rest):
                    raise RuleError(f"{v} is bound again inside the summand: rename the inner sum first")
                _no_capture(sol, rest)
                out = rest.xreplace({v: sol})
                return sp.Sum(out, *sm.limits[1:]) if len(sm.limits) > 1 else out
        raise RuleError(f"no bracket [w . {v} = q] of two points of {v.gset} in which {v} occurs exactly once")

    def apply(self, expr):
        def find(q) -> bool:
            return isinstance(q, sp.Sum) and any(lim[0] == self.var for lim in q.limits)
        return _eq_map(expr, lambda e: e.replace(find, self._sift))

    def justification(self) -> str:
        return (rf"sifting over ${sp.latex(self.var.gset)}$: $p \mapsto w \cdot p$ is a bijection, "
                rf"so the bracket holds for exactly one ${sp.latex(self.var)}$")


class ActionReindex(_ActionRule):
    r"""(E(y) for all y, g, ...)  <=>  (E(w . y) for all y, g, ...): y -> w . y maps the G-set of y
    onto itself (its inverse is y -> w^{-1} . y), for every value of the symbols of w.

    An equivalence of equations whose free symbols are all quantified (a theorem's equation).
    Side conditions, each checked: the step relates two equations; ``var`` is a Point that occurs
    free and is bound nowhere in the equation; the image is w . var with w a group expression (the
    same point: a map of the set to itself); no symbol of w is bound in the equation."""

    relation = r"\iff"

    def __init__(self, var: Point, image: sp.Expr):
        if not isinstance(var, Point):
            raise RuleError(f"var must be a Point (a point of a G-set), got {var!r}")
        image = sp.sympify(image)
        aw = action_word(image)
        if aw is None or aw[1] != var:
            raise RuleError(f"the image {sp.sstr(image)} must be w . {var} (the same point acted on by a group "
                            "expression): otherwise the substitution is not a bijection of the set")
        self.var, self.image = var, image

    def apply(self, expr):
        if not isinstance(expr, sp.Eq):
            raise RuleError("ActionReindex substitutes in an equation whose free symbols are quantified")
        if self.var not in expr.free_symbols:
            raise RuleError(f"{self.var} is not a free (quantified) symbol of the equation")
        if self.var in _bound(expr):
            raise RuleError(f"{self.var} is also bound in the equation: rename the bound one first")
        clash = self.image.free_symbols & _bound(expr)
        if clash:
            raise RuleError(f"substitution would capture {sorted(map(str, clash))} under a sum or a SolDim")
        return sp.Eq(expr.lhs.xreplace({self.var: self.image}), expr.rhs.xreplace({self.var: self.image}),
                     evaluate=False)

    def check(self, prev, nxt):
        if not (isinstance(prev, sp.Eq) and isinstance(nxt, sp.Eq)):
            return False, "ActionReindex relates two equations (each quantified over its free symbols)"
        return super().check(prev, nxt)

    def justification(self) -> str:
        w, p = action_word(self.image)
        inv = _act_expr(_inverse(w), p)
        return (rf"substitute ${sp.latex(self.var)} \to {sp.latex(self.image)}$: a bijection of "
                rf"${sp.latex(self.var.gset)}$ (inverse ${sp.latex(self.var)} \mapsto {sp.latex(inv)}$)")


def _flatten_all(e):
    """e with every nested sum Sum(Sum(f, inner), outer) written Sum(f, inner, outer): the same iterated
    sum (SymPy's limits are innermost first)."""
    e = sp.sympify(e)
    if not e.args:
        return e
    out = _rebuild(e, [_flatten_all(q) for q in e.args]) if not isinstance(e, sp.Sum) else \
        sp.Sum(_flatten_all(e.function), *e.limits)
    return _flatten(out) if isinstance(out, sp.Sum) else out


class RegroupFiniteSums(Rule):
    """Nested sums are iterated sums, and a finite iterated sum may be taken in any order of its
    variables: the two sides agree once nested sums are flattened, with the order of summation
    changed only where :func:`compare.reorder_ok` allows it (ranges independent of the summation
    variables, every range finite: |G| and the sizes of the G-sets are finite)."""

    def check(self, prev, nxt):
        if isinstance(prev, sp.Eq) != isinstance(nxt, sp.Eq):
            return False, "RegroupFiniteSums relates an equation to an equation, an expression to an expression"
        why = _typed(prev, nxt, self.name)
        if why:
            return False, why
        a, b = _flatten_all(prev), _flatten_all(nxt)
        if equal_mod_n(a, b):
            return True, "RegroupFiniteSums: the same finite iterated sum"
        return False, f"RegroupFiniteSums: {sp.sstr(prev)} and {sp.sstr(nxt)} are not the same finite iterated sum"

    def justification(self) -> str:
        return "exchange of finite sums"


def _stabiliser_points(body, g) -> list | None:
    """The points p1..pk when body = [g.p1 = p1] ... [g.pk = pk] (k >= 1, distinct points), else None."""
    pts = []
    for fac in sp.Mul.make_args(body):
        if not isinstance(fac, PtEq):
            return None
        a, b = fac.args
        for p_, q_ in ((a, b), (b, a)):
            if isinstance(q_, Point) and isinstance(p_, Act) and p_.args[1] == q_ \
                    and group_word(p_.args[0]) == ((g, 1),):
                pts.append(q_)
                break
        else:
            return None
    if not pts or len(set(pts)) != len(pts):
        return None
    return pts


class OrbitStabiliser(_ActionRule):
    """sum_{g in G} [g.p1 = p1] ... [g.pk = pk] = |G| / |G (p1, ..., pk)| (lemma ``orbit_stabiliser``:
    the summand is the indicator of the stabiliser of the tuple, |Stab| |orbit| = |G|).

    Side conditions, each checked: the innermost sum binds one group label g over the whole group
    (0..n-1), and no outer range depends on g;
    every factor of its summand is a bracket [g . p = p] with the word of the acting element exactly
    g and p a Point, the points distinct, at least one: nothing else is summed."""

    lemma = "orbit_stabiliser"

    def _rewrite(self, sm: sp.Sum):
        g, lo, hi = sm.limits[0]                     # the innermost sum (SymPy flattens nested sums)
        if lo != 0 or sp.expand(hi - (n - 1)) != 0:
            raise RuleError(f"the sum over {g} must run over the whole group (0..n-1), not {lo}..{hi}")
        if any(g in sp.sympify(q).free_symbols for lim in sm.limits[1:] for q in lim[1:]):
            raise RuleError(f"an outer range depends on {g}")
        pts = _stabiliser_points(sm.function, g)
        if pts is None:
            raise RuleError(f"the summand {sp.sstr(sm.function)} is not a product of brackets [{g} . p = p] "
                            "for distinct points p (the indicator of a stabiliser)")
        inner = n / OrbitSize(*sorted(pts, key=sp.default_sort_key))
        return sp.Sum(inner, *sm.limits[1:]) if len(sm.limits) > 1 else inner

    def apply(self, expr):
        found: list = []

        def is_stab(q) -> bool:
            return (isinstance(q, sp.Sum) and q.limits[0][0].is_integer is True
                    and not isinstance(q.limits[0][0], Point) and q.function.has(PtEq))
        out = _eq_map(expr, lambda e: _outermost(e, is_stab, self._rewrite, found))
        if not found:
            raise RuleError("no sum over the group (innermost) of brackets [g . p = p]")
        return out

    def justification(self) -> str:
        return (r"orbit--stabiliser: $\sum_{g}[g \cdot p = p] = \lvert \mathrm{Stab}(p)\rvert = "
                r"\lvert G\rvert / \lvert G p\rvert$")


def _flatten(sm: sp.Sum) -> sp.Sum:
    """Sum(Sum(f, inner), outer) -> Sum(f, inner, outer) (the same iterated sum)."""
    while isinstance(sm.function, sp.Sum):
        sm = sp.Sum(sm.function.function, *sm.function.limits, *sm.limits)
    return sm


class CountOrbits(_ActionRule):
    """sum_{p1 in X1} ... sum_{pk in Xk} 1/|G (p1, ..., pk)| = |G \\ (X1 x ... x Xk)| (lemma
    ``orbit_counting``: each orbit O contributes |O| terms 1/|O|).

    Side conditions, each checked: every limit runs a Point over its whole G-set; the summand is
    exactly 1/|G (p1, ..., pk)| with p1..pk the summation variables, each once."""

    lemma = "orbit_counting"

    def _rewrite(self, sm: sp.Sum):
        sm = _flatten(sm)
        lims = list(sm.limits)
        if not all(is_gset_range(lim) for lim in lims):
            raise RuleError("every sum must run a point over its whole G-set")
        body = sm.function
        if not (body.is_Pow and body.exp == -1 and isinstance(body.base, OrbitSize)):
            raise RuleError(f"the summand {sp.sstr(body)} is not 1/|G (p1, ..., pk)|")
        pts = list(body.base.args)
        vars_ = [lim[0] for lim in lims]
        if len(set(vars_)) != len(vars_) or sorted(pts, key=sp.default_sort_key) != sorted(vars_, key=sp.default_sort_key):
            raise RuleError(f"the orbit's points {pts} are not the summation variables {vars_}, each once")
        return NumOrbits(*(p.gset for p in pts))

    def apply(self, expr):
        found: list = []
        # the outermost sums are rewritten whole (their inner sums are part of the iterated sum)
        out = _eq_map(expr, lambda e: _outermost(e, lambda q: isinstance(q, sp.Sum) and q.has(OrbitSize),
                                                 self._rewrite, found))
        if not found:
            raise RuleError("no sum of 1/|G (p1, ..., pk)|")
        return out

    def justification(self) -> str:
        return (r"counting orbits: $\sum_{z} 1/\lvert Gz\rvert = \sum_{O} \sum_{z \in O} 1/\lvert O\rvert$ "
                r"$=$ the number of orbits $O$")


def _outermost(e, match, fn, found: list):
    """Replace the outermost subexpressions that match (not their insides)."""
    e = sp.sympify(e)
    if match(e):
        found.append(e)
        return fn(e)
    if not e.args:
        return e
    return _rebuild(e, [_outermost(q, match, fn, found) for q in e.args])


class InvariantFunctionsDim(_ActionRule):
    """SolDim(W(g.p1, ..., g.pk) = W(p1, ..., pk), W(p1, ..., pk)) = |G \\ (X1 x ... x Xk)| (lemma
    ``invariant_functions_dim_eq_orbits``: such W are the functions constant on the orbits; the orbit
    indicators have disjoint supports, so they are a basis).

    Side conditions, each checked: the unknown is an undefined entry W of distinct Points p1..pk
    (its arguments, in order); the equation is W(g.p1, ..., g.pk) = W(p1, ..., pk) (either side
    first) with one group label g whose word is exactly g in every argument; the equation has no
    other symbol (g and the points are quantified over all of G and the sets)."""

    lemma = "invariant_functions_dim_eq_orbits"

    def _rewrite(self, sd: SolDim):
        eq, unknown = sd.args
        if not (isinstance(unknown, AppliedUndef) and all(isinstance(p, Point) for p in unknown.args)
                and len(set(unknown.args)) == len(unknown.args) and unknown.args):
            raise RuleError("the unknown must be an entry W(p1, ..., pk) of distinct points")
        if not isinstance(eq, sp.Eq):
            raise RuleError("SolDim's first argument must be an equation")
        for a, b in ((eq.lhs, eq.rhs), (eq.rhs, eq.lhs)):
            if b != unknown or not (isinstance(a, AppliedUndef) and a.func == unknown.func
                                    and len(a.args) == len(b.args)):
                continue
            gs = set()
            for pa, pb in zip(a.args, b.args):
                if not (isinstance(pa, Act) and pa.args[1] == pb):
                    break
                w = group_word(pa.args[0])
                if w is None or len(w) != 1 or w[0][1] != 1:
                    break
                gs.add(w[0][0])
            else:
                if len(gs) != 1:
                    raise RuleError("one group element must act on every point")
                g = gs.pop()
                _label(g, "the acting element")
                if eq.free_symbols != {g, *unknown.args}:
                    raise RuleError(f"the equation has symbols other than {g} and the points: "
                                    f"{sorted(map(str, eq.free_symbols))}")
                return NumOrbits(*(p.gset for p in unknown.args))
        raise RuleError(f"the equation must read {sp.sstr(unknown.func.__name__)}(g.p1, ..., g.pk) = "
                        f"{sp.sstr(unknown)}")

    def apply(self, expr):
        found = []
        out = _eq_map(expr, lambda e: _outermost(e, lambda q: isinstance(q, SolDim), self._rewrite, found))
        if not found:
            raise RuleError("no dimension of a solution space SolDim(E, W)")
        return out

    def justification(self) -> str:
        return (r"lemma: the $W$ with $W(g \cdot z) = W(z)$ for all $g, z$ are the functions constant on the "
                r"orbits; the orbits' indicators (disjoint supports) are a basis, one per orbit")


class EquivalentConstraints(Rule):
    """SolDim(E, W) = SolDim(E', W) when E <=> E' for an arbitrary W: the two solution spaces are the
    same set.  The equivalence is re-established here, by the derivations given: each is checked
    (rules and concrete evaluation), they make no hypothesis, none unfolds or folds a definition of
    W (they hold for every W), and they establish E <=> E' (:func:`statement.establishes`)."""

    def __init__(self, *derivations, text: str = ""):
        if not derivations:
            raise RuleError("EquivalentConstraints needs the derivations of the equivalence")
        self.derivations, self.text = derivations, text
        #: the script's own definitions the inner derivations unfold (reported with the theorem's), and
        #: every definition they may unfold (so that concrete evaluation reads the step as they do)
        self.own_names = tuple(sorted({nm for d in derivations for st in d.steps
                                       for nm in getattr(st.rule, "own_names", ())}))
        self.definitions = {nm: lam for d in derivations for nm, lam in d.definitions().items()}

    def check(self, prev, nxt):
        from .lemmas import check_lemma
        from .statement import Statement, establishes
        if not (isinstance(prev, SolDim) and isinstance(nxt, SolDim)):
            return False, "EquivalentConstraints relates two dimensions SolDim(E, W)"
        (e1, u1), (e2, u2) = prev.args, nxt.args
        if u1 != u2 or not isinstance(u1, AppliedUndef):
            return False, "EquivalentConstraints: the unknowns differ (or are not an entry W(...))"
        if not (isinstance(e1, sp.Eq) and isinstance(e2, sp.Eq)):
            return False, "EquivalentConstraints: both constraints must be equations"
        name = u1.func.__name__
        for d in self.derivations:
            if d.hypotheses:
                return False, f"EquivalentConstraints: derivation '{d.title}' makes hypotheses: not for every {name}"
            for st in d.steps:
                if name in getattr(st.rule, "names", ()):
                    return False, (f"EquivalentConstraints: derivation '{d.title}' unfolds {name}: "
                                   f"not for every {name}")
                defs = getattr(st.rule, "definitions", None) or {}
                for nm in getattr(st.rule, "names", ()):
                    lam = defs.get(nm)
                    if lam is not None and any(q.func == u1.func for q in lam.expr.atoms(AppliedUndef)):
                        # inside SolDim, W is the unknown; the definition's W would be read as the outer one
                        return False, (f"EquivalentConstraints: derivation '{d.title}' unfolds {nm}, whose "
                                       f"definition {sp.sstr(lam)} names the unknown {name}")
            chk = d.check()
            if not chk.ok:
                return False, f"EquivalentConstraints: derivation '{d.title}' fails: {chk.failure}"
            for lem in chk.lemmas:          # the outer run checks only its own steps' lemmas
                lc = check_lemma(lem)
                if not lc.ok:
                    return False, f"EquivalentConstraints: lemma {lem} failed its check: {lc.evidence}"
        try:
            # the inner derivations' own definitions are the equivalence's notation (the outer statement's
            # establishes() checks them against the theorem's)
            from ..objects.indexed import ENTRY
            stmt = Statement.equivalence(e1, e2, definitions={nm: lam for nm, lam in self.definitions.items()
                                                              if nm not in ENTRY})
        except (TypeError, ValueError) as exc:
            return False, f"EquivalentConstraints: {exc}"
        ok, why = establishes([stmt], list(self.derivations))
        if not ok:
            return False, f"EquivalentConstraints: the derivations do not establish the equivalence: {why}"
        return True, f"EquivalentConstraints: {len(self.derivations)} derivation(s) checked, establishing E <=> E'"

    def justification(self) -> str:
        return self.text or r"the two conditions are equivalent (derivation above), for every $W$: same solutions"
