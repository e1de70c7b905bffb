"""2-D and channels: a linear map of images that commutes with both shifts is a 2-D circular
convolution with its impulse response (the slides' derivation), the 2-D DFT diagonalises it, and
a layer commuting with the shift of every channel is block-circulant."""

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.numeric import to_mp_array
from symconv.engine.rules import Fold, ReindexSum, Unfold
from symconv.engine.statement import Hypothesis, Statement
from symconv.objects.indexed import S, entry_function, omega, zsum
from symconv.verify import shift2d as V

ORDER = 125  # position in reports and in the LaTeX document

x_, y_, p_, q_, u_, v_, a_, b_ = sp.symbols("x y p q u v a b", integer=True)
f, h = entry_function("f"), entry_function("h")
phi_f = entry_function("phif", r"\phi(f)")
phi_delta = entry_function("phid", r"\phi(\delta_{#1,#2})(#3,#4)")
conv2 = entry_function("conv2", r"(h \circledast f)")
conv2s = entry_function("conv2s", r"(h \circledast S^{a,b} f)")
Sf = entry_function("Sf", r"(S^{a,b} f)")
DEFS = {
    "phif": sp.Lambda((x_, y_), zsum(zsum(f(p_, q_) * phi_delta(p_, q_, x_, y_), q_), p_)),
    "phid": sp.Lambda((p_, q_, x_, y_), h(x_ - p_, y_ - q_)),
    "conv2": sp.Lambda((x_, y_), zsum(zsum(h(u_, v_) * f(x_ - u_, y_ - v_), v_), u_)),
    "conv2s": sp.Lambda((x_, y_), zsum(zsum(h(u_, v_) * Sf(x_ - u_, y_ - v_), v_), u_)),
    "Sf": sp.Lambda((x_, y_), f(x_ - a_, y_ - b_)),
}


LINEAR = Hypothesis("phi linear", sp.Eq(phi_f(x_, y_), DEFS["phif"](x_, y_)),
                    r"$\phi$ linear: $\phi(f) = \sum_{p,q} f(p,q)\,\phi(\delta_{p,q})$")
EQUIVARIANT = Hypothesis("phi shift-equivariant", sp.Eq(phi_delta(p_, q_, x_, y_), DEFS["phid"](p_, q_, x_, y_)),
                         r"$\phi$ shift-equivariant: $\phi(\delta_{p,q}) = S^{p,q} h$, $h = \phi(\delta_{0,0})$")
#: phi linear and shift-equivariant => phi(f) = h (*) f; and conversely h (*) S^{a,b} f = S^{a,b}(h (*) f)
FORMAL = (Statement.identity(phi_f(x_, y_), conv2(x_, y_), hypotheses=(LINEAR, EQUIVARIANT), definitions=DEFS),
          Statement.identity(conv2s(x_, y_), conv2(x_ - a_, y_ - b_), definitions=DEFS))


def _derive():
    impulse = (sc.Derivation(phi_f(x_, y_), title=r"$\phi$ linear and shift-equivariant on $\mathbb{Z}_n^2$, "
                                                 r"$h = \phi(\delta_{0,0})$ (slides 001)", goal=conv2(x_, y_),
                                hypotheses=(LINEAR, EQUIVARIANT))
               .step(zsum(zsum(f(p_, q_) * phi_delta(p_, q_, x_, y_), q_), p_),
                     Unfold("phif", definitions=DEFS,
                            label=r"linearity: $f = \sum_{p,q} f(p,q)\,\delta_{p,q}$"))
               .step(zsum(zsum(f(p_, q_) * h(x_ - p_, y_ - q_), q_), p_),
                     Unfold("phid", definitions=DEFS,
                            label=r"equivariance: $\phi(\delta_{p,q}) = \phi(S^{p,q}\delta_{0,0}) = S^{p,q} h$"))
               .step(zsum(zsum(f(x_ - u_, q_) * h(u_, y_ - q_), q_), u_), ReindexSum(p_, x_ - u_, u_))
               .step(zsum(zsum(f(x_ - u_, y_ - v_) * h(u_, v_), v_), u_), ReindexSum(q_, y_ - v_, v_))
               .step(conv2(x_, y_), Fold("conv2", definitions=DEFS)))
    converse = (sc.Derivation(conv2s(x_, y_), title=r"conversely, $h \circledast (S^{a,b} f) = S^{a,b}(h \circledast f)$",
                              goal=conv2(x_ - a_, y_ - b_))
                .step(zsum(zsum(h(u_, v_) * f(x_ - u_ - a_, y_ - v_ - b_), v_), u_), Unfold("conv2s", "Sf", definitions=DEFS))
                .step(conv2(x_ - a_, y_ - b_), Fold("conv2", definitions=DEFS)))
    return [impulse, converse]


