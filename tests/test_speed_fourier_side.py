"""The faster routes of the Fourier / function theorems decide exactly what the old ones decided:

* ``piecewise.convolve`` compares the integration limits of rational (or infinite) ends exactly instead of
  building SymPy Max/Min: the same pieces as the Max/Min route, on many random piece lists;
* ``exp_poly.antiderivative`` computes and checks each (p, s, var) once: the same body as a fresh computation;
* ``proofs/dft_norm.py`` decides idft(dft(x)) - x in Q(zeta_n) first: the same answers as ``decide_zero``, also
  for non-zero and non-cyclotomic inputs;
* the mpmath quadratures (adaptive Gauss-Legendre on cut intervals) agree with the old tanh-sinh route and with
  closed forms to the working precision, and a wrong transform is still far off;
* the discrete convolution theorems' claims, evaluated in Z[zeta_n][a, b] (RootPoly), leave exactly the monomials
  and field elements that cyclotomic_residual leaves of the old SymPy expressions; RootPoly against
  cyclotomic_residual on random polynomials;
* Arb's Gauss-Legendre nodes are mpmath's (to mpmath's own threshold), the quadratures with them equal mpmath's;
* antiderivatives checked in a symbol S for s, convolution-property residues read into QQ[symbols], padding by
  one gather, the remembered exp_poly_terms, and the normal-uniform integral by a checked antiderivative give
  what the old routes gave, and wrong inputs are still caught.
"""

from __future__ import annotations

import importlib.util
import pathlib
import random

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symconv as sc

from symconv.exact import decide_zero
from symconv.objects import exp_poly, piecewise
from symconv.objects.piecewise import X, convolve, reflect
from symconv.verify._root_polys import RootPoly

_PROOFS = pathlib.Path(__file__).resolve().parents[1] / "proofs"


