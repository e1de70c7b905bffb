"""The negative catalogue (tests/negative_catalogue.py): over a thousand mutated steps and over a
thousand mutated formal statements, generated from every derivation in proofs/."""

import collections

import pytest

import symconv as sc
from negative_catalogue import rules_reject, statement_catalogue, step_catalogue
from symconv.engine.concrete import concrete_compare

THEOREMS = sc.load_theorems(["proofs"])


@pytest.fixture(scope="module")
def step_mutants():
    return list(step_catalogue(THEOREMS))


def test_every_mutated_step_is_rejected_by_the_rules(step_mutants):
    counts, accepted = collections.Counter(), []
    for mut, d, equivalent in step_mutants:
        if equivalent:                      # the same value everywhere: not a false step
            counts["equivalent"] += 1
            continue
        counts[mut.kind] += 1
        if not rules_reject(d, mut.step):
            accepted.append(mut)
    assert not accepted, f"{len(accepted)} mutated steps accepted, e.g. {accepted[:3]}"
    assert sum(v for k, v in counts.items() if k != "equivalent") >= 1000, counts
    for kind in ("index+1", "index-1", "swap", "exp-sign", "times-n", "over-n", "non-bijective", "capture",
                 "dependent-range", "false-hypothesis"):
        assert counts[kind] > 0, f"no {kind} mutant generated: {counts}"


def test_mutated_steps_that_differ_are_also_caught_by_concrete_evaluation(step_mutants):
    """A mutant classified as different is, by construction, a step concrete evaluation contradicts:
    the full check (rules and concrete evaluation) rejects a sample of them too."""
    sample = [m for m in step_mutants if m[2] is False][::25]
    assert len(sample) > 40
    for mut, d, _ in sample:
        assert not d.check().ok, mut


def test_mutated_statements_never_pass():
    counts = collections.Counter()
    for mut, stmt, keep, m in statement_catalogue(THEOREMS, second_order=1):
        counts[concrete_compare(keep, m, definitions=stmt.definition_map).status] += 1
    assert counts["differ"] >= 1000, counts
    # the rest are undecided (statements about integrals and maxima: never a pass) or equivalent
    # mutants (e.g. [i = j] for [j = i], or the pairing of D S^T - S^T D with another circulant, still 0)
    assert counts["agree"] < counts["differ"] / 10, counts