def _circ2(h_, f_):
    """2-D circular convolution (h (*) f)(x, y) = sum h(u, v) f(x-u, y-v), for float or mpmath arrays."""
    n0, n1 = f_.shape
    out = np.empty(f_.shape, dtype=f_.dtype)
    for x in range(n0):
        for y in range(n1):
            out[x, y] = sum(h_[u, v] * f_[(x - u) % n0, (y - v) % n1] for u in range(n0) for v in range(n1))
    return out


def _numeric(n_, rng, dps):
    hh, ff = rng.standard_normal((n_, n_ + 1)), rng.standard_normal((n_, n_ + 1))
    ref = _circ2(hh, ff)
    fft = np.real(np.fft.ifft2(np.fft.fft2(hh) * np.fft.fft2(ff)))
    err = max(np.abs(fft - ref).max(), np.abs(_circ2(hh, np.roll(ff, (1, 2), (0, 1))) - np.roll(ref, (1, 2), (0, 1))).max())
    with mpmath.workdps(dps):
        hm, fm = to_mp_array(hh), to_mp_array(ff)
        rm = _circ2(hm, fm)
        errm = max(abs(p - q) for p, q in zip(_circ2(hm, np.roll(fm, (1, 2), (0, 1))).flat, np.roll(rm, (1, 2), (0, 1)).flat))
    return float(err), float(errm)


shift2d_equivariant_iff_bccb = sc.Theorem(
    "shift2d_equivariant_iff_bccb",
    "A linear map of Z_n x Z_n images commutes with both shifts iff it is a 2-D circular convolution (BCCB) "
    "with its impulse response h = phi(delta); rectangular Z_m x Z_n images verified exactly for m <= n <= 4.",
    claims="proved",
    latex=r"\phi(S^{a,b} f) = S^{a,b}\phi(f)\ \forall a,b \iff \phi(f) = h \circledast f,\quad h = \phi(\delta_{0,0})",
    derivation=_derive, formal=FORMAL,
    exact=V.shift2d_equivariant_iff_bccb, n_range=(1, 4),
    numeric=_numeric, numeric_sizes=(1, 2, 3),
    false_variants=[sc.FalseVariant(
        "row_shift_equivariant_iff_bccb", "Commuting with the row shift alone makes a map a 2-D convolution.",
        exact=lambda n_: V.shift2d_equivariant_iff_bccb(n_, only_rows=True))],
)


