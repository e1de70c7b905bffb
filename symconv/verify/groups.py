"""Exact checks, at one n, of the theorems about finite groups (issue 12; ``proofs/groups.py``).

Every check computes the orbital basis with :func:`symconv.objects.orbit_basis.equivariant_basis`
and then checks it by means that share no code with it: the basis matrices are multiplied with the
generators' permutation matrices (W P_in = P_out W, exact integers), Burnside's count
(1/|G|) sum_g fix_X(g) fix_Y(g) runs over every element of SymPy's ``PermutationGroup``, and, for
small cases, the exact nullspace of the constraint matrix (P_in^T (x) I - I (x) P_out) is computed
over Q.  Independent matrices in the nullspace, as many as its dimension, span it: the basis is
then a basis of the commutant, exactly.

>>> print(dihedral_equivariant_iff_symmetric_circulant(4))
n=4: the D_4-equivariant maps on Z_4 form a space of dimension 3 = floor(n/2) + 1 (= Burnside's count = exact nullspace over Q), spanned by the circulants with c_k = c_-k = 1, k = 0..2
>>> type(group_convolutions_commute(3)).__name__
'Counterexample'
"""

from __future__ import annotations

from fractions import Fraction
from math import comb

import numpy as np

from ..engine.verdict import Counterexample, Holds
from ..objects.groups import (Action, cyclic_action, dihedral_action, p4_action, p4m_action, regular_action,
                              symmetric_action, symmetric_pairs_action, torus_action, with_channels)
from ..objects.orbit_basis import equivariant_basis
from .shift2d import nullspace_dim

__all__ = ["burnside_count", "exact_commutant_dim", "orbit_basis_spans_commutant", "commuting_iff_rows_invariant",
           "regular_equivariant_iff_group_convolution", "group_convolutions_compose", "group_convolutions_commute",
           "dihedral_equivariant_iff_symmetric_circulant", "p4_equivariant_iff_rotation_invariant_kernel",
           "p4_lifting_is_rotated_copies",
           "symmetric_equivariant_dims", "stirling2", "NULLSPACE_MAX"]

#: the largest |X| |Y| for which the exact nullspace over Q is computed
NULLSPACE_MAX = 300


def burnside_count(action_in: Action, action_out: Action, orbits_of_x_only: bool = False) -> int:
    """(1/|G|) sum over g in G of fix_X(g) fix_Y(g): the number of orbits of G on Y x X (Burnside),
    summed over every element of the group acting on the disjoint union of X and Y.

    ``orbits_of_x_only=True`` is the false count (1/|G|) sum_g fix_X(g) (the orbits on X alone).

    >>> burnside_count(cyclic_action(6), cyclic_action(6))
    6
    """
    from sympy.combinatorics import Permutation, PermutationGroup
    nx, ny = action_in.degree, action_out.degree
    gens = [Permutation(list(gi) + [nx + int(v) for v in go], size=nx + ny)
            for gi, go in zip(action_in.generators, action_out.generators)]
    G = PermutationGroup(gens)
    total, order = 0, 0
    for g in G.generate():
        a = g.array_form
        fx = sum(1 for x in range(nx) if a[x] == x)
        fy = sum(1 for y in range(ny) if a[nx + y] == nx + y)
        total += fx if orbits_of_x_only else fx * fy
        order += 1
    q = Fraction(total, order)
    if q.denominator != 1:     # pragma: no cover - Burnside's lemma: the mean is an integer
        raise ArithmeticError(f"Burnside's mean {q} is not an integer")
    return int(q)


def _commutator_system(action_in: Action, action_out: Action) -> list[np.ndarray]:
    """vec(W P_in - P_out W) = (P_in^T (x) I_Y - I_X (x) P_out) vec(W), column-major vec, per generator."""
    Iy, Ix = np.eye(action_out.degree, dtype=np.int64), np.eye(action_in.degree, dtype=np.int64)
    return [np.kron(action_in.matrix(k).T, Iy) - np.kron(Ix, action_out.matrix(k))
            for k in range(len(action_in.generators))]


