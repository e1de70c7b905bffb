"""Rewrite rules for index derivations, each checked by the engine.

A derivation step says "the previous expression becomes this one, by rule R".
The engine applies R itself and compares its result with the stated one using
:func:`equal_mod_n`, a *sound* comparison: it answers True only when the two
expressions agree for every n and every index value (indices of entries and
Iverson brackets are compared modulo n, powers of omega by their exponents
modulo n).  A False answer means "not shown", so a bad step makes the proof
fail; it never makes a false statement pass.

>>> from symconv.objects.indexed import W, i, j, l, S, zsum, ENTRY, n
>>> step = Sift(l)
>>> before = zsum(ENTRY['S'](i, l) * W(l, j), l)
>>> step.apply(before)
W(i - 1, j)
>>> equal_mod_n(W(i - 1, j), W(i + n - 1, j))
True
"""

from __future__ import annotations

from typing import Callable

import sympy as sp
from sympy.core.function import AppliedUndef

from ..exact.modular import congruent_mod
from .compare import equal_mod_n, finite_support, integer_poly, merge_powers, periodic_in
from ..objects.indexed import ENTRY, Iverson, n, omega

__all__ = ["equal_mod_n", "Rule", "Unfold", "Fold", "Sift", "ReindexSum", "PullOut",
           "ExponentArithmetic", "GeometricSum", "Reindex", "UseHypothesis",
           "DiagonalConstancy", "RuleError", "IndexArithmetic", "EigenLine", "ProductOfSums",
           "SwapSums", "PolyIdentity", "ApplyLemma", "bound_symbols", "LemmaRewrite", "EvaluateSum",
           "SplitSum", "CancelTerms"]


class RuleError(ValueError):
    """A rule does not apply to the expression it was given."""


# --------------------------------------------------------------------- rules
class Rule:
    """Base class: apply() computes the next expression; check() compares."""

    relation = "="
    lemma: str | None = None

    def apply(self, expr: sp.Basic) -> sp.Basic:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, prev: sp.Basic, nxt: sp.Basic) -> tuple[bool, str]:
        try:
            got = self.apply(prev)
        except RuleError as exc:
            return False, f"{self.name} does not apply: {exc}"
        if equal_mod_n(got, nxt):
            return True, f"{self.name}: recomputed and matched"
        return False, f"{self.name} gives {sp.sstr(got)}, not the stated {sp.sstr(nxt)}"

    @property
    def name(self) -> str:
        return type(self).__name__

    def justification(self) -> str:  # LaTeX-safe text
        return self.name


def _eq_map(expr: sp.Basic, fn: Callable[[sp.Expr], sp.Expr]) -> sp.Basic:
    if isinstance(expr, sp.Eq):
        return sp.Eq(fn(expr.lhs), fn(expr.rhs), evaluate=False)
    return fn(expr)


class Unfold(Rule):
    """Replace entries by their definitions (the conventions' ENTRY table)."""

    def __init__(self, *names: str, definitions: dict | None = None):
        self.names = names
        self.definitions = dict(ENTRY, **(definitions or {}))
        for nm in names:
            if nm not in self.definitions:
                raise RuleError(f"no definition for {nm!r}")

    def apply(self, expr):
        def fn(e):
            for nm in self.names:
                lam = self.definitions[nm]
                e = e.replace(lambda q, nm=nm: isinstance(q, AppliedUndef) and q.func.__name__ == nm,
                              lambda q, lam=lam: lam(*q.args))
            return e
        return _eq_map(expr, fn)

    def justification(self) -> str:
        return "definition of " + ", ".join(rf"${_tex_name(nm)}$" for nm in self.names)


class Fold(Unfold):
    """The reverse of Unfold: the stated expression unfolds to the previous one."""

    def check(self, prev, nxt):
        got = Unfold.apply(self, nxt)
        if equal_mod_n(got, Unfold.apply(self, prev)):
            return True, "Fold: stated expression unfolds to the previous one"
        return False, f"Fold: {sp.sstr(nxt)} unfolds to {sp.sstr(got)}, not {sp.sstr(prev)}"

    def apply(self, expr):  # pragma: no cover - Fold is checked backwards
        raise RuleError("Fold is checked by unfolding the stated expression")


