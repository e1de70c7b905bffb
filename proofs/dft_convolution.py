"""The discrete convolution theorem for cyclic signals of length n, proved for all n: the DFT turns
circular convolution into a product, correlation into conj(DFT) times DFT, a shift into a phase;
Parseval; and linear convolution is cyclic convolution after zero-padding (FFT convolution)."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.numeric import float_and_mp
from symconv.engine.statement import Hypothesis, Statement
from symconv.engine.rules import (ExponentArithmetic, FactorSums, Fold, GeometricSum, ProductOfSums, PullIn, PullOut,
                                  ReindexSum, Sift, Unfold)
from symconv.objects.indexed import (Iverson, a, b, entry_function, j, k, l, m, n as n_sym, omega, s_,
                                     sequence_function, t, u, zsum)
from symconv.objects.dft import dft_exponents
from symconv.objects.kernels import conv_full
from symconv.verify._polys import PolyEquality
from symconv.verify._root_polys import RootPoly

ORDER = 55  # position in reports and in the LaTeX document

Fa, Fb = entry_function("Fa", "(Fa)"), entry_function("Fb", "(Fb)")
Fab = entry_function("Fab", r"(F(a \circledast b))")
Fcorr = entry_function("Fcorr", r"(F(a \star b))")
Fa_bar = entry_function("Fabar", r"\overline{(Fa)}")
Fsh = entry_function("Fsh", r"(F S^m a)")
energy = entry_function("energy", r"\sum_j |(Fa)_j|^2 \,")
ab = entry_function("ab", r"(a \circledast b)")
cr = entry_function("cr", r"(a \star b)")
DEFS = {
    "Fa": sp.Lambda((j,), zsum(omega ** (j * k) * a(k), k)),
    "Fb": sp.Lambda((j,), zsum(omega ** (j * k) * b(k), k)),
    "Fab": sp.Lambda((j,), zsum(omega ** (j * k) * ab(k), k)),
    "ab": sp.Lambda((k,), zsum(a(k - t) * b(t), t)),
    "Fcorr": sp.Lambda((j,), zsum(omega ** (j * k) * cr(k), k)),
    "cr": sp.Lambda((k,), zsum(a(t) * b(t + k), t)),
    "Fabar": sp.Lambda((j,), zsum(omega ** (-j * k) * a(k), k)),     # conj(Fa) for real a
    "Fsh": sp.Lambda((j,), zsum(omega ** (j * k) * a(k - m), k)),
    "energy": sp.Lambda((j,), zsum(zsum(omega ** (j * k) * a(k), k) * zsum(omega ** (-j * l) * a(l), l), j)),
}

A_REAL = Hypothesis("a real", text=r"$a$ real, so $\overline{(Fa)_j} = \sum_k \omega^{-jk} a_k$ (the definition of "
                                   r"$\overline{(Fa)}$ used here)")
FORMAL_CONV = Statement.identity(Fab(j), Fa(j) * Fb(j), definitions=DEFS)
FORMAL_CORR = Statement.identity(Fcorr(j), Fa_bar(j) * Fb(j), hypotheses=(A_REAL,), definitions=DEFS)
FORMAL_SHIFT = Statement.identity(Fsh(j), omega ** (j * m) * Fa(j), definitions=DEFS)
FORMAL_PARSEVAL = Statement.identity(energy(j), n_sym * zsum(a(k) * a(k), k), hypotheses=(A_REAL,),
                                     definitions=DEFS)


def _F(v, sign=-1):
    """DFT by direct sums, in float64 or in mpmath (whichever numbers v holds)."""
    import mpmath
    n_ = len(v)
    mp = not isinstance(v[0], (float, np.floating))
    ex = mpmath.expjpi if mp else (lambda z: np.exp(1j * np.pi * z))
    den = mpmath.mpf(n_) if mp else n_
    return [sum(v[q] * ex(sign * 2 * jj * q / den) for q in range(n_)) for jj in range(n_)]


class _Kit:
    """The DFT matrix F (rows), the conjugation, omega**k and generic real signals a, b of length n, in one
    arithmetic: the claims below are written once and evaluated in either kit."""

    def __init__(self, n_, F, conj, w, av, bv, is_zero):
        self.n, self.F, self.conj, self.w, self.a, self.b, self.is_zero = n_, F, conj, w, av, bv, is_zero


def _root_kit(n_) -> _Kit:
    """The exact kit: F[j][k] = zeta**E[j, k] with E = dft_exponents(n) (zeta = exp(2 pi i/n), omega = zeta**-1),
    entries of a and b as variables, every quantity a polynomial in them with coefficients in Z[zeta_n]
    (RootPoly); an entry is zero when each monomial's coefficient is zero in Q(zeta_n) (divisible by Phi_n)."""
    E = dft_exponents(n_)
    roots = [RootPoly.root(n_, e) for e in range(n_)]
    F = [[roots[int(E[r, q])] for q in range(n_)] for r in range(n_)]
    return _Kit(n_, F, RootPoly.conjugate, lambda q: RootPoly.root(n_, -q),
                [RootPoly.variable(n_, q) for q in range(n_)], [RootPoly.variable(n_, n_ + q) for q in range(n_)],
                lambda e: not e.residual())


