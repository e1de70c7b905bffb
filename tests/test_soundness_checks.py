"""Checks must say what they decided: an exact check answers Holds or a Counterexample, a numeric
error is a finite real >= 0, and a time-out (even one a check tries to swallow, or one stuck in C
code) is undecided, never a pass.  Each test here fails if the unsound behaviour comes back."""

import dataclasses
import itertools
import time

import pytest

import symconv as sc
from symconv.cli import EXIT_OK, EXIT_REFUTED, EXIT_UNDECIDED, exit_code
from symconv.engine.budget import Budget, BudgetExhausted, hard_limit, run_guarded
from symconv.engine.numeric import run_numeric
from symconv.engine.statement import Statement
from symconv.objects.indexed import S, i, j, x, zsum

REFUTED_VARIANT = sc.FalseVariant("toy_false", "false.", exact=lambda n_: sc.Counterexample(n_, "no"))


def _thm(**kw):
    base = dict(name="toy", statement="toy.", claims="verified", n_range=(1, 5), false_variants=[REFUTED_VARIANT],
                formal=Statement.identity(zsum(S(i, j) * x(j), j), x(i - 1)))   # every theorem states its claim
    base.update(kw)
    return sc.Theorem(**base)


def _holds(n_):
    return sc.Holds(f"toy holds at n={n_}")


# ---------------------------------------------------------------- explicit evidence

def test_holds_is_exported_and_has_no_truth_value():
    h = sc.Holds("W S = S W exactly for generic W, n=5")
    assert str(h) == "W S = S W exactly for generic W, n=5"
    with pytest.raises(TypeError):
        bool(h)                       # `check_a(n) or check_b(n)` must not silently skip check_b
    with pytest.raises(TypeError):
        _ = h or sc.Counterexample(1, "skipped")


def test_holds_all_returns_the_first_counterexample_or_joins():
    cex = sc.Counterexample(3, "no")
    assert sc.Holds.all(sc.Holds("a"), cex, sc.Holds("b")) is cex
    assert sc.Holds.all(sc.Holds("a"), None) is None          # a wrong answer is passed on, never hidden
    assert sc.Holds.all(sc.Holds("a"), sc.Holds("b")).detail == "a; b"
    with pytest.raises(ValueError):
        sc.Holds.all()


def test_check_returning_none_is_not_verified():
    r = sc.run_theorem(_thm(exact=lambda n_: None))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    assert r.n_checked is None
    assert "exact check returned None at n=1, expected Holds or Counterexample" in r.notes


@pytest.mark.parametrize("answer", [True, "ok", 0, [], sc.Verdict.VERIFIED])
def test_check_returning_anything_but_evidence_is_not_verified(answer):
    r = sc.run_theorem(_thm(exact=lambda n_: answer))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    assert any("expected Holds or Counterexample" in note for note in r.notes)


def test_check_swallowing_its_exception_is_not_verified():
    def swallowing(n_):
        try:
            raise ZeroDivisionError("the real failure")
        except Exception:
            return None
    r = sc.run_theorem(_thm(exact=swallowing))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def test_a_none_at_one_n_stops_the_range_and_keeps_the_ns_before():
    r = sc.run_theorem(_thm(exact=lambda n_: None if n_ == 3 else _holds(n_)))
    assert r.verdict is sc.Verdict.UNDECIDED and r.n_checked == (1, 2)
    assert r.exact_evidence == "n=2: toy holds at n=2"


def test_holds_for_every_n_verifies_with_its_evidence():
    r = sc.run_theorem(_thm(exact=_holds))
    assert r.verdict is sc.Verdict.VERIFIED and r.passed and r.n_checked == (1, 5)
    assert r.exact_evidence == "n=5: toy holds at n=5"
    assert r.to_dict()["exact_evidence"] == "n=5: toy holds at n=5"


