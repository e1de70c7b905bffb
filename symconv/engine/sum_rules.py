"""Rules that manipulate finite sums (over Z_n, or over Z with finitely supported terms).

A sum with several limits is an iterated finite sum.  Each rule recomputes the
step itself; the comparison with the stated result is rules.equal_mod_n.

>>> from symconv.objects.indexed import ENTRY, W, i, j, l, zsum
>>> Sift(l).apply(zsum(ENTRY['S'](i, l) * W(l, j), l))
W(i - 1, j)
"""

from __future__ import annotations

import sympy as sp

from ..objects.indexed import Iverson, n, omega
from .compare import (equal_mod_n, finite_range, finite_support, independent_ranges, integer_poly, merge_powers,
                      periodic_in)
from .rule_base import Rule, RuleError, _eq_map, _no_capture, rename_bound

__all__ = ["Sift", "ReindexSum", "PullOut", "PullIn", "GeometricSum", "ProductOfSums", "FactorSums", "SwapSums",
           "SplitSum", "CombineSums", "SubstituteIntegral", "Fubini", "FactorIntegrals",
           "CancelTerms"]


def _at_var(var: sp.Symbol, fn):
    """A replacer for expr.replace: every Sum binding ``var`` becomes
    Sum(fn(body, (var, lo, hi), others), *others).

    A sum with several limits is an iterated sum; bringing ``var`` innermost
    reorders it, which needs independent ranges and a finite sum (finite ranges,
    or a summand shown finitely supported): see :func:`_check_iterated`.
    """
    def repl(sm) -> sp.Expr:
        cls = type(sm)
        lims = list(sm.limits)
        pos = next(q for q, lim in enumerate(lims) if lim[0] == var)
        others = lims[:pos] + lims[pos + 1:]
        if cls is sp.Integral and pos != 0:
            raise RuleError(f"{var} is not the innermost integral: exchange the integrals with Fubini first")
        if pos != 0 and cls is sp.Sum:       # var is moved innermost: a reordering
            _check_iterated(sm.function, lims)
        inner = fn(sm.function, lims[pos], others) if cls is sp.Sum else fn(sm.function, lims[pos], others, cls)
        return cls(inner, *others) if others else inner

    def find(q) -> bool:
        return isinstance(q, (sp.Sum, sp.Integral)) and any(lim[0] == var for lim in q.limits)

    return lambda e: e.replace(find, repl)


def _check_iterated(body: sp.Expr, lims: list) -> None:
    """An iterated sum may be reordered only when no range depends on its variables and the sum
    is finite: every range finite, or the summand shown finitely supported (in the variables
    whose range is infinite)."""
    if not independent_ranges(lims):
        raise RuleError("the ranges of an iterated sum depend on its variables")
    _check_finite(body, lims, "the iterated sum")


def _check_finite(body: sp.Expr, lims: list, what: str) -> None:
    if all(finite_range(lim[1], lim[2]) for lim in lims):
        return
    bounded = [lim[0] for lim in lims if finite_range(lim[1], lim[2])]
    if not finite_support(body, [lim[0] for lim in lims], bounded):
        raise RuleError(f"{what} runs over an infinite range and its summand is not shown finitely supported")


def _solve_unit(cond: Iverson, var: sp.Symbol) -> sp.Expr | None:
    """Solve [p = q] for var when p - q is var times +-1 plus a var-free rest."""
    d = sp.expand(cond.args[0] - cond.args[1])
    coeff = d.coeff(var)
    rest = sp.expand(d - coeff * var)
    if var in rest.free_symbols or coeff not in (1, -1):
        return None
    return sp.expand(-rest / coeff)


