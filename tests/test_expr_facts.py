"""symconv.objects.expr_facts answers exactly what SymPy answers (free symbols, atoms), on the whole
catalogue's statements and definitions, on their mutants, and on the shapes where a careless rule would
differ: shadowed bound variables, a bound variable used in a later limit, one-element limits, bound
variables that are not plain symbols, classes with their own free_symbols, points of different G-sets."""

import itertools
import sys
from pathlib import Path

import pytest
import sympy as sp
from sympy.core.function import AppliedUndef

import symconv as sc
from symconv.objects.expr_facts import atoms_of, free_symbols
from symconv.objects.group_actions import Point

sys.path.insert(0, str(Path(__file__).parent))
from negative_catalogue import iter_expr_mutants  # noqa: E402

i, j, k, m = sp.symbols("i j k m", integer=True)
x, y = sp.symbols("x y", real=True)
f, g = sp.Function("f"), sp.Function("g")


def _catalogue_exprs():
    out = []
    for t in sc.load_theorems(["proofs"]):
        for st in t.formal or ():
            out += [side for side in (st.lhs, st.rhs) if isinstance(side, sp.Basic)]
            out += [lam for lam in st.definition_map.values() if isinstance(lam, sp.Basic)]
    return list(dict.fromkeys(out))


CATALOGUE = _catalogue_exprs()


def test_catalogue_has_statements_to_compare():
    assert len(CATALOGUE) > 50


def test_free_symbols_and_atoms_agree_with_sympy_on_the_catalogue():
    for e in CATALOGUE:
        assert free_symbols(e) == frozenset(e.free_symbols), e
        assert atoms_of(e, AppliedUndef) == frozenset(e.atoms(AppliedUndef)), e


def test_free_symbols_agree_with_sympy_on_mutants():
    seen = 0
    for e in CATALOGUE[::7]:
        for mutant in itertools.islice(iter_expr_mutants(e), 12):
            mutant = mutant[1]           # (kind, mutated expression)
            if not isinstance(mutant, sp.Basic):
                continue
            assert free_symbols(mutant) == frozenset(mutant.free_symbols), mutant
            seen += 1
    assert seen > 300


TRICKY = [
    sp.Sum(f(i), (i, 0, m)),                                   # bound i, free m
    sp.Sum(sp.Sum(f(i, j), (j, 0, i)), (i, 0, m)),             # j's limit uses the outer i
    sp.Sum(f(i), (i, 0, i)),                                    # i bound by itself and free in its limit
    sp.Sum(sp.Sum(f(i), (i, 0, m)) * g(i), (j, 0, k)),          # inner i shadows: the outer g(i) stays free
    sp.Sum(f(i, j), (i, 0, m), (j, 0, i)),                      # two limits, the second's bound uses i
    sp.Sum(f(i, j), (j, 0, i), (i, 0, m)),                      # the same, in the other order
    sp.Product(f(i) + k, (i, 1, m)),
    sp.Integral(x * y, (x, 0, y)),                              # Integral has its own free_symbols
    sp.Integral(x * y, x),                                      # one-element limit
    sp.Lambda((i, j), f(i, j) + k),
    sp.Lambda(i, sp.Sum(f(i, j), (j, 0, m))),
    sp.Piecewise((f(i), i > k), (0, True)),
    sp.Derivative(f(x) * y, x),
    sp.Max(i, j + m),
    sp.Subs(f(x) + y, x, k),
    sp.Sum(sp.Lambda(i, f(i, j))(k), (j, 0, m)),
    sp.Integer(3),
    i,
]


@pytest.mark.parametrize("e", TRICKY, ids=lambda e: sp.sstr(e)[:40])
def test_free_symbols_agree_with_sympy_on_tricky_shapes(e):
    assert free_symbols(e) == frozenset(e.free_symbols)


def test_bound_variable_that_is_not_a_plain_symbol_is_sympys_answer():
    # a Sum whose "variable" is an Indexed/applied object: SymPy masks it with a Dummy; ours defers to it
    a = sp.IndexedBase("a")
    e = sp.Sum(a[i] * k, (a[i], 0, m))
    assert free_symbols(e) == frozenset(e.free_symbols)


def test_points_of_different_gsets_are_different_keys():
    X, Y = sp.Symbol("X"), sp.Symbol("Y")
    px, py = Point("p", X), Point("p", Y)
    ex, ey = f(px), f(py)
    assert free_symbols(ex) == frozenset(ex.free_symbols)
    assert free_symbols(ey) == frozenset(ey.free_symbols)
    assert free_symbols(ex) != free_symbols(ey)
    assert atoms_of(ex, Point) == {px} and atoms_of(ey, Point) == {py}


def test_symbols_with_different_assumptions_are_different_keys():
    a_int, a_real = sp.Symbol("a", integer=True), sp.Symbol("a", real=True)
    assert free_symbols(f(a_int)) == {a_int}
    assert free_symbols(f(a_real)) == {a_real}


def test_cyclic_and_z_sequences_of_one_name_are_different_keys():
    cyc = sp.Function("c", _symconv_cyclic=True)
    onz = sp.Function("c", _symconv_cyclic=False)
    assert atoms_of(cyc(i), AppliedUndef) == {cyc(i)}
    assert atoms_of(onz(i), AppliedUndef) == {onz(i)}
    (only,) = atoms_of(onz(i), AppliedUndef)
    assert only.func._symconv_cyclic is False


def test_bad_input_names_the_parameter():
    with pytest.raises(TypeError, match="e must be"):
        free_symbols(3)
    with pytest.raises(TypeError, match="e must be"):
        atoms_of("x", sp.Symbol)
    with pytest.raises(ValueError, match="types"):
        atoms_of(i)