def _load(name):
    spec = importlib.util.spec_from_file_location(f"{name}_under_test_speed", _PROOFS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _random_pieces(rnd):
    """1-3 consecutive pieces with rational ends (the last possibly infinite, with a decaying term)."""
    out, a = [], sp.Rational(rnd.randint(-4, 2), rnd.choice([1, 2, 3]))
    for q in range(rnd.randint(1, 3)):
        b = a + sp.Rational(rnd.randint(1, 4), rnd.choice([1, 2]))
        e = rnd.choice([sp.Integer(1), X, 2 - X, X**2 / 3, sp.Rational(1, 2) + X])
        out.append((a, b, e))
        a = b
    if rnd.random() < 0.4:
        out.append((a, sp.oo, rnd.choice([sp.exp(-X), X * sp.exp(-2 * X)])))
    if rnd.random() < 0.2 and out[0][0] != -sp.oo:
        out.insert(0, (-sp.oo, out[0][0], sp.exp(X)))
    return out


def test_convolve_exact_limits_match_the_max_min_route(monkeypatch):
    rnd = random.Random(20261201)
    cases = [(_random_pieces(rnd), _random_pieces(rnd)) for _ in range(20)]
    fast = [convolve(f, g) for f, g in cases]
    monkeypatch.setattr(piecewise, "_extended_rational", lambda v: False)     # force SymPy's Max/Min
    slow = [convolve(f, g) for f, g in cases]
    assert fast == slow
    assert sum(len(h) for h in fast) > 50                                    # non-trivial inputs


def test_convolve_still_uses_max_min_for_other_ends():
    """An irrational end (sqrt(2)) is not compared by the exact route: SymPy's Max/Min decide, as before."""
    assert not piecewise._extended_rational(sp.sqrt(2))
    assert piecewise._extended_rational(sp.Rational(3, 2)) and piecewise._extended_rational(-sp.oo)
    h = convolve([(0, sp.sqrt(2), sp.Integer(1))], [(0, 1, sp.Integer(1))])
    assert [(a, b) for a, b, _ in h] == [(0, 1), (1, sp.sqrt(2)), (sp.sqrt(2), 1 + sp.sqrt(2))]
    assert [e for _, _, e in h] == [X, sp.Integer(1), 1 + sp.sqrt(2) - X]


def test_convolve_of_boxes_and_exponentials_is_right():
    tri = convolve([(0, 1, sp.Integer(1))], [(0, 1, sp.Integer(1))])
    assert tri == [(0, 1, X), (1, 2, 2 - X)]
    h = convolve([(0, sp.oo, sp.exp(-X))], [(0, sp.oo, sp.exp(-2 * X))])
    assert h == [(0, sp.oo, sp.exp(-X) - sp.exp(-2 * X))]
    # f(x) = -x on [-1, 0]: int_{-1}^{x} -t dt = (1 - x^2)/2, then int_{x-1}^{0} -t dt = (x - 1)^2 / 2
    assert convolve(reflect([(0, 1, X)]), [(0, 1, sp.Integer(1))]) == [(-1, 0, sp.Rational(1, 2) - X**2 / 2),
                                                                       (0, 1, X**2 / 2 - X + sp.Rational(1, 2))]


@pytest.mark.parametrize("p,s", [(X**3 - X, sp.Integer(-2)), (X**2, sp.Integer(0)), (sp.Integer(5), sp.Integer(0)),
                                 (X**2 + 1, 1 - 2 * sp.pi * sp.I * sp.Symbol("w", real=True))])
def test_remembered_antiderivative_equals_a_fresh_one(p, s):
    once, again = exp_poly.antiderivative(p, s, X), exp_poly.antiderivative(p, s, X)
    fresh = exp_poly._checked_antiderivative.__wrapped__(p, s, X)
    assert once == fresh and again is once
    assert sp.expand(sp.together(sp.diff(sp.exp(s * X) * once, X) * sp.exp(-s * X) - p)) == 0


def test_remembered_antiderivative_keeps_the_variable_apart():
    t = sp.Symbol("t")
    assert exp_poly.antiderivative(t, -1, t) == -t - 1
    assert exp_poly.antiderivative(t, -1, X) == -t          # t is a constant when integrating in x


def test_dft_norm_zero_test_matches_decide_zero():
    M = _load("dft_norm")
    from symconv.objects.dft import dft, idft

    exprs = []
    for n_ in (3, 5, 6):
        xs = list(sp.symbols(f"x0:{n_}"))
        back = idft(dft(xs, "ortho"), "ortho")
        mixed = idft(dft(xs, "ortho"), "backward")
        exprs += [y - x for y, x in zip(back, xs)] + [y - x for y, x in zip(mixed, xs)]
    z = sp.exp(2 * sp.pi * sp.I / 5)
    exprs += [1 + z + z**2 + z**3 + z**4, sp.Symbol("x") * (1 + z), sp.sqrt(2) * sp.Symbol("x") - sp.Symbol("x"),
              sp.sin(sp.Symbol("x")) - sp.sin(sp.Symbol("x")), sp.exp(sp.Symbol("x")) + 1]
    got = [M._is_zero(e) for e in exprs]
    assert got == [decide_zero(e) for e in exprs]
    assert True in got and False in got


def test_dft_norm_exact_check_and_false_variant():
    M = _load("dft_norm")
    assert "norms backward, ortho, forward" in M._exact(6).detail
    cex = M._exact(2, "ortho", "backward")
    assert cex.n == 2 and "not x0" in cex.description


def _old_quad_mp(pieces, om):
    """The route the piecewise theorems used before: tanh-sinh on unit steps, tails in doubling steps."""
    total = mpmath.mpc(0)
    reach = int((mpmath.mp.dps + 10) * 2.31) + 20
    for a, b, e in pieces:
        fn = sp.lambdify(X, e, "mpmath")
        a_fin, b_fin = sp.sympify(a).is_finite, sp.sympify(b).is_finite
        if a_fin and b_fin:
            lo, hi = sp.Rational(a), sp.Rational(b)
            steps = [lo + k * (hi - lo) / max(1, int(hi - lo)) for k in range(max(1, int(hi - lo)) + 1)]
        else:
            end, sign = (sp.Rational(a), 1) if a_fin else (sp.Rational(b), -1)
            offsets = [0] + [2**k for k in range(reach.bit_length()) if 2**k < reach] + [reach]
            steps = sorted(end + sign * d for d in offsets)
        total += mpmath.quad(lambda t: mpmath.expjpi(-2 * om * t) * fn(t), [mpmath.mpf(v.p) / v.q for v in steps])
    return total


def test_piecewise_quadrature_matches_tanh_sinh_and_the_exact_transform():
    M = _load("convolution_theorem_piecewise")
    w = M.w
    with mpmath.workdps(50):
        om = mpmath.mpf(137) / 100
        for n_ in (1, 3, 5):
            f, g, _ = M.PAIRS[n_ - 1]
            for pieces in (f, g, list(M._product(n_, "conv")), list(M._product(n_, "corr"))):
                new = M._quad_mp(pieces, om)
                old = _old_quad_mp(pieces, om)
                exact = sp.N(M.fourier(pieces, w).subs(w, sp.Rational(137, 100)), 60)
                assert abs(new - old) < mpmath.mpf(10) ** -45
                assert abs(new - mpmath.mpc(str(sp.re(exact)), str(sp.im(exact)))) < mpmath.mpf(10) ** -45
        wrong = M._quad_mp([(0, 1, 2 * X)], om) - M._quad_mp([(0, 1, X)], om)     # F{2x} - F{x} = F{x} != 0
        assert abs(wrong) > 0.01


def test_gaussian_transform_quadrature_matches_the_closed_form():
    M = _load("convolution_theorem")
    for dps in (20, 50):
        with mpmath.workdps(dps):
            for rate in (mpmath.mpf(5) / 11, mpmath.mpf(1), mpmath.mpf(5)):
                W = mpmath.mpf(63) / 100
                got = M._ft_mp(lambda z: mpmath.exp(-rate * z**2), rate, W)
                want = mpmath.sqrt(mpmath.pi / rate) * mpmath.exp(-mpmath.pi**2 * W**2 / rate)
                assert abs(got - want) < mpmath.mpf(10) ** -(dps - 3)
                assert abs(M._ft_mp(lambda z: mpmath.exp(-2 * rate * z**2), rate, W) - want) > 10 ** -3


def test_gaussian_convolution_quadrature_matches_the_closed_form():
    M = _load("function_properties")
    for dps in (20, 50):
        with mpmath.workdps(dps):
            T = mpmath.mpf(-17) / 10
            for a_, b_ in ((1, 2), (mpmath.mpf(1) / 3, 3)):
                A, B = mpmath.mpf(a_), mpmath.mpf(b_)
                got = M._quad_gauss(lambda s: mpmath.exp(-A * s**2), A, lambda s: mpmath.exp(-B * s**2), T)
                want = mpmath.sqrt(mpmath.pi / (A + B)) * mpmath.exp(-A * B * T**2 / (A + B))
                assert abs(got - want) < mpmath.mpf(10) ** -(dps - 3)
                assert abs(M._quad_gauss(lambda s: mpmath.exp(-A * s**2), A, lambda s: mpmath.exp(-B * s**2), -T)
                           - want) < mpmath.mpf(10) ** -(dps - 3)                 # even in T
                assert abs(want - M._quad_gauss(lambda s: mpmath.exp(-A * s**2), A, lambda s: mpmath.exp(-B * s**2),
                                                T + 1)) > 10 ** -3


@pytest.mark.parametrize("shape_x,shape_w", [((7,), (3,)), ((5,), (5,)), ((4, 5), (2, 3)), ((3, 3), (3, 1))])
def test_symbolic_valid_correlation_equals_the_slice_of_the_full_product(shape_x, shape_w):
    """The symbolic 'valid' correlation sums only the outputs it keeps: the same expressions as the slice of the
    full product it used to take (SymPy symbols, with Python and SymPy zeros as padding, and complex ones)."""
    import numpy as np

    from symconv.objects import layers
    from symconv.objects.direct_conv import full_convolve

    rnd = random.Random(7)
    xs = np.array([rnd.choice([sp.Symbol(f"x{q}"), 0, sp.Integer(0), sp.Symbol(f"y{q}", real=True) * sp.I])
                   for q in range(int(np.prod(shape_x)))], dtype=object).reshape(shape_x)
    ws = np.array(sp.symbols(f"w0:{int(np.prod(shape_w))}"), dtype=object).reshape(shape_w)
    sizes = tuple(a - b + 1 for a, b in zip(shape_x, shape_w))
    ones = (1,) * len(shape_x)
    got = layers._strided_correlate(xs, ws, sizes, ones, ones)
    want = full_convolve(xs, layers._flip(ws))[tuple(slice(k - 1, k - 1 + m) for k, m in zip(shape_w, sizes))]
    assert got.shape == want.shape and all(a == b for a, b in zip(got.flat, want.flat))
    rationals = np.array([sp.Rational(q, 3) for q in range(int(np.prod(shape_x)))], dtype=object).reshape(shape_x)
    got_q = layers._strided_correlate(rationals, ws, sizes, ones, ones)         # rationals and symbols
    want_q = full_convolve(rationals, layers._flip(ws))[tuple(slice(k - 1, k - 1 + m) for k, m in zip(shape_w, sizes))]
    assert all(a == b for a, b in zip(got_q.flat, want_q.flat))


def test_symbolic_correlate1d_is_the_defining_sum_in_every_mode():
    from symconv.objects.layers import correlate1d

    x, w = list(sp.symbols("x0:5")), list(sp.symbols("w0:3"))
    for padding in ("valid", "full", "same", 1, 2):
        for mode in ("zeros", "circular", "reflect", "replicate", "symmetric"):
            if padding == "valid" and mode != "zeros":
                continue
            y = correlate1d(x, w, padding, mode, same_convention="torch")
            p = {"valid": 0, "full": 2, "same": 1}.get(padding, padding)
            ext = {"zeros": lambda e: x[e] if 0 <= e < 5 else 0, "circular": lambda e: x[e % 5],
                   "reflect": lambda e: x[abs(e) if e < 5 else 8 - e], "replicate": lambda e: x[min(max(e, 0), 4)],
                   "symmetric": lambda e: x[e if 0 <= e < 5 else (-1 - e if e < 0 else 9 - e)]}[mode]
            want = [sp.Add(*[w[t] * ext(r + t - p) for t in range(3)]) for r in range(5 + 2 * p - 2)]
            assert list(y) == want, (padding, mode)


# ---- the discrete convolution theorems: claims evaluated in Z[zeta_n][a, b] (RootPoly) -------------------------

def _old_dft_claims():
    """The claims of proofs/dft_convolution.py as they were written before the exact kit (SymPy matrices), each
    decided by cyclotomic_residual of its expansion: the reference the new route must reproduce."""
    def conv(F, av, bv, conj=False):
        n_ = len(av)
        cc = sp.Matrix([sum(av[(r - q) % n_] * bv[q] for q in range(n_)) for r in range(n_)])
        Fa_ = (F.conjugate() if conj else F) * sp.Matrix(av)
        return list(F * cc - sp.Matrix([Fa_[q] * (F * sp.Matrix(bv))[q] for q in range(n_)]))

    def corr(F, av, bv, conj=True):
        n_ = len(av)
        cr_ = sp.Matrix([sum(av[q] * bv[(q + r) % n_] for q in range(n_)) for r in range(n_)])
        Fa_ = (F.conjugate() if conj else F) * sp.Matrix(av)
        return list(F * cr_ - sp.Matrix([Fa_[q] * (F * sp.Matrix(bv))[q] for q in range(n_)]))

    def shift(F, av, bv, sign=1):
        n_ = len(av)
        shifted = sp.Matrix([av[(r - 1) % n_] for r in range(n_)])
        w = sp.exp(-2 * sp.pi * sp.I / n_)
        Fa_ = F * sp.Matrix(av)
        return list(F * shifted - sp.Matrix([w ** (sign * q) * Fa_[q] for q in range(n_)]))

    def parseval(F, av, bv, scale=None):
        n_ = len(av)
        Fa_, Fc = F * sp.Matrix(av), F.conjugate() * sp.Matrix(av)
        return [sum(Fa_[q] * Fc[q] for q in range(n_)) - (n_ if scale is None else scale) * sum(x_ ** 2 for x_ in av)]

    return {"conv": (conv, {}), "conv_conj": (conv, {"conj": True}), "corr": (corr, {}),
            "corr_no_conj": (corr, {"conj": False}), "shift": (shift, {}), "shift_conj": (shift, {"sign": -1}),
            "parseval": (parseval, {}), "parseval_unit": (parseval, {"scale": 1})}


def _new_dft_claims(M):
    return {"conv": (M._conv_claim, {}), "conv_conj": (M._conv_claim, {"conj": True}), "corr": (M._corr_claim, {}),
            "corr_no_conj": (M._corr_claim, {"conj": False}), "shift": (M._shift_claim, {}),
            "shift_conj": (M._shift_claim, {"sign": -1}), "parseval": (M._parseval_claim, {}),
            "parseval_unit": (M._parseval_claim, {"scale": 1})}


def _as_field_element(counts, n_):
    from symconv.exact import CyclotomicField

    return CyclotomicField(n_).from_poly(counts)


@pytest.mark.parametrize("n_", [1, 2, 3, 4, 5, 6])
def test_dft_claims_in_root_polys_equal_the_old_sympy_route(n_):
    """Every claim (and false variant) of proofs/dft_convolution.py, entry by entry: the RootPoly residual (the
    monomials whose coefficient is not 0 in Q(zeta_n), with the coefficient) equals cyclotomic_residual of the
    old SymPy expression's expansion, the same monomials with the same field elements."""
    from symconv.exact import cyclotomic_residual, to_cyclotomic

    M = _load("dft_convolution")
    old, new = _old_dft_claims(), _new_dft_claims(M)
    K, S = M._root_kit(n_), M._sympy_kit(n_)
    F = sp.Matrix(S.F)
    names = {**{(q,): s for q, s in enumerate(S.a)}, **{(n_ + q,): s for q, s in enumerate(S.b)}}
    nonzero = 0
    for name, (fn, kw) in old.items():
        want = [cyclotomic_residual(sp.expand(e)) for e in fn(F, S.a, S.b, **kw)]
        got = [e.residual() for e in new[name][0](K, **new[name][1])]
        assert len(got) == len(want), name
        for g, w in zip(got, want):
            g_keyed = {sp.Mul(*[names[(v,)] for v in mono]): _as_field_element(c, n_) for mono, c in g.items()}
            assert set(g_keyed) == set(w), (name, n_)
            for mono, value in w.items():
                assert g_keyed[mono] == to_cyclotomic(value.to_sympy(), n_), (name, n_, mono)
            nonzero += bool(g)
        assert M._exact(n_, lambda K_: new[name][0](K_, **new[name][1])).__class__ is \
            M._exact(n_, lambda K_: new[name][0](K_, **new[name][1]), kit=M._sympy_kit).__class__
    if n_ >= 3:
        assert nonzero > 0          # the false variants are caught here


def test_dft_claims_rewritten_equal_the_old_expressions():
    """The claims written once for both kits are the old SymPy expressions: in the SymPy kit, entry by entry, the
    difference from the old matrix claims is exactly 0 in Q(zeta_n)."""
    from symconv.exact import cyclotomic_residual

    M = _load("dft_convolution")
    old, new = _old_dft_claims(), _new_dft_claims(M)
    for n_ in (2, 5, 7):
        S = M._sympy_kit(n_)
        for name, (fn, kw) in old.items():
            olds, news = fn(sp.Matrix(S.F), S.a, S.b, **kw), new[name][0](S, **new[name][1])
            assert len(olds) == len(news)
            assert all(cyclotomic_residual(sp.expand(a - b)) == {} for a, b in zip(olds, news)), (name, n_)


def test_dft_exact_checks_verdicts_and_first_counterexamples():
    M = _load("dft_convolution")
    for claim, n_range in ((M._conv_claim, 8), (M._corr_claim, 8), (M._shift_claim, 10), (M._parseval_claim, 10)):
        for n_ in range(1, n_range + 1):
            assert isinstance(M._exact(n_, claim), sc.Holds)
    for claim, first in (((lambda K: M._conv_claim(K, conj=True)), 3), ((lambda K: M._corr_claim(K, conj=False)), 3),
                         ((lambda K: M._shift_claim(K, sign=-1)), 3), ((lambda K: M._parseval_claim(K, scale=1)), 2)):
        got = [M._exact(n_, claim) for n_ in range(1, first + 1)]
        assert all(isinstance(r, sc.Holds) for r in got[:-1]) and isinstance(got[-1], sc.Counterexample)
        assert [M._exact(n_, claim, kit=M._sympy_kit).__class__ for n_ in range(1, first + 1)] == \
            [r.__class__ for r in got]
    # a DFT matrix with one wrong root is caught
    broken = M._root_kit(5)
    broken.F[2][3] = RootPoly.root(5, 1)
    assert not all(broken.is_zero(e) for e in M._conv_claim(broken))


def _root_poly_pairs(draw, n_):
    """A random polynomial built from variables, roots of unity and small integers with +, -, * and conjugation,
    as a RootPoly and as the SymPy expression it stands for (real symbols, zeta = exp(2 pi i/n))."""
    xs = sp.symbols("v0:3", real=True)
    z = sp.exp(2 * sp.pi * sp.I / n_)

    def leaf():
        kind = draw(st.integers(0, 2))
        if kind == 0:
            q = draw(st.integers(0, 2))
            return RootPoly.variable(n_, q), xs[q]
        if kind == 1:
            e = draw(st.integers(-2 * n_, 2 * n_))
            return RootPoly.root(n_, e), z ** e
        c = draw(st.integers(-3, 3))
        return RootPoly.constant(n_, c), sp.Integer(c)

    def build(depth):
        if depth == 0 or draw(st.integers(0, 3)) == 0:
            return leaf()
        op = draw(st.sampled_from(["+", "-", "*", "conj", "pow"]))
        a = build(depth - 1)
        if op == "conj":
            return a[0].conjugate(), sp.conjugate(a[1])
        if op == "pow":
            k = draw(st.integers(0, 3))
            return a[0] ** k, a[1] ** k
        b = build(depth - 1)
        if op == "+":
            return a[0] + b[0], a[1] + b[1]
        if op == "-":
            return a[0] - b[0], a[1] - b[1]
        return a[0] * b[0], a[1] * b[1]

    return build(4), xs


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from([1, 2, 3, 4, 5, 6, 8, 12]))
def test_root_poly_residual_matches_cyclotomic_residual(data, n_):
    """RootPoly's exact zero test against cyclotomic_residual on random expressions, and on the expression plus
    a non-zero perturbation (which both must report as non-zero)."""
    from symconv.exact import cyclotomic_residual, to_cyclotomic

    (p, e), xs = _root_poly_pairs(data.draw, n_)
    names = {(q,): s for q, s in enumerate(xs)}
    want = cyclotomic_residual(sp.expand(e), n_)
    got = {sp.Mul(*[names[(v,)] for v in mono]): _as_field_element(c, n_) for mono, c in p.residual().items()}
    assert set(got) == set(want)
    assert all(got[m] == to_cyclotomic(v.to_sympy(), n_) for m, v in want.items())
    bump = RootPoly.variable(n_, 0) * RootPoly.variable(n_, 1) * RootPoly.variable(n_, 2) ** 5
    assert (p + bump).residual() != {} and (p - p).residual() == {}


