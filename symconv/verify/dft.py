"""Exact checks of the DFT theorems at one n, in memory linear in n (n = 8192 in a few seconds).

Everything is exponent arithmetic in the group of n-th roots of unity plus
exact zero tests in Q(zeta_n):

* zeta = exp(2*pi*i/n) has order exactly n, so zeta**a = zeta**b iff
  a = b (mod n): comparing monomials is comparing integers mod n;
* sums of roots of unity are decided by reduction modulo Phi_n
  (:func:`symconv.exact.root_sum_is_zero`).

The n x n exponent tables are never built whole: every entry is still compared, in blocks of
max(1, CHUNK_ENTRIES // n) whole rows, so a block holds at most max(n, CHUNK_ENTRIES) entries and
the arrays alive at once take O(n) memory (a constant few MB until n passes CHUNK_ENTRIES).  The memo
of decided geometric sums keeps one exact count vector (n integers) per distinct vector, that is
per divisor of n.

>>> [type(dft_diagonalizes_circulant(n)).__name__ for n in (1, 2, 3, 12)]
['Holds', 'Holds', 'Holds', 'Holds']
>>> print(dft_diagonalizes_circulant(3, sign=-1))   # omega with the wrong sign
n=3: c = e_1 (circ(c) = S): (F S)[1,0] = zeta^2 but (D F)[1,0] = zeta^1 with the claimed D[1,1] = zeta^1
"""

from __future__ import annotations

from typing import Iterator

import numpy as np
import sympy as sp

from ..engine.verdict import Counterexample, Holds
from ..exact import congruent_mod, cyclotomic_residual, root_sum_is_zero
from ..objects import circulant, dft_matrix, shift_permutation, symbol_vector
from ..objects.dft import dft_exponent_rows

__all__ = ["fourier_modes_are_shift_eigenvectors", "dft_mul_conj_transpose",
           "dft_diagonalizes_circulant",
           "dft_diagonalizes_circulant_direct", "geometric_sums"]


#: about this many entries of an n x n table are alive at once: blocks of max(1, CHUNK_ENTRIES // n) whole rows
CHUNK_ENTRIES = 1 << 18