def _sympy_kit(n_) -> _Kit:
    """The same claims in SymPy: F = dft_matrix(n) (exp entries), real symbols a, b, an entry decided by
    cyclotomic_residual of its expansion (the route used before the exact kit; the tests compare the two)."""
    F = sc.dft_matrix(n_).tolist()
    w = sp.exp(-2 * sp.pi * sp.I / n_)
    return _Kit(n_, F, sp.conjugate, lambda q: w ** q, list(sp.symbols(f"a0:{n_}", real=True)),
                list(sp.symbols(f"b0:{n_}", real=True)), lambda e: not sc.cyclotomic_residual(sp.expand(e)))


def _exact(n_, claim, kit=_root_kit) -> "sc.Counterexample | sc.Holds":
    """claim(kit) -> list of expressions that must vanish, each decided exactly in Q(zeta_n) for real generic
    a, b (as polynomials in their entries with coefficients in Z[zeta_n])."""
    K = kit(n_)
    for q, e in enumerate(claim(K)):
        if not K.is_zero(e):
            return sc.Counterexample(n_, f"entry {q} does not vanish in Q(zeta_{n_})")
    return sc.Holds(f"all {q + 1} entries of the claim's difference vanish in Q(zeta_{n_}) for real symbolic a, b")


def _matvec(F, v):
    return [sum(row[q] * v[q] for q in range(len(v))) for row in F]


def _conj_matrix(K):
    return [[K.conj(x) for x in row] for row in K.F]


def _conv_claim(K, conj=False):
    n_, av, bv = K.n, K.a, K.b
    cc = [sum(av[(r - q) % n_] * bv[q] for q in range(n_)) for r in range(n_)]
    Fa_, Fb_ = _matvec(_conj_matrix(K) if conj else K.F, av), _matvec(K.F, bv)
    return [x - y * z for x, y, z in zip(_matvec(K.F, cc), Fa_, Fb_)]


def _corr_claim(K, conj=True):
    n_, av, bv = K.n, K.a, K.b
    cr_ = [sum(av[q] * bv[(q + r) % n_] for q in range(n_)) for r in range(n_)]
    Fa_, Fb_ = _matvec(_conj_matrix(K) if conj else K.F, av), _matvec(K.F, bv)
    return [x - y * z for x, y, z in zip(_matvec(K.F, cr_), Fa_, Fb_)]


def _shift_claim(K, sign=1):
    n_, av = K.n, K.a
    shifted = [av[(r - 1) % n_] for r in range(n_)]
    Fa_ = _matvec(K.F, av)
    return [x - K.w(sign * q) * y for q, (x, y) in enumerate(zip(_matvec(K.F, shifted), Fa_))]


def _parseval_claim(K, scale=None):
    n_, av = K.n, K.a
    Fa_, Fc = _matvec(K.F, av), _matvec(_conj_matrix(K), av)
    return [sum(Fa_[q] * Fc[q] for q in range(n_)) - (n_ if scale is None else scale) * sum(x_ ** 2 for x_ in av)]


def _derive_conv():
    return [sc.Derivation(Fab(j), title=r"$(F(a \circledast b))_j$", goal=Fa(j) * Fb(j))
            .step(zsum(omega ** (j * k) * zsum(a(k - t) * b(t), t), k), Unfold("Fab", "ab", definitions=DEFS))
            .step(zsum(zsum(omega ** (j * k) * a(k - t) * b(t), t), k), PullIn(t))
            .step(zsum(zsum(omega ** (j * (s_ + t)) * a(s_) * b(t), t), s_), ReindexSum(k, s_ + t, s_))
            .step(zsum(zsum(omega ** (j * s_) * a(s_) * omega ** (j * t) * b(t), t), s_), ExponentArithmetic())
            .step(zsum(omega ** (j * s_) * a(s_), s_) * zsum(omega ** (j * t) * b(t), t), FactorSums())
            .step(Fa(j) * Fb(j), Fold("Fa", "Fb", definitions=DEFS))]