def test_a_bad_answer_downgrades_a_proved_theorem_too():
    thm = _proved_theorem()
    r = sc.run_theorem(dataclasses.replace(thm, exact=lambda n_: None), sc.RunOptions(n_max=4))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def test_false_variant_is_refuted_only_by_a_counterexample():
    for answer in (None, sc.Holds("the false claim holds here"), True):
        r = sc.run_theorem(_thm(exact=_holds, false_variants=[sc.FalseVariant("v", "v", exact=lambda n_: answer)]))
        (v,) = r.variants
        assert v.verdict is sc.Verdict.UNDECIDED and not v.caught and not r.passed
        assert "NOT refuted" in v.detail
    # a None at small n is no refutation, but the search goes on to the counterexample
    late = sc.FalseVariant("late", "late", exact=lambda n_: None if n_ < 3 else sc.Counterexample(n_, "n >= 3"))
    r = sc.run_theorem(_thm(exact=_holds, false_variants=[late]))
    assert r.variants[0].caught and r.variants[0].counterexample.n == 3 and r.passed


def test_every_verify_check_answers_with_evidence():
    for n_ in (1, 2, 3):
        for check in (sc.verify.shift_entries_are_permutation, sc.verify.shift_acts_as,
                      sc.verify.circulant_mul_comm, sc.verify.commutes_with_shift_iff_circulant,
                      sc.verify.dft_diagonalizes_circulant, sc.verify.fourier_modes_are_shift_eigenvectors):
            out = check(n_)
            assert isinstance(out, sc.Holds) and out.detail, check.__name__


# ---------------------------------------------------------------- budgets from outside

def test_budget_exhausted_is_not_an_exception():
    assert issubclass(BudgetExhausted, BaseException) and not issubclass(BudgetExhausted, Exception)


def test_broad_except_cannot_turn_a_time_out_into_a_pass_in_process():
    def sneaky(budget, report):
        try:
            time.sleep(5)
        except Exception:
            return "pass"
        return "pass"
    out = run_guarded(sneaky, 0.3, isolate=False)
    assert out.status == "timed out" and out.value is None


@pytest.mark.parametrize("isolate", [True, False])
def test_check_catching_exception_around_a_budget_exhaustion_times_out(isolate):
    def sneaky(n_):
        try:
            time.sleep(10)                 # interrupted by the budget (SIGALRM)
        except Exception:
            return sc.Holds("swallowed the time-out")
        return sc.Holds("slept")
    t0 = time.monotonic()
    r = sc.run_theorem(_thm(exact=sneaky, budget=0.5), sc.RunOptions(isolate=isolate))
    assert time.monotonic() - t0 < 6
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    assert any("timed out" in note for note in r.notes)


def test_check_stuck_in_c_code_is_killed_and_undecided():
    t0 = time.monotonic()
    r = sc.run_theorem(_thm(exact=lambda n_: _holds(n_) if n_ < 3 else sum(itertools.repeat(0)), budget=1))
    took = time.monotonic() - t0
    assert took < 8, f"the watchdog took {took:.1f} s"
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    assert r.n_checked == (1, 2)                               # the n that had passed are kept
    assert any("killed by the watchdog" in note for note in r.notes)


def test_check_that_kills_its_own_process_is_undecided():
    import os
    r = sc.run_theorem(_thm(exact=lambda n_: os._exit(0)))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    assert any("ended without an answer" in note for note in r.notes)


def test_check_raising_system_exit_is_undecided():
    def bye(n_):
        raise SystemExit(0)
    for isolate in (True, False):
        r = sc.run_theorem(_thm(exact=bye), sc.RunOptions(isolate=isolate))
        assert r.verdict is sc.Verdict.UNDECIDED and any("SystemExit" in note for note in r.notes)


def test_unpicklable_counterexample_data_still_refutes():
    r = sc.run_theorem(_thm(exact=lambda n_: sc.Counterexample(n_, "bad", {"f": lambda: 1})))
    assert r.verdict is sc.Verdict.REFUTED and r.counterexample.n == 1
    assert isinstance(r.counterexample.data["f"], str)


def test_hard_limit_still_interrupts_python_code():
    with pytest.raises(BudgetExhausted):
        with hard_limit(Budget(0.2)):
            while True:
                pass


# ---------------------------------------------------------------- numeric checks

