"""Run a theorem: derivation, exact range, numeric cross-check, false variants.

The verdict is the strongest level the evidence supports:

* any exact counterexample -> ``refuted`` (it overrides everything);
* numeric disagreement without an exact counterexample -> ``undecided``;
* every derivation step checked (and its lemmas) -> ``proved``;
* the exact check passed for every n of the range -> ``verified``;
* only numeric agreement -> ``cross-checked``;
* otherwise (time out, a step not shown) -> ``undecided``.

>>> from symconv.engine.theorem import Theorem, FalseVariant
>>> from symconv.engine.verdict import Counterexample
>>> thm = Theorem("square_nonneg_mod", "n^2 mod 4 is 0 or 1.", claims="verified",
...     exact=lambda n: None if n*n % 4 in (0, 1) else Counterexample(n, "bad"),
...     n_range=(1, 40), false_variants=[FalseVariant("square_mod_4_is_0", "n^2 = 0 mod 4.",
...     exact=lambda n: None if n*n % 4 == 0 else Counterexample(n, f"{n}^2 mod 4 = {n*n % 4}"))])
>>> r = run_theorem(thm)
>>> r.verdict.value, r.n_checked, r.variants[0].verdict.value, str(r.variants[0].counterexample)
('verified', (1, 40), 'refuted', 'n=1: 1^2 mod 4 = 1')
"""

from __future__ import annotations

import time

from .budget import Budget, BudgetExhausted, hard_limit
from .lemmas import check_lemma
from .numeric import run_numeric
from .statement import establishes
from .theorem import CASES, GENERIC, FalseVariant, Theorem
from .verdict import Counterexample, TheoremResult, Verdict, VariantResult

__all__ = ["run_theorem", "run_exact_range", "run_variant", "RunOptions"]


class RunOptions:
    """Options of a run: n_max caps every exact range, dps and seed the numerics."""

    def __init__(self, n_max: int | None = None, dps: int = 50, seed: int = 0,
                 budget: float | None = None, variants: bool = True):
        if n_max is not None and (not isinstance(n_max, int) or n_max < 1):
            raise ValueError(f"n_max must be a positive int, got {n_max!r}")
        if not isinstance(dps, int) or dps < 15:
            raise ValueError(f"dps must be an int >= 15, got {dps!r}")
        if not isinstance(seed, int) or seed < 0:
            raise ValueError(f"seed must be a non-negative int, got {seed!r}")
        if budget is not None and budget <= 0:
            raise ValueError(f"budget must be positive seconds, got {budget!r}")
        self.n_max, self.dps, self.seed, self.budget, self.variants = n_max, dps, seed, budget, variants


def _range(rng: tuple[int, int], n_max: int | None) -> tuple[int, int]:
    lo, hi = rng
    if n_max is not None:
        hi = max(lo, min(hi, n_max)) if n_max >= lo else lo
    return lo, hi


def run_exact_range(check, lo: int, hi: int, budget: Budget):
    """-> (last n passed or None, counterexample or None, timed_out)."""
    last = None
    try:
        for n in range(lo, hi + 1):
            budget.check()
            with hard_limit(budget):
                cex = check(n)
            if cex is not None:
                if not isinstance(cex, Counterexample):
                    raise TypeError(f"exact check returned {type(cex).__name__}, expected Counterexample or None")
                return last, cex, False
            last = n
    except BudgetExhausted:
        return last, None, True
    return last, None, False


def run_variant(thm: Theorem, var: FalseVariant, opts: RunOptions) -> VariantResult:
    lo, hi = _range(var.n_range or thm.n_range, opts.n_max)
    budget = Budget(opts.budget or thm.budget)
    try:
        last, cex, timed_out = run_exact_range(var.exact, lo, hi, budget)
    except Exception as exc:
        return VariantResult(var.name, var.statement, Verdict.UNDECIDED, None,
                             f"false variant NOT refuted: its check raised {type(exc).__name__}: {exc}")
    if cex is not None:
        return VariantResult(var.name, var.statement, Verdict.REFUTED, cex)
    why = "timed out" if timed_out else f"no counterexample for n = {lo}..{hi}"
    return VariantResult(var.name, var.statement, Verdict.UNDECIDED, None,
                         f"false variant NOT refuted: {why}")