def exact_commutant_dim(action_in: Action, action_out: Action) -> int:
    """dim {W : W P_in(g) = P_out(g) W for every generator g}, the exact nullspace over Q."""
    return nullspace_dim(_commutator_system(action_in, action_out))


def _permutation_of(P: np.ndarray) -> np.ndarray | None:
    """For a permutation matrix P, the index z(x) of the 1 in each column x; None if P is not one."""
    if P.ndim != 2 or P.shape[0] != P.shape[1] or not np.isin(P, (0, 1)).all() \
            or not (P.sum(axis=0) == 1).all() or not (P.sum(axis=1) == 1).all():
        return None
    return P.argmax(axis=0)


def _basis_commutes(B) -> tuple[int, int] | None:
    """The first (basis index, generator) whose basis matrix M_b = [labels = b] does not commute, else None.
    With P_in, P_out permutation matrices (checked), (M P_in)[y, x] = M[y, z(x)] and (P_out M)[y, x] =
    M[w(y), x], where z(x) is the row of the 1 in column x of P_in and w(y) the column of the 1 in row y of
    P_out; so M_b P_in = P_out M_b for every b at once iff labels[:, z] = labels[w, :], compared entry by entry."""
    L = B.labels
    for k in range(len(B.action_in.generators)):
        Pi, Po = B.action_in.matrix(k), B.action_out.matrix(k)
        z, w_t = _permutation_of(Pi), _permutation_of(Po.T)
        if z is None or w_t is None:            # never a counterexample from a broken premise: undecided
            raise ValueError(f"generator {k}: the action's matrix is not a permutation matrix")
        differ = L[:, z] != L[w_t, :]
        if differ.any():
            return int(min(L[:, z][differ].min(), L[w_t, :][differ].min())), k
    return None


def _check_basis(action_in: Action, action_out: Action, n: int, false_count: bool = False):
    """The orbital basis of Hom_G(X, Y): its matrices commute, its dimension is Burnside's count and,
    when |X| |Y| <= NULLSPACE_MAX, the exact nullspace's."""
    B = equivariant_basis(action_in, action_out)
    bad = _basis_commutes(B)
    if bad is not None:
        return Counterexample(n, f"{action_in.name} -> {action_out.name}: basis matrix {bad[0]} does not commute "
                                 f"with generator {action_in.generator_names[bad[1]]}")
    if int(B.orbit_sizes().sum()) != action_in.degree * action_out.degree or (B.orbit_sizes() == 0).any():
        return Counterexample(n, f"{action_in.name} -> {action_out.name}: the orbits do not partition the index pairs")
    count = burnside_count(action_in, action_out, orbits_of_x_only=false_count)
    if B.dim != count:
        what = "(1/|G|) sum_g fix_X(g)" if false_count else "Burnside's count (1/|G|) sum_g fix_X(g) fix_Y(g)"
        return Counterexample(n, f"{action_in.name} -> {action_out.name}: the equivariant maps have dimension {B.dim}, "
                                 f"{what} = {count}", {"dim": B.dim, "count": count})
    size = action_in.degree * action_out.degree
    if size <= NULLSPACE_MAX:
        null = exact_commutant_dim(action_in, action_out)
        if null != B.dim:
            return Counterexample(n, f"{action_in.name} -> {action_out.name}: exact nullspace dimension {null}, "
                                     f"orbit count {B.dim}")
    return B


def _family(n: int) -> list[tuple[Action, Action]]:
    """The named actions at size n (the larger ones only while they stay small)."""
    C, D, S = cyclic_action(n), dihedral_action(n), symmetric_action(n)
    fam = [(C, C), (D, D), (S, S), (with_channels(C, 2), with_channels(C, 3))]
    if n <= 5:
        fam += [(torus_action(n, n),) * 2, (p4_action(n),) * 2, (p4m_action(n),) * 2, (torus_action(n, n + 1),) * 2]
    if n <= 4:
        P = symmetric_pairs_action(n)
        fam += [(P, P), (S, P), (P, S)]
    if n <= 6:
        R = regular_action(D)
        fam += [(R, R), (D, R)]
    return fam