def test_root_poly_rejects_bad_input():
    with pytest.raises(ValueError, match="n must"):
        RootPoly.root(0, 1)
    with pytest.raises(TypeError, match="n must"):
        RootPoly.variable(2.0, 1)
    with pytest.raises(ValueError, match="index"):
        RootPoly.variable(3, -1)
    with pytest.raises(TypeError, match="e must"):
        RootPoly.root(3, 0.5)
    with pytest.raises(ValueError, match="Z\\[zeta_3\\] and Z\\[zeta_4\\]"):
        RootPoly.root(3, 1) + RootPoly.root(4, 1)
    with pytest.raises(ValueError, match="negative power"):
        (RootPoly.root(3, 1) + 1) ** -1
    with pytest.raises(TypeError):
        RootPoly.root(3, 1) * sp.Integer(2)
    assert (RootPoly.root(6, 1) ** -1 * RootPoly.root(6, 1)).residual() == RootPoly.constant(6, 1).residual()
    assert (RootPoly.root(4, 1) ** 2 + 1).residual() == {}           # i^2 = -1
    assert (RootPoly.root(4, 1) + 1).residual() == {(): [1, 1, 0, 0]}


# ---- Gauss-Legendre nodes from Arb --------------------------------------------------------------------------

@pytest.mark.parametrize("dps", [15, 50, 110])
def test_arb_gauss_legendre_nodes_are_mpmaths(dps):
    """Each node and weight (degrees 1..6) is within 2^-(prec + 8) (mpmath's stopping threshold
    for its Newton iteration) of mpmath's own computed with 40 more bits, and within a few units of that of
    mpmath's at the precision asked (the lists sorted the same way)."""
    from mpmath.calculus.quadrature import GaussLegendre

    from symconv.engine.numeric import gauss_legendre_rule

    rule = gauss_legendre_rule()
    assert rule is not GaussLegendre and issubclass(rule, GaussLegendre)      # python-flint is installed here
    with mpmath.workdps(dps):
        prec = mpmath.mp.prec + 20
        for degree in range(1, 7 if dps <= 50 else 5):
            with mpmath.workprec(prec):
                ours = sorted(rule(mpmath.mp).calc_nodes(degree, prec))
                theirs = sorted(GaussLegendre(mpmath.mp).calc_nodes(degree, prec))
            with mpmath.workprec(2 * prec):
                exact = sorted(GaussLegendre(mpmath.mp).calc_nodes(degree, prec + 40))
            assert len(ours) == len(theirs) == len(exact) == 3 * 2 ** (degree - 1)
            with mpmath.workprec(3 * prec):
                gap = lambda P, Q: max(max(abs(x - y), abs(v - w)) for (x, v), (y, w) in zip(P, Q))  # noqa: E731
                assert gap(ours, exact) < mpmath.mpf(2) ** (-prec - 8)
                assert gap(ours, theirs) < mpmath.mpf(2) ** (-prec - 4)
            assert abs(mpmath.fsum(v for _, v in ours) - 2) < mpmath.mpf(2) ** (-prec + 4)       # weights sum to 2


