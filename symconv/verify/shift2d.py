"""Exact checks on Z_m x Z_n signals and on channels: commuting with both shifts is being a 2-D
circular convolution (BCCB), the 2-D DFT diagonalises those, and commuting with S (x) I_c is being
block-circulant (a circulant per pair of channels).

>>> print(shift2d_equivariant_iff_bccb(2))
for every m = 1..2: the maps on Z_m x Z_2 signals commuting with both shifts form a space of dimension 2m, spanned by the 2-D shifts S_r^a S_c^b (exact over Q), n=2
>>> type(dft2_diagonalizes_bccb(4)).__name__
'Holds'
"""

from __future__ import annotations

from math import lcm

import numpy as np

from ..engine.verdict import Counterexample, Holds
from ..exact import root_sum_is_zero
from ._rank import integer_rank
from .shift import permutation_array

__all__ = ["shift2d_equivariant_iff_bccb", "dft2_diagonalizes_bccb", "channel_equivariant_iff_block_circulant",
           "nullspace_dim"]


def nullspace_dim(blocks: list[np.ndarray]) -> int:
    """Dimension of {w : B w = 0 for every B in blocks}, exact over Q."""
    A = np.vstack(blocks)
    return A.shape[1] - integer_rank(A)


def _commutator_system(P: np.ndarray) -> np.ndarray:
    """vec(W P - P W) = (P^T (x) I - I (x) P) vec(W) (column-major vec)."""
    N = P.shape[0]
    I = np.eye(N, dtype=np.int64)
    return np.kron(P.T, I) - np.kron(I, P)


def shift2d_equivariant_iff_bccb(n: int, only_rows: bool = False) -> Counterexample | Holds:
    """For every m <= n: the maps on Z_m x Z_n signals commuting with the row and the column shift form
    a space of dimension m*n spanned by the 2-D shifts S_r^a S_c^b, i.e. the 2-D circular convolutions.

    only_rows=True checks the false claim that commuting with the row shift alone suffices.
    """
    for m in range(1, n + 1):
        Sr = np.kron(permutation_array(m), np.eye(n, dtype=np.int64))    # (S x)_{i,j} = x_{i-1,j}
        Sc = np.kron(np.eye(m, dtype=np.int64), permutation_array(n))    # (S x)_{i,j} = x_{i,j-1}
        systems = [_commutator_system(Sr)] + ([] if only_rows else [_commutator_system(Sc)])
        dim = nullspace_dim(systems)
        if dim != m * n:
            return Counterexample(n, f"{m}x{n}: the maps commuting with {'the row shift' if only_rows else 'both shifts'}"
                                     f" form a space of dimension {dim}, not m*n = {m * n}")
        for a in range(m):
            for b in range(n):
                B = np.linalg.matrix_power(Sr, a) @ np.linalg.matrix_power(Sc, b)
                if any(((M @ B.flatten(order="F")) != 0).any() for M in systems):
                    return Counterexample(n, f"{m}x{n}: S_r^{a} S_c^{b} does not commute")
    which = "the row shift" if only_rows else "both shifts"
    return Holds(f"for every m = 1..{n}: the maps on Z_m x Z_{n} signals commuting with {which} form a space of "
                 f"dimension {n}m, spanned by the 2-D shifts S_r^a S_c^b (exact over Q), n={n}")


def dft2_diagonalizes_bccb(n: int, sign: int = 1) -> Counterexample | Holds:
    """For every m <= n: F_m (x) F_n turns both 2-D shifts into diagonal matrices (so every BCCB matrix,
    a combination of S_r^a S_c^b, into diag of the 2-D DFT of its kernel), and it is invertible:
    (F_m (x) F_n)(F_m (x) F_n)* = m n I.  Exponents of zeta_L, L = lcm(m, n); sign=-1: the false
    eigenvalues with omega conjugated."""
    for m in range(1, n + 1):
        L = lcm(m, n)
        i_m, i_n = np.arange(m), np.arange(n)
        Em = (-np.outer(i_m, i_m)) % m * (L // m)          # F_m[j,k] = zeta_L^Em
        En = (-np.outer(i_n, i_n)) % n * (L // n)
        E = (Em[:, None, :, None] + En[None, :, None, :]).reshape(m * n, m * n) % L   # Kronecker product
        Sr = np.kron(permutation_array(m), np.eye(n, dtype=np.int64))
        Sc = np.kron(np.eye(m, dtype=np.int64), permutation_array(n))
        for name, S, lam in (("row", Sr, (-sign * np.repeat(i_m, n) * (L // m)) % L),
                             ("column", Sc, (-sign * np.tile(i_n, m) * (L // n)) % L)):
            perm = np.argmax(S, axis=0)                   # column q of S has its 1 in row perm[q]
            FS = E[:, perm]                               # (F S)[:, q] = F[:, perm[q]]
            DF = (E + lam[:, None]) % L
            bad = np.argwhere((FS - DF) % L != 0)
            if bad.size:
                j, q = map(int, bad[0])
                return Counterexample(n, f"{m}x{n}, {name} shift: (F S)[{j},{q}] = zeta^{FS[j, q]}, (D F)[{j},{q}] = "
                                         f"zeta^{DF[j, q]} (zeta = exp(2 pi i/{L}))")
        l1 = np.arange(m, dtype=np.int64)[:, None] * (L // m)
        l2 = np.arange(n, dtype=np.int64)[None, :] * (L // n)
        decided: dict = {}                                # counts -> root_sum_is_zero(counts, L), a pure function
        for d1 in range(m):                               # (F F*)[j, k] = sum over l of zeta^(d . l)
            for d2 in range(n):
                # counts[e] = #{(l1, l2) : d1 l1 L/m + d2 l2 L/n = e mod L}, exact integer counts
                counts = tuple(np.bincount(((d1 * l1 + d2 * l2) % L).ravel(), minlength=L).tolist())
                if counts not in decided:
                    decided[counts] = root_sum_is_zero(counts, L)
                zero = decided[counts]
                if zero == (d1 == 0 and d2 == 0):
                    return Counterexample(n, f"{m}x{n}: (F F*) at offset ({d1},{d2}) is wrong")
    return Holds(f"for every m = 1..{n}: F_m (x) F_{n} turns the row and the column shift into diag(omega^({sign}j)) "
                 f"(all entries, exponents of zeta_lcm), and (F F*) is zero exactly off the diagonal offset (0, 0) "
                 f"(sums of roots of unity decided in Q(zeta)), n={n}")


def channel_equivariant_iff_block_circulant(n: int, channels: int = 2, claim_diagonal: bool = False) -> Counterexample | Holds:
    """Maps on c-channel signals of length n (index (i, a) -> a*n + i) commuting with the shift of every
    channel, S (x) I_c, form a space of dimension n c^2: a circulant block for each pair of channels.

    claim_diagonal=True checks the false claim that the blocks between different channels vanish
    (dimension n c)."""
    c = channels
    S = np.kron(np.eye(c, dtype=np.int64), permutation_array(n))      # shifts every channel
    dim = nullspace_dim([_commutator_system(S)])
    want = n * c if claim_diagonal else n * c * c
    if dim != want:
        return Counterexample(n, f"{c} channels: dimension {dim}, claimed {want}")
    return Holds(f"{c} channels of length {n}: the maps commuting with S (x) I_{c} form a space of dimension "
                 f"{want} = {'n c' if claim_diagonal else 'n c^2'} (exact over Q), n={n}")