def orbit_basis_spans_commutant(n: int, false_count: bool = False) -> Counterexample | Holds:
    """For every named action at size n (Z_n, D_n, S_n on a set; with channels; Z_n x Z_n, Z_n x Z_n+1,
    p4, p4m for n <= 5; S_n on pairs, and set -> pairs, for n <= 4; the regular action of D_n, and
    D_n on Z_n -> regular, for n <= 6): the orbital matrices commute with every generator, their
    number is Burnside's count and, for |X| |Y| <= NULLSPACE_MAX, the exact nullspace's dimension.

    false_count=True checks the false claim that the dimension is the number of orbits of G on X.
    """
    dims, exact_null = [], 0
    for a_in, a_out in _family(n):
        r = _check_basis(a_in, a_out, n, false_count)
        if isinstance(r, Counterexample):
            return r
        dims.append(f"{a_in.name} -> {a_out.name}: {r.dim}")
        exact_null += a_in.degree * a_out.degree <= NULLSPACE_MAX
    return Holds(f"n={n}: for each of {len(dims)} actions the orbital matrices commute with every generator and "
                 f"their number is Burnside's count ({exact_null} of them also the exact nullspace over Q): "
                 + "; ".join(dims))


def commuting_iff_rows_invariant(n: int) -> Counterexample | Holds:
    """The false claim "W P_X(g) = P_Y(g) W for all g iff W[g.y, x] = W[y, x] for all g, x, y" (the action
    on the output index alone, the input index left in place), checked on the named actions at size n:
    an orbital matrix M commutes with every generator (matrix products) and is a counterexample when
    M[g.y, x] != M[y, x] for a generator g (g.y = P_Y(g) applied to the point y)."""
    for a_in, a_out in _family(n):
        B = equivariant_basis(a_in, a_out)
        if _basis_commutes(B) is not None:      # pragma: no cover - the orbital basis commutes (tested)
            return Holds(f"n={n}: {a_in.name} -> {a_out.name}: an orbital matrix does not commute")
        for k, go in enumerate(a_out.generators):
            gy = np.asarray(go)
            for b in range(B.dim):
                M = B.matrix(b)
                moved = M[np.argsort(gy)]        # moved[g.y, x] = M[y, x]: row g.y of moved is row y of M
                if not np.array_equal(moved, M):
                    y, x = (int(q) for q in np.argwhere(moved != M)[0])
                    return Counterexample(n, f"{a_in.name} -> {a_out.name}: the orbital matrix {b} commutes with "
                                             f"every generator, but W[g.y, x] != W[y, x] for the generator "
                                             f"{a_out.generator_names[k]} at (g.y, x) = ({y}, {x}): "
                                             f"{int(M[y, x])} != {int(moved[y, x])}")
    return Holds(f"n={n}: every orbital matrix of the named actions is also invariant under the output's action "
                 "alone")


# ---------------------------------------------------------------- group convolution (regular action)

def _mult_tables(elements) -> tuple[np.ndarray, np.ndarray]:
    """mult[a, b] = index of a o b (x -> a(b(x))), inv[a] = index of a^-1."""
    index = {e: i for i, e in enumerate(elements)}
    arr = np.array(elements, dtype=np.int64)
    mult = np.array([[index[tuple(arr[a][arr[b]])] for b in range(len(arr))] for a in range(len(arr))], dtype=np.int64)
    inv = np.array([int(np.flatnonzero(mult[a] == 0)[0]) for a in range(len(arr))], dtype=np.int64)
    return mult, inv


def _groups(n: int) -> list[Action]:
    """The groups whose regular action is checked at n (kept to |G| <= 36)."""
    gs = [cyclic_action(n), dihedral_action(n)]
    if n <= 4:
        gs += [torus_action(n, n), symmetric_action(n)]
    if n <= 3:
        gs.append(p4_action(n))
    return gs