def _conv_defect(x, y):
    n_ = len(x)
    cc = [sum(x[(r - q) % n_] * y[q] for q in range(n_)) for r in range(n_)]
    Fc = _F(cc)
    return max(abs(p - q1 * q2) for p, q1, q2 in zip(Fc, _F(x), _F(y))) / max(1, max(abs(v) for v in Fc))


dft_circular_conv_eq_mul = sc.Theorem(
    "dft_circular_conv_eq_mul",
    "The DFT turns circular convolution into a product: F(a (*) b) = F(a) F(b), for every n.",
    claims="proved",
    latex=r"\big(F(a \circledast b)\big)_j = (Fa)_j\,(Fb)_j",
    derivation=_derive_conv, formal=FORMAL_CONV,
    exact=lambda n_: _exact(n_, _conv_claim), n_range=(1, 8),
    numeric=lambda n_, rng, dps: float_and_mp(_conv_defect, dps, rng.standard_normal(n_), rng.standard_normal(n_)),
    numeric_sizes=(1, 2, 5, 8),
    false_variants=[sc.FalseVariant(
        "dft_circular_conv_eq_conj_mul", "F(a (*) b) = conj(F a) F b (the correlation formula used for convolution).",
        exact=lambda n_: _exact(n_, lambda K: _conv_claim(K, conj=True)))],
)


def _derive_corr():
    return [sc.Derivation(Fcorr(j), title=r"$(F(a \star b))_j$ with $(a\star b)_k = \sum_t a_t b_{t+k}$, $a$ real",
                          goal=Fa_bar(j) * Fb(j), hypotheses=(A_REAL,))
            .step(zsum(omega ** (j * k) * zsum(a(t) * b(t + k), t), k), Unfold("Fcorr", "cr", definitions=DEFS))
            .step(zsum(zsum(omega ** (j * k) * a(t) * b(t + k), t), k), PullIn(t))
            .step(zsum(zsum(omega ** (j * (u - t)) * a(t) * b(u), t), u), ReindexSum(k, u - t, u))
            .step(zsum(zsum(omega ** (-j * t) * a(t) * omega ** (j * u) * b(u), t), u), ExponentArithmetic())
            .step(zsum(omega ** (-j * t) * a(t), t) * zsum(omega ** (j * u) * b(u), u), FactorSums())
            .step(Fa_bar(j) * Fb(j), Fold("Fabar", "Fb", definitions=DEFS))]


def _corr_defect(x, y):
    n_ = len(x)
    corr = [sum(x[q] * y[(q + r) % n_] for q in range(n_)) for r in range(n_)]
    Fc = _F(corr)
    return max(abs(p - q1 * q2) for p, q1, q2 in zip(Fc, _F(x, +1), _F(y))) / max(1, max(abs(v) for v in Fc))


dft_correlation_eq_conj_mul = sc.Theorem(
    "dft_correlation_eq_conj_mul",
    "For real signals the DFT turns circular cross-correlation (a star b)_k = sum_t a_t b_{t+k} into conj(F a) F b.",
    claims="proved",
    latex=r"\big(F(a \star b)\big)_j = \overline{(Fa)_j}\,(Fb)_j\qquad (a \in \mathbb{R}^n)",
    derivation=_derive_corr, formal=FORMAL_CORR,
    exact=lambda n_: _exact(n_, _corr_claim), n_range=(1, 8),
    numeric=lambda n_, rng, dps: float_and_mp(_corr_defect, dps, rng.standard_normal(n_), rng.standard_normal(n_)),
    numeric_sizes=(1, 3, 8),
    false_variants=[sc.FalseVariant(
        "dft_correlation_eq_mul", "F(a star b) = F(a) F(b), as for convolution.",
        exact=lambda n_: _exact(n_, lambda K: _corr_claim(K, conj=False)))],
)