def bound_symbols(e: sp.Basic) -> set:
    """Variables bound by the sums inside e."""
    return {lim[0] for sm in e.atoms(sp.Sum) for lim in sm.limits}


def _no_capture(value: sp.Expr, body: sp.Expr) -> None:
    """Substituting ``value`` into ``body`` must not put its variables under a sum binding them."""
    clash = sp.sympify(value).free_symbols & bound_symbols(body)
    if clash:
        raise RuleError(f"substitution would capture {sorted(map(str, clash))} under an inner sum")


def _at_var(var: sp.Symbol, fn):
    """A replacer for expr.replace: every Sum binding ``var`` becomes
    Sum(fn(body, (var, lo, hi), others), *others).

    A sum with several limits is an iterated finite sum; it may be taken in
    any order when every range is Z_n, or when the summand is shown finitely
    supported in all its variables (sums over Z).
    """
    def repl(sm: sp.Sum) -> sp.Expr:
        lims = list(sm.limits)
        pos = next(q for q, lim in enumerate(lims) if lim[0] == var)
        others = lims[:pos] + lims[pos + 1:]
        if others:
            _check_iterated(sm.function, lims)
        inner = fn(sm.function, lims[pos], others)
        return sp.Sum(inner, *others) if others else inner

    def find(q) -> bool:
        return isinstance(q, sp.Sum) and any(lim[0] == var for lim in q.limits)

    return lambda e: e.replace(find, repl)


def _check_iterated(body: sp.Expr, lims: list) -> None:
    bound = {lim[0] for lim in lims}
    for lim in lims:
        if bound & (sp.sympify(lim[1]).free_symbols | sp.sympify(lim[2]).free_symbols):
            raise RuleError("the ranges of an iterated sum depend on its variables")
    if any(lim[1] == -sp.oo for lim in lims) and not finite_support(body, [lim[0] for lim in lims]):
        raise RuleError("the iterated sum is not shown finitely supported")


def _solve_unit(cond: Iverson, var: sp.Symbol) -> sp.Expr | None:
    """Solve [p = q] for var when p - q is var times +-1 plus a var-free rest."""
    d = sp.expand(cond.args[0] - cond.args[1])
    coeff = d.coeff(var)
    rest = sp.expand(d - coeff * var)
    if var in rest.free_symbols or coeff not in (1, -1):
        return None
    return sp.expand(-rest / coeff)


class Sift(Rule):
    """sum_{var in Z_n} [var = s] g(var) = g(s), for g n-periodic in var."""


    def __init__(self, var: sp.Symbol):
        self.var = var

    def _sift(self, body: sp.Expr, lim: tuple, others: list) -> sp.Expr:
        v, lo, hi = lim
        if (lo, hi) != (0, n - 1):
            raise RuleError("the sum must run over Z_n")
        factors = list(sp.Mul.make_args(body))
        for q, fac in enumerate(factors):
            if isinstance(fac, Iverson) and v in fac.free_symbols:
                sol = _solve_unit(fac, v)
                if sol is None:
                    continue
                rest = sp.Mul(*(factors[:q] + factors[q + 1:]))
                if not periodic_in(rest, v):
                    raise RuleError(f"summand is not shown n-periodic in {v}")
                _no_capture(sol, rest)
                return rest.xreplace({v: sol})
        raise RuleError(f"no bracket [{v} = ...] with unit coefficient in the summand")

    def apply(self, expr):
        return _eq_map(expr, _at_var(self.var, self._sift))

    def justification(self) -> str:
        return rf"sifting: the bracket fixes ${sp.latex(self.var)}$"