def _row_blocks(n: int) -> Iterator[tuple[int, int]]:
    """(start, stop) of consecutive blocks of rows covering 0..n-1 exactly once, in order."""
    rows = max(1, CHUNK_ENTRIES // n)
    for a in range(0, n, rows):
        yield a, min(n, a + rows)


def _blocks_text(n: int) -> str:
    rows = max(1, CHUNK_ENTRIES // n)
    return "in one block" if rows >= n else f"in blocks of {rows} rows"


def _first_mismatch(diff: np.ndarray, n: int, row0: int = 0):
    """The first (row, column) in row-major order, rows counted from row0, where the integer array diff
    (a block of differences of exponents) is not 0 mod n; None if every entry is.

    diff is changed in place: n is added to its negative entries, which changes no residue mod n.  A
    difference of residues in [0, n), minus at most one more such residue, lies in (-2n, n), so where the
    identity holds it is 0 or -n and becomes 0: those blocks are settled by a test for zero.  An entry
    still non-zero is reduced mod n, exactly, before it counts as a mismatch."""
    np.add(diff, n, out=diff, where=diff < 0)
    if not diff.any():
        return None
    bad = np.argwhere(diff % n != 0)
    return None if not bad.size else (int(bad[0, 0]) + row0, int(bad[0, 1]))


def _shift_perm(n: int) -> np.ndarray:
    """The shift's permutation from ``objects.shift_permutation``: column j of S holds its one 1 in row
    perm[j].  Checked to be a permutation of 0..n-1 (NumPy would read an index -1 as n-1)."""
    perm = np.asarray(shift_permutation(n), dtype=np.int64)
    if perm.shape != (n,) or not np.array_equal(np.sort(perm), np.arange(n, dtype=np.int64)):
        raise ValueError(f"shift_permutation({n}) is not a permutation of 0..{n - 1}")
    return perm


def _shift_source(n: int) -> np.ndarray:
    """src with (S x)[i] = x[src[i]]: (S x)[perm[j]] = x[j], so src is the inverse of the shift's permutation."""
    perm = _shift_perm(n)
    src = np.empty(n, dtype=np.int64)
    src[perm] = np.arange(n, dtype=np.int64)
    return src


def fourier_modes_are_shift_eigenvectors(n: int, sign: int = 1) -> Counterexample | Holds:
    """S f_k = omega**(sign*k) f_k for every k, where f_k[j] = zeta**(j*k).

    (S f_k)[i] = f_k[src[i]] is computed by applying the shift's permutation (``shift_permutation``);
    omega**k = zeta**(-k).  The convention is sign = +1.  All n*n entries are compared, in row blocks.
    """
    i = np.arange(n, dtype=np.int64)
    src = _shift_source(n)
    lam = (-sign * i) % n                       # omega**(sign*k) = zeta**(-sign*k)
    for a, b in _row_blocks(n):
        E = np.outer(i[a:b], i) % n             # E[j - a, k]: f_k[j] = zeta**E[j - a, k]
        SE = np.outer(src[a:b], i) % n          # (S f_k)[j] = f_k[src[j]]
        bad = _first_mismatch(SE - E - lam[None, :], n, a)     # (S f_k)[j] vs omega**(sign*k) f_k[j]
        if bad:
            j, kk = bad
            rhs = (int(E[j - a, kk]) + int(lam[kk])) % n
            return Counterexample(n, f"(S f_{kk})[{j}] = zeta^{SE[j - a, kk]} but omega^{sign * kk} f_{kk}[{j}] = "
                                     f"zeta^{rhs} (zeta = exp(2 pi i/{n}))")
    return Holds(f"S f_k = omega^({sign}k) f_k for every k, all {n}x{n} entries compared as exponents of "
                 f"zeta mod n ({_blocks_text(n)}), n={n}")


# Why there are few distinct geometric sums (an explanation only: nothing below relies on it, the memo
# is keyed by the exact count vector, which is computed for every d).  The count vector of
# sum_l zeta**(d*l), l = 0..n-1, counts[e] = #{l : d*l = e mod n}, is a function of g = gcd(d, n):
# l -> d*l mod n is a homomorphism of Z_n whose image is the subgroup generated by d, which is gZ_n
# (d = g*d' with gcd(d', n/g) = 1, so d' is a unit mod n/g), and whose kernel has n/|gZ_n| = g
# elements; so every multiple e of g is hit exactly g times and every other e never:
# counts[e] = g if g | e else 0.  Hence at most (number of divisors of n) distinct vectors.


def _geometric_counts(n: int) -> Iterator[tuple[int, np.ndarray]]:
    """(d, counts) for d = 0..n-1 in order, counts[e] = #{l in 0..n-1 : d*l = e mod n}: the exact exponent
    counts of sum_l zeta**(d*l), computed for every d (in row blocks; each ``counts`` is a fresh array)."""
    l_ = np.arange(n, dtype=np.int64)
    for a, b in _row_blocks(n):
        rows = b - a
        M = np.outer(np.arange(a, b, dtype=np.int64), l_) % n
        M += (np.arange(rows, dtype=np.int64) * n)[:, None]      # row r counts into bins r*n .. r*n + n-1
        counts = np.bincount(M.ravel(), minlength=rows * n).reshape(rows, n)
        for r in range(rows):
            yield a + r, counts[r].copy()


def _decide(counts: np.ndarray, n: int, decided: dict[bytes, bool]) -> bool:
    """root_sum_is_zero(counts, n), remembered by the exact count vector (the same vector is the same
    element of Q(zeta_n))."""
    key = counts.tobytes()
    if key not in decided:
        decided[key] = root_sum_is_zero(counts.tolist(), n)
    return decided[key]


def geometric_sums(n: int) -> list[bool]:
    """For d = 0..n-1, whether sum_l zeta**(d*l) is zero, decided exactly.

    Each sum is the exponent counts of its terms, computed for every d; sums with the same counts (the d
    with the same gcd(d, n)) are the same element of Q(zeta_n), so each distinct count vector is decided once."""
    decided: dict[bytes, bool] = {}
    return [_decide(counts, n, decided) for _, counts in _geometric_counts(n)]


_d, _j, _k, _l, _N = sp.symbols("d j k l N", integer=True)


def dft_mul_conj_transpose(n: int, scale: int | None = None) -> Counterexample | Holds:
    """F F* = scale * I and F* F = scale * I with scale = n (scale = 1 is false for n > 1).

    Entry (j, k) of F F* is sum_l zeta**(-j*l) * zeta**(k*l) (of F* F, the same with j, k exchanged);
    the exponent identity -j*l + k*l = (k - j)*l is checked symbolically once, so the entries are
    the n geometric sums s_d, d = k - j mod n, each compared exactly with its claimed value
    (scale for d = 0, else 0; nothing about the d = 0 sum is assumed).  Both products are checked, so
    F*/scale is a two-sided inverse.
    """
    scale = n if scale is None else scale
    if not congruent_mod(-_j * _l + _k * _l, (_k - _j) * _l, _N):
        return Counterexample(n, "exponent identity failed")  # pragma: no cover
    decided: dict[bytes, bool] = {}
    for d, counts in _geometric_counts(n):
        want = scale if d == 0 else 0
        counts[0] -= want                      # sum_l zeta**(d*l) - want
        if not _decide(counts, n, decided):
            return Counterexample(n, f"(F F*)[0,{d}] = sum_l zeta^({d} l) is not the claimed {want}",
                                  {"entry": (0, d)})
    return Holds(f"F F* = F* F = {scale} I: the {n} geometric sums, d = 0 included, decided exactly in "
                 f"Q(zeta_{n}), n={n}")


#: up to this n the fast check also builds circ(e_k) and S^k as arrays and compares them entry by entry
CIRC_SHIFT_ARRAYS_UP_TO = 64


def dft_diagonalizes_circulant(n: int, sign: int = 1) -> Counterexample | Holds:
    """F circ(c) F^-1 = diag(F c) for every c, decided exactly at n.

    With sign = -1 the (false) claim uses omega with the wrong sign,
    diag(conj(F) c).  What is checked at this n, exactly:

    1. circ(e_k) = S^k for every k: for n <= CIRC_SHIFT_ARRAYS_UP_TO both are built (the
       circulant constructor of ``objects`` and the shift permutation of ``verify.shift``) and
       compared entry by entry; above, this is the theorem ``circulant_eq_sum_shift_powers``
       (proved for every n by its derivation) and the Holds says so.
    2. F S = D F with D = diag(omega**j): (F S)[j, m] = F[j, perm[m]] since column m of S holds its
       one 1 in row perm[m] (``shift_permutation``), compared with D[j] F[j, m] as exponents of zeta.
    3. D^k = diag(F e_k): (omega**j)**k = F[j, k], as exponents of zeta.
    4. F F* = F* F = n I (geometric sums decided in Q(zeta_n)), so F^-1 = F*/n.

    Steps 2 and 3 compare all n*n entries each, in blocks of rows of F (``dft_exponent_rows``); a
    failure of 2 anywhere is reported before a failure of 3, as if 2 were checked whole first.
    Assembling these into F circ(c) F^-1 = sum_k c_k F S^k F^-1 = sum_k c_k D^k = diag(F c) is
    linearity in c; that argument is the derivation of ``dft_diagonalizes_circulant`` (proofs/dft.py),
    proved for every n, not this check.
    """
    i = np.arange(n, dtype=np.int64)
    if n <= CIRC_SHIFT_ARRAYS_UP_TO:  # 1.
        from .shift import permutation_array
        from ..objects.circulant import circulant_array
        for kk in range(n):
            e_k = np.zeros(n, dtype=np.int64)
            e_k[kk] = 1
            if not np.array_equal(circulant_array(e_k), permutation_array(n, kk)):
                return Counterexample(n, f"circ(e_{kk}) != S^{kk}")
        step1 = "circ(e_k) = S^k compared entry by entry for every k"
    else:
        step1 = "circ(e_k) = S^k by the proved theorem circulant_eq_sum_shift_powers"
    perm = _shift_perm(n)
    D = (-sign * i) % n                  # claimed eigenvalue of S at j: omega**(sign*j) = zeta**(-sign*j)
    step3_bad = None
    for a, b in _row_blocks(n):
        E = dft_exponent_rows(n, a, b)   # F[j, m] = zeta**E[j - a, m], zeta = exp(2 pi i/n)
        FS = np.take(E, perm, axis=1)    # 2. (F S)[j, m] = F[j, perm[m]]
        bad = _first_mismatch(FS - E - D[a:b, None], n, a)      # vs (D F)[j, m] = D[j] F[j, m]
        if bad:
            j, mm = bad
            df = (int(E[j - a, mm]) + int(D[j])) % n
            return Counterexample(n, f"c = e_1 (circ(c) = S): (F S)[{j},{mm}] = zeta^{FS[j - a, mm]} but "
                                     f"(D F)[{j},{mm}] = zeta^{df} with the claimed D[{j},{j}] = zeta^{D[j]}")
        if step3_bad is None:
            Dk = np.outer(D[a:b], i) % n  # 3. (D^k)[j, j] = zeta**(D[j] k)
            bad = _first_mismatch(Dk - E, n, a)
            if bad:  # pragma: no cover - implied by 2 for these D
                j, kk = bad
                step3_bad = (j, kk, int(Dk[j - a, kk]), int(E[j - a, kk]))
    if step3_bad is not None:  # pragma: no cover - implied by 2 for these D
        j, kk, dk, e = step3_bad
        return Counterexample(n, f"F S^{kk} F^-1 has zeta^{dk} at {j}, diag(F e_{kk}) has zeta^{e}")
    inv = dft_mul_conj_transpose(n)      # 4.
    if not isinstance(inv, Holds):
        return inv
    return Holds(f"{step1}; F S = D F with D = diag(omega^({sign}j)) and D^k = diag(F e_k) (all {n}x{n} "
                 f"entries of each, exponents mod n, {_blocks_text(n)}); {inv.detail}; the assembly by "
                 f"linearity in c is the derivation's, n={n}")


def dft_diagonalizes_circulant_direct(n: int) -> Counterexample | Holds:
    """Brute force, for small n: F circ(c) F* = n diag(F c) with symbolic c, entries in Q(zeta_n)."""
    c = symbol_vector("c", n)
    F = dft_matrix(n)
    Fstar = F.H
    lhs = F * circulant(c) * Fstar
    Fc = F * c
    for j in range(n):
        for k in range(n):
            want = n * Fc[j] if j == k else 0
            res = cyclotomic_residual(lhs[j, k] - want, n)
            if res:
                return Counterexample(n, f"entry ({j},{k}) differs by {res}")
    return Holds(f"F circ(c) F* = n diag(F c) for symbolic c, all {n * n} entries reduced to 0 in Q(zeta_{n}), n={n}")
