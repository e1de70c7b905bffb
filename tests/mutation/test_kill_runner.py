"""Kill-tests for symconv/engine/runner.py: how the phases' evidence becomes a verdict.

Every phase runs in this process (``RunOptions(isolate=False)``), so mutmut sees the runner's code run
and the tests stay fast.  Where a phase's outcome cannot be produced quickly in this process (a child
killed by the watchdog, a counterexample that reached the parent as text), ``run_guarded`` is replaced by
a stand-in that returns that outcome; it records the budget and the isolation each phase was given.
The priority is that nothing a check did not show becomes a pass: a time-out, a wrong answer, a numeric
disagreement, a raised derivation.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import time
import types

import pytest
import sympy as sp

import symconv as sc
from symconv.engine import lemmas, runner
from symconv.engine.budget import Budget, Guarded, run_guarded
from symconv.engine.derivation import DerivationCheck
from symconv.engine.lemmas import LemmaCheck
from symconv.engine.numeric import rng_for
from symconv.engine.rules import Sift, Unfold
from symconv.engine.runner import CONCRETE_N_MAX, RunOptions, run_concrete, run_exact_range, run_variant
from symconv.engine.statement import Statement
from symconv.engine.verdict import StepReport
from symconv.objects.indexed import Iverson, S, entry_function, i, l, n, x, zsum

HERE = RunOptions(isolate=False)
TRUE_FORMAL = Statement.identity(n * (n + 1) - n ** 2, n)
FALSE_FORMAL = Statement.identity(n * (n + 1) - n ** 2, 2 * n)
ILL_TYPED = Statement.identity(zsum(Iverson(l, n / 2) * x(l), l), x(n / 2))
SHIFT = Statement.identity(zsum(S(i, l) * x(l), l), x(i - 1))
REFUTED = sc.FalseVariant("toy_false", "a false toy.", exact=lambda m: sc.Counterexample(m, "no"))


def _thm(**kw):
    base = dict(name="toy", statement="toy.", claims="verified", n_range=(1, 5), false_variants=[REFUTED],
                formal=TRUE_FORMAL)
    base.update(kw)
    return sc.Theorem(**base)


def _holds(m):
    return sc.Holds(f"holds at n={m}")


def _run(thm, **kw):
    return sc.run_theorem(thm, RunOptions(isolate=False, **kw))


def _shift_chain():
    d = sc.Derivation(zsum(S(i, l) * x(l), l), goal=x(i - 1), title="shift")
    return d.step(zsum(Iverson(i, l + 1) * x(l), l), Unfold("S")).step(x(i - 1), Sift(l))


def _numeric_ok(m, rng, dps):
    return 0.0, 0.0


def _phase(work) -> str:
    name = getattr(work, "__qualname__", "")
    for phase in ("derivation", "exact", "statement", "numeric"):
        if phase in name:
            return phase
    return "?"                                                      # pragma: no cover


@pytest.fixture
def guard(monkeypatch):
    """Replace run_guarded in the runner: ``guard[phase] = Guarded(...)`` (or a function of the progress
    reported so far) decides that phase's outcome; the others run here.  ``guard.calls`` lists
    (phase, seconds, isolate) for every phase run."""
    class Guard(dict):
        calls: list

    g = Guard()
    g.calls = []

    def fake(work, seconds, *, isolate=True, **kw):
        phase = _phase(work)
        g.calls.append((phase, seconds, isolate))
        if phase in g:
            out = g[phase]
            return out(work) if callable(out) else out
        return run_guarded(work, seconds, isolate=False)
    monkeypatch.setattr(runner, "run_guarded", fake)
    return g


# ---------------------------------------------------------------- RunOptions

def test_run_options_defaults():
    o = RunOptions()
    assert (o.n_max, o.dps, o.seed, o.budget, o.variants, o.isolate) == (None, 50, 0, None, True, True)
    assert RunOptions(isolate=0).isolate is False and RunOptions(isolate=1).isolate is True


@pytest.mark.parametrize("kw, fragment", [
    (dict(n_max=0), "n_max must be a positive int, got 0"),
    (dict(n_max=2.5), "n_max must be a positive int, got 2.5"),
    (dict(n_max="3"), "n_max must be a positive int, got '3'"),
    (dict(dps=14), "dps must be an int >= 15, got 14"),
    (dict(dps=20.0), "dps must be an int >= 15, got 20.0"),
    (dict(seed=-1), "seed must be a non-negative int, got -1"),
    (dict(seed=1.5), "seed must be a non-negative int, got 1.5"),
    (dict(budget=0), "budget must be positive seconds, got 0"),
    (dict(budget=-2.0), "budget must be positive seconds, got -2.0"),
])
def test_run_options_refuse_bad_values(kw, fragment):
    with pytest.raises(ValueError) as err:
        RunOptions(**kw)
    assert str(err.value) == fragment


def test_run_options_accept_the_boundary_values():
    o = RunOptions(n_max=1, dps=15, seed=0, budget=0.5)
    assert (o.n_max, o.dps, o.seed, o.budget) == (1, 15, 0, 0.5)


# ---------------------------------------------------------------- exact ranges

def _recording(answers):
    """A check answering answers(m) and recording each n it was asked."""
    seen = []

    def check(m):
        seen.append(m)
        return answers(m)
    return check, seen


def test_exact_range_that_holds_everywhere_is_complete():
    check, seen = _recording(_holds)
    ex = run_exact_range(check, 3, 6, 5.0, isolate=False)
    assert seen == [3, 4, 5, 6]
    assert (ex.last, ex.complete, ex.counterexample, ex.problem, ex.timed_out, ex.bad) == (6, True, None, "", False, [])
    assert ex.evidence == "n=6: holds at n=6"


def test_exact_range_stops_at_the_first_counterexample():
    cex = sc.Counterexample(5, "five fails", {"w": 1})
    check, seen = _recording(lambda m: cex if m == 5 else _holds(m))
    ex = run_exact_range(check, 3, 8, 5.0, isolate=False)
    assert seen == [3, 4, 5] and ex.counterexample is cex
    assert (ex.last, ex.complete, ex.problem, ex.evidence) == (4, False, "", "n=4: holds at n=4")


def test_theorem_range_stops_at_the_first_wrong_answer():
    """For a theorem (the default) an answer that is neither Holds nor a Counterexample ends the range."""
    check, seen = _recording(lambda m: True if m == 4 else _holds(m))
    ex = run_exact_range(check, 3, 8, 5.0, isolate=False)
    assert seen == [3, 4]
    assert (ex.last, ex.complete, ex.counterexample, ex.timed_out) == (3, False, None, False)
    assert ex.bad == [(4, "bool True")]
    assert ex.problem == "exact check returned bool True at n=4, expected Holds or Counterexample"


def test_variant_range_goes_on_past_wrong_answers_to_a_counterexample():
    answers = {1: _holds(1), 2: _holds(2), 3: True, 4: _holds(4), 5: "ok", 6: _holds(6),
               7: sc.Counterexample(7, "seven")}
    check, seen = _recording(answers.get)
    ex = run_exact_range(check, 1, 9, 5.0, isolate=False, variant=True)
    assert seen == [1, 2, 3, 4, 5, 6, 7]
    assert ex.counterexample is answers[7]
    assert ex.bad == [(3, "bool True"), (5, "str 'ok'")]
    assert (ex.last, ex.evidence) == (2, "n=2: holds at n=2")   # no n after a wrong answer extends the run


@pytest.mark.parametrize("count, suffix", [(3, ""), (4, " (and 1 more)"), (5, " (and 2 more)")])
def test_variant_range_lists_its_first_three_wrong_answers(count, suffix):
    check, _ = _recording(lambda m: 0 if m <= count else _holds(m))
    ex = run_exact_range(check, 1, 6, 5.0, isolate=False, variant=True)
    assert ex.counterexample is None and not ex.complete and ex.last is None
    assert ex.bad == [(m, "int 0") for m in range(1, count + 1)]
    assert ex.problem == "; ".join(f"exact check returned int 0 at n={m}, expected Holds or Counterexample"
                                   for m in (1, 2, 3)) + suffix


def test_wrong_answers_are_described_by_type_and_shortened_repr():
    long_text, exact60, exact61 = "y" * 70, "z" * 58, "w" * 59      # reprs of 72, 60 and 61 characters
    answers = {1: 0, 2: long_text, 3: exact60, 4: exact61, 5: None}
    ex = run_exact_range(answers.get, 1, 5, 5.0, isolate=False, variant=True)
    assert ex.bad == [(1, "int 0"), (2, "str '" + "y" * 59 + "..."), (3, "str '" + "z" * 58 + "'"),
                      (4, "str '" + "w" * 59 + "..."), (5, "None")]


def test_exact_range_that_raises_is_broken_not_timed_out():
    def check(m):
        if m == 3:
            raise ValueError("boom")
        return _holds(m)
    ex = run_exact_range(check, 1, 5, 5.0, isolate=False)
    assert (ex.last, ex.complete, ex.timed_out, ex.counterexample) == (2, False, False, None)
    assert ex.problem == "exact check raised ValueError: boom (n = 1..2 held)"


def test_exact_range_time_out_keeps_what_held():
    def check(m):
        time.sleep(0.25 if m == 1 else 5)
        return _holds(m)
    ex = run_exact_range(check, 1, 9, 0.6, isolate=False)
    assert ex.timed_out and not ex.complete and ex.last == 1
    assert ex.problem == "exact check timed out (time budget of 0.6s exhausted) (n = 1..1 held)"
    ex = run_exact_range(check, 2, 9, Budget(0.3), isolate=False)   # a Budget: its remaining time
    assert ex.timed_out and ex.last is None and ex.problem.endswith("exhausted) (no n held)")
    assert ex.problem.startswith("exact check timed out (time budget of 0.")


def test_exact_range_killed_by_the_watchdog_is_a_time_out(guard):
    guard["exact"] = Guarded("killed", None, [("holds", 1, "a"), ("holds", 2, "b")], "", 3.0, True)
    ex = run_exact_range(_holds, 1, 5, 1.0)
    assert ex.timed_out and (ex.last, ex.evidence) == (2, "n=2: b")
    assert ex.problem == "exact check timed out, killed by the watchdog after 3.0 s (n = 1..2 held)"
    guard["exact"] = Guarded("died", None, [], "exit code 1", 0.1, True)
    ex = run_exact_range(_holds, 1, 5, 1.0)
    assert not ex.timed_out and ex.last is None
    assert ex.problem == "exact check its process ended without an answer (exit code 1) (no n held)"


def test_exact_range_counterexample_that_arrived_as_text_still_refutes(guard):
    """A counterexample that did not pickle reaches the parent as text: it still refutes, at its n."""
    guard["exact"] = Guarded("ok", ("counterexample", 4, "n=4: it fails"), [("holds", 3, "ok")])
    ex = run_exact_range(_holds, 3, 9, 1.0)
    assert isinstance(ex.counterexample, sc.Counterexample)
    assert (ex.counterexample.n, ex.counterexample.description) == (4, "n=4: it fails")
    assert ex.last == 3 and not ex.complete


def test_exact_range_runs_under_the_watchdog_by_default(guard):
    run_exact_range(_holds, 1, 2, 4.0)
    run_exact_range(_holds, 1, 2, Budget(4.0), isolate=False)
    assert [c[0] for c in guard.calls] == ["exact", "exact"]
    assert guard.calls[0][1:] == (4.0, True) and guard.calls[1][2] is False and 3.0 < guard.calls[1][1] <= 4.0


def test_empty_exact_range_is_not_complete():
    ex = run_exact_range(_holds, 3, 2, 5.0, isolate=False)
    assert not ex.complete and ex.last is None and ex.problem == "exact check stopped after n = None"


# ---------------------------------------------------------------- false variants

def _variant(exact=None, formal=None, n_range=None, name="v", statement="a false claim."):
    return sc.FalseVariant(name, statement, exact=exact, formal=formal, n_range=n_range)


def test_variant_refuted_by_its_exact_check():
    cex = sc.Counterexample(2, "two")
    res = run_variant(_thm(exact=_holds), _variant(exact=lambda m: cex if m == 2 else _holds(m)), HERE)
    assert (res.name, res.statement, res.verdict, res.counterexample) == ("v", "a false claim.", sc.Verdict.REFUTED, cex)


def test_variant_that_holds_everywhere_is_not_refuted():
    res = run_variant(_thm(exact=_holds), _variant(exact=_holds), HERE)
    assert (res.name, res.statement, res.verdict, res.counterexample) == ("v", "a false claim.", sc.Verdict.UNDECIDED,
                                                                          None)
    assert res.detail == "false variant NOT refuted: no counterexample for n = 1..5"


def test_variant_uses_its_own_range_capped_by_n_max():
    check, seen = _recording(_holds)
    res = run_variant(_thm(exact=_holds), _variant(exact=check, n_range=(3, 7)), RunOptions(isolate=False, n_max=4))
    assert seen == [3, 4] and res.detail == "false variant NOT refuted: no counterexample for n = 3..4"
    seen.clear()
    run_variant(_thm(exact=_holds, n_range=(2, 3)), _variant(exact=check), HERE)
    assert seen == [2, 3]


def test_variant_wrong_answers_are_listed():
    answers = {1: _holds(1), 2: None, 3: True, 4: "x", 5: 0}
    res = run_variant(_thm(exact=_holds), _variant(exact=answers.get), HERE)
    assert res.verdict is sc.Verdict.UNDECIDED and res.counterexample is None
    assert res.detail == ("false variant NOT refuted: no counterexample for n = 1..5; "
                          "exact check returned None at n=2, expected Holds or Counterexample; "
                          "exact check returned bool True at n=3, expected Holds or Counterexample; "
                          "exact check returned str 'x' at n=4, expected Holds or Counterexample (and 1 more)")
    res = run_variant(_thm(exact=_holds), _variant(exact={1: None, 2: True, 3: "x"}.get, n_range=(1, 3)), HERE)
    assert res.detail.endswith("returned str 'x' at n=3, expected Holds or Counterexample")


def test_variant_whose_check_timed_out_is_not_refuted(guard):
    guard["exact"] = Guarded("timed out", None, [("holds", 1, "a")], "time budget of 60s exhausted")
    res = run_variant(_thm(exact=_holds), _variant(exact=_holds), HERE)
    assert res.verdict is sc.Verdict.UNDECIDED and res.counterexample is None
    assert res.detail == "false variant NOT refuted: exact check timed out (time budget of 60s exhausted) (n = 1..1 held)"
    guard["exact"] = Guarded("killed", None, [("bad", 1, "None")], "", 3.0, True)
    res = run_variant(_thm(exact=_holds), _variant(exact=_holds), HERE)
    assert res.detail == ("false variant NOT refuted: exact check timed out, killed by the watchdog after 3.0 s "
                          "(no n held); exact check returned None at n=1, expected Holds or Counterexample")


def test_variant_whose_check_raised_is_not_refuted():
    def check(m):
        raise ArithmeticError("no")
    res = run_variant(_thm(exact=_holds), _variant(exact=check), HERE)
    assert res.verdict is sc.Verdict.UNDECIDED
    assert res.detail == "false variant NOT refuted: exact check raised ArithmeticError: no (no n held)"


def test_variant_refuted_by_concrete_evaluation_of_its_formal_statement():
    check, seen = _recording(_holds)
    res = run_variant(_thm(exact=_holds), _variant(exact=check, formal=FALSE_FORMAL), HERE)
    assert (res.name, res.statement, res.verdict) == ("v", "a false claim.", sc.Verdict.REFUTED)
    assert res.counterexample.n == 1 and seen == []
    assert res.counterexample.description.startswith("concrete evaluation of -n**2 + n*(n + 1) = 2*n: n = 1")


def test_variant_whose_formal_statement_holds_is_not_refuted():
    res = run_variant(_thm(exact=_holds), _variant(formal=TRUE_FORMAL), HERE)
    assert (res.name, res.statement, res.verdict, res.counterexample) == ("v", "a false claim.", sc.Verdict.UNDECIDED,
                                                                          None)
    assert res.detail == "false variant NOT refuted: concrete evaluation found no difference"
    res = run_variant(_thm(exact=_holds), _variant(formal=ILL_TYPED), HERE)
    assert res.verdict is sc.Verdict.UNDECIDED
    assert res.detail.startswith("false variant NOT refuted: the formal statement is ill-typed: ")
    res = run_variant(_thm(exact=_holds), _variant(formal=TRUE_FORMAL, exact=lambda m: sc.Counterexample(m, "by hand")), HERE)
    assert res.verdict is sc.Verdict.REFUTED and str(res.counterexample) == "n=1: by hand"


def test_variant_with_no_check_at_all_is_not_refuted():
    bare = types.SimpleNamespace(name="bare", statement="nothing.", n_range=None)
    res = run_variant(_thm(exact=_holds), bare, HERE)
    assert (res.name, res.statement, res.verdict, res.counterexample) == ("bare", "nothing.", sc.Verdict.UNDECIDED,
                                                                          None)
    assert res.detail == "false variant NOT refuted: it has no exact check"


# ---------------------------------------------------------------- concrete evaluation

class _Stmt:
    """A statement whose concrete evaluation is given; it records how it was evaluated."""

    def __init__(self, status, detail, ill_typed=False, n=None, text="lhs = rhs", fail=None):
        self.outcome = types.SimpleNamespace(status=status, detail=detail, points=3, ill_typed=ill_typed, n=n)
        self.text, self.fail, self.asked = text, fail, []

    def evaluate(self, n_max=8, seed=0):
        self.asked.append((n_max, seed))
        if self.fail:
            raise self.fail
        return self.outcome

    def sstr(self):
        return self.text


@pytest.mark.parametrize("n_max, used", [(None, CONCRETE_N_MAX), (3, 3), (20, CONCRETE_N_MAX)])
def test_concrete_evaluation_runs_up_to_eight_capped_by_n_max(n_max, used):
    st = _Stmt("agree", "equal at 3 points")
    assert run_concrete([st], RunOptions(isolate=False, n_max=n_max, seed=5), 5.0) == (None, "equal at 3 points", [])
    assert st.asked == [(used, 5)] and CONCRETE_N_MAX == 8


def test_concrete_evaluation_keeps_the_first_difference_and_every_other_outcome():
    stmts = [_Stmt("agree", "equal at 4 points"), _Stmt("unevaluable", "an equivalence"),
             _Stmt("differ", "first = 1, second = 2", n=2, text="a = b"),
             _Stmt("unevaluable", "n/2 is no integer", ill_typed=True)]
    cex, evidence, problems = run_concrete(stmts, HERE, 5.0)
    assert (cex.n, cex.description) == (2, "concrete evaluation of a = b: first = 1, second = 2")
    assert evidence == "equal at 4 points; not evaluated concretely (an equivalence)"
    assert problems == ["the formal statement is ill-typed: n/2 is no integer"]


def test_concrete_evaluation_that_agrees_refutes_nothing():
    assert run_concrete([_Stmt("agree", "equal")], HERE, 5.0) == (None, "equal", [])


def test_concrete_evaluation_that_raised_is_a_problem():
    cex, evidence, problems = run_concrete([_Stmt("agree", "x", fail=ValueError("boom"))], HERE, 5.0)
    assert (cex, evidence, problems) == (None, "", ["concrete evaluation raised ValueError: boom"])


# ---------------------------------------------------------------- verdicts of whole theorems

def test_exact_check_over_generic_entries_verifies():
    thm = _thm(exact=_holds, n_range=(2, 5), topic="toys")
    t0 = time.perf_counter()
    r = _run(thm)
    elapsed = time.perf_counter() - t0
    assert r.verdict is sc.Verdict.VERIFIED and r.passed
    assert (r.name, r.topic, r.statement, r.claims, r.exact_scope) == ("toy", "toys", "toy.", sc.Verdict.VERIFIED,
                                                                      sc.GENERIC)
    assert (r.n_requested, r.n_checked, r.exact_evidence) == ((2, 5), (2, 5), "n=5: holds at n=5")
    assert r.concrete_evidence == "equal at 8 points (n in 1..8)" and r.notes == [] and r.proof == "none"
    assert [(v.name, v.verdict) for v in r.variants] == [("toy_false", sc.Verdict.REFUTED)]
    assert 0 <= r.seconds <= elapsed
    assert _run(_thm(exact=_holds, exact_scope=sc.CASES)).verdict is sc.Verdict.VERIFIED


def test_exact_check_over_instances_is_only_cross_checked():
    thm = _thm(claims="cross-checked", exact=_holds, exact_scope="seeded random instances", numeric=_numeric_ok,
               numeric_sizes=(1, 2, 3))
    r = _run(thm)
    assert r.verdict is sc.Verdict.CROSS_CHECKED and r.n_checked == (1, 5)
    assert (r.numeric_error, r.numeric_mp_error, r.numeric_tolerance, r.numeric_dps, r.numeric_seed,
            r.numeric_sizes) == (0.0, 0.0, 1e-9, 50, 0, [1, 2, 3])


def test_numeric_agreement_alone_only_cross_checks():
    r = _run(_thm(claims="cross-checked", numeric=_numeric_ok))
    assert r.verdict is sc.Verdict.CROSS_CHECKED and r.n_requested is None and r.n_checked is None


def test_exact_counterexample_refutes_and_no_other_phase_overrides_it():
    called = []
    cex = sc.Counterexample(3, "three")
    thm = _thm(exact=lambda m: cex if m == 3 else _holds(m), formal=FALSE_FORMAL,
               numeric=lambda m, rng, dps: called.append(m) or (0.0, 0.0))
    r = _run(thm)
    assert r.verdict is sc.Verdict.REFUTED and r.counterexample is cex
    assert r.n_checked == (1, 2) and r.concrete_evidence == "" and called == [] and r.notes == []


def test_false_formal_statement_refutes_a_vacuous_exact_check():
    called = []
    r = _run(_thm(exact=_holds, formal=FALSE_FORMAL, numeric=lambda m, rng, dps: called.append(m) or (0.0, 0.0)))
    assert r.verdict is sc.Verdict.REFUTED and r.counterexample.n == 1 and called == []
    assert r.counterexample.description.startswith("concrete evaluation of -n**2 + n*(n + 1) = 2*n: ")


def test_ill_typed_formal_statement_forbids_verified():
    r = _run(_thm(exact=_holds, formal=ILL_TYPED))
    assert r.verdict is sc.Verdict.UNDECIDED and r.n_checked == (1, 5)
    assert len(r.notes) == 1 and r.notes[0].startswith("the formal statement is ill-typed: ")


def test_a_wrong_exact_answer_forbids_proved_and_cross_checked():
    thm = _thm(claims="proved", derivation=lambda: [_shift_chain()], formal=SHIFT,
               exact=lambda m: None if m == 3 else _holds(m), numeric=_numeric_ok)
    r = _run(thm)
    assert r.verdict is sc.Verdict.UNDECIDED and r.n_checked == (1, 2)
    assert r.notes == ["exact check returned None at n=3, expected Holds or Counterexample"]
    assert r.proof.startswith("derivation checked")


def test_a_timed_out_exact_range_leaves_a_proof_proved(guard):
    guard["exact"] = Guarded("timed out", None, [("holds", 1, "a"), ("holds", 2, "b")], "time budget of 60s exhausted")
    thm = _thm(claims="proved", derivation=lambda: [_shift_chain()], formal=SHIFT, exact=_holds)
    r = _run(thm)
    assert r.verdict is sc.Verdict.PROVED and r.n_checked == (1, 2) and r.exact_evidence == "n=2: b"
    assert r.notes == ["exact check timed out (time budget of 60s exhausted) (n = 1..2 held)"]
    guard["exact"] = Guarded("killed", None, [], "", 3.0, True)
    r = _run(_thm(claims="cross-checked", exact=_holds, numeric=_numeric_ok))
    assert r.verdict is sc.Verdict.CROSS_CHECKED and r.n_checked is None
    assert r.notes == ["exact check timed out, killed by the watchdog after 3.0 s (no n held)"]


@pytest.mark.parametrize("errors, note", [
    ((1.0, 1.0), "numeric cross-check DISAGREES beyond tolerance"),
    ((0.0, 1e-3), "numeric cross-check DISAGREES beyond tolerance"),
])
def test_numeric_disagreement_forbids_verified(errors, note):
    r = _run(_thm(exact=_holds, numeric=lambda m, rng, dps: errors, numeric_sizes=(2,)))
    assert r.verdict is sc.Verdict.UNDECIDED and r.notes == [note]
    assert (r.numeric_error, r.numeric_mp_error, r.numeric_sizes) == (errors[0], errors[1], [2])


def test_numeric_error_that_is_not_a_number_forbids_verified():
    r = _run(_thm(exact=_holds, numeric=lambda m, rng, dps: (float("nan"), 0.0), numeric_sizes=(3, 4), tolerance=1e-6),
             seed=4, dps=30)
    assert r.verdict is sc.Verdict.UNDECIDED and len(r.notes) == 1
    assert r.notes[0].startswith("numeric cross-check undecided: ") and "nan" in r.notes[0].lower()
    assert (r.numeric_error, r.numeric_tolerance, r.numeric_dps, r.numeric_seed, r.numeric_sizes) == (
        None, 1e-6, 30, 4, [])


def test_numeric_check_that_raised_forbids_verified():
    def boom(m, rng, dps):
        raise ValueError("boom")
    r = _run(_thm(exact=_holds, numeric=boom))
    assert r.verdict is sc.Verdict.UNDECIDED and r.notes == ["numeric cross-check raised ValueError: boom"]


def test_numeric_time_out_only_removes_its_evidence(guard):
    guard["numeric"] = Guarded("timed out", None, [], "time budget of 60s exhausted")
    r = _run(_thm(exact=_holds, numeric=_numeric_ok))
    assert r.verdict is sc.Verdict.VERIFIED and r.numeric_error is None
    assert r.notes == ["numeric cross-check timed out (time budget of 60s exhausted)"]
    guard["numeric"] = Guarded("killed", None, [], "", 3.0, True)
    r = _run(_thm(exact=_holds, numeric=_numeric_ok))
    assert r.verdict is sc.Verdict.VERIFIED
    assert r.notes == ["numeric cross-check timed out, killed by the watchdog after 3.0 s"]
    guard["numeric"] = Guarded("died", None, [], "exit code 1")
    r = _run(_thm(exact=_holds, numeric=_numeric_ok))
    assert r.verdict is sc.Verdict.UNDECIDED
    assert r.notes == ["numeric cross-check its process ended without an answer (exit code 1)"]


def test_numeric_phase_that_returned_no_outcome_is_broken(monkeypatch):
    monkeypatch.setattr(runner, "run_numeric", lambda *a: (0.0, 0.0))
    r = _run(_thm(exact=_holds, numeric=_numeric_ok))
    assert r.verdict is sc.Verdict.UNDECIDED
    assert r.notes == ["numeric cross-check raised numeric phase returned tuple (0.0, 0.0)"]


@pytest.mark.parametrize("n_max, sizes", [(None, [8, 2, 4]), (4, [2, 4]), (1, [2])])
def test_numeric_sizes_are_capped_by_n_max_keeping_the_smallest(n_max, sizes):
    seen = []
    thm = _thm(claims="cross-checked", numeric=lambda m, rng, dps: seen.append(m) or (0.0, 0.0),
               numeric_sizes=(8, 2, 4))
    r = _run(thm, n_max=n_max)
    assert seen == sizes and r.numeric_sizes == sizes and r.verdict is sc.Verdict.CROSS_CHECKED


def test_numeric_check_gets_the_seeded_generator_precision_and_tolerance():
    got = []

    def check(m, rng, dps):
        got.append((rng.random(), dps))
        return 5e-4, 0.0
    r = _run(_thm(name="toy_numeric", claims="cross-checked", numeric=check, numeric_sizes=(2,), tolerance=1e-3),
             seed=7, dps=30)
    assert got == [(rng_for("toy_numeric", 7).random(), 30)]
    assert r.verdict is sc.Verdict.CROSS_CHECKED and (r.numeric_error, r.numeric_tolerance) == (5e-4, 1e-3)


# ---------------------------------------------------------------- derivations

def test_checked_derivation_proves():
    r = _run(_thm(claims="proved", derivation=lambda: [_shift_chain()], formal=SHIFT))
    assert r.verdict is sc.Verdict.PROVED and r.passed
    assert r.proof == "derivation checked (2 steps), establishing the formal statement"
    assert [(s.index, s.rule, s.ok) for s in r.steps] == [(1, "Unfold", True), (2, "Sift", True)]
    assert r.lemmas == [] and r.script_definitions == []


def test_derivation_unfolding_the_scripts_own_definition_says_so():
    K, J = entry_function("K_own", "K"), entry_function("J_own", "J")
    defs = {"K_own": sp.Lambda((i,), x(i + 1)), "J_own": sp.Lambda((i,), K(i))}
    chain = sc.Derivation(J(i), goal=x(i + 1)).step(K(i), Unfold("J_own", definitions=defs)).step(
        x(i + 1), Unfold("K_own", definitions=defs))
    r = _run(_thm(claims="proved", derivation=lambda: [chain],
                  formal=Statement.identity(J(i), x(i + 1), definitions=defs)))
    assert r.verdict is sc.Verdict.PROVED, r.proof
    assert r.proof == ("derivation checked (2 steps), establishing the formal statement; it unfolds this "
                       "script's own definitions: J_own, K_own")
    assert r.script_definitions == ["J_own", "K_own"]


def test_refuted_statement_with_an_accepted_derivation_is_reported_as_a_bug():
    thm = _thm(claims="proved", derivation=lambda: [_shift_chain()], formal=SHIFT,
               exact=lambda m: sc.Counterexample(m, "planted"))
    r = _run(thm)
    assert r.verdict is sc.Verdict.REFUTED and str(r.counterexample) == "n=1: planted"
    assert r.notes == ["a derivation was accepted for a refuted statement: report this as a bug"]


def test_failed_derivation_does_not_prove():
    bad = sc.Derivation(zsum(S(i, l) * x(l), l), goal=x(i + 1), title="wrong way").step(
        zsum(Iverson(i, l + 1) * x(l), l), Unfold("S")).step(x(i + 1), Sift(l))
    r = _run(_thm(claims="proved", derivation=lambda: [bad], formal=SHIFT, exact=_holds))
    assert r.verdict is sc.Verdict.VERIFIED and not r.passed
    assert r.proof.startswith("derivation 'wrong way' failed at step 2")


def test_derivation_that_does_not_establish_the_statement_does_not_prove():
    wrong = Statement.identity(zsum(S(i, l) * x(l), l), x(i + 1))
    r = _run(_thm(claims="proved", derivation=lambda: [_shift_chain()], formal=wrong))
    assert r.verdict is not sc.Verdict.PROVED
    assert r.proof.startswith("the derivations do not establish the formal statement: ")


def test_derivation_that_raised_does_not_prove():
    r = _run(_thm(claims="proved", derivation=lambda: [1 / 0], formal=SHIFT))
    assert r.verdict is sc.Verdict.UNDECIDED
    assert r.proof == "derivation raised ZeroDivisionError: division by zero"


def test_derivation_phase_time_out_does_not_prove(guard):
    guard["derivation"] = Guarded("timed out", None, [], "time budget of 60s exhausted")
    r = _run(_thm(claims="proved", derivation=lambda: [_shift_chain()], formal=SHIFT, exact=_holds))
    assert r.verdict is sc.Verdict.VERIFIED and r.proof == "derivation check timed out (time budget of 60s exhausted)"
    assert r.steps == [] and r.notes == []


class _Part:
    """A derivation whose check is given (the rules are tested elsewhere): its reports, lemmas, outcome."""

    def __init__(self, title, lemmas, ok=True, failure=""):
        self.title, self.steps = title, ()
        self.result = DerivationCheck(ok, [StepReport(1, f"rule of {title}", ok, "")], list(lemmas), failure)

    def check(self):
        return self.result


def _lemma_run(monkeypatch, parts, failing=()):
    asked = []

    def check_lemma(name):
        asked.append(name)
        return LemmaCheck(name not in failing, f"{name} checked" if name not in failing else f"{name} is false")
    monkeypatch.setattr(runner, "check_lemma", check_lemma)
    monkeypatch.setattr(runner, "establishes", lambda statements, ps: (list(ps) == parts and
                                                                       tuple(statements) == (SHIFT,), "linked"))
    r = _run(_thm(claims="proved", derivation=lambda: parts, formal=SHIFT))
    return r, asked


def test_every_lemma_a_derivation_uses_is_checked_once(monkeypatch):
    parts = [_Part("one", ["a", "b"]), _Part("two", ["b", "c"])]
    r, asked = _lemma_run(monkeypatch, parts)
    assert r.verdict is sc.Verdict.PROVED and asked == ["a", "b", "c"] and r.lemmas == ["a", "b", "c"]
    assert [s.rule for s in r.steps] == ["rule of one", "rule of two"]
    assert r.proof == "derivation checked (2 steps), establishing the formal statement"


def test_a_lemma_that_fails_its_check_fails_the_proof(monkeypatch):
    r, asked = _lemma_run(monkeypatch, [_Part("one", ["a", "b", "c"])], failing=("b",))
    assert r.verdict is sc.Verdict.UNDECIDED and asked == ["a", "b"]
    assert r.proof == "lemma b failed its check: b is false"


def test_derivation_stops_at_the_first_failed_part(monkeypatch):
    parts = [_Part("one", ["a"]), _Part("two", ["b"], ok=False, failure="step 1: nope"), _Part("three", ["c"])]
    r, asked = _lemma_run(monkeypatch, parts)
    assert r.verdict is sc.Verdict.UNDECIDED and asked == []
    assert r.proof == "derivation 'two' failed at step 1: nope"
    assert [s.rule for s in r.steps] == ["rule of one", "rule of two"] and r.lemmas == ["a", "b"]


# ---------------------------------------------------------------- budgets, isolation, variants

def test_every_phase_gets_the_run_budget_or_the_theorems(guard, monkeypatch):
    var = sc.FalseVariant("v", "v.", exact=lambda m: sc.Counterexample(m, "no"), formal=FALSE_FORMAL)
    thm = _thm(claims="proved", derivation=lambda: [_shift_chain()], formal=SHIFT, exact=_holds,
               numeric=_numeric_ok, budget=30.0, false_variants=[var])
    # the one-child path, run here: each phase goes through the default runner (the guard sees it)
    class Here:                                   # the session's child, run here
        def __init__(self, bodies):
            self.bodies = bodies

        def run(self, k):
            return "ok", self.bodies[k](runner._each_in_a_child), []

        def close(self):
            pass
    monkeypatch.setattr(runner, "ChildSession", Here)
    sc.run_theorem(thm, RunOptions(isolate=False))
    assert guard.calls == [("derivation", 30.0, False), ("exact", 30.0, False), ("statement", 30.0, False),
                           ("numeric", 30.0, False), ("statement", 30.0, False)]
    guard.calls.clear()
    sc.run_theorem(thm, RunOptions(budget=7.0))
    assert guard.calls == [("derivation", 7.0, True), ("exact", 7.0, True), ("statement", 7.0, True),
                           ("numeric", 7.0, True), ("statement", 7.0, True)]
    guard.calls.clear()
    sc.run_theorem(thm)                                             # no options: the defaults, isolated
    assert all(isolate is True for _, _, isolate in guard.calls) and len(guard.calls) == 5


def test_variant_exact_check_gets_the_run_budget_or_the_theorems(guard):
    thm = _thm(exact=_holds, budget=30.0, false_variants=[_variant(exact=_holds)])
    run_variant(thm, thm.false_variants[0], RunOptions(budget=7.0))
    run_variant(thm, thm.false_variants[0], HERE)
    assert guard.calls == [("exact", 7.0, True), ("exact", 30.0, False)]


def test_variants_run_only_when_asked():
    check, seen = _recording(lambda m: sc.Counterexample(m, "no"))
    thm = _thm(exact=_holds, n_range=(2, 4), false_variants=[_variant(exact=check)])
    assert _run(thm, variants=False).variants == [] and seen == []
    r = _run(thm)
    assert seen == [2] and [(v.name, v.verdict) for v in r.variants] == [("v", sc.Verdict.REFUTED)]


@pytest.mark.parametrize("n_max, requested", [(None, (3, 9)), (5, (3, 5)), (3, (3, 3)), (2, (3, 3)), (20, (3, 9))])
def test_n_max_caps_the_exact_range_but_never_below_its_start(n_max, requested):
    check, seen = _recording(_holds)
    r = _run(_thm(exact=check, n_range=(3, 9)), n_max=n_max, variants=False)
    assert r.n_requested == requested and r.n_checked == requested
    assert seen == list(range(requested[0], requested[1] + 1))


# ---------------------------------------------------------------- the lemma checks a derivation ran

def _registered(monkeypatch, failing=()):
    """Lemmas a, b, c registered for the run (each check records that it ran), and an empty cache of lemma
    checks in this process."""
    runs = []

    def lemma(name):
        def check():
            runs.append(name)
            return LemmaCheck(name not in failing, f"{name} is false" if name in failing else f"{name} checked")
        return lemmas.Lemma(name, f"statement {name}", "", check)
    for name in "abc":
        monkeypatch.setitem(lemmas.LEMMAS, name, lemma(name))
    monkeypatch.setattr(lemmas, "_CHECKED", {})
    return runs


@pytest.fixture
def forked(monkeypatch):
    """run_guarded as a forked child would run a phase: the work sees a copy of this process's lemma cache,
    and whatever it adds there is lost; only the value it returns reaches the runner."""
    def fake(work, seconds, *, isolate=True, **kw):
        parent = lemmas._CHECKED
        lemmas._CHECKED = dict(parent)
        try:
            return run_guarded(work, seconds, isolate=False)
        finally:
            lemmas._CHECKED = parent
    monkeypatch.setattr(runner, "run_guarded", fake)


def _derive(monkeypatch, parts, linked=(True, "linked")):
    """run_theorem on a derivation made of ``parts``; ``establishes`` answers ``linked`` (or raises it)."""
    def establishes(statements, ps):
        if isinstance(linked, Exception):
            raise linked
        return linked
    monkeypatch.setattr(runner, "establishes", establishes)
    return _run(_thm(claims="proved", derivation=lambda: parts, formal=SHIFT), variants=False)


def test_a_proof_hands_back_the_lemma_checks_it_ran(monkeypatch, forked):
    runs = _registered(monkeypatch)
    r = _derive(monkeypatch, [_Part("one", ["a", "b"])])
    assert r.verdict is sc.Verdict.PROVED and r.lemmas == ["a", "b"] and runs == ["a", "b"]
    assert lemmas.checked_lemmas() == {"a": LemmaCheck(True, "a checked"), "b": LemmaCheck(True, "b checked")}
    # the next theorem's phase (forked from here) reuses them: only c is run
    r = _derive(monkeypatch, [_Part("two", ["b", "c", "a"])])
    assert r.verdict is sc.Verdict.PROVED and runs == ["a", "b", "c"]
    assert sorted(lemmas.checked_lemmas()) == ["a", "b", "c"]


@pytest.mark.parametrize("failing, linked, ran, proof", [
    ("b", (True, "linked"), ["a", "b"], "lemma b failed its check: b is false"),
    ((), (False, "no chain ends at it"), ["a", "b", "c"],
     "the derivations do not establish the formal statement: no chain ends at it"),
    ((), RuntimeError("broken script"), ["a", "b", "c"], "derivation raised RuntimeError: broken script"),
])
def test_a_failed_derivation_hands_back_the_lemma_checks_it_ran(monkeypatch, forked, failing, linked, ran, proof):
    runs = _registered(monkeypatch, failing)
    r = _derive(monkeypatch, [_Part("one", ["a", "b", "c"])], linked)
    assert r.verdict is sc.Verdict.UNDECIDED and r.proof == proof and runs == ran
    assert r.lemmas == ["a", "b", "c"] and [s.rule for s in r.steps] == ["rule of one"]
    assert lemmas.checked_lemmas() == {
        name: LemmaCheck(name not in failing, f"{name} is false" if name in failing else f"{name} checked")
        for name in ran}


def test_a_failed_lemma_check_handed_back_fails_the_next_proof_without_running_again(monkeypatch, forked):
    runs = _registered(monkeypatch, failing="a")
    assert _derive(monkeypatch, [_Part("one", ["a"])]).proof == "lemma a failed its check: a is false"
    r = _derive(monkeypatch, [_Part("two", ["c", "a"])])
    assert r.verdict is sc.Verdict.UNDECIDED and r.proof == "lemma a failed its check: a is false"
    assert runs == ["a", "c"]


def test_a_derivation_stopped_before_its_lemmas_hands_back_only_what_had_run(monkeypatch, forked):
    runs = _registered(monkeypatch)
    lemmas.check_lemma("c")                                         # run earlier in this process
    r = _derive(monkeypatch, [_Part("one", ["a"], ok=False, failure="step 1: nope")])
    assert r.proof == "derivation 'one' failed at step 1: nope" and runs == ["c"]
    assert lemmas.checked_lemmas() == {"c": LemmaCheck(True, "c checked")}


def test_the_derivation_work_returns_the_lemma_checks_as_its_last_value(monkeypatch):
    runs = _registered(monkeypatch, failing="b")
    monkeypatch.setattr(runner, "establishes", lambda statements, ps: (True, "linked"))
    ok_thm = _thm(claims="proved", derivation=lambda: [_Part("one", ["a", "c"])], formal=SHIFT)
    bad_thm = _thm(claims="proved", derivation=lambda: [_Part("one", ["a", "b", "c"])], formal=SHIFT)
    ok = runner._derivation_work(ok_thm)(Budget(60), None)
    assert ok[0] is True and ok[5] == {"a": LemmaCheck(True, "a checked"), "c": LemmaCheck(True, "c checked")}
    bad = runner._derivation_work(bad_thm)(Budget(60), None)
    assert bad[0] is False and bad[3] == "lemma b failed its check: b is false" and runs == ["a", "c", "b"]
    assert bad[5] == {"a": LemmaCheck(True, "a checked"), "c": LemmaCheck(True, "c checked"),
                      "b": LemmaCheck(False, "b is false")}
    assert ok[5] is not lemmas._CHECKED and bad[5] is not lemmas._CHECKED     # copies, not the cache itself