def _derive_shift():
    return [sc.Derivation(Fsh(j), title=r"$(F S^m a)_j$ with $(S^m a)_k = a_{k-m}$", goal=omega ** (j * m) * Fa(j))
            .step(zsum(omega ** (j * k) * a(k - m), k), Unfold("Fsh", definitions=DEFS))
            .step(zsum(omega ** (j * (s_ + m)) * a(s_), s_), ReindexSum(k, s_ + m, s_))
            .step(omega ** (j * m) * zsum(omega ** (j * s_) * a(s_), s_), PullOut(s_))
            .step(omega ** (j * m) * Fa(j), Fold("Fa", definitions=DEFS))]


def _shift_defect(x, _y):
    import mpmath
    n_ = len(x)
    mp = not isinstance(x[0], (float, np.floating))
    ex = mpmath.expjpi if mp else (lambda z: np.exp(1j * np.pi * z))
    den = mpmath.mpf(n_) if mp else n_
    Fs, Fx = _F([x[(r - 1) % n_] for r in range(n_)]), _F(list(x))
    return max(abs(p - ex(-2 * jj / den) * q) for jj, (p, q) in enumerate(zip(Fs, Fx)))


dft_shift_eq_phase = sc.Theorem(
    "dft_shift_eq_phase",
    "Shifting a signal by m multiplies its DFT by the root of unity omega^(jm).",
    claims="proved",
    latex=r"\big(F S^m a\big)_j = \omega^{jm}\,(Fa)_j",
    derivation=_derive_shift, formal=FORMAL_SHIFT,
    exact=lambda n_: _exact(n_, _shift_claim), n_range=(1, 10),
    numeric=lambda n_, rng, dps: float_and_mp(_shift_defect, dps, rng.standard_normal(n_), rng.standard_normal(1)),
    numeric_sizes=(1, 4, 9),
    false_variants=[sc.FalseVariant(
        "dft_shift_eq_phase_conj", "Shifting by m multiplies the DFT by omega^(-jm).",
        exact=lambda n_: _exact(n_, lambda K: _shift_claim(K, sign=-1)))],
)


def _derive_parseval():
    return [sc.Derivation(energy(j), title=r"$\sum_j |(Fa)_j|^2$ for real $a$: $|(Fa)_j|^2 = (Fa)_j\,\overline{(Fa)_j}$",
                          goal=n_sym * zsum(a(k) * a(k), k))
            .step(zsum(zsum(omega ** (j * k) * a(k), k) * zsum(omega ** (-j * l) * a(l), l), j),
                  Unfold("energy", definitions=DEFS))
            .step(zsum(zsum(zsum(omega ** (j * k) * a(k) * omega ** (-j * l) * a(l), l), k), j), ProductOfSums())
            .step(zsum(zsum(a(k) * a(l) * zsum(omega ** (j * k) * omega ** (-j * l), j), l), k), PullOut(j))
            .step(zsum(zsum(a(k) * a(l) * n_sym * Iverson(k - l, 0), l), k), GeometricSum(j))
            .step(zsum(a(k) * a(k) * n_sym, k), Sift(l))
            .step(n_sym * zsum(a(k) * a(k), k), PullOut(k))]


def _parseval_defect(x, _y):
    Fx = _F(list(x))
    n_ = len(x)
    return abs(sum(abs(v) ** 2 for v in Fx) - n_ * sum(v * v for v in x)) / max(1, n_ * sum(v * v for v in x))


parseval = sc.Theorem(
    "parseval",
    "Parseval/Plancherel for the unnormalised DFT: sum_j |(F a)_j|^2 = n sum_k |a_k|^2.",
    claims="proved",
    latex=r"\sum_j |(Fa)_j|^2 = n \sum_k |a_k|^2",
    derivation=_derive_parseval, formal=FORMAL_PARSEVAL,
    exact=lambda n_: _exact(n_, _parseval_claim), n_range=(1, 10),
    numeric=lambda n_, rng, dps: float_and_mp(_parseval_defect, dps, rng.standard_normal(n_), rng.standard_normal(1)),
    numeric_sizes=(1, 4, 9),
    false_variants=[sc.FalseVariant(
        "parseval_unit_scale", "sum_j |(F a)_j|^2 = sum_k |a_k|^2 (the unnormalised DFT taken as unitary).",
        exact=lambda n_: _exact(n_, lambda K: _parseval_claim(K, scale=1)), n_range=(2, 10))],
)