def run_theorem(thm: Theorem, opts: RunOptions | None = None) -> TheoremResult:
    """Check a theorem and return its verdict with the evidence."""
    opts = opts or RunOptions()
    t0 = time.perf_counter()
    res = TheoremResult(thm.name, thm.topic, thm.statement, thm.claims, Verdict.UNDECIDED)
    res.exact_scope = thm.exact_scope
    budget = Budget(opts.budget or thm.budget)   # each phase gets its own budget
    derivation_ok = False

    if thm.derivation is not None:
        try:
            with hard_limit(budget):
                parts = list(thm.derivation())
                derivation_ok = True
                for part in parts:
                    chk = part.check()
                    res.steps.extend(chk.reports)
                    for lem in chk.lemmas:
                        if lem not in res.lemmas:
                            res.lemmas.append(lem)
                    if not chk.ok:
                        derivation_ok = False
                        res.proof = f"derivation '{part.title}' failed at {chk.failure}"
                        break
                for lem in res.lemmas:
                    lc = check_lemma(lem)
                    if not lc.ok:
                        derivation_ok = False
                        res.proof = f"lemma {lem} failed its check: {lc.evidence}"
                if derivation_ok:
                    linked, why = establishes(thm.formal or (), parts)
                    if not linked:
                        derivation_ok = False
                        res.proof = f"the derivations do not establish the formal statement: {why}"
            if derivation_ok:
                res.proof = f"derivation checked ({len(res.steps)} steps), establishing the formal statement"
        except BudgetExhausted:
            derivation_ok = False
            res.proof = "derivation check timed out"
        except Exception as exc:  # a broken proof script is reported, not crashed on
            derivation_ok = False
            res.proof = f"derivation raised {type(exc).__name__}: {exc}"

    exact_complete = False
    if thm.exact is not None:
        lo, hi = _range(thm.n_range, opts.n_max)
        res.n_requested = (lo, hi)
        try:
            last, cex, timed_out = run_exact_range(thm.exact, lo, hi, Budget(opts.budget or thm.budget))
        except Exception as exc:  # a broken check is reported, never counted as a pass
            res.notes.append(f"exact check raised {type(exc).__name__}: {exc}")
        else:
            if last is not None:
                res.n_checked = (lo, last)
            if cex is not None:
                res.counterexample = cex
            elif timed_out:
                res.notes.append(f"exact check timed out after n = {last}")
            else:
                exact_complete = True

    numeric_ok = None
    if thm.numeric is not None and res.counterexample is None:
        sizes = [s for s in thm.numeric_sizes if opts.n_max is None or s <= max(opts.n_max, 1)] or [1]
        try:
            out = run_numeric(thm.numeric, thm.name, sizes, opts.seed, opts.dps, thm.tolerance,
                              Budget(opts.budget or thm.budget))
            res.numeric_error, res.numeric_mp_error = out.float_error, out.mp_error
            res.numeric_tolerance, res.numeric_dps, res.numeric_seed = out.tolerance, opts.dps, opts.seed
            res.numeric_sizes = out.sizes
            numeric_ok = out.ok
            if not out.ok:
                res.notes.append("numeric cross-check DISAGREES beyond tolerance")
        except BudgetExhausted:
            res.notes.append("numeric cross-check timed out")
        except Exception as exc:
            numeric_ok = None
            res.notes.append(f"numeric cross-check raised {type(exc).__name__}: {exc}")

    if res.counterexample is not None:
        res.verdict = Verdict.REFUTED
        if derivation_ok:
            res.notes.append("a derivation was accepted for a refuted statement: report this as a bug")
    elif numeric_ok is False:
        res.verdict = Verdict.UNDECIDED
    elif derivation_ok:
        res.verdict = Verdict.PROVED
    elif exact_complete and thm.exact_scope in (GENERIC, CASES):
        res.verdict = Verdict.VERIFIED
    elif numeric_ok:
        res.verdict = Verdict.CROSS_CHECKED
    else:
        res.verdict = Verdict.UNDECIDED

    if opts.variants:
        res.variants = [run_variant(thm, v, opts) for v in thm.false_variants]
    res.seconds = time.perf_counter() - t0
    return res