class ReindexSum(Rule):
    """sum_{old in Z_n} g(old) = sum_{new in Z_n} g(+-new + shift): a bijection of Z_n."""

    new: sp.Symbol = None  # type: ignore[assignment]

    def __init__(self, old: sp.Symbol, image: sp.Expr, new: sp.Symbol):
        self.old, self.image, self.new = old, sp.sympify(image), new
        coeff = sp.expand(self.image).coeff(new)
        rest = sp.expand(self.image - coeff * new)
        if (coeff not in (1, -1) or new in rest.free_symbols or old in rest.free_symbols
                or not integer_poly(rest)):
            raise RuleError(f"{old} -> {image} is not a shift or reflection of Z_n")

    def _reindex(self, body: sp.Expr, lim: tuple, others: list) -> sp.Expr:
        v, lo, hi = lim
        if (lo, hi) == (-sp.oo, sp.oo):
            if not finite_support(body, [v]):
                raise RuleError(f"summand is not shown finitely supported in {v}")
        elif (lo, hi) != (0, n - 1) or not periodic_in(body, v):
            raise RuleError(f"the sum must run over Z or over Z_n with a summand n-periodic in {v}")
        if self.new in body.free_symbols or any(o[0] == self.new for o in others):
            raise RuleError(f"{self.new} already occurs in the sum")
        _no_capture(self.image, body)
        return sp.Sum(body.xreplace({v: self.image}), (self.new, lo, hi))

    def apply(self, expr):
        return _eq_map(expr, _at_var(self.old, self._reindex))

    def justification(self) -> str:
        return rf"substitute ${sp.latex(self.old)} = {sp.latex(self.image)}$ (a bijection of the index set)"


class ExponentArithmetic(Rule):
    """omega**a * omega**b = omega**(a+b), and omega**n = 1: exponents mod n."""

    def apply(self, expr):
        return expr  # identity: equal_mod_n merges powers of omega and reduces exponents

    def check(self, prev, nxt):
        def norm(e):
            return _eq_map(e, lambda q: q.replace(lambda z: z.is_Mul, merge_powers))
        if equal_mod_n(norm(prev), norm(nxt)):
            return True, "ExponentArithmetic: exponents agree modulo n"
        return False, f"exponents of omega differ: {sp.sstr(prev)} vs {sp.sstr(nxt)}"

    def justification(self) -> str:
        return r"$y^a y^b = y^{a+b}$; $\omega^n = \bar x^n = 1$"


class PullOut(Rule):
    """sum_v a*g(v) = a * sum_v g(v) for factors a free of v (powers x^(a+b) are split)."""


    def __init__(self, var: sp.Symbol):
        self.var = var

    def _pull(self, body: sp.Expr, lim: tuple, others: list) -> sp.Expr:
        v, lo, hi = lim
        inside, outside = [], []
        for fac in sp.Mul.make_args(body):
            if fac.is_Pow and fac.base.is_Symbol:   # x^(a+b) = x^a x^b
                terms = sp.Add.make_args(sp.expand(fac.exp))
                dep = sp.Add(*(q for q in terms if v in q.free_symbols))
                free = sp.Add(*(q for q in terms if v not in q.free_symbols))
                if free != 0:
                    outside.append(sp.Pow(fac.base, free, evaluate=False))
                if dep != 0:
                    inside.append(sp.Pow(fac.base, dep, evaluate=False))
            elif v in fac.free_symbols:
                inside.append(fac)
            else:
                outside.append(fac)
        return sp.Mul(*outside) * sp.Sum(sp.Mul(*inside), (v, lo, hi))

    def apply(self, expr):
        return _eq_map(expr, _at_var(self.var, self._pull))

    def justification(self) -> str:
        return rf"linearity: factors free of ${sp.latex(self.var)}$ leave the sum"


class GeometricSum(Rule):
    """sum_{v in Z_n} omega**(d*v) = n*[d = 0], since omega is a primitive n-th root.

    Lemma ``geometric_sum_roots_of_unity``; its side condition (omega**d != 1
    for d != 0 mod n) is the primitivity of omega, checked in lemmas.py.
    """


    def __init__(self, var: sp.Symbol):
        self.var = var
        self.lemma = "geometric_sum_roots_of_unity"

    def _geo(self, body: sp.Expr, lim: tuple, others: list) -> sp.Expr:
        v, lo, hi = lim
        if (lo, hi) != (0, n - 1):
            raise RuleError("the sum must run over Z_n")
        body = merge_powers(body) if body.is_Mul else body
        if not (body.is_Pow and body.base == omega):
            raise RuleError(f"summand {body} is not a power of omega")
        e = sp.expand(body.exp)
        d = e.coeff(v)
        if sp.expand(e - d * v) != 0 or v in d.free_symbols or not integer_poly(d):
            raise RuleError(f"exponent {e} is not d*{v} with integer d free of {v}")
        return n * Iverson(d, 0)

    def apply(self, expr):
        return _eq_map(expr, _at_var(self.var, self._geo))

    def justification(self) -> str:
        return r"geometric sum: $\sum_{l}\omega^{dl}=n\,[d\equiv 0]$ ($\omega$ primitive)"


