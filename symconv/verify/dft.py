"""Exact checks of the DFT theorems at one n, fast enough for n = 1024.

Everything is exponent arithmetic in the group of n-th roots of unity plus
exact zero tests in Q(zeta_n):

* zeta = exp(2*pi*i/n) has order exactly n, so zeta**a = zeta**b iff
  a = b (mod n): comparing monomials is comparing integers mod n;
* sums of roots of unity are decided by reduction modulo Phi_n
  (:func:`symconv.exact.root_sum_is_zero`).

>>> [type(dft_diagonalizes_circulant(n)).__name__ for n in (1, 2, 3, 12)]
['Holds', 'Holds', 'Holds', 'Holds']
>>> print(dft_diagonalizes_circulant(3, sign=-1))   # omega with the wrong sign
n=3: c = e_1 (circ(c) = S): (F S)[1,0] = zeta^2 but (D F)[1,0] = zeta^1 with the claimed D[1,1] = zeta^1
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..engine.verdict import Counterexample, Holds
from ..exact import congruent_mod, cyclotomic_residual, root_sum_is_zero
from ..objects import circulant, dft_exponents, dft_matrix, symbol_vector

__all__ = ["fourier_modes_are_shift_eigenvectors", "dft_mul_conj_transpose",
           "dft_diagonalizes_circulant",
           "dft_diagonalizes_circulant_direct", "geometric_sums"]


def _first_mismatch(X: np.ndarray, Y: np.ndarray, n: int):
    bad = np.argwhere((X - Y) % n != 0)
    return None if not bad.size else tuple(map(int, bad[0]))


def fourier_modes_are_shift_eigenvectors(n: int, sign: int = 1) -> Counterexample | Holds:
    """S f_k = omega**(sign*k) f_k for every k, where f_k[j] = zeta**(j*k).

    (S f_k)[i] = f_k[i-1] is computed by applying the shift's permutation;
    omega**k = zeta**(-k).  The convention is sign = +1.
    """
    i = np.arange(n, dtype=np.int64)
    E = np.outer(i, i) % n                      # E[j, k]: f_k[j] = zeta**E[j,k]
    SE = E[(i - 1) % n, :]                      # rows permuted: (S f_k)[j] = f_k[j-1]
    lam = (-sign * i) % n                       # omega**(sign*k) = zeta**(-sign*k)
    RHS = (E + lam[None, :]) % n
    bad = _first_mismatch(SE, RHS, n)
    if bad:
        j, kk = bad
        return Counterexample(n, f"(S f_{kk})[{j}] = zeta^{SE[j, kk]} but omega^{sign * kk} f_{kk}[{j}] = "
                                 f"zeta^{RHS[j, kk]} (zeta = exp(2 pi i/{n}))")
    return Holds(f"S f_k = omega^({sign}k) f_k for every k, all {n}x{n} entries compared as exponents of "
                 f"zeta mod n, n={n}")


def geometric_sums(n: int) -> list[bool]:
    """For d = 0..n-1, whether sum_l zeta**(d*l) is zero, decided exactly.

    Each sum is the exponent counts of its terms; sums with the same counts (the d with the same
    gcd(d, n)) are the same element of Q(zeta_n), so each distinct count vector is decided once."""
    out = []
    decided: dict[bytes, bool] = {}
    l_ = np.arange(n, dtype=np.int64)
    for d in range(n):
        counts = np.bincount((d * l_) % n, minlength=n)
        key = counts.tobytes()
        if key not in decided:
            decided[key] = root_sum_is_zero(counts.tolist(), n)
        out.append(decided[key])
    return out


_d, _j, _k, _l, _N = sp.symbols("d j k l N", integer=True)


def _geometric_sum_equals(n: int, d: int, value: int, decided: dict | None = None) -> bool:
    """Whether sum_l zeta**(d*l) = value, decided exactly in Q(zeta_n) (the d = 0 sum too:
    nothing about it is assumed).  ``decided`` remembers decisions by the exact count vector (the
    same vector is the same element of Q(zeta_n))."""
    counts = np.bincount((d * np.arange(n, dtype=np.int64)) % n, minlength=n)
    counts[0] -= value
    if decided is None:
        return root_sum_is_zero(counts.tolist(), n)
    key = counts.tobytes()
    if key not in decided:
        decided[key] = root_sum_is_zero(counts.tolist(), n)
    return decided[key]


def dft_mul_conj_transpose(n: int, scale: int | None = None) -> Counterexample | Holds:
    """F F* = scale * I and F* F = scale * I with scale = n (scale = 1 is false for n > 1).

    Entry (j, k) of F F* is sum_l zeta**(-j*l) * zeta**(k*l) (of F* F, the same with j, k exchanged);
    the exponent identity -j*l + k*l = (k - j)*l is checked symbolically once, so the entries are
    the n geometric sums s_d, d = k - j mod n, each compared exactly with its claimed value
    (scale for d = 0, else 0).  Both products are checked, so F*/scale is a two-sided inverse.
    """
    scale = n if scale is None else scale
    if not congruent_mod(-_j * _l + _k * _l, (_k - _j) * _l, _N):
        return Counterexample(n, "exponent identity failed")  # pragma: no cover
    decided: dict = {}
    for d in range(n):
        want = scale if d == 0 else 0
        if not _geometric_sum_equals(n, d, want, decided):
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
    2. F S = D F with D = diag(omega**j): (F S)[j, m] = F[j, m+1] since S is a
       permutation, compared with D[j] F[j, m] as exponents of zeta.
    3. D^k = diag(F e_k): (omega**j)**k = F[j, k], as exponents of zeta.
    4. F F* = F* F = n I (geometric sums decided in Q(zeta_n)), so F^-1 = F*/n.

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
    E = dft_exponents(n)                 # F[j, m] = zeta**E[j, m], zeta = exp(2 pi i/n)
    FS = E[:, (i + 1) % n]               # 2. (F S)[j, m] = F[j, m + 1]
    D = (-sign * i) % n                  # claimed eigenvalue of S at j: omega**(sign*j) = zeta**(-sign*j)
    DF = (E + D[:, None]) % n
    bad = _first_mismatch(FS, DF, n)
    if bad:
        j, mm = bad
        return Counterexample(n, f"c = e_1 (circ(c) = S): (F S)[{j},{mm}] = zeta^{FS[j, mm]} but "
                                 f"(D F)[{j},{mm}] = zeta^{DF[j, mm]} with the claimed D[{j},{j}] = zeta^{D[j]}")
    Dk = np.outer(D, i) % n              # 3. (D^k)[j, j] = zeta**(D[j] k)
    bad = _first_mismatch(Dk, E, n)
    if bad:  # pragma: no cover - implied by 2 for these D
        j, kk = bad
        return Counterexample(n, f"F S^{kk} F^-1 has zeta^{Dk[j, kk]} at {j}, diag(F e_{kk}) has zeta^{E[j, kk]}")
    inv = dft_mul_conj_transpose(n)      # 4.
    if not isinstance(inv, Holds):
        return inv
    return Holds(f"{step1}; F S = D F with D = diag(omega^({sign}j)) and D^k = diag(F e_k) (all entries, "
                 f"exponents mod n); {inv.detail}; the assembly by linearity in c is the derivation's, n={n}")


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
