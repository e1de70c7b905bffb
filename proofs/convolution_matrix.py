"""Convolution as a matrix, and the N-D convolution of scipy.signal (issue 11's new operators).

``convolution_matrix(a, n, mode)`` (SciPy's semantics, C[i, j] = a[i - j]) times a signal of length n
is the convolution a * x, and its 'same'/'valid' rows are NumPy's; a matrix is Toeplitz exactly when
it is the 'valid' convolution matrix of the kernel read off its first row and column; the N-D
convolution of ``signal_nd`` is the defining sum over every axis, and it commutes.  Each exact check
compares symconv's operator with sums written out here, for generic symbolic entries."""

import itertools

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.numeric import float_and_mp
from symconv.engine.rules import Fold, ReindexSum, Unfold
from symconv.engine.statement import Statement
from symconv.objects.circulant import circulant_array
from symconv.objects.indexed import entry_function, i, j, lsum, n, s_, sequence_function, t, u, zsum
from symconv.objects.signal_nd import convolve as convolve_nd, correlate as correlate_nd
from symconv.objects.toeplitz import convolution_matrix, toeplitz_kernel

ORDER = 59  # position in reports and in the LaTeX document

ka, xs = sequence_function("ka", "a"), sequence_function("xs", "x")
Cm = sequence_function("Cm", r"C_a")
conv_ax = sequence_function("conv_ax", "(a * x)")
DEFS = {"Cm": sp.Lambda((i, j), ka(i - j)), "conv_ax": sp.Lambda((i,), lsum(ka(i - t) * xs(t), t))}
FORMAL_MATRIX = Statement.identity(lsum(Cm(i, j) * xs(j), j), conv_ax(i), definitions=DEFS)


def _derive_matrix():
    return [(sc.Derivation(lsum(Cm(i, j) * xs(j), j), title=r"$(C_a x)_i = (a * x)_i$", goal=conv_ax(i))
             .step(lsum(ka(i - j) * xs(j), j), Unfold("Cm", definitions=DEFS))
             .step(lsum(ka(i - t) * xs(t), t), ReindexSum(j, t, t))
             .step(conv_ax(i), Fold("conv_ax", definitions=DEFS)))]


def _numpy_rows(m_, n_, mode):
    """NumPy's rows of the full product for np.convolve(x, a, mode), written out (len(x) = n, len(a) = m)."""
    if mode == "full":
        return 0, m_ + n_ - 1
    if mode == "valid":
        return min(m_, n_) - 1, abs(m_ - n_) + 1
    return (min(m_, n_) - 1) // 2, max(m_, n_)


def _exact_matrix(n_, correlation=False):
    xv = list(sp.symbols(f"x0:{n_}"))
    for m_ in range(1, n_ + 2):
        av = list(sp.symbols(f"a0:{m_}"))
        if correlation:      # the false claim: C_a x is the correlation sum_j a[j - i + n - 1] x[j]
            full = [sum((av[jj - ii + m_ - 1] * xv[jj] for jj in range(n_) if 0 <= jj - ii + m_ - 1 < m_),
                        sp.Integer(0)) for ii in range(m_ + n_ - 1)]
        else:
            full = [sum((av[ii - jj] * xv[jj] for jj in range(n_) if 0 <= ii - jj < m_), sp.Integer(0))
                    for ii in range(m_ + n_ - 1)]
        for mode in ("full", "same", "valid"):
            lo, length = _numpy_rows(m_, n_, mode)
            got = convolution_matrix(av, n_, mode).dot(np.array(xv, dtype=object))
            want = full[lo:lo + length]
            if len(got) != len(want) or any(sp.expand(g - w) != 0 for g, w in zip(got, want)):
                return sc.Counterexample(n_, f"len(a) = {m_}, mode {mode!r}: C_a x = {list(got)}, "
                                             f"{'the correlation' if correlation else 'a * x'} = {want}")
    return sc.Holds(f"convolution_matrix(a, n, mode) x = (a * x) (rows as np.convolve: full, same, valid) for "
                    f"generic a of lengths 1..{n_ + 1} and x of length n={n_}")