def _same_poly(ring, c, l_) -> bool:
    """c = l_ as polynomials in QQ[a, b] (equal exactly when c - l_ expands to 0); outside the ring: expansion."""
    same = ring.equal(c, l_)
    return sp.expand(c - l_) == 0 if same is None else same


def _zero_pad(n_, extra=0):
    """Linear convolution = cyclic convolution of the zero-padded signals, length N >= |a|+|b|-1."""
    for p_ in range(1, n_ + 1):
        q_ = n_
        av, bv = list(sp.symbols(f"a0:{p_}")), list(sp.symbols(f"b0:{q_}"))
        ring = PolyEquality(av + bv)      # each output read into QQ[a, b]; another form: its expansion decides
        for N in range(p_ + q_ - 1 - extra, p_ + q_ + 2):
            if N < max(p_, q_):
                continue          # no room for the signal itself
            A_ = av + [0] * (N - p_)
            B_ = bv + [0] * (N - q_)
            cyc = sc.circular_convolve(A_, B_)
            lin = conv_full(av, bv) + [0] * (N - (p_ + q_ - 1))
            if not all(_same_poly(ring, c, l_) for c, l_ in zip(cyc, lin)):
                return sc.Counterexample(n_, f"|a| = {p_}, |b| = {q_}, N = {N}: cyclic and linear convolution differ")
    return sc.Holds(f"cyclic convolution of the zero-padded signals = linear convolution for generic a of length "
                    f"1..{n_}, b of length {n_}, every N from |a|+|b|-1{f'-{extra}' if extra else ''} to |a|+|b|+1")


_P, _Q = sp.Symbol("p", integer=True, positive=True), sp.Symbol("q", integer=True, positive=True)
_aseq, _bseq = sequence_function("aseq", "a"), sequence_function("bseq", "b")
_apad, _bpad = sequence_function("apad", r"(a \oplus 0)"), sequence_function("bpad", r"(b \oplus 0)")
lin_ab = entry_function("lin", "(a * b)")
cyc_ab = entry_function("cyc", r"\big((a \oplus 0) \circledast (b \oplus 0)\big)")
_ZERO_PAD = {
    # a of length p and b of length q, 0 outside
    "apad": sp.Lambda((t,), sp.KroneckerDelta(sp.floor(t / _P), 0) * _aseq(t)),
    "bpad": sp.Lambda((t,), sp.KroneckerDelta(sp.floor(t / _Q), 0) * _bseq(t)),
    "lin": sp.Lambda((u,), sp.Sum(_apad(t) * _bpad(u - t), (t, 0, _P - 1))),
    "cyc": sp.Lambda((u,), zsum(_apad(t) * _bpad(sp.Mod(u - t, n_sym)), t)),
}


def _formal_zero_pad(short=0):
    """For padded length n >= p + q - 1 (- short): the cyclic convolution of the zero-padded signals on Z_n equals
    the linear convolution, at every s in Z_n."""
    fits = sp.Min(sp.Max(n_sym - (_P + _Q - 1 - short) + 1, 0), 1)
    return Statement.identity(fits * cyc_ab(s_), fits * lin_ab(s_), definitions=_ZERO_PAD)


linear_conv_eq_cyclic_zero_padded = sc.Theorem(
    "linear_conv_eq_cyclic_zero_padded",
    "Linear convolution equals cyclic convolution after zero-padding both signals to a length N >= |a| + |b| - 1 "
    "(the basis of FFT convolution).",
    claims="verified",
    latex=r"N \geq |a| + |b| - 1:\quad a * b = \big(a \oplus 0\big) \circledast \big(b \oplus 0\big)",
    exact=_zero_pad, n_range=(1, 8), formal=_formal_zero_pad(),
    numeric=lambda n_, rng, dps: float_and_mp(
        lambda x, y: max(abs(p - q) for p, q in zip(conv_full(list(x), list(y)), sc.circular_convolve(
            list(x) + [0] * (len(y) - 1), list(y) + [0] * (len(x) - 1)))), dps,
        rng.standard_normal(n_), rng.standard_normal(n_ + 1)),
    numeric_sizes=(1, 3, 8),
    false_variants=[sc.FalseVariant(
        "linear_conv_eq_cyclic_short_padding", "Zero-padding to |a| + |b| - 2 is enough.",
        exact=lambda n_: _zero_pad(n_, extra=1), n_range=(2, 8), formal=_formal_zero_pad(short=1))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