def _numeric_dft2(n_, rng, dps):
    m_ = n_ + 1
    hh = rng.standard_normal((m_, n_))
    W = np.zeros((m_ * n_, m_ * n_))
    for x in range(m_):
        for y in range(n_):
            for u in range(m_):
                for v in range(n_):
                    W[x * n_ + y, u * n_ + v] = hh[(x - u) % m_, (y - v) % n_]
    F = np.kron(sc.dft_matrix_numeric(m_), sc.dft_matrix_numeric(n_))
    err = np.abs(F @ W @ np.linalg.inv(F) - np.diag(np.fft.fft2(hh).ravel())).max()
    with mpmath.workdps(dps):
        Fm_ = mpmath.matrix(m_ * n_, m_ * n_)
        Fa, Fb = sc.dft_matrix_numeric(m_, dps), sc.dft_matrix_numeric(n_, dps)
        for r in range(m_ * n_):
            for c in range(m_ * n_):
                Fm_[r, c] = Fa[r // n_, c // n_] * Fb[r % n_, c % n_]
        Wm = sc.mp_matrix(W)
        lhs = Fm_ * Wm * Fm_.H / (m_ * n_)
        eig = Fm_ * sc.mp_matrix(hh.ravel())
        errm = max(abs(lhs[r, c] - (eig[r] if r == c else 0)) for r in range(m_ * n_) for c in range(m_ * n_))
    return float(err), float(errm)


j_, k_, l_ = sp.symbols("j k l", integer=True)
F2 = entry_function("F2", r"(F \otimes F)_{(#1,#2),(#3,#4)}")
Wh = entry_function("Wh", r"(W_h)_{(#1,#2),(#3,#4)}")
H2 = entry_function("H2", r"\mathrm{DFT}_2(h)_{#1,#2}")


def _dft2_defs(sign=1):
    return {"F2": sp.Lambda((j_, k_, x_, y_), omega ** (j_ * x_ + k_ * y_)),
            "Wh": sp.Lambda((x_, y_, u_, v_), h(x_ - u_, y_ - v_)),
            "H2": sp.Lambda((j_, k_), zsum(zsum(omega ** (sign * (j_ * x_ + k_ * y_)) * h(x_, y_), y_), x_))}


def _formal_dft2(sign=1):
    """((F (x) F) W_h)_{(j,k),(u,v)} = DFT_2(h)_{jk} (F (x) F)_{(j,k),(u,v)}: F (x) F W_h (F (x) F)^-1 =
    diag(DFT_2(h)) (square images Z_n x Z_n; F (x) F is invertible, (F (x) F)(F (x) F)^* = n^2 I)."""
    return Statement.identity(zsum(zsum(F2(j_, k_, x_, y_) * Wh(x_, y_, u_, v_), y_), x_),
                              H2(j_, k_) * F2(j_, k_, u_, v_), definitions=_dft2_defs(sign))


dft2_diagonalizes_bccb = sc.Theorem(
    "dft2_diagonalizes_bccb",
    "The 2-D DFT F_m (x) F_n diagonalises every 2-D circular convolution; its eigenvalues are the 2-D DFT of the kernel.",
    claims="verified",
    latex=r"(F_m \otimes F_n)\,W_h\,(F_m \otimes F_n)^{-1} = \operatorname{diag}\big(\mathrm{DFT}_2(h)\big)",
    exact=V.dft2_diagonalizes_bccb, n_range=(1, 16), formal=_formal_dft2(),
    numeric=_numeric_dft2, numeric_sizes=(1, 2, 3),
    false_variants=[sc.FalseVariant(
        "dft2_diagonalizes_bccb_conj", "The eigenvalues are the 2-D DFT with omega conjugated.",
        exact=lambda n_: V.dft2_diagonalizes_bccb(n_, sign=-1), formal=_formal_dft2(sign=-1))],
)


def _numeric_channels(n_, rng, dps):
    c = 2
    blocks = [[sc.objects.circulant_array(rng.standard_normal(n_)) for _ in range(c)] for _ in range(c)]
    W = np.block(blocks)
    S = np.kron(np.eye(c), sc.verify.permutation_array(n_))
    err = np.abs(W @ S - S @ W).max()
    with mpmath.workdps(dps):
        Wm, Sm = sc.mp_matrix(W), sc.mp_matrix(S)
        errm = sc.mp_max_abs(Wm * Sm - Sm * Wm)
    return float(err), float(errm)


hc, Wc = entry_function("hc", "h"), entry_function("Wc", "W")
Wb = entry_function("Wb", r"W_{(#1,#2),(#3,#4)}")
#: block-circulant: W_{(a,i),(b,j)} = h_{ab}(i - j), one circulant per pair of output and input channels
_BLOCK = {"Wb": sp.Lambda((a_, x_, b_, y_), hc(a_, b_, x_ - y_))}


def _commutes(W):
    """(W (I (x) S))_{(a,i),(b,j)} = ((I (x) S) W)_{(a,i),(b,j)}"""
    return sp.Eq(zsum(W(a_, x_, b_, l_) * S(l_, y_), l_), zsum(S(x_, l_) * W(a_, l_, b_, y_), l_))


#: W commutes with the shift of every channel iff every block is circulant (the equivalence, as the exact check
#: decides it, is not evaluated concretely), and block-circulant matrices commute with it (evaluated concretely)
FORMAL_CHANNELS = (Statement.equivalence(_commutes(Wc), sp.Eq(Wc(a_, x_, b_, y_), Wc(a_, x_ - y_, b_, 0))),
                   Statement.identity(_commutes(Wb).lhs, _commutes(Wb).rhs, definitions=_BLOCK))


channel_equivariant_iff_block_circulant = sc.Theorem(
    "channel_equivariant_iff_block_circulant",
    "A linear layer on c-channel signals commutes with the shift of every channel (S (x) I_c) iff it is "
    "block-circulant: one circulant (a convolution) for each pair of input and output channels.",
    claims="verified",
    latex=r"W (I_c \otimes S) = (I_c \otimes S) W \iff W = \big[\mathrm{circ}(h_{ab})\big]_{a,b}, "
          r"\quad \dim = n c^2",
    exact=lambda n_: sc.Holds.all(V.channel_equivariant_iff_block_circulant(n_, 2),
                                  V.channel_equivariant_iff_block_circulant(n_, 3)),
    n_range=(1, 6), formal=FORMAL_CHANNELS,
    numeric=_numeric_channels, numeric_sizes=(1, 3, 6),
    false_variants=[sc.FalseVariant(
        "channel_equivariant_iff_diagonal", "Such a layer cannot mix channels (its off-diagonal blocks vanish).",
        exact=lambda n_: V.channel_equivariant_iff_block_circulant(n_, 2, claim_diagonal=True),
        formal=Statement.identity((1 - sp.KroneckerDelta(a_, b_)) * Wb(a_, x_, b_, y_), 0, definitions=_BLOCK))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