def test_quad_mp_equals_mpmaths_gauss_legendre_and_closed_forms():
    from symconv.engine.numeric import gauss_legendre_rule, quad_mp

    with mpmath.workdps(50):
        W = mpmath.mpf(37) / 29
        cases = [(lambda t: mpmath.expjpi(-2 * W * t) * mpmath.exp(-t) * (t * t + 1), [0, 2, 4, 8, 16, 40]),
                 (lambda t: mpmath.exp(-3 * t * t), [-10 + q for q in range(21)]),
                 (lambda t: t ** 7 - 3 * t, [-1, 0.5, 2])]
        for f, pts in cases:
            assert abs(quad_mp(f, pts) - mpmath.quad(f, pts, method="gauss-legendre")) < mpmath.mpf(10) ** -47
        # closed forms: int_0^oo e^{-t} (t^2 + 1) e^{-2 pi i W t} dt = 2/s^3 + 1/s with s = 1 + 2 pi i W (tail < 1e-17
        # beyond 40: compared to 1e-15); int_R e^{-3t^2} = sqrt(pi/3) (the cut at 10: far below 10^-50)
        s_ = 1 + 2j * mpmath.pi * W
        assert abs(quad_mp(cases[0][0], cases[0][1]) - (2 / s_**3 + 1 / s_)) < 1e-15
        assert abs(quad_mp(cases[1][0], cases[1][1]) - mpmath.sqrt(mpmath.pi / 3)) < mpmath.mpf(10) ** -48
        assert abs(quad_mp(lambda t: mpmath.exp(-2 * t * t), cases[1][1]) - mpmath.sqrt(mpmath.pi / 3)) > 0.1
    assert gauss_legendre_rule() is gauss_legendre_rule()
    rule = gauss_legendre_rule()
    assert rule.transformed_nodes and rule(mpmath.mp).transformed_cache is rule.transformed_nodes   # shared
    with mpmath.workdps(50):                        # a repeated interval: the remembered nodes, the same value
        once = [quad_mp(lambda t: mpmath.exp(t) * mpmath.sin(3 * t), [0, 1]) for _ in range(3)]
        assert once[0] == once[1] == once[2]
        assert abs(once[0] - mpmath.quad(lambda t: mpmath.exp(t) * mpmath.sin(3 * t), [0, 1])) < mpmath.mpf(10)**-48


