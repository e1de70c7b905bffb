"""The group Fourier transform, exactly (issue 12, theorem f): the characters of an abelian group
diagonalise its group convolutions, and the irreducible representations of D_n (dimensions 1 and 2,
entries roots of unity in Q(zeta_2n)) block-diagonalise the D_n-convolutions; no DFT diagonalises them.

Group convolution as in :mod:`symconv.verify.groups`: (W_psi f)(g) = sum_h psi(h^-1 g) f(h), with the
group law of :func:`symconv.objects.groups.regular_action` (composition of the elements).  Every
identity below is linear in psi, so it is checked on every basis kernel delta_k, all |G| of them.
Roots of unity are exponents of zeta_L (exact integers mod L); sums of them are decided in Q(zeta_L)
by :func:`symconv.exact.root_sum_is_zero`.

>>> print(abelian_characters_diagonalise(3))
n=3: for Z_m x Z_3, m = 1..3, and Z_3: the |G| characters are homomorphisms, linearly independent (orthogonal, sums decided in Q(zeta)), and W_psi chi = (sum_k psi(k) chi(k)^-1) chi for every kernel
>>> type(dihedral_dft_diagonalises(3)).__name__
'Counterexample'
"""

from __future__ import annotations

from math import lcm

import numpy as np

from ..engine.verdict import Counterexample, Holds
from ..exact import root_sum_is_zero
from ..objects.groups import cyclic_action, dihedral_action, regular_action, torus_action
from .groups import _mult_tables

__all__ = ["abelian_characters_diagonalise", "dihedral_irreps", "dihedral_irreps_block_diagonalise",
           "dihedral_dft_diagonalises"]


def _sum_is_zero(exps, L: int) -> bool:
    counts = [0] * L
    for e in exps:
        counts[int(e) % L] += 1
    return root_sum_is_zero(counts, L)