def regular_equivariant_iff_group_convolution(n: int, right: bool = False) -> Counterexample | Holds:
    """For Z_n, D_n (and Z_n x Z_n, S_n for n <= 4, p4 on the n x n torus for n <= 3): the linear maps of
    functions on G commuting with the regular action f -> f(k^-1 .) are exactly the group convolutions
    (W f)(g) = sum_h psi(h^-1 g) f(h): the orbits of G on G x G are the sets {(g, h) : h^-1 g = k}, one
    for each k, so the space has dimension |G| and W[g, h] = psi(h^-1 g) with psi(k) the weight of orbit k.

    right=True checks the false claim W[g, h] = psi(g h^-1) (the right-invariant kernel).
    """
    done = []
    for base in _groups(n):
        R = regular_action(base)
        mult, inv = _mult_tables(R.elements)
        key = mult[inv[None, :], np.arange(R.degree)[:, None]] if not right else mult[np.arange(R.degree)[:, None],
                                                                                       inv[None, :]]
        # key[g, h] = h^-1 g  (or g h^-1): the orbits must be exactly the level sets of key
        B = _check_basis(R, R, n)
        if isinstance(B, Counterexample):
            return B
        for lab in range(B.dim):
            ks = np.unique(key[B.labels == lab])
            if len(ks) != 1:
                g, h = map(int, B.orbit(lab)[0])
                what = "g h^-1" if right else "h^-1 g"
                return Counterexample(n, f"{R.name}: the orbit of (g, h) = ({g}, {h}) meets {len(ks)} values of {what}, "
                                         f"so an equivariant W is not a function of {what} "
                                         f"(elements {R.elements[g]}, {R.elements[h]})")
        if B.dim != R.degree:
            return Counterexample(n, f"{R.name}: dimension {B.dim}, not |G| = {R.degree}")
        done.append(f"{_short(R)} (|G| = {R.degree})")
    return Holds(f"n={n}: the maps commuting with the regular action are exactly the group convolutions "
                 f"W[g, h] = psi(h^-1 g), dimension |G|, for " + ", ".join(done))


def _short(R: Action) -> str:
    return R.name.split(" acting")[0]


def _conv_matrix(psi: np.ndarray, mult: np.ndarray, inv: np.ndarray) -> np.ndarray:
    """W_psi[g, h] = psi(h^-1 g)."""
    G = len(psi)
    return psi[mult[inv[None, :], np.arange(G)[:, None]]]


def _convolve(p: np.ndarray, q: np.ndarray, mult: np.ndarray, inv: np.ndarray) -> np.ndarray:
    """(p * q)(g) = sum_h p(h) q(h^-1 g), straight from the definition."""
    G = len(p)
    if p.dtype.kind in "iu" and q.dtype.kind in "iu":          # integers: the same sums, exact, all g at once
        Q = q[mult[inv[:, None], np.arange(G)[None, :]]]       # Q[h, g] = q(h^-1 g)
        return (p[:, None] * Q).sum(axis=0).astype(p.dtype)
    return np.array([sum(p[h] * q[mult[inv[h], g]] for h in range(G)) for g in range(G)], dtype=p.dtype)


def _compose_groups(n: int) -> list[Action]:
    gs = [cyclic_action(n), dihedral_action(n)]
    if n <= 4:
        gs.append(symmetric_action(n))
    return gs


def group_convolutions_compose(n: int) -> Counterexample | Holds:
    """For Z_n, D_n (and S_n, n <= 4): W_psi1 W_psi2 = W_(psi2 * psi1), where W_psi f = f * psi is the
    group convolution (W_psi f)(g) = sum_h psi(h^-1 g) f(h) and (p * q)(g) = sum_h p(h) q(h^-1 g).

    Both sides are bilinear in (psi1, psi2), so the identity holds for every psi1, psi2 exactly when it
    holds on every pair of basis functions (delta_a, delta_b): all |G|^2 pairs are checked, exactly
    (integer matrices).
    """
    done = []
    for base in _compose_groups(n):
        R = regular_action(base)
        mult, inv = _mult_tables(R.elements)
        G = R.degree
        for a in range(G):
            for b in range(G):
                da, db = np.eye(G, dtype=np.int64)[a], np.eye(G, dtype=np.int64)[b]
                lhs = _conv_matrix(da, mult, inv) @ _conv_matrix(db, mult, inv)
                rhs = _conv_matrix(_convolve(db, da, mult, inv), mult, inv)
                if not np.array_equal(lhs, rhs):
                    return Counterexample(n, f"{_short(R)}: W_delta_{a} W_delta_{b} != W_(delta_{b} * delta_{a})")
        done.append(f"{_short(R)} ({G * G} pairs)")
    return Holds(f"n={n}: W_psi1 W_psi2 = W_(psi2 * psi1) on every pair of basis kernels (bilinear, so for all "
                 f"kernels) for " + ", ".join(done))