def _matrix_defect(av, xv):
    full = [sum((av[ii - jj] * xv[jj] for jj in range(len(xv)) if 0 <= ii - jj < len(av)), 0 * av[0])
            for ii in range(len(av) + len(xv) - 1)]
    got = convolution_matrix(av, len(xv), "full").dot(np.array(list(xv), dtype=object))
    return max(abs(g - w) for g, w in zip(got, full))


convolution_matrix_mul_eq_conv = sc.Theorem(
    "convolution_matrix_mul_eq_conv",
    "The convolution matrix C_a[i, j] = a[i - j] times x is the convolution a * x; its 'same' and 'valid' "
    "rows are those of np.convolve(x, a, mode) (SciPy's convolution_matrix).",
    claims="proved",
    latex=r"(C_a x)_i = \sum_j a_{i-j}\, x_j = (a * x)_i",
    derivation=_derive_matrix, formal=FORMAL_MATRIX,
    exact=_exact_matrix, n_range=(1, 6),
    numeric=lambda n_, rng, dps: float_and_mp(_matrix_defect, dps, rng.standard_normal(n_ + 2),
                                              rng.standard_normal(n_)),
    numeric_sizes=(1, 3, 8),
    false_variants=[sc.FalseVariant(
        "convolution_matrix_mul_eq_correlation",
        "The convolution matrix computes the cross-correlation of x with a instead.",
        exact=lambda n_: _exact_matrix(n_, correlation=True), n_range=(1, 4))],
)


tt, kv, Tm, Vm = (sequence_function("tt", "t"), sequence_function("kv", "a_M"),
                  sequence_function("Tm", "M"), sequence_function("Vm", r"C^{\mathrm{valid}}_{a_M}"))
DEFS_T = {"Tm": sp.Lambda((i, j), tt(i - j)), "kv": sp.Lambda((s_,), tt(s_ - n + 1)),
          "Vm": sp.Lambda((i, j), kv(i - j + n - 1))}
FORMAL_TOEPLITZ = Statement.identity(Vm(i, j), Tm(i, j), definitions=DEFS_T,
                                     text="M[i, j] = t(i - j), a_M(s) = t(s - n + 1), n columns")


def _exact_toeplitz(n_, reversed_kernel=True):
    """For p x n matrices, p = 1..n+1: a generic Toeplitz M is the 'valid' convolution matrix of its kernel,
    every 'valid' convolution matrix is Toeplitz, and a generic non-Toeplitz matrix is not one."""
    for p_ in range(1, n_ + 2):
        tv = {d: sp.Symbol(f"t{d}".replace("-", "m")) for d in range(-(n_ - 1), p_)}
        M = np.array([[tv[r - c] for c in range(n_)] for r in range(p_)], dtype=object)
        kernel = toeplitz_kernel(M) if reversed_kernel else np.concatenate([M[0, :], M[1:, 0]])
        V = convolution_matrix(kernel, n_, "valid")
        if V.shape != M.shape or any(sp.expand(a - b) != 0 for a, b in zip(V.flat, M.flat)):
            return sc.Counterexample(n_, f"{p_}x{n_} Toeplitz M = {M.tolist()}, its 'valid' convolution matrix "
                                         f"is {V.tolist()}")
        av = list(sp.symbols(f"a0:{n_ + p_ - 1}"))
        W = convolution_matrix(av, n_, "valid")
        if any(sp.expand(W[r, c] - W[r - 1, c - 1]) != 0 for r in range(1, p_) for c in range(1, n_)):
            return sc.Counterexample(n_, f"the 'valid' convolution matrix {W.tolist()} is not Toeplitz")
        if p_ >= 2 and n_ >= 2:
            G = np.array(sp.symbols(f"g0:{p_ * n_}"), dtype=object).reshape(p_, n_)
            if all(sp.expand(a - b) == 0 for a, b in zip(convolution_matrix(toeplitz_kernel(G), n_, "valid").flat,
                                                         G.flat)):
                return sc.Counterexample(n_, f"the generic non-Toeplitz {p_}x{n_} matrix is a convolution matrix")
    return sc.Holds(f"for p x {n_} matrices, p = 1..{n_ + 1}: generic Toeplitz M = C^valid of its kernel, every "
                    f"C^valid is Toeplitz, a generic non-Toeplitz matrix is not C^valid of its kernel")


