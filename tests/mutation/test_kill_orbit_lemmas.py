"""Kill-tests for symconv/engine/orbit_lemmas.py (the checks of the three group-action lemmas).

The evidence texts are pinned in test_kill_lemmas.py (counts included: 17 actions, 323 points, 51 G-sets).
Here the catalogue itself is pinned against an independent computation (closure of the generators under
composition, in plain tuples), and every part of each check must fail on a map that is not an action: a
check that a weakened comparison lets pass would be evidence for nothing.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import pytest

from symconv.engine import orbit_lemmas as ol
from symconv.engine.lemmas import LemmaCheck

NAMES = ["Z_1 on Z_1 (both)", "Z_2 on Z_2 (both)", "Z_3 on Z_3 (both)", "Z_4 on Z_4 (both)", "Z_5 on Z_5 (both)",
         "D_3 on the 3-gon (both)", "D_4 on the 4-gon (both)", "D_5 on the 5-gon (both)", "S_3 on 3 points (both)",
         "S_4 on 4 points (both)", "A_4 on 4 points (both)", "Klein group on 4 points (both)",
         "trivial group on 3 points -> on 2 points", "Z_4 on Z_4 -> on Z_2", "S_3 on 3 points -> its sign on 2 points",
         "D_4 on 4 vertices -> on the 2 diagonals", "Z_6 on Z_6 -> on Z_3"]
#: |G|, |X|, |Y| of each entry
SIZES = [(1, 1, 1), (2, 2, 2), (3, 3, 3), (4, 4, 4), (5, 5, 5), (6, 3, 3), (8, 4, 4), (10, 5, 5), (6, 3, 3),
         (24, 4, 4), (12, 4, 4), (4, 4, 4), (1, 3, 2), (4, 4, 2), (6, 3, 2), (8, 4, 2), (6, 6, 3)]
GENS_X = [[(0,)], [(1, 0)], [(1, 2, 0)], [(1, 2, 3, 0)], [(1, 2, 3, 4, 0)], [(1, 2, 0), (2, 1, 0)],
          [(1, 2, 3, 0), (3, 2, 1, 0)], [(1, 2, 3, 4, 0), (4, 3, 2, 1, 0)], [(1, 2, 0), (1, 0, 2)],
          [(1, 2, 3, 0), (1, 0, 2, 3)], [(1, 2, 0, 3), (0, 2, 3, 1)], [(1, 0, 3, 2), (2, 3, 0, 1)], [(0, 1, 2)],
          [(1, 2, 3, 0)], [(1, 0, 2), (1, 2, 0)], [(1, 2, 3, 0), (0, 3, 2, 1)], [(1, 2, 3, 4, 5, 0)]]
GENS_Y = GENS_X[:12] + [[(0, 1)], [(1, 0)], [(1, 0), (0, 1)], [(1, 0), (0, 1)], [(1, 2, 0)]]


def _closure(gens):
    """Every product of the generators (pairs (on X, on Y)), by closing under composition."""
    def compose(a, b):           # (a b)(p) = a(b(p)), on both sets at once
        return tuple(a[0][q] for q in b[0]), tuple(a[1][q] for q in b[1])
    ident = (tuple(range(len(gens[0][0]))), tuple(range(len(gens[0][1]))))
    out, todo = {ident}, [ident]
    while todo:
        e = todo.pop()
        for s in gens:
            c = compose(s, e)
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


def test_the_catalogue_is_the_stated_groups_acting_on_two_sets():
    cat = ol.action_catalogue()
    assert [e[0] for e in cat] == NAMES
    for (name, ex, ey, gx, gy), (order, nx, ny), gens_x, gens_y in zip(cat, SIZES, GENS_X, GENS_Y):
        assert (len(ex), len(ey)) == (order, order), name
        assert all(len(a) == nx for a in ex) and all(len(b) == ny for b in ey), name
        assert gx == gens_x and gy == gens_y, name
        assert all(isinstance(a, tuple) for a in ex + ey + gx + gy)
        pairs = list(zip(ex, ey))
        assert len(set(pairs)) == order, name                      # every element once
        assert set(pairs) == _closure(list(zip(gx, gy))), name      # the group the generators generate
        assert len(set(ex)) == order, name                         # faithful on X (every group of the list)


def test_the_catalogue_is_computed_once(monkeypatch):
    monkeypatch.setattr(ol, "ACTION_CATALOGUE", None)
    first = ol._catalogue()
    assert ol.ACTION_CATALOGUE is first and ol._catalogue() is first
    assert [e[0] for e in first] == NAMES


def test_the_three_g_sets_of_an_entry():
    name, ex, ey, _, _ = entry = ol.action_catalogue()[14]          # S_3 on 3 points and on its sign
    X, Y, YX = ol._sets(entry)
    assert (X[0], Y[0], YX[0]) == ("X", "Y", "Y x X")
    assert X[1] == [0, 1, 2] and Y[1] == [0, 1]
    assert YX[1] == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
    for g in range(6):
        for p in range(3):
            assert X[2](g, p) == ex[g][p]
        for p in range(2):
            assert Y[2](g, p) == ey[g][p]
        for p in YX[1]:
            assert YX[2](g, p) == (ey[g][p[0]], ex[g][p[1]])
    assert len(ol._sets(entry)) == 3


def test_orbits_are_a_partition_with_labels():
    els = [(0, 1, 2, 3), (1, 0, 3, 2)]
    label, orbits = ol._orbits([0, 1, 2, 3], lambda g, p: els[g][p], 2)
    assert label == {0: 0, 1: 0, 2: 1, 3: 1} and orbits == [{0, 1}, {2, 3}]
    label, orbits = ol._orbits([0, 1, 2], lambda g, p: p, 1)
    assert label == {0: 0, 1: 1, 2: 2} and orbits == [{0}, {1}, {2}]
    # a point already labelled starts no orbit (with a map that is not an action: 0 -> 1, 1 -> 2, 2 -> 0)
    label, orbits = ol._orbits([0, 1, 2], lambda g, p: [(1, 2, 0)][g][p], 1)
    assert label == {1: 0, 0: 1} and orbits == [{1}, {0}]


def test_rank_over_q():
    assert ol._rank_q([], 3) == 0
    assert ol._rank_q([{0: 1, 1: -1}, {1: 1, 2: -1}, {0: 1, 2: -1}], 3) == 2
    assert ol._rank_q([{0: 1, 1: -1}], 2) == 1
    assert ol._rank_q([{2: 5}], 3) == 1 and ol._rank_q([{0: 1}, {1: 1}, {2: 1}], 3) == 3
    assert ol._rank_q([{0: 2, 1: 1}, {0: 4, 1: 2}], 2) == 1
    assert ol._rank_q([{0: 3, 1: 1}, {0: 1, 1: 3}], 2) == 2


#: a map of Z_2 to maps of {0, 1} with no identity (not an action)
NO_IDENTITY = ("no identity", [(1, 0), (1, 0)], [(0,), (0,)], [], [])
#: Z_3 -> e: id, a: (0 1), a^2: (0 1), not a homomorphism
NOT_HOM = ("not an action", [(0, 1, 2), (1, 0, 2), (1, 0, 2)], [(0,)] * 3, [], [])
#: a map that is not a bijection: 0 -> 0, 1 -> 0
NOT_BIJ = ("not a bijection", [(0, 1, 2), (0, 0, 2)], [(0,), (0,)], [], [])


def test_orbit_stabiliser_check():
    assert ol.check_orbit_stabiliser() == (True, "323 points")
    cat = ol.action_catalogue()
    assert ol.check_orbit_stabiliser(cat[:1]) == (True, "3 points")           # Z_1: X, Y, Y x X of one point each
    assert ol.check_orbit_stabiliser(cat[1:2]) == (True, "8 points")          # Z_2: 2 + 2 + 4
    assert ol.check_orbit_stabiliser([NOT_HOM]) == (False, "not an action, X: |Stab(0)| |G 0| = 1 * 2 != |G| = 3")
    assert ol.check_orbit_stabiliser([NO_IDENTITY]) == (False, "no identity, X: |Stab(0)| |G 0| = 0 * 1 != |G| = 2")
    # the failure is found in a later entry and a later set too
    late = ("late", [(0, 1), (1, 0)], [(1, 0), (1, 0)], [], [])
    assert ol.check_orbit_stabiliser(cat[:2] + [late]) == (False, "late, Y: |Stab(0)| |G 0| = 0 * 1 != |G| = 2")


def test_orbit_counting_check():
    assert ol.check_orbit_counting() == (True, "51 G-sets")
    cat = ol.action_catalogue()
    assert ol.check_orbit_counting(cat[:2]) == (True, "6 G-sets")
    assert ol.check_orbit_counting([NOT_BIJ]) == (False, "not a bijection, X: sum 1/|Gz| = 5/2, 3 orbits")
    # exact rationals: 1/3 + 1/3 + 1/3 is exactly 1 (one orbit of Z_3)
    assert ol.check_orbit_counting(cat[2:3]) == (True, "3 G-sets")


def test_invariant_functions_dim_check():
    assert ol.check_invariant_functions_dim() == (True, "51 G-sets")
    cat = ol.action_catalogue()
    assert ol.check_invariant_functions_dim(cat[:2]) == (True, "6 G-sets")
    assert ol.check_invariant_functions_dim([NOT_BIJ]) == \
        (False, "not a bijection, X: the invariant W form a space of dimension 2, 3 orbits")
    assert ol.check_invariant_functions_dim([NO_IDENTITY]) == (False, "no identity, X: an orbit indicator is not invariant")


def test_the_equations_of_invariance_are_every_element_and_point(monkeypatch):
    """The rank is taken of the rows W(g.z) - W(z) for every g and every z with g.z != z."""
    seen = []
    real = ol._rank_q

    def spy(rows, ncols):
        seen.append((sorted(tuple(sorted(r.items())) for r in rows), ncols))
        return real(rows, ncols)

    monkeypatch.setattr(ol, "_rank_q", spy)
    assert ol.check_invariant_functions_dim(ol.action_catalogue()[2:3]) == (True, "3 G-sets")
    rows_x = sorted([((0, -1), (1, 1)), ((1, -1), (2, 1)), ((0, 1), (2, -1)),       # g = a: 0->1, 1->2, 2->0
                     ((0, -1), (2, 1)), ((0, 1), (1, -1)), ((1, 1), (2, -1))])      # g = a^2
    assert seen[0] == (rows_x, 3) and seen[1] == (rows_x, 3)
    assert seen[2][1] == 9 and len(seen[2][0]) == 2 * 9 and len(seen) == 3


@pytest.mark.parametrize("name, fn, part", [
    ("_orbit_stabiliser", "check_orbit_stabiliser", "orbit-stabiliser"),
    ("_orbit_counting", "check_orbit_counting", "orbit counting"),
    ("_invariant_functions_dim", "check_invariant_functions_dim", "dimension")])
def test_a_failed_recomputation_fails_the_lemma(monkeypatch, name, fn, part):
    monkeypatch.setattr(ol, fn, lambda catalogue=None: (False, f"{part} broke"))
    assert getattr(ol, name)() == LemmaCheck(False, f"{part} broke")


def test_orbit_stabiliser_needs_its_side_condition(monkeypatch):
    """A check that 'shows' orbit-stabiliser for a map that is not an action fails the lemma."""
    calls = []

    def every_map_passes(catalogue=None):
        calls.append(catalogue)
        return True, "7 points"

    monkeypatch.setattr(ol, "check_orbit_stabiliser", every_map_passes)
    res = ol._orbit_stabiliser()
    assert res == LemmaCheck(False, "orbit-stabiliser was 'shown' for a map that is not an action")
    assert calls[0] is None and calls[1] == [NOT_HOM]


def test_the_lemma_checks_pass():
    for fn in (ol._orbit_stabiliser, ol._orbit_counting, ol._invariant_functions_dim):
        res = fn()
        assert res.ok is True and "17 actions" in res.evidence


def test_module_exports():
    assert set(ol.__all__) == {"ACTION_CATALOGUE", "action_catalogue", "check_orbit_stabiliser",
                               "check_orbit_counting", "check_invariant_functions_dim"}