def test_gaussian_derivative_check_matches_the_tanh_sinh_route():
    """differentiation_rule_gaussians' mpmath half: the convolution integral and the integral of f' g by
    Gauss-Legendre on [-L, L] (inside mpmath.diff, at its raised precision) equal the old tanh-sinh integrals on
    R and the closed forms; its error stays below the tolerance, and a wrong right side is far off."""
    M = _load("function_properties")
    with mpmath.workdps(50):
        for a_, b_, x0 in ((1, 2, 0.7), (2, 3, -1.9)):
            A, B, p = mpmath.mpf(a_), mpmath.mpf(b_), mpmath.mpf(x0)
            new = lambda t: M.quad_mp(lambda s: mpmath.exp(-A * s**2 - B * (t - s)**2), M._gauss_cuts(A))  # noqa: E731
            old = lambda t: mpmath.quad(lambda s: mpmath.exp(-A * s**2 - B * (t - s)**2),  # noqa: E731
                                        [-mpmath.inf, mpmath.inf])
            d_new, d_old = mpmath.diff(new, p), mpmath.diff(old, p)
            C = A * B / (A + B)
            d_exact = -2 * C * p * mpmath.sqrt(mpmath.pi / (A + B)) * mpmath.exp(-C * p**2)
            assert abs(d_new - d_old) < mpmath.mpf(10) ** -45 and abs(d_new - d_exact) < mpmath.mpf(10) ** -45
            rhs = M.quad_mp(lambda s: -2 * A * s * mpmath.exp(-A * s**2 - B * (p - s)**2), M._gauss_cuts(A))
            assert abs(rhs - d_exact) < mpmath.mpf(10) ** -45
            wrong = M.quad_mp(lambda s: 4 * A * B * s * (p - s) * mpmath.exp(-A * s**2 - B * (p - s)**2),
                              M._gauss_cuts(A))                                  # f' * g'
            assert abs(wrong - d_exact) > 0.01
    float_err, mp_err = M._diff_numeric(2, __import__("numpy").random.default_rng(5), 50)
    assert float_err < 1e-8 and mp_err < 1e-42


# ---- antiderivatives checked as identities in a symbol S standing for s --------------------------------------

def _old_checked_antiderivative(p, s, var):
    """The route before the check in S: the formula with s itself, checked over a common denominator."""
    if s == 0:
        body = sp.Poly(p, var).integrate().as_expr()
    else:
        deg = sp.degree(p, var) if p.has(var) else 0
        body = sum(((-1) ** k * sp.diff(p, var, k) / s ** (k + 1) for k in range(deg + 1)), sp.Integer(0))
    residual = sp.together(sp.expand(s * body + sp.diff(body, var) - p))
    if sp.expand(sp.numer(residual)) != 0:
        raise ArithmeticError("failed its check")
    return body


_W = sp.Symbol("omega", real=True)
_TAU = sp.Symbol("tau", real=True)


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(-6, 6), min_size=1, max_size=4), st.lists(st.integers(-3, 3), min_size=0, max_size=2),
       st.sampled_from([sp.Integer(-1), sp.Integer(2), sp.Rational(-3, 2), sp.Integer(0), -2 * sp.pi * sp.I * _W,
                        1 - 2 * sp.pi * sp.I * _W, sp.Rational(-1, 2) - 2 * sp.pi * sp.I * _W, sp.pi - 3,
                        2 * _W - 1, sp.exp(-1) * 2]),
       st.integers(1, 7))