class Reindex(Rule):
    """For a statement quantified over all indices: substitute a bijection of Z_n."""


    def __init__(self, subs: dict):
        self.relation = r"\iff"
        self.subs = {sp.sympify(k_): sp.sympify(v_) for k_, v_ in subs.items()}
        vars_ = list(self.subs)
        # the joint map must be affine with an integer matrix of determinant +-1 (unimodular),
        # so that it is a bijection of Z_n^r for every n
        rows = []
        for var, img in self.subs.items():
            img = sp.expand(img)
            coeffs = [img.coeff(w) for w in vars_]
            rest = sp.expand(img - sum(cf * w for cf, w in zip(coeffs, vars_)))
            if (any(not cf.is_Integer for cf in coeffs) or set(vars_) & rest.free_symbols
                    or not integer_poly(rest)):
                raise RuleError(f"{var} -> {img} is not affine with integer coefficients")
            rows.append(coeffs)
        if abs(sp.Matrix(rows).det()) != 1:
            raise RuleError(f"substitution {self.subs} is not a bijection of Z_n (determinant not +-1)")

    def apply(self, expr):
        return expr.xreplace(self.subs) if isinstance(expr, sp.Eq) else _fail("Reindex needs an equation")

    def justification(self) -> str:
        parts = ", ".join(rf"{sp.latex(k_)}\mapsto {sp.latex(v_)}" for k_, v_ in self.subs.items())
        return rf"for all indices: substitute ${parts}$"


def _fail(msg: str):
    raise RuleError(msg)


class UseHypothesis(Rule):
    """Rewrite with a hypothesis lhs = rhs (e.g. AB = BA), then expand."""

    label: str = ""

    def __init__(self, hyp: sp.Eq, label: str = ""):
        self.hyp, self.label = hyp, label

    def apply(self, expr):
        return sp.expand(expr.subs(self.hyp.lhs, self.hyp.rhs))

    def check(self, prev, nxt):
        got = self.apply(prev)
        if sp.expand(got - nxt) == 0:
            return True, f"UseHypothesis {self.label}: matched"
        return False, f"using {self.label} gives {sp.sstr(got)}, not {sp.sstr(nxt)}"

    def justification(self) -> str:
        return f"hypothesis {self.label}" if self.label else "hypothesis"


class DiagonalConstancy(Rule):
    """Lemma: g(i, j) = g(i+1, j+1) for all i, j  <=>  g(i, j) = g(i-j, 0) for all i, j.

    (=>) by induction on j; (<=) is rechecked here by substitution.
    """

    def __init__(self):
        self.relation = r"\iff"
        self.lemma = "diagonal_constancy"

    def apply(self, expr):
        if not isinstance(expr, sp.Eq):
            raise RuleError("needs an equation g(i, j) = g(i + 1, j + 1)")
        lhs, rhs = expr.lhs, expr.rhs
        if not (isinstance(lhs, AppliedUndef) and isinstance(rhs, AppliedUndef)
                and lhs.func == rhs.func and len(lhs.args) == 2 == len(rhs.args)):
            raise RuleError("both sides must be entries of the same matrix")
        (p, q), (p2, q2) = lhs.args, rhs.args
        if not (congruent_mod(p2 - p, 1, n) and congruent_mod(q2 - q, 1, n)):
            raise RuleError("the right side must be the entry one step down the diagonal")
        if not (p.is_Symbol and q.is_Symbol and p != q):
            raise RuleError("the left side must be g(i, j) for two distinct index symbols")
        g = lhs.func
        out = sp.Eq(g(p, q), g(p - q, 0), evaluate=False)
        # (<=): g(i+1, j+1) = g((i+1)-(j+1), 0) = g(i-j, 0) = g(i, j)
        back = g(p2 - q2, 0)
        if not equal_mod_n(back, g(p - q, 0)):  # pragma: no cover - guarded above
            raise RuleError("converse direction failed")
        return out

    def justification(self) -> str:
        return r"lemma: constant along cyclic diagonals (induction on $j$)"