@pytest.mark.parametrize("errors, what", [
    ((float("nan"), 0.0), "nan (NaN)"),
    ((0.0, float("nan")), "nan (NaN)"),
    ((-1.0, 0.0), "-1.0 (negative)"),
    ((0.0, -1e-30), "(negative)"),
    ((float("inf"), 0.0), "inf (infinite)"),
    ((1j, 0.0), "not a real number"),
    (("0.0", 0.0), "not a real number"),
    ((None, 0.0), "not a real number"),
    ((True, 0.0), "not a real number"),
])
def test_invalid_numeric_error_is_undecided_never_zero(errors, what):
    r = sc.run_theorem(_thm(claims="cross-checked", numeric=lambda n_, rng, dps: errors))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    assert r.numeric_error is None and r.numeric_mp_error is None      # never shown as 0.0
    assert any(what in note and "numeric cross-check undecided" in note for note in r.notes), r.notes
    assert "num err" not in sc.render.text.theorem_line(r)


def test_nan_after_valid_sizes_is_not_dropped_by_max():
    errs = iter([1e-16, float("nan"), 1e-16])
    out = run_numeric(lambda n_, rng, dps: (next(errs), 0.0), "x", [1, 2, 3], 0, 30, 1e-9, Budget(10))
    assert not out.decided and not out.ok and "at n=2 is nan" in out.problem


@pytest.mark.parametrize("errors", [(float("nan"), 0.0), (-1.0, 0.0), (float("inf"), 0.0), (1.0, 1.0)])
def test_numeric_nan_or_disagreement_downgrades_verified(errors):
    r = sc.run_theorem(_thm(exact=_holds, numeric=lambda n_, rng, dps: errors))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def _proved_theorem():
    """A real proved theorem of the catalog (derivation, formal statement and all)."""
    (thm,) = [t for t in sc.load_theorems(["proofs/shift.py"]) if t.name == "shift_mulVec"]
    return thm


@pytest.mark.parametrize("errors", [(1.0, 1.0), (float("nan"), 0.0), (-1.0, 0.0), (0.0, float("inf"))])
def test_numeric_disagreement_or_nan_downgrades_a_derivation(errors):
    thm = _proved_theorem()
    opts = sc.RunOptions(n_max=4)
    assert sc.run_theorem(thm, opts).verdict is sc.Verdict.PROVED          # the derivation itself is fine
    r = sc.run_theorem(dataclasses.replace(thm, numeric=lambda n_, rng, dps: errors), opts)
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def test_numeric_check_stuck_in_c_code_is_killed():
    t0 = time.monotonic()
    r = sc.run_theorem(_thm(claims="cross-checked", budget=1,
                            numeric=lambda n_, rng, dps: (sum(itertools.repeat(0)), 0.0)))
    assert time.monotonic() - t0 < 8
    assert r.verdict is sc.Verdict.UNDECIDED and any("killed by the watchdog" in note for note in r.notes)


# ---------------------------------------------------------------- surviving mutations

def test_passed_needs_every_false_variant_refuted():
    """Kills `passed` using any() instead of all() over the false variants."""
    escaped = sc.FalseVariant("escaped", "x", exact=lambda n_: sc.Holds("true after all"))
    r = sc.run_theorem(_thm(exact=_holds, false_variants=[REFUTED_VARIANT, escaped]))
    assert r.verdict is sc.Verdict.VERIFIED
    assert [v.caught for v in r.variants] == [True, False]
    assert not r.passed and exit_code([r]) == EXIT_REFUTED
    r2 = sc.run_theorem(_thm(exact=_holds, false_variants=[escaped, REFUTED_VARIANT]))
    assert not r2.passed


def test_timed_out_false_variant_is_not_refuted():
    """Kills a timed-out false variant counted as refuted."""
    def slow(n_):
        time.sleep(10)
        return sc.Counterexample(n_, "too late")
    r = sc.run_theorem(_thm(exact=_holds, budget=0.5, false_variants=[sc.FalseVariant("slow", "x", exact=slow)]))
    (v,) = r.variants
    assert v.verdict is sc.Verdict.UNDECIDED and not v.caught and v.counterexample is None
    assert "timed out" in v.detail and not r.passed