toeplitz_iff_valid_convolution_matrix = sc.Theorem(
    "toeplitz_iff_valid_convolution_matrix",
    "A p x n matrix M is Toeplitz exactly when it is the 'valid' convolution matrix of the kernel "
    "a_M = (M[0, n-1], ..., M[0, 0], M[1, 0], ..., M[p-1, 0]) (the truncated convolution problem).",
    claims="verified",
    latex=r"M_{i,j} = t_{i-j}\ \forall i, j \iff M = C^{\mathrm{valid}}_{a_M},\quad (a_M)_s = t_{s-n+1}",
    formal=FORMAL_TOEPLITZ,
    exact=_exact_toeplitz, n_range=(1, 5),
    numeric=lambda n_, rng, dps: float_and_mp(
        lambda c, r: max(abs(a - b) for a, b in zip(
            convolution_matrix(toeplitz_kernel(sc.objects.toeplitz.toeplitz(c, r)), len(r), "valid").flat,
            sc.objects.toeplitz.toeplitz(c, r).flat)), dps, rng.standard_normal(n_ + 1), rng.standard_normal(n_)),
    numeric_sizes=(1, 3, 8),
    false_variants=[sc.FalseVariant(
        "toeplitz_eq_valid_matrix_of_first_row", "A Toeplitz matrix is the 'valid' convolution matrix of its first "
        "row followed by its first column (the row not reversed).",
        exact=lambda n_: _exact_toeplitz(n_, reversed_kernel=False), n_range=(1, 4))],
)


a2, b2, c2 = sequence_function("a2", "a"), sequence_function("b2", "b"), sequence_function("c2", "(a * b)")
DEFS_ND = {"c2": sp.Lambda((i, j), lsum(lsum(a2(i - t, j - u) * b2(t, u), u), t))}
FORMAL_ND = Statement.identity(c2(i, j), lsum(lsum(b2(i - t, j - u) * a2(t, u), u), t), definitions=DEFS_ND,
                               text="two axes shown; every axis alike")


def _exact_nd(n_, correlation=False):
    """3-D arrays of every shape with sides 1..n: symconv's N-D convolution is the defining sum and commutes
    (the false claim: the correlation commutes)."""
    op = correlate_nd if correlation else convolve_nd
    shapes = list(itertools.product(range(1, n_ + 1), repeat=3))
    for sa, sb in itertools.product(shapes, repeat=2):
        if max(sa) < n_ and max(sb) < n_:
            continue                                           # seen at a smaller n
        A = np.array(sp.symbols(f"a0:{int(np.prod(sa))}"), dtype=object).reshape(sa)
        B = np.array(sp.symbols(f"b0:{int(np.prod(sb))}"), dtype=object).reshape(sb)
        ab, ba = op(A, B), op(B, A)
        if correlation:
            if any(sp.expand(p - q) != 0 for p, q in zip(ab.flat, ba.flat)):
                return sc.Counterexample(n_, f"shapes {sa} and {sb}: a star b = {ab.tolist()} differs from "
                                             f"b star a = {ba.tolist()}")
            continue
        for idx in itertools.product(*(range(p + q - 1) for p, q in zip(sa, sb))):
            want = sum((A[tt_] * B[tuple(k - q for k, q in zip(idx, tt_))] for tt_ in np.ndindex(sa)
                        if all(0 <= k - q < s for k, q, s in zip(idx, tt_, sb))), sp.Integer(0))
            if sp.expand(ab[idx] - want) != 0 or sp.expand(ba[idx] - want) != 0:
                return sc.Counterexample(n_, f"shapes {sa} and {sb}, index {idx}: {ab[idx]} / {ba[idx]}, "
                                             f"the sum is {want}")
    return sc.Holds(f"3-D generic arrays of every shape with sides <= {n_}: convolve(a, b) = convolve(b, a) = the "
                    "defining sum, entry by entry")