def _tex_name(nm: str) -> str:
    return {"C": r"\mathrm{circ}(c)", "F^*": "F^*", "conv": r"a\circledast b"}.get(nm, nm)


class IndexArithmetic(ExponentArithmetic):
    """Indices and brackets are read modulo n (same sound check as ExponentArithmetic)."""

    def justification(self) -> str:
        return r"indices modulo $n$"


class EigenLine(Rule):
    """Lemma: if A X = lam X and lam is a simple eigenvalue of A with eigenvector v,
    then X = mu v for a scalar mu (the eigenspace is a line).

    The previous expression must be lam*X (it was derived from A X), and the
    stated one mu*v.
    """

    def __init__(self, X: sp.Expr, lam: sp.Symbol, v: sp.Expr, mu: sp.Symbol):
        self.X, self.lam, self.v, self.mu = X, lam, v, mu
        self.relation = r"\Rightarrow"
        self.lemma = "simple_eigenvalue_eigenspace_is_a_line"

    def check(self, prev, nxt):
        if sp.expand(prev - self.lam * self.X) != 0:
            return False, f"EigenLine needs {sp.sstr(self.lam * self.X)}, got {sp.sstr(prev)}"
        if self.mu in self.X.free_symbols or sp.expand(nxt - self.mu * self.v) != 0:
            return False, f"EigenLine concludes {sp.sstr(self.mu * self.v)}, not {sp.sstr(nxt)}"
        return True, "EigenLine: A X = lam X with lam simple, so X lies on the line of v"

    def justification(self) -> str:
        return r"lemma: the eigenspace of a simple eigenvalue is a line"


class ProductOfSums(Rule):
    """(sum_t f)(sum_u g) = sum_t sum_u f g, for finite sums (over Z_n, or over Z with
    finitely supported summands); the bound variables must be distinct and not free elsewhere."""

    def _merge(self, e: sp.Expr) -> sp.Expr:
        sums = [f_ for f_ in e.args if isinstance(f_, sp.Sum)]
        if len(sums) < 2:
            return e
        body = sp.Mul(*(f_ for f_ in e.args if not isinstance(f_, sp.Sum)))
        limits: list = []
        for sm in sums:
            for lim in sm.limits:
                if lim[0] in body.free_symbols or any(lim[0] == w[0] for w in limits):
                    raise RuleError(f"bound variable {lim[0]} clashes")
            body, limits = body * sm.function, limits + list(sm.limits)
        _check_iterated(body, limits)
        return sp.Sum(body, *limits)

    def apply(self, expr):
        return _eq_map(expr, lambda e: e.replace(lambda q: q.is_Mul, self._merge))

    def justification(self) -> str:
        return "product of finite sums"


class SwapSums(Rule):
    """sum_s sum_t f = sum_t sum_s f: exchange the two outermost sums of an iterated finite sum."""

    def _swap(self, sm: sp.Sum) -> sp.Expr:
        lims = list(sm.limits)
        _check_iterated(sm.function, lims)
        lims[-1], lims[-2] = lims[-2], lims[-1]
        return sp.Sum(sm.function, *lims)

    def apply(self, expr):
        return _eq_map(expr, lambda e: e.replace(lambda q: isinstance(q, sp.Sum) and len(q.limits) > 1,
                                                 self._swap))

    def justification(self) -> str:
        return "exchange of finite sums"


class PolyIdentity(Rule):
    """Arithmetic: the two sides are equal as polynomials (or rational functions) in their symbols."""

    def check(self, prev, nxt):
        diff = sp.cancel(sp.sympify(prev) - sp.sympify(nxt)) if not isinstance(prev, sp.Eq) else None
        if isinstance(prev, sp.Eq) and isinstance(nxt, sp.Eq):
            ok = (sp.cancel(prev.lhs - nxt.lhs) == 0 and sp.cancel(prev.rhs - nxt.rhs) == 0)
        else:
            ok = diff == 0
        if ok:
            return True, "PolyIdentity: equal as rational functions"
        return False, f"{sp.sstr(prev)} and {sp.sstr(nxt)} differ as rational functions"

    def justification(self) -> str:
        return "algebra"