def test_antiderivative_in_s_equals_the_old_route(coeffs, xcoeffs, s, den):
    """The same body as the route with s itself (which brought the check over a common denominator), for random
    polynomials in tau with coefficients polynomial in x, at numeric and omega-dependent s; and the body is an
    antiderivative: d/dtau (exp(s tau) B) = p exp(s tau)."""
    p = sum((sp.Rational(c, den) * _TAU**q for q, c in enumerate(coeffs)), sp.Integer(0)) \
        + sum((sp.Rational(c, den) * X**(q + 1) * _TAU**q for q, c in enumerate(xcoeffs)), sp.Integer(0))
    p = sp.expand(p)
    new = exp_poly._checked_antiderivative.__wrapped__(p, s, _TAU)
    assert new == _old_checked_antiderivative(p, s, _TAU)
    assert sp.expand(sp.together(sp.expand(sp.diff(sp.exp(s * _TAU) * new, _TAU) * sp.exp(-s * _TAU) - p))) == 0


def test_antiderivative_in_s_rejects_a_wrong_body_and_keeps_other_forms(monkeypatch):
    """The check in S fails for a wrong formula (the route then falls back to the check with s, which raises);
    an s that depends on the variable is not put for S (the check with s decides, and refuses it)."""
    real_diff = sp.diff

    def wrong_diff(e, *a, **kw):          # a wrong derivative in the formula: p' doubled
        out = real_diff(e, *a, **kw)
        return 2 * out if len(a) == 2 and a[1] == 1 else out

    monkeypatch.setattr(exp_poly.sp, "diff", wrong_diff)
    with pytest.raises(ArithmeticError):
        exp_poly._checked_antiderivative.__wrapped__(_TAU**2 + _TAU, sp.Integer(-1), _TAU)
    monkeypatch.setattr(exp_poly.sp, "diff", real_diff)
    for route in (exp_poly._checked_antiderivative.__wrapped__, _old_checked_antiderivative):
        with pytest.raises(ArithmeticError):          # s depends on tau: no S, and the formula fails its check
            route(_TAU, 1 + _TAU, _TAU)
    monkeypatch.setattr(exp_poly.sp, "diff", wrong_diff)
    with pytest.raises(ArithmeticError):                                          # omega-dependent s, wrong formula
        exp_poly._checked_antiderivative.__wrapped__(_TAU**2 + _TAU, 1 - 2 * sp.pi * sp.I * _W, _TAU)


# ---- convolution properties: residues read into QQ[symbols] ----------------------------------------------------

def test_convolution_property_residues_vanish_exactly_when_they_expand_to_zero():
    """Every residue of every claim of proofs/convolution_properties.py (and of its false variants), cyclic and
    linear, lengths 1..5: the ring decision equals sp.expand(e) == 0; forms outside the ring are expanded."""
    from symconv.objects.kernels import conv_full

    M = _load("convolution_properties")
    claims = [M._assoc_claim, M._rules_claim, M._diff_claim,
              lambda c, p: M._assoc_claim(c, p, wrong=True), lambda c, p: M._rules_claim(c, p, wrong=True),
              lambda c, p: M._diff_claim(c, p, wrong=True)]
    seen = set()
    for claim in claims:
        for conv in (sc.circular_convolve, conv_full):
            for p_ in range(1, 6):
                exprs = claim(conv, p_)
                got = M._vanish(exprs)
                assert got == [sp.expand(e) == 0 for e in exprs]
                seen |= set(got)
    assert seen == {True, False}
    x, y = sp.symbols("x y")
    odd = [sp.sqrt(2) * x - x, x * sp.Float(1.0) - x, sp.sin(x) - sp.sin(x), (x + y)**2 - x**2 - 2 * x * y - y**2,
           x / y - x / y, sp.Integer(1), 0, sp.Symbol("z", zero=True) * x]
    assert M._vanish(odd) == [sp.expand(e) == 0 for e in odd]
    assert M._exact(3, lambda c, p: M._assoc_claim(c, p, wrong=True)).__class__ is sc.Counterexample
    assert isinstance(M._exact(4, M._assoc_claim), sc.Holds)


# ---- padding as one gather ----------------------------------------------------------------------------------

def _old_pad(arr, widths, mode):
    """The route before the gather: np.pad, then NumPy scalars in object arrays back to Python numbers."""
    import numpy as np

    from symconv.objects.padding import PADDING_MODES

    out = np.pad(arr, widths, mode=PADDING_MODES[mode])
    if out.dtype == object:
        out = np.array([v.item() if isinstance(v, np.generic) else v for v in out.flat],
                       dtype=object).reshape(out.shape)
    return out


@pytest.mark.parametrize("mode", ["circular", "symmetric", "replicate", "reflect"])
def test_pad_gather_equals_np_pad(mode):
    """Every mode except 'zeros' (which never used np.pad), pads from 0 to beyond twice the signal (where the mode
    allows), 1-D, 2-D and 3-D, object arrays of symbols and of NumPy integers, int, float and complex arrays: the
    same dtype, shape and entries (of the same types) as np.pad."""
    import numpy as np

    from symconv.objects.padding import pad

    rnd = random.Random(11)
    checked = 0
    for shape in [(1,), (2,), (3,), (5,), (2, 3), (4, 1), (2, 2, 3)]:
        size = int(np.prod(shape))
        arrays = [np.array(sp.symbols(f"x0:{size}"), dtype=object).reshape(shape),
                  np.array([np.int64(q) for q in range(size)] + [None], dtype=object)[:-1].reshape(shape),
                  np.arange(size).reshape(shape), (np.arange(size) * 1.5).reshape(shape),
                  (np.arange(size) + 2j).reshape(shape)]
        for _ in range(12):
            widths = []
            for m in shape:
                top = m - 1 if mode == "reflect" else 2 * m + 3
                widths.append((rnd.randint(0, top), rnd.randint(0, top)))
            for arr in arrays:
                got = pad(arr, tuple(w[0] for w in widths), tuple(w[1] for w in widths), mode)
                want = _old_pad(arr, widths, mode)
                assert got.dtype == want.dtype and got.shape == want.shape
                assert all(a == b and type(a) is type(b) for a, b in zip(got.flat, want.flat)), (mode, shape, widths)
                checked += 1
    assert checked == 7 * 12 * 5
    if mode == "reflect":
        with pytest.raises(ValueError, match="reflect padding must be smaller"):
            pad([1, 2, 3], 3, mode="reflect")