def abelian_characters_diagonalise(n: int, inverse: bool = True) -> Counterexample | Holds:
    """For Z_n and every Z_m x Z_n (m <= n), with the characters chi_(a,b)(i, j) = zeta_m^(a i) zeta_n^(b j)
    of the translation (i, j): each is a homomorphism (checked on the multiplication table), they are
    orthogonal (so a basis: sum_g chi(g) = 0 for every non-trivial chi, decided exactly), and every group
    convolution is diagonal on them: W_delta_k chi = chi(k)^-1 chi, so W_psi chi = psi^(chi) chi.

    inverse=False checks the false eigenvalue chi(k) (no inverse)."""
    groups = [(cyclic_action(n), 1, n)] + [(torus_action(m, n), m, n) for m in range(1, n + 1)]
    for base, m, nn in groups:
        R = regular_action(base)
        mult, inv = _mult_tables(R.elements)
        G = R.degree
        L = lcm(m, nn)
        # translation coordinates of every element: where it sends the point (0, 0)
        coords = [(e[0] // nn, e[0] % nn) for e in R.elements]
        chars = [(a, b) for a in range(m) for b in range(nn)]
        E = np.array([[(a * i * (L // m) + b * j * (L // nn)) % L for (i, j) in coords] for (a, b) in chars])
        if len(chars) != G:
            return Counterexample(n, f"{base.name}: {len(chars)} characters for |G| = {G}")
        for c in range(G):
            hom = (E[c][mult] - (E[c][:, None] + E[c][None, :])) % L
            if hom.any():
                return Counterexample(n, f"{base.name}: chi_{chars[c]} is not a homomorphism")
            if (c == 0) != (not _sum_is_zero(E[c], L)):
                return Counterexample(n, f"{base.name}: sum_g chi_{chars[c]}(g) is {'0' if c == 0 else 'not 0'}")
        for k in range(G):
            # (W_delta_k chi)(g) = sum_h [h^-1 g = k] chi(h) = chi(g k^-1)
            lhs = E[:, mult[np.arange(G), inv[k]]]
            lam = (-E[:, k]) % L if inverse else E[:, k]
            if ((lhs - (E + lam[:, None])) % L).any():
                c = int(np.argwhere(((lhs - (E + lam[:, None])) % L).any(axis=1))[0][0])
                return Counterexample(n, f"{base.name}: W_delta_{k} chi_{chars[c]} is not "
                                         f"chi({'k)^-1' if inverse else 'k)'} chi_{chars[c]}")
    return Holds(f"n={n}: for Z_m x Z_{n}, m = 1..{n}, and Z_{n}: the |G| characters are homomorphisms, linearly "
                 f"independent (orthogonal, sums decided in Q(zeta)), and W_psi chi = (sum_k psi(k) chi(k)^-1) chi "
                 f"for every kernel")


def _dihedral_element(e: tuple, n: int) -> tuple[int, int]:
    """(t, s) with e(x) = s x + t on Z_n, s = +-1."""
    t = e[0] % n
    s = (e[1 % n] - e[0]) % n if n > 1 else 1
    return t, (1 if s == 1 % n else -1)


def dihedral_irreps(n: int) -> list[tuple[str, int, object]]:
    """The irreducible representations of D_n (n >= 3) as monomial matrices with root-of-unity entries:
    ``(name, dim, rho)`` with rho(t, s) -> (perm, exps): row i of rho(g) has its one non-zero entry
    zeta_2n^exps[i] in column perm[i].  1-dimensional: trivial, sign (s), and for even n (-1)^t and
    s (-1)^t; 2-dimensional rho_k, k = 1..floor((n-1)/2): rho_k(t, s) = diag(zeta_n^(k t), zeta_n^(-k t)) J^[s=-1].

    >>> [(name, d) for name, d, _ in dihedral_irreps(4)]
    [('trivial', 1), ('sign', 1), ('(-1)^t', 1), ('s (-1)^t', 1), ('rho_1', 2)]
    """
    L = 2 * n
    half = n                                    # -1 = zeta_2n^n
    reps = [("trivial", 1, lambda t, s: ((0,), (0,))),
            ("sign", 1, lambda t, s: ((0,), (0 if s == 1 else half,)))]
    if n % 2 == 0:
        reps += [("(-1)^t", 1, lambda t, s: ((0,), ((half * t) % L,))),
                 ("s (-1)^t", 1, lambda t, s: ((0,), ((half * t + (0 if s == 1 else half)) % L,)))]
    for k in range(1, (n - 1) // 2 + 1):
        def rho(t, s, k=k):
            d = ((2 * k * t) % L, (-2 * k * t) % L)          # zeta_n^(k t) = zeta_2n^(2 k t)
            return ((0, 1), d) if s == 1 else ((1, 0), d)    # diag(d) J: row i has d_i in column 1 - i
        reps.append((f"rho_{k}", 2, rho))
    return reps


def dihedral_irreps_block_diagonalise(n: int) -> Counterexample | Holds:
    """For D_n (n >= 3): with T[(rho, i, j), g] = rho(g)_ij (the group Fourier transform, f^(rho) =
    sum_g f(g) rho(g)), every irrep is a homomorphism (on the multiplication table), sum of d_rho^2 is
    |G|, T T^* = diag(|G| / d_rho) exactly (Schur orthogonality, sums decided in Q(zeta_2n)), so T is
    invertible, and T W_delta_k = B_k T with B_k block-diagonal: blocks I_d (x) rho(k)^T, one for each
    (rho, i).  Hence T W_psi T^-1 is block-diagonal with blocks of sizes 1 and 2 for every psi."""
    if n < 3:
        return Counterexample(n, "D_n for n < 3 is abelian and degenerate on Z_n: the statement is for n >= 3")
    R = regular_action(dihedral_action(n))
    mult, inv = _mult_tables(R.elements)
    G, L = R.degree, 2 * n
    els = [_dihedral_element(e, n) for e in R.elements]
    reps = dihedral_irreps(n)
    if sum(d * d for _, d, _ in reps) != G:
        return Counterexample(n, f"the irreps' dimensions squared add up to {sum(d * d for _, d, _ in reps)}, not {G}")
    rows = []                                          # (rep index, i, j) -> exponent or None, per g
    mats = [[rho(*g) for g in els] for _, _, rho in reps]
    for r, (name, d, _) in enumerate(reps):
        for a in range(G):
            for b in range(G):
                pa, ea = mats[r][a]
                pb, eb = mats[r][b]
                pc, ec = mats[r][int(mult[a, b])]
                for i in range(d):                     # (rho(a) rho(b)) row i: column pb[pa[i]], exponent ea_i + eb_pa[i]
                    if pc[i] != pb[pa[i]] or (ec[i] - ea[i] - eb[pa[i]]) % L:
                        return Counterexample(n, f"{name} is not a homomorphism at elements {a}, {b}")
        for i in range(d):
            for j in range(d):
                rows.append((r, i, j))

    def entry(row, g):
        r, i, j = row
        p, e = mats[r][g]
        return e[i] if p[i] == j else None
    T = [[entry(row, g) for g in range(G)] for row in rows]
    for x in range(len(rows)):                         # T T^*: row x against row y
        for y in range(len(rows)):
            exps = [T[x][g] - T[y][g] for g in range(G) if T[x][g] is not None and T[y][g] is not None]
            zero = _sum_is_zero(exps, L)
            if (x == y) == zero:
                return Counterexample(n, f"(T T^*)[{rows[x]}, {rows[y]}] is {'0' if zero else 'not 0'}")
            if x == y and len(exps) * reps[rows[x][0]][1] != G:
                return Counterexample(n, f"(T T^*)[{rows[x]}, {rows[x]}] = {len(exps)}, not |G|/d")
    for k in range(G):
        for x, (r, i, j) in enumerate(rows):
            d = reps[r][1]
            pk, ek = mats[r][k]
            for h in range(G):
                # (T W_delta_k)[x, h] = T[x, h k] ; (B_k T)[x, h] = sum_l T[(r, i, l), h] rho(k)_(l j)
                lhs = T[x][int(mult[h, k])]
                terms = []
                for ll in range(d):
                    t_il = T[rows.index((r, i, ll))][h]
                    if t_il is not None and pk[ll] == j:
                        terms.append(t_il + ek[ll])
                if lhs is None:
                    ok = not terms or _sum_is_zero(terms, L)
                else:
                    ok = len(terms) == 1 and (terms[0] - lhs) % L == 0
                if not ok:
                    return Counterexample(n, f"(T W_delta_{k})[{(r, i, j)}, {h}] differs from the block-diagonal "
                                             f"(B_k T)")
    return Holds(f"n={n}: the {len(reps)} irreps of D_{n} (dimensions {[d for _, d, _ in reps]}, sum of squares "
                 f"{G}) are homomorphisms, T T^* = diag(|G|/d) exactly, and T W_psi T^-1 is block-diagonal "
                 f"(blocks of size 1 and 2) for every kernel psi")


def dihedral_dft_diagonalises(n: int) -> Counterexample | Holds:
    """The false claim: the DFT F_2n (over the elements of D_n in the regular action's order, F[j, g] =
    zeta_2n^(-j g)) diagonalises every D_n-convolution.  A certified non-zero off-diagonal entry of
    F W_delta_k F^* is an exact counterexample (for n >= 3 no basis can: two D_n-convolutions do not
    commute)."""
    R = regular_action(dihedral_action(n))
    mult, inv = _mult_tables(R.elements)
    G, L = R.degree, R.degree
    for k in range(G):
        # W_delta_k[g, h] = [g = h k]; (F W F^*)[j, l] = sum_h zeta^(-j (h k) + l h)
        for j in range(G):
            for l in range(G):
                if j == l:
                    continue
                exps = [(-j * int(mult[h, k]) + l * h) % L for h in range(G)]
                if not _sum_is_zero(exps, L):
                    return Counterexample(n, f"(F W_delta_{k} F^*)[{j}, {l}] != 0 (a sum of 2n-th roots of unity, "
                                             f"decided in Q(zeta_{L})): the DFT does not diagonalise the "
                                             f"convolution with delta at {R.elements[k]}", {"k": k, "j": j, "l": l})
    return Holds(f"n={n}: F_{G} diagonalises every D_{n}-convolution (all off-diagonal entries decided 0)")