class Sift(Rule):
    """sum_{var in Z_n} [var = s] g(var) = g(s), for g n-periodic in var; over Z,
    sum_{var in Z} delta(var, s) g(var) = g(s) for integer-valued s."""


    def __init__(self, var: sp.Symbol):
        self.var = var

    def _sift(self, body: sp.Expr, lim: tuple, others: list) -> sp.Expr:
        v, lo, hi = lim
        factors = list(sp.Mul.make_args(body))
        if (lo, hi) == (-sp.oo, sp.oo):      # over Z: a Kronecker delta [v = e] with e integer-valued
            for q, fac in enumerate(factors):
                if isinstance(fac, sp.KroneckerDelta) and v in fac.free_symbols:
                    sol = _solve_unit(Iverson(*fac.args), v)
                    if sol is None:
                        continue
                    if not integer_poly(sol):
                        raise RuleError(f"the delta fixes {v} = {sol}, which is not shown to be an integer")
                    rest = sp.Mul(*(factors[:q] + factors[q + 1:]))
                    _no_capture(sol, rest, v)
                    return rest.xreplace({v: sol})
            raise RuleError(f"no Kronecker delta [{v} = ...] with unit coefficient in the summand")
        if (lo, hi) != (0, n - 1):
            raise RuleError("the sum must run over Z_n or Z")
        for q, fac in enumerate(factors):
            if isinstance(fac, Iverson) and v in fac.free_symbols:
                sol = _solve_unit(fac, v)
                if sol is None:
                    continue
                if not integer_poly(sol):     # [v = n/2] has no solution for odd n
                    raise RuleError(f"the bracket fixes {v} = {sol}, which is not shown to be an integer")
                rest = sp.Mul(*(factors[:q] + factors[q + 1:]))
                if not periodic_in(rest, v):
                    raise RuleError(f"summand is not shown n-periodic in {v}")
                _no_capture(sol, rest, v)
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
        _no_capture(self.image, body, v)
        return sp.Sum(body.xreplace({v: self.image}), (self.new, lo, hi))

    def apply(self, expr):
        return _eq_map(expr, _at_var(self.old, self._reindex))

    def justification(self) -> str:
        return rf"substitute ${sp.latex(self.old)} = {sp.latex(self.image)}$ (a bijection of the index set)"


class PullOut(Rule):
    """sum_v a*g(v) = a * sum_v g(v) for factors a free of v (powers x^(a+b) are split)."""


    def __init__(self, var: sp.Symbol):
        self.var = var

    def _pull(self, body: sp.Expr, lim: tuple, others: list, cls=sp.Sum) -> sp.Expr:
        v, lo, hi = lim
        inside, outside = [], []
        for fac in sp.Mul.make_args(body):
            if isinstance(fac, sp.exp):             # e^(a+b) = e^a e^b
                terms = sp.Add.make_args(sp.expand(fac.args[0]))
                dep = sp.Add(*(q for q in terms if v in q.free_symbols))
                free = sp.Add(*(q for q in terms if v not in q.free_symbols))
                if free != 0:
                    outside.append(sp.exp(free))
                if dep != 0:
                    inside.append(sp.exp(dep))
            elif fac.is_Pow and fac.base.is_Symbol and fac.base != v:   # x^(a+b) = x^a x^b
                terms = sp.Add.make_args(sp.expand(fac.exp))
                dep = sp.Add(*(q for q in terms if v in q.free_symbols))
                free = sp.Add(*(q for q in terms if v not in q.free_symbols))
                if free != 0:
                    outside.append(sp.Pow(fac.base, free, evaluate=False))
                if dep != 0:
                    inside.append(sp.Pow(fac.base, dep, evaluate=False))
            elif v in fac.free_symbols or not fac.is_commutative:   # a matrix keeps its place in the product
                inside.append(fac)
            else:
                outside.append(fac)
        return sp.Mul(*outside) * cls(sp.Mul(*inside), (v, lo, hi))

    def apply(self, expr):
        return _eq_map(expr, _at_var(self.var, self._pull))

    def justification(self) -> str:
        return rf"linearity: factors free of ${sp.latex(self.var)}$ come out"


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


class ProductOfSums(Rule):
    """(sum_t f)(sum_u g) = sum_t sum_u f g, for finite sums (over Z_n, or over Z with
    finitely supported summands); the bound variables must be distinct and not free elsewhere."""

    def _merge(self, e: sp.Expr) -> sp.Expr:
        sums = [f_ for f_ in e.args if isinstance(f_, sp.Sum)]
        if len(sums) < 2:
            return e
        if not e.is_commutative:
            raise RuleError("ProductOfSums moves factors past sums: not for non-commuting factors")
        body = sp.Mul(*(f_ for f_ in e.args if not isinstance(f_, sp.Sum)))
        limits: list = []
        for sm in sums:
            # a sum's variables may occur free nowhere else in the product (not in the other
            # factors, nor in the other sums' summands or ranges): else they would be captured;
            # nor be bound by an earlier sum: (sum_t a_t)(sum_t b_t) is not sum_t sum_t a_t b_t
            elsewhere = body.free_symbols.union(*(o.free_symbols for o in sums if o is not sm))
            for lim in sm.limits:
                if lim[0] in elsewhere or any(lim[0] == w[0] for w in limits):
                    raise RuleError(f"bound variable {lim[0]} clashes")
            limits += list(sm.limits)
        for sm in sums:
            body = body * sm.function
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


