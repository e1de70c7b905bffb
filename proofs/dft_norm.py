"""The inverse DFT and NumPy's three normalisations ('backward', 'ortho', 'forward'): with the scale
factors s_fwd, s_inv of ``np.fft.fft``/``ifft``, s_inv s_fwd = 1/n for each, so idft(dft(x)) = x.
Mixing two normalisations does not invert."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.statement import Statement
from symconv.exact import NotCyclotomic, cyclotomic_is_zero, decide_zero
from symconv.objects.dft import NORMS, dft, dft_scale, idft
from symconv.objects.indexed import F, Fs, Iverson, j, k, l, n, zsum

ORDER = 51  # position in reports and in the LaTeX document

#: (s_fwd, s_inv) of each normalisation, as functions of the symbol n
SCALES = {"backward": (sp.Integer(1), 1 / n), "ortho": (1 / sp.sqrt(n), 1 / sp.sqrt(n)),
          "forward": (1 / n, sp.Integer(1))}
FORMAL = tuple(Statement.identity(s_inv * s_fwd * zsum(Fs(j, l) * F(l, k), l), Iverson(j, k), text=f"norm={nm!r}")
               for nm, (s_fwd, s_inv) in SCALES.items())


def _is_zero(e):
    """True (exactly 0), False (certainly not) or None (undecided).  The entries are polynomials in the x's with
    coefficients in Q(zeta_n), so the exact test in Q(zeta_n) decides them directly (decide_zero ends in the same
    test, after an expansion attempt that does not reduce roots of unity); any other form: decide_zero."""
    try:
        return cyclotomic_is_zero(e)
    except NotCyclotomic:               # (also its time-out and an order above its limit)
        return decide_zero(e)


def _exact(n_, forward_norm=None, inverse_norm=None):
    """idft(dft(x, norm), norm) = x for generic symbolic x, every norm (or the mixed pair of a false claim),
    each entry decided exactly (roots of unity in Q(zeta_n)); and the scales are NumPy's."""
    xs = list(sp.symbols(f"x0:{n_}"))
    pairs = [(forward_norm, inverse_norm)] if forward_norm else [(m, m) for m in NORMS]
    for fwd, inv in pairs:
        if fwd == inv:                                       # the scales' product, decided exactly
            scale_ok = decide_zero(dft_scale(n_, fwd) * dft_scale(n_, inv, inverse=True) - sp.Rational(1, n_))
            if scale_ok is None:
                raise RuntimeError(f"norm {fwd!r}: s_fwd s_inv = 1/n not decided")
            if not scale_ok:
                return sc.Counterexample(n_, f"norm {fwd!r}: s_fwd s_inv is not 1/n")
        back = idft(dft(xs, fwd), inv)
        for q, (y, x0) in enumerate(zip(back, xs)):
            zero = _is_zero(y - x0)
            if zero is False:
                return sc.Counterexample(n_, f"idft(dft(x, {fwd!r}), {inv!r})[{q}] = {sp.expand(y)}, not {x0}")
            if zero is None:
                return None                                  # undecided: never a pass
    return sc.Holds(f"idft(dft(x, norm), norm) = x for generic x of length n={n_}, norms "
                    f"{', '.join(a for a, _ in pairs)}, every entry decided exactly")


def _numeric(n_, rng, dps):
    """Against NumPy in float64 (np.fft.fft/ifft with each norm); the round trip in mpmath."""
    x = rng.standard_normal(n_) + 1j * rng.standard_normal(n_)
    err = 0.0
    for m in NORMS:
        F_ = np.array([complex(v) for v in dft(list(x), m)])
        err = max(err, np.abs(F_ - np.fft.fft(x, norm=m)).max(), np.abs(
            np.array([complex(v) for v in idft(list(F_), m)]) - np.fft.ifft(F_, norm=m)).max())
    import mpmath

    with mpmath.workdps(dps):                                # the round trip at dps digits
        xm = [sp.Float(mpmath.mpf(float(v)), dps) for v in x.real]
        errm = max(float(abs(sp.N(a - b, dps))) for a, b in zip(idft(dft(xm, "ortho"), "ortho"), xm))
    return err, errm


idft_dft_eq_self_all_norms = sc.Theorem(
    "idft_dft_eq_self_all_norms",
    "For each of NumPy's normalisations ('backward', 'ortho', 'forward') the inverse DFT undoes the DFT: "
    "s_inv s_fwd F* F = I.",
    claims="verified",
    latex=r"s_{\mathrm{inv}}\, s_{\mathrm{fwd}} \sum_l \overline{\omega}^{jl} \omega^{lk} = [j = k],\quad "
          r"(s_{\mathrm{fwd}}, s_{\mathrm{inv}}) \in "
          r"\{(1, \tfrac1n), (\tfrac1{\sqrt n}, \tfrac1{\sqrt n}), (\tfrac1n, 1)\}",
    formal=FORMAL,
    exact=_exact, n_range=(1, 6),
    numeric=_numeric, numeric_sizes=(1, 4, 7), tolerance=1e-9,
    false_variants=[sc.FalseVariant(
        "idft_backward_inverts_dft_ortho", "The default inverse DFT ('backward') undoes the orthonormal DFT.",
        exact=lambda n_: _exact(n_, "ortho", "backward"), n_range=(1, 4))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
