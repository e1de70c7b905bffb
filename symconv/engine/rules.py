"""Rewrite rules for derivations, each checked by the engine (the sum rules live in
sum_rules.py and are re-exported here, so ``symconv.engine.rules`` holds them all).

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

import sympy as sp
from sympy.core.function import AppliedUndef

from .compare import equal_mod_n, integer_poly, integer_valued, is_cyclic, merge_powers, same_index
from .definitions import _PERIODIC, _labels_only, _periodic_definition, _same_definition  # noqa: F401
from .rule_base import (IN_SOLDIM, Rule, RuleError, _eq_map, _fail, binder_vars, bound_symbols, replace_applied,
                        substitute)
from .sum_rules import (CancelTerms, CombineSums, FactorIntegrals, FactorSums, Fubini, GeometricSum, ProductOfSums,
                        PullIn, PullOut, ReindexSum, Sift, SubstituteIntegral,
                        SplitSum, SwapSums)
from ..objects.indexed import ENTRY, n

__all__ = ["equal_mod_n", "Rule", "Unfold", "Fold", "Sift", "ReindexSum", "PullOut",
           "ExponentArithmetic", "GeometricSum", "Reindex", "UseHypothesis",
           "DiagonalConstancy", "RuleError", "IndexArithmetic", "EigenLine", "ProductOfSums",
           "SwapSums", "PolyIdentity", "ApplyLemma", "bound_symbols", "LemmaRewrite", "EvaluateSum",
           "SplitSum", "CancelTerms", "PullIn", "FactorSums", "CombineSums", "SubstituteIntegral", "Fubini",
           "FactorIntegrals"]


class Unfold(Rule):
    """Replace entries by their definitions (the conventions' ENTRY table, or the script's own).

    The substitution avoids capture: the definition's bound variables are renamed to fresh
    symbols before its parameters are replaced by the arguments, and a definition whose
    other symbols would fall under a sum binding them is refused.  ``definitions`` may
    add names but not redefine a convention of ENTRY (S, C, F, F^*, conv) differently;
    a name defined by the script is flagged in the step's detail and in its justification.
    """

    def __init__(self, *names: str, definitions: dict | None = None, label: str = ""):
        """``label`` names a hypothesis when the 'definition' is one (e.g. shift-equivariance)."""
        self.names = names
        self.label = label
        own = dict(definitions or {})
        for nm, lam in own.items():
            if nm in ENTRY and not _same_definition(ENTRY[nm], lam):
                raise RuleError(f"{nm!r} is a convention (symconv.objects.indexed.ENTRY: {sp.sstr(ENTRY[nm])}); "
                                f"a script may not redefine it as {sp.sstr(lam)}: give its object another name")
            if not isinstance(lam, sp.Lambda):
                raise RuleError(f"the definition of {nm!r} must be a sympy Lambda, got {type(lam).__name__}")
        self.definitions = dict(ENTRY, **own)
        #: names this step takes from the script's own definitions, not from the conventions
        self.own_names = tuple(nm for nm in names if nm in own and nm not in ENTRY)
        for nm in names:
            if nm not in self.definitions:
                raise RuleError(f"no definition for {nm!r}")

    def _unfold_one(self, e, nm):
        lam = self.definitions[nm]
        conv_fn = _ENTRY_FUNCTIONS.get(nm) if nm in ENTRY else None
        found = {q.func for q in e.atoms(AppliedUndef) if q.func.__name__ == nm}
        if conv_fn is not None and found - {conv_fn}:
            raise RuleError(f"{nm!r} here is not the convention's object of that name (ENTRY): "
                            "rename the script's object")
        if len(found) > 1:
            raise RuleError(f"several different objects are named {nm!r}")
        extra = lam.expr.free_symbols - set(lam.variables)   # the definition's own parameters
        cyclic = any(is_cyclic(fn) for fn in found)

        def build(q, bound):
            if len(q.args) != len(lam.variables):
                raise RuleError(f"{nm} takes {len(lam.variables)} indices, got {sp.sstr(q)}")
            if q.func in bound:
                raise RuleError(f"{sp.sstr(q)} is the unknown of a SolDim around it (bound there), "
                                f"not the object {nm} the definition is about")
            named = {f_.func for f_ in lam.expr.atoms(AppliedUndef)} & bound
            if named:                  # the definition's W is an object outside; the SolDim's W is bound
                raise RuleError(f"the definition of {nm} names {sorted(f_.__name__ for f_ in named)}, the unknown "
                                "of a SolDim around it: refused (which W it means is ambiguous)")
            # an entry on Z_n has its integer indices read modulo n by every rule (equal_mod_n, Sift,
            # ReindexSum, the group rules): unfolding it needs a definition that is n-periodic in them,
            # else a derivation could move an index by n and unfold a different value
            at = tuple(p for p, a_ in enumerate(q.args) if integer_valued(a_))
            if cyclic and at and not _periodic_definition(lam, at):
                raise RuleError(f"{nm!r} is an object on Z_n (indices read modulo n), but its definition "
                                f"{sp.sstr(lam)} is not shown n-periodic in the indices of {sp.sstr(q)}")
            clash = extra & bound
            if clash:
                raise RuleError(f"unfolding {sp.sstr(q)} would put the definition's {sorted(map(str, clash))} "
                                "under a sum binding them")
            if extra and IN_SOLDIM in bound:     # SolDim quantifies every symbol of its equation
                raise RuleError(f"unfolding {sp.sstr(q)} would put the definition's {sorted(map(str, extra))} "
                                "under a SolDim, which quantifies (binds) every symbol of its equation")
            return substitute(lam.expr, dict(zip(lam.variables, q.args)))

        return replace_applied(e, lambda q: isinstance(q, AppliedUndef) and q.func.__name__ == nm, build)

    def apply(self, expr):
        def fn(e):
            for nm in self.names:
                e = self._unfold_one(e, nm)
            return e
        return _eq_map(expr, fn)

    def check(self, prev, nxt):
        ok, detail = super().check(prev, nxt)
        return ok, detail + self._own_note()

    def _own_note(self) -> str:
        if not self.own_names:
            return ""
        return " (definition of " + ", ".join(self.own_names) + ": this script's own, not a convention)"

    def justification_in(self, prev, nxt) -> str:
        """The justification, naming each object with the notation of the function the step's
        expressions use (the same name can be two notations in two scripts)."""
        from sympy.core.function import AppliedUndef
        texs = {}
        for e in (prev, nxt):
            for q in sp.sympify(e).atoms(AppliedUndef):
                tex = getattr(q.func, "_symconv_tex", None)
                if tex is not None:
                    texs.setdefault(q.func.__name__, tex)
        return self.justification(texs)

    def justification(self, texs: dict | None = None) -> str:
        def _tex_name(nm, lam):                       # this rule's notation first
            return _name_tex(nm, lam, (texs or {}).get(nm))
        own = ""
        if self.own_names:
            own = " (this script's definition of " + ", ".join(rf"${_tex_name(nm, self.definitions[nm])}$"
                                                        for nm in self.own_names) + ")"
        if self.label:
            return self.label + own
        conv = [nm for nm in self.names if nm not in self.own_names]
        parts = []
        if conv:
            parts.append("definition of " + ", ".join(rf"${_tex_name(nm, self.definitions[nm])}$" for nm in conv))
        if self.own_names:
            parts.append("definition of " + ", ".join(rf"${_tex_name(nm, self.definitions[nm])}$"
                                                      for nm in self.own_names)
                         + " (this script's)")
        return "; ".join(parts)


def _entry_functions() -> dict:
    from ..objects import indexed
    return {"S": indexed.S, "C": indexed.C, "F": indexed.F, "F^*": indexed.Fs, "conv": indexed.conv}


_ENTRY_FUNCTIONS = _entry_functions()


class Fold(Unfold):
    """The reverse of Unfold: the stated expression unfolds to the previous one."""

    def check(self, prev, nxt):
        try:
            got = Unfold.apply(self, nxt)
            before = Unfold.apply(self, prev)
        except RuleError as exc:
            return False, f"Fold does not apply: {exc}"
        if equal_mod_n(got, before):
            return True, "Fold: stated expression unfolds to the previous one" + self._own_note()
        return False, f"Fold: {sp.sstr(nxt)} unfolds to {sp.sstr(got)}, not {sp.sstr(prev)}"

    def apply(self, expr):  # pragma: no cover - Fold is checked backwards
        raise RuleError("Fold is checked by unfolding the stated expression")


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


class Reindex(Rule):
    """For a statement quantified over all indices: substitute a bijection of Z_n."""


    def __init__(self, subs: dict):
        self.relation = r"\iff"
        self.subs = {sp.sympify(k_): sp.sympify(v_) for k_, v_ in subs.items()}
        vars_ = list(self.subs)
        for var in vars_:
            if not (var.is_Symbol and var.is_integer) or var == n:
                raise RuleError(f"{var} is not an index (an integer symbol other than n)")
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
        if not isinstance(expr, sp.Eq):
            _fail("Reindex needs an equation")
        # only the free (quantified) indices are substituted: bound ones are renamed first
        return substitute(expr, self.subs)

    def justification(self) -> str:
        parts = ", ".join(rf"{sp.latex(k_)}\mapsto {sp.latex(v_)}" for k_, v_ in self.subs.items())
        return rf"for all indices: substitute ${parts}$"


class UseHypothesis(Rule):
    """Rewrite with a hypothesis lhs = rhs (e.g. AB = BA), then expand.

    The hypothesis must be one of the derivation's hypotheses (which must in turn be
    hypotheses of the theorem's formal statement): an unstated fact proves nothing.
    """

    label: str = ""

    def __init__(self, hyp: sp.Eq, label: str = ""):
        if not isinstance(hyp, sp.Eq):
            raise RuleError(f"UseHypothesis needs an equation lhs = rhs, got {sp.sstr(hyp)}")
        self.hyp, self.label = hyp, label

    def apply(self, expr):
        from ..objects.group_actions import SolDim
        old, new = self.hyp.lhs, self.hyp.rhs
        brought = new.free_symbols - old.free_symbols       # symbols the rewrite brings in (the hypothesis's own)
        try:
            for node in sp.preorder_traversal(sp.sympify(expr)):
                if isinstance(node, SolDim):
                    # SolDim(E, W) binds W and quantifies E's symbols: the hypothesis is about the objects outside
                    if node.subs(old, new) != node:
                        raise RuleError(f"the hypothesis would rewrite inside {sp.sstr(node)}, which binds its "
                                        "unknown and the symbols of its equation")
                elif brought & binder_vars(node) and node.subs(old, new) != node:
                    raise RuleError(f"the hypothesis would bring {sorted(map(str, brought & binder_vars(node)))} "
                                    f"under {sp.sstr(node)}, which binds them")
            return sp.expand(expr.subs(old, new))
        except ValueError as exc:                           # SymPy: "cannot create dummy dependencies"
            if isinstance(exc, RuleError):
                raise
            raise RuleError(f"the hypothesis cannot be substituted: {exc}") from exc

    def check(self, prev, nxt):
        return False, (f"UseHypothesis {sp.sstr(self.hyp)} outside a derivation that states it: "
                       "a hypothesis must be one of the derivation's hypotheses")

    def check_in_context(self, derivation, prev, nxt):
        stated = [h.expr for h in derivation.hypotheses if h.expr is not None]
        if not any(self.hyp == h or sp.Eq(self.hyp.rhs, self.hyp.lhs, evaluate=False) == h for h in stated):
            return False, (f"the hypothesis {sp.sstr(self.hyp)} is not among the derivation's hypotheses "
                           f"{[h.name for h in derivation.hypotheses]}")
        # a symbol of the hypothesis that is free in the chain's ends (the statement's sides) is that one
        # value: the hypothesis says nothing about a variable of that name bound under a sum (|g_t| = k for
        # this t is not |g_s| = k for every s).  A symbol free only in the hypothesis reads "for every".
        def changed(node) -> bool:
            try:
                return node.subs(self.hyp.lhs, self.hyp.rhs) != node
            except ValueError:
                return True
        why = _outer_symbol_bound(derivation, prev, self.hyp.free_symbols, changed)
        if why:
            return False, f"UseHypothesis: the hypothesis {why}"
        try:
            got = self.apply(prev)
        except RuleError as exc:
            return False, f"UseHypothesis does not apply: {exc}"
        if sp.expand(got - nxt) == 0:
            return True, f"UseHypothesis {self.label}: matched"
        return False, f"using {self.label} gives {sp.sstr(got)}, not {sp.sstr(nxt)}"

    def justification(self) -> str:
        return f"hypothesis {self.label}" if self.label else "hypothesis"


def _outer_symbol_bound(derivation, prev, symbols, touches) -> str:
    """Why a fact about ``symbols`` (a hypothesis, a lemma's side condition) may not be used in ``prev``:
    one of them is free in the chain's ends (the statement's sides), so it is that one value, and it is
    bound by a binder in prev that the use ``touches``; '' when there is none (and outside a derivation,
    where no hypothesis is stated anyway)."""
    if derivation is None:
        return ""
    ends = sp.sympify(derivation.start).free_symbols
    if derivation.goal is not None:
        ends |= sp.sympify(derivation.goal).free_symbols
    outer = set(symbols) & ends
    if not outer:
        return ""
    for node in sp.preorder_traversal(sp.sympify(prev)):
        caught = outer & binder_vars(node)
        if caught and touches(node):
            return (f"is about the statement's {sorted(map(str, caught))}, not about the variable of that name "
                    f"bound in {sp.sstr(node)}")
    return ""


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
        cyc = is_cyclic(lhs.func)          # indices modulo n only for entries on Z_n
        if not (same_index(p2, p + 1, cyc) and same_index(q2, q + 1, cyc)):
            raise RuleError("the right side must be the entry one step down the diagonal")
        if not (p.is_Symbol and q.is_Symbol and p != q and p.is_integer and q.is_integer):
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


def _name_tex(nm: str, lam=None, tex: str | None = None) -> str:
    import re

    from ..objects.indexed import TEX_NAMES
    tex = tex if tex is not None else TEX_NAMES.get(nm, nm)
    if lam is not None and "#1" in tex and isinstance(lam, sp.Lambda):   # #1, #2, ...: the parameters
        for q in range(len(lam.variables), 0, -1):
            tex = tex.replace(f"#{q}", sp.latex(lam.variables[q - 1]))
    return re.sub(r"\(?#\d?[,#\d]*\)?", "", tex).replace("_{}", "") or nm


class IndexArithmetic(ExponentArithmetic):
    """Indices and brackets are read modulo n (same sound check as ExponentArithmetic)."""

    def justification(self) -> str:
        return r"indices modulo $n$"


class EigenLine(Rule):
    """Lemma: if A X = lam X, A v = lam v with v != 0, and lam is a simple eigenvalue of A,
    then X = mu v for a scalar mu (the eigenspace of a simple eigenvalue is a line).

    Every premise is checked, none assumed: the derivation must start at A X (so that the
    chain shows A X = lam X), the previous expression must be lam X, and the derivation's
    hypotheses must contain A v = lam v and ``SimpleEigenvalue(A, lam)``.  The step
    concludes the identity X = mu v (see :attr:`concludes`), an implication, not an equality
    of the previous expression with mu v.
    """

    def __init__(self, A: sp.Expr, X: sp.Expr, lam: sp.Symbol, v: sp.Expr, mu: sp.Symbol):
        self.A, self.X, self.lam, self.v, self.mu = A, X, lam, v, mu
        self.relation = r"\Rightarrow"
        self.lemma = "simple_eigenvalue_eigenspace_is_a_line"
        if mu in (X.free_symbols | v.free_symbols | A.free_symbols | lam.free_symbols):
            raise RuleError(f"the new scalar {mu} must not occur in A, X, lambda or v")

    @property
    def concludes(self) -> sp.Eq:
        return sp.Eq(self.X, self.mu * self.v, evaluate=False)

    def check(self, prev, nxt):
        return False, "EigenLine needs the derivation's start and hypotheses (its premises)"

    def check_in_context(self, derivation, prev, nxt):
        from .statement import SimpleEigenvalue
        if sp.expand(derivation.start - self.A * self.X) != 0:
            return False, f"EigenLine needs a chain from {sp.sstr(self.A * self.X)}, not from {sp.sstr(derivation.start)}"
        if sp.expand(prev - self.lam * self.X) != 0:
            return False, f"EigenLine needs {sp.sstr(self.lam * self.X)}, got {sp.sstr(prev)}"
        stated = [h.expr for h in derivation.hypotheses if h.expr is not None]
        if sp.Eq(self.A * self.v, self.lam * self.v) not in stated:
            return False, f"EigenLine needs the hypothesis {sp.sstr(self.A * self.v)} = {sp.sstr(self.lam * self.v)}"
        if SimpleEigenvalue(self.A, self.lam) not in stated:
            return False, (f"EigenLine needs the hypothesis that {self.lam} is a simple eigenvalue of {self.A} "
                           "(SimpleEigenvalue): without it the eigenspace need not be a line (A = I)")
        if sp.expand(nxt - self.mu * self.v) != 0:
            return False, f"EigenLine concludes {sp.sstr(self.mu * self.v)}, not {sp.sstr(nxt)}"
        return True, "EigenLine: A X = lam X, A v = lam v, lam simple: X lies on the line of v"

    def justification(self) -> str:
        return r"lemma: the eigenspace of a simple eigenvalue is a line"


class PolyIdentity(Rule):
    """Arithmetic: the two sides are equal as polynomials (or rational functions) in their symbols."""

    def check(self, prev, nxt):
        if isinstance(prev, sp.Eq) != isinstance(nxt, sp.Eq):
            return False, "PolyIdentity compares an equation with an equation, an expression with an expression"
        diff = sp.cancel(sp.sympify(prev) - sp.sympify(nxt)) if not isinstance(prev, sp.Eq) else None
        if isinstance(prev, sp.Eq) and isinstance(nxt, sp.Eq):
            ok = (sp.cancel(prev.lhs - nxt.lhs) == 0 and sp.cancel(prev.rhs - nxt.rhs) == 0)
        else:
            ok = diff == 0
        if ok:
            pairs = [(prev.lhs, nxt.lhs), (prev.rhs, nxt.rhs)] if isinstance(prev, sp.Eq) else [(prev, nxt)]
            for p_, q_ in pairs:
                why = _lost_poles(p_, q_)
                if why:
                    return False, f"PolyIdentity: {why}"
            return True, "PolyIdentity: equal as rational functions"
        return False, f"{sp.sstr(prev)} and {sp.sstr(nxt)} differ as rational functions"

    def justification(self) -> str:
        return "algebra"


def _poles(e) -> set:
    """The factors of e's denominators that may vanish (a factor shown non-zero, such as n or 2, is left out):
    the irreducible factors of the base of every negative power in e, as written (SymPy's together would
    cancel a common factor first)."""
    out = set()
    for p_ in sp.preorder_traversal(sp.sympify(e)):
        if isinstance(p_, sp.Pow) and p_.exp.is_negative:
            _, factors = sp.factor_list(p_.base)
            out |= {f_ for f_, _ in factors if f_.is_zero is not False}
    return out


def _lost_poles(prev, nxt) -> str:
    """Why prev = nxt is not an identity of values although it is one of rational functions: a factor
    that may vanish divides one denominator and not the other ((i^2 - 1)/(i - 1) = i + 1 fails at i = 1,
    where the left side is 0/0); '' when both have the same such factors."""
    try:
        a, b = _poles(prev), _poles(nxt)
    except (sp.PolynomialError, sp.GeneratorsNeeded, ValueError, TypeError) as exc:   # refuse rather than guess
        return f"the denominators could not be compared ({type(exc).__name__})"
    def norm(fs):
        return {sp.expand(f_ if f_.could_extract_minus_sign() is False else -f_) for f_ in fs}
    lost = norm(a) ^ norm(b)
    if lost:
        return (f"the denominators differ by {sorted(map(sp.sstr, lost))}, which may vanish: the two sides are "
                "equal as rational functions, not as values where it does")
    return ""


class ApplyLemma(Rule):
    """A named lemma of lemmas.LEMMAS used for a whole step: the lemma's own ``instance``
    predicate must recognise prev = next as an instance of its statement.  A script cannot
    supply the predicate: a callable that answers True would prove anything.  ``instance``
    may only repeat the registered predicate.

    A lemma with a side condition (``Lemma.needs``, e.g. non-zero end taps, real
    coefficients) needs ``hypothesis=H`` (one or a tuple), H among the derivation's hypotheses
    (see :func:`symconv.engine.lemmas.side_conditions_met`); without it the step fails."""

    lemma_facts = True   # rewrites with facts about particular quantities (see derivation.concrete_contradicts)

    def __init__(self, lemma: str, instance=None, text: str = "", relation: str = "=", hypothesis=None):
        from .lemmas import LEMMAS

        lem = LEMMAS.get(lemma)
        if lem is None or lem.instance is None:
            raise RuleError(f"{lemma!r} is not a lemma of symconv.engine.lemmas.LEMMAS with an instance predicate")
        if instance is not None and instance is not lem.instance:
            raise RuleError(f"the instance predicate of {lemma!r} is the lemma's own (LEMMAS), not the script's")
        if relation != "=":
            raise RuleError("a lemma's instance is an equality")
        self.lemma, self.instance, self.text, self.relation = lemma, lem.instance, text or lemma, relation
        from .lemmas import named_hypotheses
        self.hypotheses = named_hypotheses(lemma, hypothesis)

    def _instance_check(self, prev, nxt):
        try:
            ok = bool(self.instance(prev, nxt))
        except Exception as exc:   # a predicate that cannot read the step does not recognise it
            return False, f"lemma {self.lemma}: {type(exc).__name__}: {exc}"
        return ok, f"lemma {self.lemma}: " + ("instance recognised" if ok else "not an instance")

    def check(self, prev, nxt):
        """Outside a derivation there are no hypotheses: a lemma with a side condition fails."""
        return self.check_in_context(None, prev, nxt)

    def check_in_context(self, derivation, prev, nxt):
        ok, detail = self._instance_check(prev, nxt)
        if not ok:
            return ok, detail
        if self.hypotheses:
            named = set().union(*(sp.sympify(h.expr).free_symbols for h in self.hypotheses if h.expr is not None))
            why = _outer_symbol_bound(derivation, prev, named, lambda node: True)
            if why:
                return False, f"lemma {self.lemma}: its side condition {why}"
        from .lemmas import side_conditions_met
        sc_ok, sc_detail = side_conditions_met(self.lemma, [(prev, nxt)], self.hypotheses, derivation)
        return (True, f"{detail}; {sc_detail}") if sc_ok else (False, sc_detail)

    def justification(self) -> str:
        return self.text


class LemmaRewrite(Rule):
    """Rewrite with instances of a named lemma.

    Every pair old -> new of ``mapping`` must be recognised by the lemma's
    ``instance`` predicate (lemmas.LEMMAS) as an instance of its statement, and
    the stated expression must be the previous one with the mapping applied.  A
    lemma without an instance predicate cannot be used here.  A lemma with a side
    condition (``Lemma.needs``) needs ``hypothesis=H`` (one or a tuple), H among the
    derivation's hypotheses and covering every object rewritten
    (:func:`symconv.engine.lemmas.side_conditions_met`); without it the step fails.
    """

    lemma_facts = True   # rewrites with facts about particular quantities (see derivation.concrete_contradicts)

    def __init__(self, lemma: str, mapping: dict, text: str, hypothesis=None):
        self.lemma, self.mapping, self.text = lemma, dict(mapping), text
        from .lemmas import named_hypotheses
        self.hypotheses = named_hypotheses(lemma, hypothesis)

    def apply(self, expr):
        from .lemmas import LEMMAS

        lem = LEMMAS.get(self.lemma)
        if lem is None or lem.instance is None:
            raise RuleError(f"lemma {self.lemma!r} has no instance predicate")
        for old, new in self.mapping.items():
            if not lem.instance(old, new):
                raise RuleError(f"{sp.sstr(old)} -> {sp.sstr(new)} is not an instance of {self.lemma}")
            if not expr.has(old):
                raise RuleError(f"{sp.sstr(old)} does not occur in {sp.sstr(expr)}")
            # the lemma's instance holds for every value of its symbols; a symbol the rewrite brings in
            # (m -> 2L - 2c) is the statement's, and must not land under a binder of that name
            brought = sp.sympify(new).free_symbols - sp.sympify(old).free_symbols
            for node in sp.preorder_traversal(sp.sympify(expr)):
                caught = brought & binder_vars(node)
                if caught and node.has(old):
                    raise RuleError(f"rewriting {sp.sstr(old)} -> {sp.sstr(new)} would bring "
                                    f"{sorted(map(str, caught))} under {sp.sstr(node)}, which binds them")
        return expr.xreplace(self.mapping)

    def check(self, prev, nxt):
        """Outside a derivation there are no hypotheses: a lemma with a side condition fails."""
        return self.check_in_context(None, prev, nxt)

    def check_in_context(self, derivation, prev, nxt):
        if self.hypotheses:        # side conditions about the statement's objects: not about a bound namesake
            for old in self.mapping:
                why = _outer_symbol_bound(derivation, prev, sp.sympify(old).free_symbols, lambda node: node.has(old))
                if why:
                    return False, f"lemma {self.lemma}: its side condition {why}"
        try:
            got = self.apply(prev)
        except RuleError as exc:
            return False, f"lemma {self.lemma} does not apply: {exc}"
        if not equal_mod_n(got, nxt):
            if sp.cancel(got - nxt) != 0:
                return False, f"lemma {self.lemma} gives {sp.sstr(got)}, not {sp.sstr(nxt)}"
            why = _lost_poles(got, nxt)
            if why:
                return False, f"lemma {self.lemma}: {why}"
        from .lemmas import side_conditions_met
        sc_ok, sc_detail = side_conditions_met(self.lemma, list(self.mapping.items()), self.hypotheses, derivation)
        if not sc_ok:
            return False, sc_detail
        return True, f"lemma {self.lemma}: instance recognised and matched; {sc_detail}"

    def justification(self) -> str:
        return self.text


class EvaluateSum(Rule):
    """A sum with symbolic bounds evaluated in closed form by SymPy, checked exactly
    (the difference of the two sides must cancel to 0)."""

    def apply(self, expr):
        # only the sums: deep=False leaves integrals and other unevaluated objects alone
        return _eq_map(expr, lambda e: e.replace(lambda q: isinstance(q, sp.Sum), lambda q: q.doit(deep=False)))

    def check(self, prev, nxt):
        got = self.apply(prev)
        if got.has(sp.Sum) or got.has(sp.Piecewise) or got.has(sp.nan, sp.zoo):
            return False, f"SymPy left {sp.sstr(got)} unevaluated"
        if isinstance(got, sp.Eq) or isinstance(nxt, sp.Eq):
            if (isinstance(got, sp.Eq) and isinstance(nxt, sp.Eq) and sp.cancel(got.lhs - nxt.lhs) == 0
                    and sp.cancel(got.rhs - nxt.rhs) == 0):
                why = _lost_poles(got.lhs, nxt.lhs) or _lost_poles(got.rhs, nxt.rhs)
                if why:
                    return False, f"EvaluateSum: {why}"
                return True, "EvaluateSum: closed forms matched"
            return False, f"closed form {sp.sstr(got)} is not {sp.sstr(nxt)}"
        if sp.cancel(got - nxt) == 0:
            why = _lost_poles(got, nxt)
            if why:
                return False, f"EvaluateSum: {why}"
            return True, "EvaluateSum: closed form matched"
        return False, f"closed form {sp.sstr(got)} is not {sp.sstr(nxt)}"

    def justification(self) -> str:
        return "sum in closed form"