class SplitSum(Rule):
    """sum (f + g) = sum f + sum g (finite sums); products are expanded first."""

    def _split(self, sm: sp.Sum) -> sp.Expr:
        body = sp.expand(sm.function)
        if not body.is_Add:
            return sm
        _check_iterated(sm.function, list(sm.limits)) if len(sm.limits) > 1 else None
        for term in body.args:       # over Z, a sum of terms splits only if every part is finite
            _check_finite(term, list(sm.limits), "a part of the split sum")
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


class PullIn(Rule):
    """a * sum_v g(v) = sum_v a g(v), for factors a free of v (the reverse of PullOut)."""

    def __init__(self, var: sp.Symbol):
        self.var = var

    def _push(self, e: sp.Expr) -> sp.Expr:
        sums = [f for f in e.args if isinstance(f, (sp.Sum, sp.Integral)) and any(lim[0] == self.var for lim in f.limits)]
        if len(sums) != 1:
            return e
        sm = sums[0]
        if not e.is_commutative:
            raise RuleError("PullIn moves factors past a sum: not for non-commuting factors")
        others = [f for f in e.args if f is not sm]
        rest = sp.Mul(*others)
        if self.var in rest.free_symbols:
            raise RuleError(f"a factor outside the sum involves {self.var}")
        if {lim[0] for lim in sm.limits} & rest.free_symbols:
            sm = rename_bound(sm)      # the sum's other variables would capture rest: rename them first
        return type(sm)(rest * sm.function, *sm.limits)

    def apply(self, expr):
        return _eq_map(expr, lambda e: e.replace(lambda q: q.is_Mul, self._push))

    def justification(self) -> str:
        return rf"linearity: factors free of ${sp.latex(self.var)}$ go inside"


class FactorSums(ProductOfSums):
    """sum_s sum_t f(s) g(t) = (sum_s f(s)) (sum_t g(t)): the reverse of ProductOfSums, checked by
    multiplying the stated product of sums back out."""

    def apply(self, expr):  # pragma: no cover - checked backwards
        raise RuleError("FactorSums is checked by expanding the stated product")

    def check(self, prev, nxt):
        try:
            got = ProductOfSums.apply(self, nxt)
        except RuleError as exc:
            return False, f"FactorSums: {exc}"
        if equal_mod_n(got, prev):
            return True, "FactorSums: the stated product multiplies out to the previous sum"
        return False, f"FactorSums: {sp.sstr(nxt)} multiplies out to {sp.sstr(got)}, not {sp.sstr(prev)}"

    def justification(self) -> str:
        return "a double sum of a product is the product of the sums"


class CombineSums(SplitSum):
    """sum f + sum g = sum (f + g): the reverse of SplitSum, checked by splitting the stated sum."""

    def apply(self, expr):  # pragma: no cover - checked backwards
        raise RuleError("CombineSums is checked by splitting the stated sum")

    def check(self, prev, nxt):
        try:
            got = SplitSum.apply(self, nxt)
        except RuleError as exc:
            return False, f"CombineSums: {exc}"
        if equal_mod_n(sp.expand(got), sp.expand(prev)) or equal_mod_n(got, prev):
            return True, "CombineSums: the stated sum splits into the previous ones"
        return False, f"CombineSums: {sp.sstr(nxt)} splits into {sp.sstr(got)}, not {sp.sstr(prev)}"

    def justification(self) -> str:
        return "linearity of finite sums"