def group_convolutions_commute(n: int) -> Counterexample | Holds:
    """The false claim (for non-abelian groups): W_psi1 W_psi2 = W_psi2 W_psi1 for D_n.  Checked on every
    pair of basis kernels (bilinear), exactly; a failing pair is an exact counterexample."""
    R = regular_action(dihedral_action(n))
    mult, inv = _mult_tables(R.elements)
    G = R.degree
    I = np.eye(G, dtype=np.int64)
    for a in range(G):
        for b in range(G):
            Wa, Wb = _conv_matrix(I[a], mult, inv), _conv_matrix(I[b], mult, inv)
            if not np.array_equal(Wa @ Wb, Wb @ Wa):
                return Counterexample(n, f"{_short(R)}: the convolutions with delta at {R.elements[a]} and at "
                                         f"{R.elements[b]} do not commute", {"a": a, "b": b})
    return Holds(f"n={n}: the D_{n}-convolutions commute on every pair of basis kernels (D_{n} is abelian)")


# ---------------------------------------------------------------- D_n, p4, S_n

def dihedral_equivariant_iff_symmetric_circulant(n: int, all_circulants: bool = False) -> Counterexample | Holds:
    """The D_n-equivariant linear maps on Z_n signals are exactly the circulants circ(c) with c_k = c_-k:
    the orbital matrices are the 0/1 matrices [i - j = +-k mod n], k = 0..floor(n/2), their number is
    Burnside's count and the exact nullspace's dimension (n <= 17).

    all_circulants=True checks the false claim that every circulant is D_n-equivariant (dimension n).
    """
    D = dihedral_action(n)
    B = _check_basis(D, D, n)
    if isinstance(B, Counterexample):
        return B
    want = n if all_circulants else n // 2 + 1
    if B.dim != want:
        return Counterexample(n, f"the D_{n}-equivariant maps on Z_{n} have dimension {B.dim}, claimed {want}"
                                 + (" (every circulant)" if all_circulants else ""))
    i, j = np.indices((n, n))
    expected = {tuple(((((i - j) % n) == k) | (((j - i) % n) == k)).astype(np.int64).ravel()) for k in range(n // 2 + 1)}
    got = {tuple(B.matrix(b).ravel()) for b in range(B.dim)}
    if got != expected:
        return Counterexample(n, "the orbital matrices are not the symmetric circulants [i - j = +-k]")
    return Holds(f"n={n}: the D_{n}-equivariant maps on Z_{n} form a space of dimension {B.dim} = floor(n/2) + 1 "
                 f"(= Burnside's count{' = exact nullspace over Q' if n * n <= NULLSPACE_MAX else ''}), spanned by the "
                 f"circulants with c_k = c_-k = 1, k = 0..{n // 2}")


def _c4_orbits(n: int) -> np.ndarray:
    """The C4-orbit of every offset d in Z_n^2 under d -> rot(d) = (-d1, d0), numbered; computed by
    walking each orbit (independently of the union-find)."""
    lab = -np.ones((n, n), dtype=np.int64)
    nxt = 0
    for a in range(n):
        for b in range(n):
            if lab[a, b] < 0:
                p = (a, b)
                for _ in range(4):
                    lab[p] = nxt
                    p = ((-p[1]) % n, p[0])
                nxt += 1
    return lab


def p4_equivariant_iff_rotation_invariant_kernel(n: int, free_kernel: bool = False,
                                                 reflections: bool = False) -> Counterexample | Holds:
    """For n >= 3: the p4-equivariant linear maps on the n x n torus are exactly the 2-D circular
    convolutions W[(i, j), (k, l)] = kappa(i - k, j - l) whose kernel is invariant under the 90 degree
    rotation, kappa(-d1, d0) = kappa(d0, d1); a kernel supported in the 3x3 window keeps 3 free
    parameters (centre, edges, corners), in the 5x5 window (n >= 5) 7.  p4m (reflections=True): also
    kappa(d0, -d1) = kappa(d0, d1), and 3 and 6 parameters.

    free_kernel=True checks the false claim that the 3x3 kernel stays free (9 parameters).
    """
    A = p4m_action(n) if reflections else p4_action(n)
    B = _check_basis(A, A, n)
    if isinstance(B, Counterexample):
        return B
    lab = B.labels
    i, j, k, l = (a.ravel() for a in np.indices((n, n, n, n)))
    offset = (((i - k) % n) * n + (j - l) % n)
    conv = lab[(i * n + j), (k * n + l)]
    # translation invariance: the label of ((i,j),(k,l)) is the label of (offset, 0)
    if not np.array_equal(conv, lab[offset, 0]):
        return Counterexample(n, f"{A.name}: an equivariant map is not a 2-D circular convolution")
    kernel = lab[:, 0].reshape(n, n)               # kappa's orbit label at each offset d
    orbits = _c4_orbits(n)
    if reflections:                                 # also merge d with its reflection (d0, -d1)
        pairs = {(int(orbits[a, b]), int(orbits[a, (-b) % n])) for a in range(n) for b in range(n)}
        root = {o: o for o in np.unique(orbits).tolist()}
        def find(o):
            while root[o] != o:
                o = root[o]
            return o
        for p, q in pairs:
            root[find(p)] = find(q)
        orbits = np.vectorize(find)(orbits)
    # the kernel partition must be exactly the rotation(-reflection) orbits of offsets
    pair_set = {(int(a), int(b)) for a, b in zip(kernel.ravel(), orbits.ravel())}
    if len(pair_set) != len(np.unique(kernel)) or len(pair_set) != len(np.unique(orbits)):
        return Counterexample(n, f"{A.name}: the free kernels are not exactly the rotation-invariant ones")
    def window(r):
        offs = [((a % n), (b % n)) for a in range(-r, r + 1) for b in range(-r, r + 1)]
        return len({int(kernel[p]) for p in offs})
    w3 = window(1)
    want3 = 9 if free_kernel else 3
    if n >= 3 and w3 != want3:
        return Counterexample(n, f"{A.name}: an equivariant 3x3 kernel has {w3} free parameters, claimed {want3}")
    w5 = f", 5x5: {window(2)}" if n >= 5 else ""
    return Holds(f"n={n}: the {A.name.split(' on')[0]}-equivariant maps are the 2-D circular convolutions with "
                 f"{'rotation-and-reflection' if reflections else 'rotation'}-invariant kernels "
                 f"(dimension {B.dim} = Burnside's count{' = exact nullspace over Q' if n ** 4 <= NULLSPACE_MAX else ''}"
                 f"); free parameters of a 3x3 kernel: {w3}{w5}")


def p4_lifting_is_rotated_copies(n: int, one_copy: bool = False) -> Counterexample | Holds:
    """For n >= 3: the p4-equivariant linear maps from images on the n x n torus to functions on p4 itself
    (the regular action: the lifting layer of a group-equivariant CNN) are exactly
    W[(t, r), x] = kappa(R^-r (x - t)), four rotated copies of one kernel kappa on Z_n^2 (free): the
    space has dimension n^2, and the orbit of every index pair meets the row of the identity once.

    one_copy=True checks the false claim that the lifting layer is one kernel for all four rotations,
    W[(t, r), x] = kappa(x - t)."""
    A = p4_action(n)
    R = regular_action(A)
    B = _check_basis(A, R, n)
    if isinstance(B, Counterexample):
        return B
    if B.dim != n * n:
        return Counterexample(n, f"the lifting layers form a space of dimension {B.dim}, not n^2 = {n * n}")
    rot = lambda p: ((-p[1]) % n, p[0] % n)                      # (i, j) -> (-j, i): the generator
    ident = R.elements.index(tuple(range(n * n)))
    for g, e in enumerate(R.elements):
        t = divmod(e[0], n)                                      # where the element sends the origin
        u = divmod(e[n % (n * n)], n)                            # ... and the point (1, 0)
        d = ((u[0] - t[0]) % n, (u[1] - t[1]) % n)               # R^r (1, 0)
        r, q = 0, (1 % n, 0)
        while q != d:
            q, r = rot(q), r + 1
            if r > 3:
                return Counterexample(n, f"element {g} is not a translation after a rotation")
        for x in range(n * n):
            p = ((x // n - t[0]) % n, (x % n - t[1]) % n)
            for _ in range((-r) % 4 if not one_copy else 0):    # R^-r = R^(4 - r)
                p = rot(p)
            if B.labels[g, x] != B.labels[ident, p[0] * n + p[1]]:
                return Counterexample(n, f"the lifting layer at (t, r) = ({t}, {r}), x = {divmod(x, n)} is not "
                                         f"{'kappa(x - t)' if one_copy else 'kappa(R^-r (x - t))'}")
    return Holds(f"n={n}: the p4 lifting layers on the {n}x{n} torus are W[(t, r), x] = kappa(R^-r (x - t)), "
                 f"four rotated copies of one free kernel (dimension {B.dim} = n^2 = Burnside's count)")


def stirling2(m: int, k: int) -> int:
    """Stirling numbers of the second kind (partitions of m things into k blocks), by their sum formula.

    >>> [stirling2(4, k) for k in range(1, 5)]
    [1, 7, 6, 1]
    """
    from math import factorial
    return sum((-1) ** i * comb(k, i) * (k - i) ** m for i in range(k + 1)) // factorial(k)


def symmetric_equivariant_dims(n: int, pairs_dim: int | None = None, only_scalar: bool = False) -> Counterexample | Holds:
    """S_n-equivariant linear maps (DeepSets): R^n -> R^n is spanned by I and 1 1^T (dimension 2 for
    n >= 2), R^{n x n} -> R^{n x n} has dimension sum_{k <= n} S(4, k) (the partitions of the 4
    indices into at most n blocks): 15 for n >= 4; R^n -> R^{n x n} has dimension sum_{k <= n} S(3, k)
    (5 for n >= 3).  Each: orbit count = Burnside's count (= exact nullspace for small n).

    pairs_dim=d checks the false claim that R^{n x n} -> R^{n x n} has dimension d for every n;
    only_scalar=True the false claim that R^n -> R^n is only a I (dimension 1).
    """
    S, P = symmetric_action(n), symmetric_pairs_action(n)
    B = _check_basis(S, S, n)
    if isinstance(B, Counterexample):
        return B
    want = 1 if (only_scalar or n == 1) else 2
    if B.dim != want:
        return Counterexample(n, f"S_{n} on R^{n}: dimension {B.dim}, claimed {want}")
    if n >= 2:
        I, J = np.eye(n, dtype=np.int64), np.ones((n, n), dtype=np.int64)
        if {tuple(B.matrix(b).ravel()) for b in range(2)} != {tuple(I.ravel()), tuple((J - I).ravel())}:
            return Counterexample(n, "the orbital matrices of S_n on R^n are not I and 1 1^T - I")
    BP = _check_basis(P, P, n)
    if isinstance(BP, Counterexample):
        return BP
    wantp = pairs_dim if pairs_dim is not None else sum(stirling2(4, k) for k in range(1, min(n, 4) + 1))
    if BP.dim != wantp:
        return Counterexample(n, f"S_{n} on R^{n}x{n}: dimension {BP.dim}, claimed {wantp}")
    BSP = _check_basis(S, P, n)
    if isinstance(BSP, Counterexample):
        return BSP
    want_sp = sum(stirling2(3, k) for k in range(1, min(n, 3) + 1))
    if BSP.dim != want_sp:
        return Counterexample(n, f"S_{n}, R^{n} -> R^{n}x{n}: dimension {BSP.dim}, expected {want_sp}")
    return Holds(f"n={n}: S_{n}-equivariant maps R^n -> R^n: dimension {B.dim}"
                 f"{' (a I + b 1 1^T)' if n >= 2 else ''}; R^(n x n) -> R^(n x n): {BP.dim}; R^n -> R^(n x n): "
                 f"{BSP.dim} (orbit counts = Burnside's counts)")