class ApplyLemma(Rule):
    """A named lemma: ``instance(prev, next)`` checks that the step is an instance of it
    and that its side conditions hold, returning (ok, detail)."""

    def __init__(self, lemma: str, instance, text: str, relation: str = "="):
        self.lemma, self.instance, self.text, self.relation = lemma, instance, text, relation

    def check(self, prev, nxt):
        ok, detail = self.instance(prev, nxt)
        return bool(ok), f"lemma {self.lemma}: {detail}"

    def justification(self) -> str:
        return self.text


class LemmaRewrite(Rule):
    """Rewrite with an instance of a named lemma: the stated expression must be the
    previous one with ``mapping`` applied (checked exactly); the lemma itself is
    checked in lemmas.py and its side conditions are stated in the evidence."""

    def __init__(self, lemma: str, mapping: dict, text: str, theorem: bool = False):
        """``theorem=True`` cites a theorem of the catalog (checked in the same run)
        instead of a lemma of lemmas.LEMMAS."""
        self.mapping, self.text = dict(mapping), text
        self.cited = lemma
        self.lemma = None if theorem else lemma

    def apply(self, expr):
        for old in self.mapping:
            if not expr.has(old):
                raise RuleError(f"{sp.sstr(old)} does not occur in {sp.sstr(expr)}")
        return expr.xreplace(self.mapping)

    def check(self, prev, nxt):
        try:
            got = self.apply(prev)
        except RuleError as exc:
            return False, f"{self.cited} does not apply: {exc}"
        if sp.cancel(got - nxt) == 0 or equal_mod_n(got, nxt):
            return True, f"{self.cited}: instance matched"
        return False, f"{self.cited} gives {sp.sstr(got)}, not {sp.sstr(nxt)}"

    def justification(self) -> str:
        return self.text


class EvaluateSum(Rule):
    """A sum with symbolic bounds evaluated in closed form by SymPy, checked exactly
    (the difference of the two sides must cancel to 0)."""

    def apply(self, expr):
        return expr.replace(lambda q: isinstance(q, sp.Sum), lambda q: q.doit())

    def check(self, prev, nxt):
        got = self.apply(prev)
        if got.has(sp.Sum) or got.has(sp.Piecewise):
            return False, f"SymPy left {sp.sstr(got)} unevaluated"
        if sp.cancel(got - nxt) == 0:
            return True, "EvaluateSum: closed form matched"
        return False, f"closed form {sp.sstr(got)} is not {sp.sstr(nxt)}"

    def justification(self) -> str:
        return "sum in closed form"


class SplitSum(Rule):
    """sum (f + g) = sum f + sum g (finite sums); products are expanded first."""

    def _split(self, sm: sp.Sum) -> sp.Expr:
        body = sp.expand(sm.function)
        if not body.is_Add:
            return sm
        _check_iterated(sm.function, list(sm.limits)) if len(sm.limits) > 1 else None
        out = []
        for term in body.args:
            coeff, rest = term.as_coeff_Mul()      # numbers leave the sum
            out.append(coeff * sp.Sum(rest, *sm.limits))
        return sp.Add(*out)

    def apply(self, expr):
        return _eq_map(expr, lambda e: e.replace(lambda q: isinstance(q, sp.Sum), self._split))

    def justification(self) -> str:
        return "linearity of finite sums"


class CancelTerms(Rule):
    """x - x = 0: every term of the previous sum cancels against an equal term of opposite sign."""

    def check(self, prev, nxt):
        if sp.sympify(nxt) != 0:
            return False, "CancelTerms concludes 0"
        terms = list(sp.Add.make_args(sp.sympify(prev)))
        used = [False] * len(terms)
        for q, term in enumerate(terms):
            if used[q]:
                continue
            for r in range(q + 1, len(terms)):
                if not used[r] and equal_mod_n(term, -terms[r]):
                    used[q] = used[r] = True
                    break
            else:
                return False, f"the term {sp.sstr(term)} does not cancel"
        return True, "CancelTerms: every term cancels"

    def justification(self) -> str:
        return "the two sums are equal"