def test_false_variant_stuck_in_c_code_is_not_refuted():
    t0 = time.monotonic()
    r = sc.run_theorem(_thm(exact=_holds, budget=1, false_variants=[
        sc.FalseVariant("stuck", "x", exact=lambda n_: sum(itertools.repeat(0)))]))
    assert time.monotonic() - t0 < 8
    (v,) = r.variants
    assert not v.caught and "killed by the watchdog" in v.detail and not r.passed


def test_undecided_shifts_raise_in_the_testing_helpers(monkeypatch):
    """Kills undecided shifts not raising in assert_shift_equivariant / assert_shift_invariant."""
    import symconv.engine.equivariance as eqv
    import symconv.engine.shift_table as st

    import sympy as sp

    # each op writes equal values in two forms (factored, expanded), so that the comparisons reach
    # decide_zero: identical entries are equal without it (a structural match is a proof)
    monkeypatch.setattr(eqv, "decide_zero", lambda e: None)     # every exact comparison undecided
    with pytest.raises(AssertionError, match="could not decide"):
        sc.assert_shift_equivariant(lambda v: [sp.expand((v[i] + 1) ** 2) if i % 2 else (v[i] + 1) ** 2
                                               for i in range(3)], 3)
    monkeypatch.setattr(st, "decide_zero", lambda e: None)
    with pytest.raises(AssertionError, match="undecided"):
        sc.assert_shift_invariant(lambda v: [sum(v) ** 2 if v[0] == sp.Symbol("x0") else sp.expand(sum(v) ** 2)], (3,))


def test_exit_codes_follow_the_verdicts():
    ok = sc.run_theorem(_thm(exact=_holds))
    undecided = sc.run_theorem(_thm(exact=lambda n_: None))
    assert exit_code([ok]) == EXIT_OK and exit_code([ok, undecided]) == EXIT_UNDECIDED


# ---------------------------------------------------------------- quadrature that did not converge

def _same_wrong_integral_twice(n_, rng, dps):
    """Both sides by the same non-converged quadrature: they agree exactly, and both are wrong."""
    import mpmath

    from symconv.engine.numeric import quad_mp
    with mpmath.workdps(dps):
        lhs = quad_mp(lambda t: mpmath.sin(1000 * t), [0, 10])
        rhs = quad_mp(lambda t: mpmath.sin(1000 * t), [0, 10])
        return 0.0, float(abs(lhs - rhs))


def test_quad_mp_refuses_a_rule_that_did_not_converge():
    import mpmath

    from symconv.engine.numeric import quad_mp
    with mpmath.workdps(50):
        true = (1 - mpmath.cos(10000)) / 1000
        wrong, estimate = mpmath.quad(lambda t: mpmath.sin(1000 * t), [0, 10], error=True, method="gauss-legendre")
        assert abs(wrong - true) > 0.1 and estimate > 0.1          # mpmath alone returns a wrong number
        with pytest.raises(ArithmeticError, match=r"did not converge on \[0, 10\]: error estimate 1\.0 > 3\.3e-52"):
            quad_mp(lambda t: mpmath.sin(1000 * t), [0, 10])
        with pytest.raises(ArithmeticError, match="did not converge"):        # a kink inside a subinterval
            quad_mp(lambda t: abs(t - mpmath.mpf(1) / 3), [0, 1])
        assert abs(quad_mp(lambda t: abs(t - mpmath.mpf(1) / 3), [0, mpmath.mpf(1) / 3, 1]) - mpmath.mpf(5) / 18) < 1e-49
        with pytest.raises(ArithmeticError, match="did not converge"):        # not finite
            quad_mp(lambda t: mpmath.inf, [0, 1])
        exact = mpmath.e ** 3 - 1
        assert abs(quad_mp(mpmath.exp, [0, 1, 2, 3]) - exact) < mpmath.mpf(10) ** -49


def test_agreement_of_two_unconverged_quadratures_is_undecided():
    r = sc.run_theorem(_thm(claims="cross-checked", numeric=_same_wrong_integral_twice, numeric_sizes=(1,)))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    assert r.numeric_mp_error is None
    assert any("did not converge" in note for note in r.notes), r.notes