def test_check_size_fast_path_answers_as_before():
    import numpy as np

    from symconv.objects._validate import check_size

    assert check_size(3) == 3 and type(check_size(np.int64(4))) is int and check_size(np.int64(4)) == 4
    for bad, err in ((0, ValueError), (-2, ValueError), (True, TypeError), (2.0, TypeError), ("3", TypeError),
                     (np.int64(0), ValueError)):
        with pytest.raises(err, match="stride"):
            check_size(bad, "stride")


def test_remembered_exp_poly_terms_equal_a_fresh_split():
    """exp_poly_terms splits each (expr, var) once: the same list as the split itself, a fresh list each call (a
    caller's change does not reach the next), the same ValueError each time for a refused expression."""
    t = sp.Symbol("t", real=True)
    for e in (3 * t * sp.exp(-2 * t + 1) + 1, (t + 1) * sp.exp(-t) * (X - t), sp.exp(-t) - sp.exp(-t), X * t**2):
        first = exp_poly.exp_poly_terms(e, t)
        assert first == list(exp_poly._exp_poly_terms.__wrapped__(sp.sympify(e), t))
        first.append("changed")
        assert exp_poly.exp_poly_terms(e, t) == first[:-1]
    assert exp_poly.exp_poly_terms(sp.exp(-t) - sp.exp(-t), t) == []
    for _ in range(2):
        with pytest.raises(ValueError, match="not exp of a linear function"):
            exp_poly.exp_poly_terms(sp.exp(-t**2), t)


def test_normal_uniform_integral_by_a_checked_antiderivative_equals_sympys_integrate():
    """seed002_example: the integral by the fundamental theorem of calculus (an antiderivative whose derivative is
    decided equal to phi/6) is the expression SymPy's integrate gave before (the same tree, so the same texts); a
    wrong antiderivative raises instead of being used."""
    M = _load("seed002_example")
    assert M._convolution() == sp.integrate(M.PHI / 6, (M.tau, M.x - 3, M.x + 3))
    for wrong in (sp.erf(M.tau / sp.sqrt(2)) / 6, sp.erf(M.tau) / 12, sp.erfc(M.tau / sp.sqrt(2)) / 12):
        with pytest.raises(RuntimeError, match="antiderivative"):
            M._convolution(wrong)
    assert isinstance(M._exact(1), sc.Holds) and isinstance(M._exact(1, scale=sp.Rational(1, 6)), sc.Counterexample)


def test_lagrange_identity_in_the_ring_equals_the_expansion():
    """cross_correlation: Lagrange's identity decided in QQ[u, v] gives what expanding the SymPy sides gave, for
    every length checked, and a wrong factor (1 instead of 1/2, or 1/3) is refused both ways."""
    M = _load("cross_correlation")
    for n_ in range(1, 7):
        uu, vv = sp.symbols(f"u0:{n_}"), sp.symbols(f"v0:{n_}")
        lhs = sum(x ** 2 for x in uu) * sum(y ** 2 for y in vv) - sum(x * y for x, y in zip(uu, vv)) ** 2
        for half in (sp.Rational(1, 2), sp.Integer(1), sp.Rational(1, 3)):
            rhs = half * sum((uu[p] * vv[q] - uu[q] * vv[p]) ** 2 for p in range(n_) for q in range(n_))
            assert M._lagrange_sides_equal(n_, half) == (sp.expand(lhs - rhs) == 0), (n_, half)
        assert M._lagrange_sides_equal(n_) and (n_ == 1 or not M._lagrange_sides_equal(n_, sp.Integer(1)))


def test_zero_padding_outputs_in_the_ring_equal_the_expansion():
    """linear_conv_eq_cyclic_zero_padded: each cyclic output compared with the linear one in QQ[a, b] gives what
    expanding their difference gave (equal from |a| + |b| - 1 on, different with a shorter padding)."""
    from symconv.objects.kernels import conv_full

    M = _load("dft_convolution")
    seen = set()
    for p_, q_ in ((1, 1), (2, 3), (3, 3), (4, 2)):
        av, bv = list(sp.symbols(f"a0:{p_}")), list(sp.symbols(f"b0:{q_}"))
        ring = M.PolyEquality(av + bv)
        for N in range(max(p_, q_), p_ + q_ + 2):
            cyc = sc.circular_convolve(av + [0] * (N - p_), bv + [0] * (N - q_))
            lin = conv_full(av, bv) + [0] * max(0, N - (p_ + q_ - 1))
            for c, l_ in zip(cyc, lin):
                got = M._same_poly(ring, c, l_)
                assert got == (sp.expand(c - l_) == 0)
                seen.add(got)
    assert seen == {True, False}
    assert M._same_poly(ring, sp.sqrt(2) * av[0], av[0]) is False and M._same_poly(ring, sp.Float(1.0) * av[0], av[0])
    assert isinstance(M._zero_pad(4, extra=1), sc.Counterexample) and isinstance(M._zero_pad(5), sc.Holds)


def test_seed003_pieces_by_checked_antiderivatives_equal_sympys_integrate():
    """seed003_example integrates each piece from a checked antiderivative: the same polynomial as SymPy's
    integrate (so the same decision and the same factored text), for both kinds and both closed forms."""
    from symconv.objects.exp_poly import definite_integral

    M = _load("seed003_example")
    i_, x_ = M.i_, M.x_
    for integrand, limits in ((M.g_expr(i_ - x_), [(-1, i_), (-1, 2)]), (M.g_expr(i_ + x_), [(-i_, 2), (-1, 2)])):
        for a_, b_ in limits:
            new, old = definite_integral(integrand, x_, a_, b_), sp.integrate(integrand, (x_, a_, b_))
            assert sp.expand(new - old) == 0 and sp.factor(new) == sp.factor(old)
    assert isinstance(M._exact(1), sc.Holds)
    cex = M._exact(1, swap=True)
    assert isinstance(cex, sc.Counterexample) and "the formula gives" in cex.description


# ---- dft / idft of inexact entries -----------------------------------------------------------------------

def _exact_route_dft(monkeypatch, x, norm, inverse):
    """The library's exact route (SymPy sums of exp(2 pi i k/n), expanded) on the same entries."""
    from symconv.objects import dft as dft_mod

    with monkeypatch.context() as m:
        m.setattr(dft_mod, "_inexact_parts", lambda v: None)
        return (dft_mod.idft if inverse else dft_mod.dft)(x, norm)