convolve_nd_comm_eq_sum = sc.Theorem(
    "convolve_nd_comm_eq_sum",
    "The N-D convolution (scipy.signal.convolve's, any number of axes) is the defining sum "
    "(a * b)(i) = sum_t a(i - t) b(t) over every axis, and it commutes.",
    claims="verified",
    latex=r"(a * b)(i_1, \dots, i_d) = \sum_{t} a(i - t)\, b(t) = \sum_t b(i - t)\, a(t)",
    formal=FORMAL_ND,
    exact=_exact_nd, n_range=(1, 2),
    numeric=lambda n_, rng, dps: float_and_mp(
        lambda p, q: max(abs(a - b) for a, b in zip(convolve_nd(p.reshape(1, 1, -1), q.reshape(1, -1, 1)).flat,
                                                    convolve_nd(q.reshape(1, -1, 1), p.reshape(1, 1, -1)).flat)),
        dps, rng.standard_normal(n_), rng.standard_normal(n_ + 1)),
    numeric_sizes=(1, 3, 8),
    false_variants=[sc.FalseVariant(
        "correlate_nd_comm", "The N-D cross-correlation commutes too.",
        exact=lambda n_: _exact_nd(n_, correlation=True), n_range=(1, 2))],
)


cb, xb = entry_function("cb", "c_b"), entry_function("xb", "x")
Cb, convb = entry_function("Cb", r"\mathrm{circ}(c_b)"), entry_function("convb", r"(c_b \circledast x)")
DEFS_B = {"Cb": sp.Lambda((i, j), cb(i - j)), "convb": sp.Lambda((i,), zsum(cb(i - t) * xb(t), t))}
FORMAL_BATCH = Statement.identity(zsum(Cb(i, j) * xb(j), j), convb(i), definitions=DEFS_B,
                                  text="for each kernel c_b of the batch")


def _exact_batch(n_, first_row=False):
    """A batch of 2 x 2 generic kernels of length n: circulant_array(c)[b] x = c_b (*) x, each b."""
    C = np.array(sp.symbols(f"c0:{4 * n_}"), dtype=object).reshape(2, 2, n_)
    xv = list(sp.symbols(f"x0:{n_}"))
    mats = circulant_array(C)
    if first_row:                                       # Sage's convention: c is the first row
        mats = np.swapaxes(mats, -1, -2)
    if mats.shape != (2, 2, n_, n_):
        return sc.Counterexample(n_, f"shape {mats.shape}, not (2, 2, {n_}, {n_})")
    for b in np.ndindex(2, 2):
        got = mats[b].dot(np.array(xv, dtype=object))
        want = [sum((C[b][(q - r) % n_] * xv[r] for r in range(n_)), sp.Integer(0)) for q in range(n_)]
        if any(sp.expand(g - w) != 0 for g, w in zip(got, want)):
            return sc.Counterexample(n_, f"batch {b}: circ(c_b) x = {list(got)}, c_b (*) x = {want}")
    return sc.Holds(f"a 2 x 2 batch of generic kernels of length n={n_}: circulant_array(c)[b] x = c_b (*) x for "
                    "each b")


circulant_batch_mul_eq_circular_conv = sc.Theorem(
    "circulant_batch_mul_eq_circular_conv",
    "The batched circulant (scipy.linalg.circulant's batching: c of shape (..., n) gives (..., n, n)) is one "
    "circulant per kernel, and each multiplies as the circular convolution with its kernel.",
    claims="verified",
    latex=r"\mathrm{circ}(c)_{b,i,j} = (c_b)_{i-j},\quad \mathrm{circ}(c)_b\, x = c_b \circledast x",
    formal=FORMAL_BATCH,
    exact=_exact_batch, n_range=(1, 6),
    numeric=lambda n_, rng, dps: float_and_mp(
        lambda c, x: max(abs(a - b) for a, b in zip(
            circulant_array(np.stack([c, c[::-1]]))[1].dot(x),
            [sum(c[::-1][(q - r) % len(x)] * x[r] for r in range(len(x))) for q in range(len(x))])),
        dps, rng.standard_normal(n_), rng.standard_normal(n_)),
    numeric_sizes=(1, 3, 8),
    false_variants=[sc.FalseVariant(
        "circulant_batch_first_row", "Each circulant of the batch has its kernel as first row (Sage's convention) "
        "and still multiplies as the circular convolution.",
        exact=lambda n_: _exact_batch(n_, first_row=True), n_range=(1, 4))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