class SubstituteIntegral(Rule):
    """Over the whole real line, the substitution old = +-new + shift preserves the integral
    (Lebesgue measure is invariant under translations and reflections)."""

    def __init__(self, old: sp.Symbol, image: sp.Expr, new: sp.Symbol):
        self.old, self.image, self.new = old, sp.sympify(image), new
        coeff = sp.expand(self.image).coeff(new)
        rest = sp.expand(self.image - coeff * new)
        if coeff not in (1, -1) or new in rest.free_symbols or old in rest.free_symbols:
            raise RuleError(f"{old} -> {image} is not a translation or reflection")
        if rest.is_extended_real is not True:       # a shift into the complex plane moves the contour
            raise RuleError(f"the shift {rest} is not shown to be real")

    def _sub(self, body, lim, others, cls=sp.Sum):
        v, lo, hi = lim
        if cls is not sp.Integral or (lo, hi) != (-sp.oo, sp.oo):
            raise RuleError("SubstituteIntegral needs an integral over the whole real line")
        if self.new in body.free_symbols or any(o[0] == self.new for o in others):
            raise RuleError(f"{self.new} already occurs in the integral")
        _no_capture(self.image, body, v)
        return sp.Integral(body.xreplace({v: self.image}), (self.new, lo, hi))

    def apply(self, expr):
        return _eq_map(expr, _at_var(self.old, self._sub))

    def justification(self) -> str:
        return rf"substitute ${sp.latex(self.old)} = {sp.latex(self.image)}$ (a translation of $\mathbb{{R}}$)"


class _NeedsIntegrability(Rule):
    """A rule that relies on lemma fubini: the integrand must be absolutely integrable, and the
    derivation must state that hypothesis (``hypothesis=H``, H among the derivation's hypotheses,
    and so among those of the theorem's formal statement).  Its text must say what it assumes
    (integrable, or L^1): the engine cannot read prose, but it will not take an unrelated one."""

    lemma = "fubini"
    hypothesis = None

    def _set_hypothesis(self, hypothesis) -> None:
        from .statement import as_hypothesis
        self.hypothesis = None if hypothesis is None else as_hypothesis(hypothesis)
        if self.hypothesis is not None:
            words = (self.hypothesis.name + " " + self.hypothesis.text).lower().replace("\\", "")
            if not any(w in words for w in ("integrable", "l^1", "l^{1}", "l1", "l¹")):
                raise RuleError(f"{self.name} needs absolute integrability (L^1); the hypothesis "
                                f"{self.hypothesis.name!r} does not say so")

    def check(self, prev, nxt):
        return False, (f"{self.name} needs its hypothesis (absolute integrability), stated in the derivation: "
                       f"{self.name}(hypothesis=H) with H among the derivation's hypotheses")

    def check_in_context(self, derivation, prev, nxt):
        if self.hypothesis is None:
            return self.check(prev, nxt)
        if self.hypothesis not in tuple(derivation.hypotheses):
            return False, (f"{self.name}: the hypothesis {self.hypothesis.name!r} is not among the derivation's "
                           f"hypotheses {[h.name for h in derivation.hypotheses]}")
        why = self._integrands_covered(prev, nxt)
        if why:
            return False, f"{self.name}: {why}"
        ok, detail = self._check_step(prev, nxt)
        return ok, detail + (f" (under {self.hypothesis.name})" if ok else "")

    def _check_step(self, prev, nxt):  # pragma: no cover - abstract
        raise NotImplementedError

    def _integrals(self, prev, nxt) -> list:  # pragma: no cover - abstract
        raise NotImplementedError

    def _integrands_covered(self, prev, nxt) -> str:
        """Why the hypothesis is not shown to cover the integrands the step relies on ('' when it is).

        The hypothesis says, in words, that some functions are in L^1; the engine cannot read the words,
        only the names.  An integrand is covered when it is a product of factors free of the integration
        variables (finite), unimodular exponentials exp(i theta), theta real, and exactly one function
        named in the hypothesis per integration variable, each of one argument linear in them, the forms
        independent: then |integrand| integrates to a product of L^1 norms (a linear change of variables).
        Anything else (an explicit integrand, a repeated factor, an unnamed function) is not shown."""
        import re

        from sympy.core.function import AppliedUndef
        words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_']*", self.hypothesis.name + " " + self.hypothesis.text))
        for it in self._integrals(prev, nxt):
            vars_ = [lim[0] for lim in it.limits]
            rows = []
            for fac in sp.Mul.make_args(it.function):
                if not (fac.free_symbols & set(vars_)):
                    if fac.is_finite is not True:
                        return f"the factor {sp.sstr(fac)} is not shown finite"
                    continue
                if isinstance(fac, sp.exp) and (fac.args[0] / sp.I).is_extended_real is True:
                    continue
                if (isinstance(fac, AppliedUndef) and len(fac.args) == 1 and fac.func.__name__ in words):
                    arg = sp.expand(fac.args[0])
                    row = [arg.coeff(v_) for v_ in vars_]
                    rest = sp.expand(arg - sum(c_ * v_ for c_, v_ in zip(row, vars_)))
                    if all(c_.is_number and c_.is_extended_real for c_ in row) and not (rest.free_symbols & set(vars_)):
                        rows.append(row)
                        continue
                return (f"the hypothesis {self.hypothesis.name!r} is not shown to cover the factor {sp.sstr(fac)} "
                        f"of {sp.sstr(it.function)}: only functions it names, of independent linear arguments, "
                        "times unimodular exponentials")
            if len(rows) != len(vars_) or sp.Matrix(rows).det() == 0:
                return (f"the integrand {sp.sstr(it.function)} is not one named L^1 function of an independent "
                        f"linear form per variable {vars_}: its integrability is not shown")
        return ""

    def _hyp_text(self) -> str:
        if self.hypothesis is None:
            return "hypothesis not stated"
        return self.hypothesis.text or self.hypothesis.name


