"""Run a theorem: derivation, exact range, numeric cross-check, false variants.

The verdict is the strongest level the evidence supports:

* any exact counterexample -> ``refuted`` (it overrides everything);
* a check that did not answer properly -> ``undecided``, whatever else holds: an
  exact check that returned neither ``Holds`` nor a ``Counterexample`` (None,
  True, a string), that raised, or whose process died; a numeric
  disagreement; a numeric error that is NaN, infinite, negative or not real;
* every derivation step checked (and its lemmas) -> ``proved``;
* the exact check returned ``Holds`` for every n of the range -> ``verified``;
* only numeric agreement -> ``cross-checked``;
* otherwise (time out, a step not shown) -> ``undecided``.

A time-out only removes that phase's evidence: a ``proved`` theorem whose
exact range timed out stays ``proved`` (the note says where it stopped).

Each phase (the derivation, the exact range, the concrete evaluation, the
numeric check, each false variant) runs under a watchdog with its own budget:
the whole check runs in one forked child (:mod:`symconv.engine.theorem_child`;
:func:`run_theorems` checks a list of theorems one after another in one child)
that the parent kills at the running phase's deadline plus a grace period, so
a check stuck in C code ends ``undecided`` ("killed by the watchdog"), keeping
the n that had already passed; the phases after it then run each in a child of
its own (:func:`symconv.engine.budget.run_guarded`).  Where fork does not exist
(or with ``RunOptions(isolate=False)``) the phases run in this process with the
SIGALRM limit only.

>>> import sympy as sp
>>> from symconv.engine.statement import Statement
>>> from symconv.engine.theorem import Theorem, FalseVariant
>>> from symconv.engine.verdict import Counterexample, Holds
>>> from symconv.objects.indexed import n
>>> thm = Theorem("square_nonneg_mod", "n^2 mod 4 is 0 or 1.", claims="verified",
...     formal=Statement.identity(sp.Mod(n**2, 4) * (sp.Mod(n**2, 4) - 1), 0),
...     exact=lambda n: Holds(f"{n}^2 mod 4 = {n*n % 4}") if n*n % 4 in (0, 1) else Counterexample(n, "bad"),
...     n_range=(1, 40), false_variants=[FalseVariant("square_mod_4_is_0", "n^2 = 0 mod 4.",
...     exact=lambda n: Holds(f"{n}^2 = 0 mod 4") if n*n % 4 == 0 else Counterexample(n, f"{n}^2 mod 4 = {n*n % 4}"))])
>>> r = run_theorem(thm)
>>> r.verdict.value, r.n_checked, r.exact_evidence, r.variants[0].verdict.value, str(r.variants[0].counterexample)
('verified', (1, 40), 'n=40: 40^2 mod 4 = 0', 'refuted', 'n=1: 1^2 mod 4 = 1')
>>> run_theorem(Theorem("no_evidence", "x.", claims="verified", exact=lambda n: None, n_range=(1, 3),
...     formal=thm.formal, false_variants=thm.false_variants)).notes
['exact check returned None at n=1, expected Holds or Counterexample']
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .budget import CAN_FORK, Budget, Guarded, run_guarded
from .lemmas import check_lemma, checked_lemmas, remember_lemma_checks
from .numeric import NumericOutcome, run_numeric
from .statement import establishes
from .theorem import CASES, GENERIC, FalseVariant, Theorem
from .theorem_child import ChildSession, PhaseRunner, replaying
from .verdict import Counterexample, Holds, TheoremResult, Verdict, VariantResult

__all__ = ["run_theorem", "run_theorems", "TheoremSession", "run_exact_range", "run_variant", "RunOptions", "ExactOutcome"]


class RunOptions:
    """Options of a run: n_max caps every exact range, dps and seed the numerics; budget (seconds)
    overrides each phase's time budget; isolate=False runs the phases in this process (no watchdog:
    for a debugger, or where fork does not exist)."""

    def __init__(self, n_max: int | None = None, dps: int = 50, seed: int = 0,
                 budget: float | None = None, variants: bool = True, isolate: bool = True):
        if n_max is not None and (not isinstance(n_max, int) or n_max < 1):
            raise ValueError(f"n_max must be a positive int, got {n_max!r}")
        if not isinstance(dps, int) or dps < 15:
            raise ValueError(f"dps must be an int >= 15, got {dps!r}")
        if not isinstance(seed, int) or seed < 0:
            raise ValueError(f"seed must be a non-negative int, got {seed!r}")
        if budget is not None and budget <= 0:
            raise ValueError(f"budget must be positive seconds, got {budget!r}")
        self.n_max, self.dps, self.seed, self.budget, self.variants = n_max, dps, seed, budget, variants
        self.isolate = bool(isolate)


def _each_in_a_child(work, seconds: float, isolate: bool) -> Guarded:
    """The default phase runner: each phase in a forked child of its own (``run_guarded``)."""
    return run_guarded(work, seconds, isolate=isolate)


def _range(rng: tuple[int, int], n_max: int | None) -> tuple[int, int]:
    lo, hi = rng
    if n_max is not None:
        hi = max(lo, min(hi, n_max))     # n_max below lo: lo alone (never an n the range excludes)
    return lo, hi


def _what(value) -> str:
    if value is None:
        return "None"
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}" + ("..." if len(text) > 60 else "")


def _bad_answer(n, what: str) -> str:
    return f"exact check returned {what} at n={n}, expected Holds or Counterexample"


@dataclass
class ExactOutcome:
    """What an exact range showed.

    ``last``: the last n of the unbroken run lo..last where the check returned ``Holds`` (None if
    none); ``evidence``: that Holds' detail; ``complete``: every n of the range held;
    ``problem``: why not, when nothing was refuted (time-out, exception, a wrong answer);
    ``timed_out``: the problem is a time-out (the watchdog's or the budget's), not a broken check;
    ``bad``: (n, what) for every answer that was neither Holds nor a Counterexample.
    """

    last: int | None = None
    counterexample: Counterexample | None = None
    complete: bool = False
    problem: str = ""
    evidence: str = ""
    timed_out: bool = False
    bad: list = field(default_factory=list)


def _exact_work(check, lo: int, hi: int, variant: bool):
    """The exact phase as ``run_guarded`` work: reports ("holds", n, detail) for each n that held.

    For a theorem the first answer that is neither Holds nor a Counterexample ends the range; for a
    false variant it is reported ("bad", n, what) and the search for a counterexample goes on.
    """
    def work(budget: Budget, report) -> tuple:
        for n in range(lo, hi + 1):
            budget.check()
            out = check(n)
            if isinstance(out, Counterexample):
                return ("counterexample", n, out)
            if isinstance(out, Holds):
                report(("holds", n, str(out.detail)))
            elif variant:
                report(("bad", n, _what(out)))
            else:
                return ("bad", n, _what(out))
        return ("done", hi, None)
    return work


def run_exact_range(check, lo: int, hi: int, budget: "Budget | float", *, isolate: bool = True,
                    variant: bool = False, phase: PhaseRunner | None = None) -> ExactOutcome:
    """Run ``check(n)`` for n = lo..hi within the budget (seconds, or a Budget's remaining time),
    in a child process under the watchdog (see :func:`symconv.engine.budget.run_guarded`).

    Only ``Holds`` passes an n; a ``Counterexample`` refutes; anything else is an error.
    """
    seconds = budget.remaining if isinstance(budget, Budget) else float(budget)
    g: Guarded = (phase or _each_in_a_child)(_exact_work(check, lo, hi, variant), seconds, isolate)
    out = ExactOutcome()
    for kind, n, detail in g.progress:
        if kind == "holds":
            if not out.bad and n == (lo if out.last is None else out.last + 1):
                out.last, out.evidence = n, f"n={n}: {detail}"
        else:
            out.bad.append((n, detail))
    if g.ok:
        kind, n, value = g.value
        if kind == "counterexample":
            out.counterexample = value if isinstance(value, Counterexample) else Counterexample(n, str(value))
        elif kind == "bad":
            out.bad.append((n, value))
            out.problem = _bad_answer(n, value)
        elif out.bad:
            out.problem = "; ".join(_bad_answer(b, w) for b, w in out.bad[:3]) + (
                f" (and {len(out.bad) - 3} more)" if len(out.bad) > 3 else "")
        else:
            out.complete = out.last == hi
            if not out.complete:   # pragma: no cover - defensive: every n reported Holds
                out.problem = f"exact check stopped after n = {out.last}"
        return out
    held = f"n = {lo}..{out.last} held" if out.last is not None else "no n held"
    out.timed_out = g.status in ("timed out", "killed")
    out.problem = f"exact check {g.why()} ({held})"
    return out


def run_variant(thm: Theorem, var: FalseVariant, opts: RunOptions, phase: PhaseRunner | None = None) -> VariantResult:
    """Run a false variant's exact check: only a Counterexample refutes it.  A Holds, a wrong answer,
    an exception or a time-out leaves it NOT refuted (``undecided``), which fails the theorem."""
    lo, hi = _range(var.n_range or thm.n_range, opts.n_max)
    formal_why = ""
    if getattr(var, "formal", None) is not None:
        cex, _, problems = run_concrete([var.formal], opts, opts.budget or thm.budget, phase)
        if cex is not None:
            return VariantResult(var.name, var.statement, Verdict.REFUTED, cex)
        formal_why = "; ".join(problems) or "concrete evaluation found no difference"
    if getattr(var, "exact", None) is None:
        return VariantResult(var.name, var.statement, Verdict.UNDECIDED, None,
                             f"false variant NOT refuted: {formal_why or 'it has no exact check'}")
    ex = run_exact_range(var.exact, lo, hi, opts.budget or thm.budget, isolate=opts.isolate, variant=True,
                         phase=phase)
    if ex.counterexample is not None:
        return VariantResult(var.name, var.statement, Verdict.REFUTED, ex.counterexample)
    ended_early = ex.problem and not ex.problem.startswith("exact check returned")   # time-out, raised, died
    why = ex.problem if ended_early else f"no counterexample for n = {lo}..{hi}"
    if ex.bad:
        why += "; " + "; ".join(_bad_answer(b, w) for b, w in ex.bad[:3]) + (
            f" (and {len(ex.bad) - 3} more)" if len(ex.bad) > 3 else "")
    return VariantResult(var.name, var.statement, Verdict.UNDECIDED, None,
                         f"false variant NOT refuted: {why}")


def _derivation_work(thm: Theorem):
    """The derivation phase as ``run_guarded`` work: every chain checked (rules and concrete
    evaluation), every lemma checked, and the formal statement established.
    Returns (ok, step reports, lemmas, proof text, the script's own definitions it unfolds, the lemma
    checks run, by name)."""
    def work(budget: Budget, report) -> tuple:
        steps: list = []
        lemmas: list[str] = []

        def failed(why: str) -> tuple:
            return False, steps, lemmas, why, [], checked_lemmas()
        try:
            parts = list(thm.derivation())
            for part in parts:
                budget.check()
                chk = part.check()
                steps.extend(chk.reports)
                lemmas.extend(lem for lem in chk.lemmas if lem not in lemmas)
                if not chk.ok:
                    return failed(f"derivation '{part.title}' failed at {chk.failure}")
            for lem in lemmas:
                lc = check_lemma(lem)
                if not lc.ok:
                    return failed(f"lemma {lem} failed its check: {lc.evidence}")
            linked, why = establishes(thm.formal or (), parts)
            if not linked:
                return failed(f"the derivations do not establish the formal statement: {why}")
        except Exception as exc:  # a broken proof script is reported, not crashed on
            return failed(f"derivation raised {type(exc).__name__}: {exc}")
        own = sorted({nm for part in parts for st in part.steps for nm in getattr(st.rule, "own_names", ())})
        return True, steps, lemmas, "derivation checked ({} steps), establishing the formal statement{}".format(
            len(steps), f"; it unfolds this script's own definitions: {', '.join(own)}" if own else ""), own, \
            checked_lemmas()
    return work


def _statement_work(statements, n_max: int, seed: int):
    """Concrete evaluation of formal statements as ``run_guarded`` work: a list of
    (status, detail, points, ill_typed, n) per statement."""
    def work(budget: Budget, report) -> list:
        out = []
        for stmt in statements:
            budget.check()
            o = stmt.evaluate(n_max=n_max, seed=seed)
            out.append((o.status, o.detail, o.points, o.ill_typed, o.n))
        return out
    return work


#: concrete evaluation of a formal statement runs for n = 1..CONCRETE_N_MAX (capped by --n-max)
CONCRETE_N_MAX = 8


def run_concrete(statements, opts: "RunOptions", seconds: float, phase: PhaseRunner | None = None):
    """Concrete evaluation of statements under the watchdog -> (Counterexample or None, evidence, problems)."""
    n_max = min(CONCRETE_N_MAX, opts.n_max) if opts.n_max else CONCRETE_N_MAX
    g = (phase or _each_in_a_child)(_statement_work(list(statements), n_max, opts.seed), seconds, opts.isolate)
    if not g.ok:
        return None, "", [f"concrete evaluation {g.why()}"]
    cex, evidence, problems = None, [], []
    for stmt, (status, detail, points, ill_typed, n) in zip(statements, g.value):
        if status == "differ" and cex is None:
            cex = Counterexample(n, f"concrete evaluation of {stmt.sstr()}: {detail}")
        elif ill_typed:
            problems.append(f"the formal statement is ill-typed: {detail}")
        elif status == "agree":
            evidence.append(detail)
        else:
            evidence.append(f"not evaluated concretely ({detail})")
    return cex, "; ".join(evidence), problems


class TheoremSession:
    """Check the theorems of a list, on request, one after another in ONE forked child
    (:class:`symconv.engine.theorem_child.ChildSession`), each phase under its own watchdog: the
    caches SymPy and the engine keep carry from one theorem to the next instead of being filled again
    in a child per theorem.  A theorem whose check does not come back from the child (a phase killed,
    the process died) goes on here as :func:`run_theorem` says, and the next theorem gets a new child.
    Without fork, or with ``opts.isolate`` false, each theorem is checked here, phase by phase.

    >>> import sympy as sp
    >>> from symconv.engine.statement import Statement
    >>> from symconv.engine.theorem import FalseVariant, Theorem
    >>> from symconv.engine.verdict import Counterexample, Holds
    >>> from symconv.objects.indexed import n
    >>> def mod(k):
    ...     return lambda n: Holds(f"{n}^2 = {n*n % k}") if n*n % k in (0, 1) else Counterexample(n, "no")
    >>> def square_mod(k):
    ...     r = sp.Mod(n**2, k)
    ...     return Theorem(f"square_mod_{k}", f"n^2 mod {k} is 0 or 1.", claims="verified", exact=mod(k),
    ...                    n_range=(1, 9), formal=Statement.identity(r * (r - 1), 0),
    ...                    false_variants=[FalseVariant(f"cube_mod_{k}", "n^3.", exact=lambda n: Counterexample(n, "-"))])
    >>> thms = [square_mod(k) for k in (3, 4, 5)]
    >>> with TheoremSession(thms) as session:
    ...     [(r.name, r.verdict.value, str(r.counterexample)) for r in map(session.check, range(3))]
    [('square_mod_3', 'verified', 'None'), ('square_mod_4', 'verified', 'None'), ('square_mod_5', 'refuted', 'n=2: no')]
    """

    def __init__(self, thms: Sequence[Theorem], opts: RunOptions | None = None):
        self.thms, self.opts = list(thms), opts or RunOptions()
        self._child = None
        if self.opts.isolate and CAN_FORK:
            self._child = ChildSession([_theorem_body(t, self.opts) for t in self.thms])

    def __enter__(self) -> "TheoremSession":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """End the child (between two checks)."""
        if self._child is not None:
            self._child.close()

    def check(self, k: int) -> TheoremResult:
        """The result of ``thms[k]``."""
        thm, opts = self.thms[k], self.opts
        if self._child is None:
            return _check_theorem(thm, opts, _each_in_a_child)
        t0 = time.perf_counter()
        status, value, phases = self._child.run(k)
        if status == "ok" and isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], TheoremResult):
            res, lemmas = value
            remember_lemma_checks(lemmas)       # a later child (forked from here) reuses them
        else:
            res = _check_theorem(thm, opts, replaying(phases, _each_in_a_child))
        res.seconds = time.perf_counter() - t0
        return res


def _theorem_body(thm: Theorem, opts: RunOptions):
    return lambda phase: (_check_theorem(thm, opts, phase), checked_lemmas())


def run_theorems(thms: Sequence[Theorem], opts: RunOptions | None = None) -> Iterator[TheoremResult]:
    """Check ``thms`` in order, one after another in one forked child (:class:`TheoremSession`),
    yielding each result as soon as it is known.

    >>> from symconv.engine.statement import Statement
    >>> from symconv.engine.theorem import FalseVariant
    >>> from symconv.objects.indexed import n
    >>> def theorem(name, ok):
    ...     return Theorem(name, "n(n+1) - n^2 = n.", claims="verified", n_range=(1, 4),
    ...                    exact=lambda m: Holds(f"{m}") if ok else Counterexample(m, "no"),
    ...                    formal=Statement.identity(n * (n + 1) - n**2, n),
    ...                    false_variants=[FalseVariant(name + "_v", "-", exact=lambda m: Counterexample(m, "-"))])
    >>> [(r.name, r.verdict.value) for r in run_theorems([theorem("holds", True), theorem("said_false", False)])]
    [('holds', 'verified'), ('said_false', 'refuted')]
    """
    with TheoremSession(thms, opts) as session:
        for k in range(len(session.thms)):
            yield session.check(k)


def run_theorem(thm: Theorem, opts: RunOptions | None = None) -> TheoremResult:
    """Check a theorem and return its verdict with the evidence.

    With ``opts.isolate`` (and fork) the whole check runs in one forked child, each phase under its
    own watchdog (a :class:`TheoremSession` of one theorem); if the child does not bring the
    result back (a phase killed, the process died), the check goes on here: the phases that ended
    there are replayed, the others each run in a child of their own."""
    with TheoremSession([thm], opts) as session:
        return session.check(0)


def _check_theorem(thm: Theorem, opts: RunOptions, phase: PhaseRunner) -> TheoremResult:
    """The check of :func:`run_theorem`, each phase run by ``phase``."""
    t0 = time.perf_counter()
    res = TheoremResult(thm.name, thm.topic, thm.statement, thm.claims, Verdict.UNDECIDED)
    res.exact_scope = thm.exact_scope
    derivation_ok = False

    if thm.derivation is not None:
        g = phase(_derivation_work(thm), opts.budget or thm.budget, opts.isolate)
        if g.ok:
            derivation_ok, steps, lemmas, res.proof, res.script_definitions, checked = g.value
            remember_lemma_checks(checked)      # the next phases and theorems (forked from here) reuse them
            res.steps.extend(steps)
            res.lemmas.extend(lemmas)
        else:
            res.proof = f"derivation check {g.why()}"

    # Evidence that did not answer properly (an exact check returning None or raising, a numeric
    # disagreement, a NaN error...): it forbids proved and verified, whatever else holds.
    broken = False   # the notes say why
    exact_complete = False
    if thm.exact is not None:
        lo, hi = _range(thm.n_range, opts.n_max)
        res.n_requested = (lo, hi)
        ex = run_exact_range(thm.exact, lo, hi, opts.budget or thm.budget, isolate=opts.isolate, phase=phase)
        if ex.last is not None:
            res.n_checked = (lo, ex.last)
        res.exact_evidence = ex.evidence
        if ex.counterexample is not None:
            res.counterexample = ex.counterexample
        elif ex.complete:
            exact_complete = True
        else:
            res.notes.append(ex.problem)
            if not ex.timed_out:
                broken = True

    if thm.formal and res.counterexample is None:
        cex, evidence, problems = run_concrete(thm.formal, opts, opts.budget or thm.budget, phase)
        res.concrete_evidence = evidence
        if cex is not None:
            res.counterexample = cex
        for why in problems:
            res.notes.append(why)
            broken = True

    numeric_ok = None
    if thm.numeric is not None and res.counterexample is None:
        # --n-max caps the sizes; when it excludes them all, the smallest declared size still runs
        # (never a size the check was not written for)
        sizes = [s for s in thm.numeric_sizes if opts.n_max is None or s <= opts.n_max] or \
            sorted(thm.numeric_sizes)[:1]

        def numeric_work(budget: Budget, report) -> NumericOutcome:
            return run_numeric(thm.numeric, thm.name, sizes, opts.seed, opts.dps, thm.tolerance, budget)

        g = phase(numeric_work, opts.budget or thm.budget, opts.isolate)
        out = g.value if g.ok else None
        if g.ok and not isinstance(out, NumericOutcome):   # pragma: no cover - run_numeric's own type
            g = Guarded("raised", error=f"numeric phase returned {_what(out)}")
        if not g.ok:
            why = f"numeric cross-check {g.why()}"
            res.notes.append(why)
            if g.status not in ("timed out", "killed"):
                broken = True
        elif not out.decided:
            why = f"numeric cross-check undecided: {out.problem}"
            res.notes.append(why)
            broken = True
            res.numeric_tolerance, res.numeric_dps, res.numeric_seed = out.tolerance, opts.dps, opts.seed
            res.numeric_sizes = out.sizes
        else:
            res.numeric_error, res.numeric_mp_error = out.float_error, out.mp_error
            res.numeric_tolerance, res.numeric_dps, res.numeric_seed = out.tolerance, opts.dps, opts.seed
            res.numeric_sizes = out.sizes
            numeric_ok = out.ok
            if not out.ok:
                why = "numeric cross-check DISAGREES beyond tolerance"
                res.notes.append(why)
                broken = True

    if res.counterexample is not None:
        res.verdict = Verdict.REFUTED
        if derivation_ok:
            res.notes.append("a derivation was accepted for a refuted statement: report this as a bug")
    elif broken:
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
        res.variants = [run_variant(thm, v, opts, phase) for v in thm.false_variants]
    res.seconds = time.perf_counter() - t0
    return res