def _inexact_vectors():
    finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
    plain = st.lists(finite, min_size=1, max_size=9)
    cplx = st.lists(st.builds(complex, finite, finite), min_size=1, max_size=9)
    floats = st.tuples(st.lists(finite, min_size=1, max_size=9), st.sampled_from([15, 30, 50])).map(
        lambda a: [sp.Float(v, a[1]) * (1 + sp.Rational(1, 3) if q % 2 else 1) for q, v in enumerate(a[0])])
    sympy_cplx = st.lists(st.builds(lambda a, b: sp.Float(a, 30) + sp.Float(b, 30) * sp.I, finite, finite),
                          min_size=1, max_size=9)
    return st.one_of(plain, cplx, floats, sympy_cplx, plain.map(np.array), cplx.map(np.array))


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_inexact_vectors(), st.sampled_from(["backward", "ortho", "forward", None]), st.booleans())
def test_numeric_dft_of_inexact_entries_is_what_the_exact_route_evaluates_to(monkeypatch, x, norm, inverse):
    """Every entry inexact: the transform evaluated at the entries' precision p equals the exact route's
    expression evaluated far beyond p, to within a few units of the p-th bit of the size of the sum (its one
    rounding, and the exact route's own Float products); the outputs are SymPy numbers of precision p."""
    from symconv.objects.dft import _inexact_parts, dft, dft_scale, idft

    parts = [_inexact_parts(v) for v in x]
    got = (idft if inverse else dft)(x, norm)
    want = _exact_route_dft(monkeypatch, x, norm, inverse)
    if any(q is None for q in parts):       # SymPy made an entry exact (0.0 + 0.0*I is the Integer 0)
        assert any(sp.sympify(v) == 0 and not sp.sympify(v).is_Float for v in x)
        assert [sp.srepr(g) for g in got] == [sp.srepr(w) for w in want]
        return
    prec = max(q[2] for q in parts)
    n_ = len(x)
    size = abs(complex(dft_scale(n_, norm, inverse))) * sum(abs(complex(sp.sympify(v))) for v in x)
    dps = mpmath.libmp.prec_to_dps(prec) + 30
    for g, w in zip(got, want, strict=True):
        assert g.is_number and all(f._prec == prec for f in g.atoms(sp.Float))
        assert not g.has(sp.exp, sp.pi)
        diff = abs(complex(sp.N(g - w, dps)))
        assert diff <= 2.0 ** (8 - prec) * max(size, 1e-300), (x, norm, inverse, g, w)


def test_numeric_dft_is_far_from_a_wrong_transform():
    """The numeric route's sign and scale are the exact route's: the inverse DFT of the same vector, or another
    normalisation, is far off (asymmetric complex data, n = 3 .. 7)."""
    from symconv.objects.dft import dft, idft

    rnd = random.Random(5)
    for n_ in range(3, 8):
        x = [complex(rnd.uniform(-1, 1), rnd.uniform(-1, 1)) for _ in range(n_)]
        X = [complex(v) for v in dft(x)]
        assert np.abs(np.array(X) - np.fft.fft(x)).max() < 1e-12
        assert np.abs(np.array([complex(v) for v in idft(x)]) - np.fft.ifft(x)).max() < 1e-12
        assert np.abs(np.array(X) - n_ * np.array([complex(v) for v in idft(x)])).max() > 1e-2
        assert np.abs(np.array([complex(v) for v in dft(x, "ortho")]) - np.array(X)).max() > 1e-2


def test_dft_keeps_the_exact_route_unless_every_entry_is_inexact(monkeypatch):
    """Integers, rationals, symbols, SymPy's I, exact complex numbers, a mix of floats and exact entries,
    long doubles, infinities and NaN: the exact route, the same expressions as before (structurally)."""
    from symconv.objects.dft import _inexact_parts, dft, idft

    x0 = sp.Symbol("x0")
    cases = [[1, 2, 3], [sp.Rational(1, 2), 3, -1], [x0, 1.5, 2.0], [1.5, 2, 3.25], [sp.I, 1.0],
             [sp.Float(1.5) + 2 * sp.I, 1.0], [sp.Float(1.5) * x0, 1.0], [np.longdouble(1.5), 2.0],
             [float("inf"), 1.0], [float("nan"), 1.0], [complex(1, float("inf")), 1.0], [True, 1.0],
             [sp.Float(1.5) + sp.sqrt(2), 1.0], [sp.sqrt(2) * sp.I, 1.0]]
    for x in cases:
        assert any(_inexact_parts(v) is None for v in x), x
        for norm in ("backward", "ortho"):
            for inverse, fn in ((False, dft), (True, idft)):
                def outcome(call):
                    try:
                        with np.errstate(all="ignore"):
                            return [sp.srepr(v) for v in call()]
                    except (TypeError, ValueError) as exc:      # (a bool entry: SymPy refuses it either way)
                        return type(exc)
                got = outcome(lambda: fn(x, norm))
                assert got == outcome(lambda: _exact_route_dft(monkeypatch, x, norm, inverse)), x
    assert dft([1, 2, 3, 4]) == [10, -2 + 2 * sp.I, -2, -2 - 2 * sp.I]


def test_inexact_parts_reads_each_kind_of_inexact_entry():
    from symconv.objects.dft import _inexact_parts

    assert _inexact_parts(1.5) == (mpmath.mpf(1.5), 0, 53)
    assert _inexact_parts(np.float32(0.25)) == (mpmath.mpf(0.25), 0, 53)
    assert _inexact_parts(np.complex128(1 - 2j)) == (mpmath.mpf(1), mpmath.mpf(-2), 53)
    assert _inexact_parts(sp.Float("0.1", 50)) == (mpmath.mpf(sp.Float("0.1", 50)._mpf_), 0, sp.Float("0.1", 50)._prec)
    assert _inexact_parts(sp.Float(2, 30) * sp.I)[1:] == (mpmath.mpf(2), sp.Float(2, 30)._prec)
    re, im, prec = _inexact_parts(sp.Float(1, 15) + sp.Float(3, 40) * sp.I)
    assert (re, im, prec) == (1, 3, sp.Float(3, 40)._prec)
    for bad in (1, sp.Integer(1), sp.Rational(1, 3), sp.I, 2 * sp.I, sp.Symbol("x"), sp.Float(1.0) * sp.Symbol("x"),
                sp.Float(1.0) + sp.Symbol("x"), sp.Float(1.0) + sp.I, None, "1.0", sp.oo, sp.nan):
        assert _inexact_parts(bad) is None, bad