class Fubini(_NeedsIntegrability):
    """Exchange the two outermost integrals of an iterated integral (lemma fubini: the integrand is
    absolutely integrable on R^2, which holds when f, g are in L^1).  ``hypothesis``: that
    assumption, as one of the derivation's hypotheses; without it the step fails."""

    def __init__(self, hypothesis=None):
        self._set_hypothesis(hypothesis)

    def _check_step(self, prev, nxt):
        return Rule.check(self, prev, nxt)

    def _integrals(self, prev, nxt) -> list:
        return [q for q in sp.sympify(prev).atoms(sp.Integral) if len(q.limits) > 1]

    def _swap(self, it):
        lims = list(it.limits)
        if not independent_ranges(lims):      # int_0^1 int_0^y: the ranges must be swapped too
            raise RuleError("the ranges of the iterated integral depend on its variables")
        lims[-1], lims[-2] = lims[-2], lims[-1]
        return sp.Integral(it.function, *lims)

    def apply(self, expr):
        return _eq_map(expr, lambda e: e.replace(lambda q: isinstance(q, sp.Integral) and len(q.limits) > 1,
                                                 self._swap))

    def justification(self) -> str:
        return rf"Fubini ({self._hyp_text()})"


class FactorIntegrals(_NeedsIntegrability):
    """int int f(s) g(t) ds dt = (int f)(int g), checked by multiplying the stated product out
    (lemma fubini; ``hypothesis`` as for :class:`Fubini`)."""

    def __init__(self, hypothesis=None):
        self._set_hypothesis(hypothesis)

    def _integrals(self, prev, nxt) -> list:
        return [q for q in sp.Mul.make_args(nxt) if isinstance(q, sp.Integral)]

    def _check_step(self, prev, nxt):
        ints = [q for q in sp.Mul.make_args(nxt) if isinstance(q, sp.Integral)]
        if len(ints) != 2:
            return False, "FactorIntegrals needs a product of two integrals"
        rest = sp.Mul(*(q for q in sp.Mul.make_args(nxt) if not isinstance(q, sp.Integral)))
        a_, b_ = ints
        for p_, q_ in ((a_, b_), (b_, a_)):     # neither integral's variables occur free in the other or rest
            if ({lim[0] for lim in p_.limits} & (q_.free_symbols | rest.free_symbols)
                    or not independent_ranges(p_.limits)):
                return False, "the integration variables are not separate"
        if {lim[0] for lim in a_.limits} & {lim[0] for lim in b_.limits}:
            return False, "the two integrals use the same variable"
        merged = [sp.Integral(rest * a_.function * b_.function, *p_.limits, *q_.limits)
                  for p_, q_ in ((b_, a_), (a_, b_))]
        nested = [sp.Integral(rest * p_.function * q_, *p_.limits) for p_, q_ in ((a_, b_), (b_, a_))]
        if any(equal_mod_n(e, prev) for e in merged + nested):
            return True, "FactorIntegrals: the stated product multiplies out to the previous integral"
        return False, f"FactorIntegrals: {sp.sstr(nxt)} multiplies out to {sp.sstr(merged[0])}, not {sp.sstr(prev)}"

    def justification(self) -> str:
        return (r"Fubini: an integral of a product of separate factors is the product of the integrals "
                f"({self._hyp_text()})")
