"""Cross-check of escnn's C4 and D4 kernel bases against the exact invariant kernels (issue 12).

A convolution from a scalar field to a scalar field (escnn: trivial -> trivial fields) is equivariant to
the 90-degree rotations (C4, ``gspaces.rot2dOnR2(4)``) -- and the reflections too (D4,
``gspaces.flipRot2dOnR2(4)``) -- exactly when its k x k kernel is invariant under them.  On the pixel
grid those kernels are, exactly, the equivariant maps from ``square_grid_action(k)`` to its
``trivial_action``: one free parameter per orbit of pixels (3x3: 3 for C4 and D4; 5x5: 7 for C4, 6 for D4).

escnn builds its basis differently: steerable filters sampled on rings (Gaussian radial profiles) with
a band limit on the angular frequency.  So the two numbers are not the same quantity, and the honest
comparison has two parts:

* escnn's **default** basis (``nn.R2Conv(..., kernel_size=k)``): every filter it yields is an invariant
  kernel (in the exact space, to float32 round-off), the filters are independent, and there are fewer
  of them: one isotropic profile per ring, ceil(k/2) rings at radii 0, 1, ..., (k-1)/2, angular
  frequency 0 only (frequency 4, the lowest that C4 allows besides 0, is cut by the default band limit).
  That is why escnn reports 2 (3x3) and 3 (5x5) where the exact count is 3 and 7 (6).
* escnn's basis **without the band limit**, one ring at each distance of a pixel from the centre
  (width sigma = 0.3) and frequencies up to 2r on the ring of radius r (so frequency 4 from r = 2: it
  separates the two C4 orbits at distance sqrt(5)): the sampled filters span exactly the invariant
  kernels, their rank is the exact dimension.  (escnn lists more elements than that rank: on the grid
  some harmonics alias onto others.)

Between regular fields (``gs.regular_repr``: |G| channels that the group permutes) the kernel is a map
from a k x k patch of |G| channels to |G| channels, equivariant for the rotation (reflection) of the
pixels together with the regular permutation of the channels: exactly k^2 |G| free parameters (36 and
100 for C4, 72 and 200 for D4), against escnn's default 24 and 44 (48 and 88): angular frequencies
<= 2 only.  The channel and pixel permutations are read from escnn itself (its ``regular_repr`` and
``basespace_action``, its grid coordinates), so the subspace check is in escnn's own conventions; its
pixel permutations are checked to be exactly the group of ``square_grid_action``.

escnn 1.0.11 can also be caught out: with rings of width sigma = 0.05 on the 5x5 grid, its C4 basis
holds a filter that is not rotation-invariant (the sin 4 theta harmonic on the ring of radius 2 is 0 at
its pixels up to float32 round-off, which escnn's normalisation scales up to about 5e-3): rank 8 where
only 7 invariant kernels exist.

Ranks and the distance to the exact space are measured with the float32 tolerance of
``symconv.engine.tolerance`` (rtol = sqrt(eps) of float32).  Skipped where escnn is not installed.  It
needs its own virtualenv: its dependency lie-learn requires numpy < 2 (its compiled module does not
import under numpy 2), and py3nj ships only a source archive that needs a Fortran compiler (py3nj is
optional at run time: without it escnn computes these bases all the same).  Without a compiler:

    python3 -m venv V && V/bin/pip install torch==2.13.0
    V/bin/pip install --no-deps escnn==1.0.11
    V/bin/pip install numpy scipy lie-learn joblib pymanopt autograd pytest
    PYTHONPATH=. V/bin/python -m pytest tests/test_escnn_crosscheck.py
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

import symconv as sc
from symconv.engine.tolerance import Tolerance
from symconv.objects.groups import permutation_action

escnn = pytest.importorskip("escnn")
torch = pytest.importorskip("torch")
from escnn import gspaces, nn  # noqa: E402

TOL = Tolerance.for_dtypes([np.float32])            # escnn samples its filters in float32

#: the exact number of invariant k x k kernels: pixel orbits of C4 (D4) on the grid
EXACT = {("C4", 3): 3, ("C4", 5): 7, ("D4", 3): 3, ("D4", 5): 6}


def gspace(group: str):
    return gspaces.rot2dOnR2(4) if group == "C4" else gspaces.flipRot2dOnR2(4)


def escnn_filters(group: str, k: int, regular: bool = False, **basis_options):
    """The conv2d filters of an escnn R2Conv (trivial -> trivial field, or regular -> regular), one per
    basis element (the filter ``expand_parameters`` hands to conv2d when that element's weight is 1 and
    the others 0), as rows of (out channels, in channels, k, k) float64 entries; and the basis elements'
    attributes."""
    gs = gspace(group)
    field = nn.FieldType(gs, [gs.regular_repr if regular else gs.trivial_repr])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        conv = nn.R2Conv(field, field, kernel_size=k, initialize=False, **basis_options)
    dim = conv.basisexpansion.dimension()
    rows = []
    for q in range(dim):
        w = torch.zeros(dim)
        w[q] = 1.0
        conv.weights.data = w
        filt, _ = conv.expand_parameters()
        c = field.size
        assert tuple(filt.shape) == (c, c, k, k)
        rows.append(filt.detach().numpy().astype(np.float64).reshape(-1))
    return np.array(rows), list(conv.basisexpansion.get_basis_info())


def exact_space(group: str, k: int) -> np.ndarray:
    """An orthonormal basis (columns) of the invariant k x k kernels, from the exact orbital basis."""
    A = sc.square_grid_action(k, reflections=group == "D4")
    B = sc.equivariant_basis(A, sc.trivial_action(A))
    V = np.array([B.matrix(q).reshape(-1) for q in range(B.dim)], dtype=np.float64)
    assert B.dim == EXACT[group, k]
    Q, _ = np.linalg.qr(V.T)
    return Q


def numerical_rank(F: np.ndarray) -> int:
    s = np.linalg.svd(F, compute_uv=False)
    return int((s > TOL.threshold(float(s.max()))).sum())


def distance_to(Q: np.ndarray, F: np.ndarray) -> float:
    """The largest entry of the part of a filter (a row of F, of norm about 1) outside span(Q)."""
    return float(np.abs(F.T - Q @ (Q.T @ F.T)).max())


@pytest.mark.parametrize("group", ["C4", "D4"])
@pytest.mark.parametrize("k", [3, 5])
def test_escnn_default_basis_is_a_band_limited_part_of_the_exact_space(group, k):
    Q = exact_space(group, k)
    F, info = escnn_filters(group, k)
    scale = float(np.abs(F).max())
    err = distance_to(Q, F)
    assert TOL.allows(err, scale), f"an escnn {group} filter is not invariant: {err:.3g} off the exact space"
    assert numerical_rank(F) == len(F)                                   # independent
    # the difference, explained: one isotropic profile per ring, so fewer than the exact count
    rings = math.ceil(k / 2)
    assert len(F) == rings < EXACT[group, k]
    assert {a["irrep:frequency"] for a in info} == {0}
    assert sorted({round(float(a["radius"]), 6) for a in info}) == [float(r) for r in range(rings)]


@pytest.mark.parametrize("group", ["C4", "D4"])
@pytest.mark.parametrize("k", [3, 5])
def test_escnn_basis_without_band_limit_spans_exactly_the_invariant_kernels(group, k):
    Q = exact_space(group, k)
    r = k // 2
    radii = sorted({float(np.hypot(a, b)) for a in range(r + 1) for b in range(r + 1)})
    F, info = escnn_filters(group, k, rings=radii, sigma=0.3, frequencies_cutoff=2.0)
    err = distance_to(Q, F)
    assert TOL.allows(err, float(np.abs(F).max())), f"{group} {k}x{k}: {err:.3g} off the exact space"
    assert numerical_rank(F) == EXACT[group, k] == Q.shape[1]            # inside it and spanning it
    if k == 5:        # the two C4 orbits at distance sqrt(5) need frequency 4; escnn's default cuts it
        assert 4 in {a["irrep:frequency"] for a in info}


def test_the_float32_tolerance_separates_rank_from_round_off():
    """The checks are not vacuous: a filter outside the space is seen, and so is a missing orbit (the
    isotropic profiles alone, frequency 0, give one filter per distance: 6 on the 5x5 grid, the D4
    count, one short of C4's 7)."""
    Q = exact_space("C4", 5)
    radii = [0.0, 1.0, 2 ** 0.5, 2.0, 5 ** 0.5, 8 ** 0.5]
    F, info = escnn_filters("C4", 5, rings=radii, sigma=0.3, frequencies_cutoff=2.0)
    free = np.zeros(25)
    free[1] = 1.0                                                     # one pixel: not rotation-invariant
    assert not TOL.allows(distance_to(Q, np.vstack([F, free])), 1.0)
    isotropic = F[[q for q, a in enumerate(info) if a["irrep:frequency"] == 0]]
    assert numerical_rank(isotropic) == len(radii) == EXACT["D4", 5] < EXACT["C4", 5]


# ---------------------------------------------------------------- regular fields

def escnn_regular_actions(group: str, k: int):
    """The actions on the kernel's input (|G| channels x k x k pixels, PyTorch's layout) and output (|G|
    channels) for which escnn's regular -> regular kernels are equivariant, in escnn's conventions:
    for each element g, the channel permutation of ``regular_repr(g)`` and the pixel permutation of
    ``basespace_action(g)`` on escnn's grid (pixel (a, b) at x = b - c, y = c - a); and the pixel
    permutations."""
    gs = gspace(group)
    c = (k - 1) / 2
    where = {(float(b - c), float(c - a)): a * k + b for a in range(k) for b in range(k)}
    gens_in, gens_out, pixels = [], [], []
    for g in gs.fibergroup.elements:
        P = np.asarray(gs.regular_repr(g))             # float64, built by a change of basis: 0/1 up to 1e-16
        assert np.abs(P - np.rint(P)).max() < 1e-9
        P = np.rint(P)
        assert (P.sum(axis=0) == 1).all() and (P.sum(axis=1) == 1).all() and set(P.ravel()) == {0.0, 1.0}
        perm = [int(np.argmax(P[:, h])) for h in range(P.shape[0])]          # rho(g) e_h = e_perm[h]
        M = np.asarray(gs.basespace_action(g))
        sigma = []
        for a in range(k):
            for b in range(k):
                x, y = M @ np.array([b - c, c - a])
                sigma.append(where[(round(float(x), 6) + 0.0, round(float(y), 6) + 0.0)])
        n = len(perm)
        gens_in.append([perm[h] * k * k + sigma[p] for h in range(n) for p in range(k * k)])
        gens_out.append(perm)
        pixels.append(tuple(sigma))
    names = [f"g{q}" for q in range(len(gens_in))]
    A_in = permutation_action(gens_in, (len(gens_out[0]), k, k), f"{group} on regular fields",
                                                names)
    A_out = permutation_action(gens_out, None, f"{group} regular", names)
    return A_in, A_out, pixels


def regular_exact_space(group: str, k: int) -> np.ndarray:
    A_in, A_out, pixels = escnn_regular_actions(group, k)
    grid = sc.square_grid_action(k, reflections=group == "D4")
    assert set(pixels) == {tuple(p.array_form) for p in grid.group.generate()}     # escnn's rotations are ours
    B = sc.equivariant_basis(A_in, A_out)
    order = grid.order
    assert B.dim == k * k * order                         # the group acts freely on the channel pairs
    # the same count from symconv's own constructors: the grid action with the regular one on channels
    R = sc.regular_action(grid)
    ours = permutation_action(
        [[int(gr[h]) * k * k + int(gp[p]) for h in range(order) for p in range(k * k)]
         for gp, gr in zip(grid.arrays, R.arrays)], (order, k, k), "grid x regular", grid.generator_names)
    assert sc.equivariant_basis(ours, R).dim == B.dim
    V = np.array([B.matrix(q).reshape(-1) for q in range(B.dim)], dtype=np.float64)
    Q, _ = np.linalg.qr(V.T)
    return Q


@pytest.mark.parametrize("group,k,default_dim", [("C4", 3, 24), ("C4", 5, 44), ("D4", 3, 48), ("D4", 5, 88)])
def test_escnn_regular_fields_default_basis_is_a_band_limited_part_of_the_exact_space(group, k, default_dim):
    Q = regular_exact_space(group, k)
    F, info = escnn_filters(group, k, regular=True)
    assert TOL.allows(distance_to(Q, F), float(np.abs(F).max()))
    assert numerical_rank(F) == len(F) == default_dim < Q.shape[1]
    assert max(a["irrep:frequency"] for a in info) == 2                # escnn's default band limit


@pytest.mark.parametrize("group", ["C4", "D4"])
@pytest.mark.parametrize("k", [3, 5])
def test_escnn_regular_fields_without_band_limit_span_exactly_the_equivariant_kernels(group, k):
    Q = regular_exact_space(group, k)
    r = k // 2
    radii = sorted({float(np.hypot(a, b)) for a in range(r + 1) for b in range(r + 1)})
    F, _ = escnn_filters(group, k, regular=True, rings=radii, sigma=0.3, frequencies_cutoff=2.0)
    assert TOL.allows(distance_to(Q, F), float(np.abs(F).max()))
    assert numerical_rank(F) == Q.shape[1] == k * k * (4 if group == "C4" else 8)


@pytest.mark.skipif(getattr(escnn, "__version__", "") != "1.0.11", reason="observed in escnn 1.0.11")
def test_the_exact_space_catches_an_escnn_filter_made_of_round_off():
    Q = exact_space("C4", 5)
    radii = [0.0, 1.0, 2 ** 0.5, 2.0, 5 ** 0.5, 8 ** 0.5]
    F, info = escnn_filters("C4", 5, rings=radii, sigma=0.05, frequencies_cutoff=2.0)
    off = [q for q in range(len(F)) if not TOL.allows(distance_to(Q, F[q:q + 1]), 1.0)]
    assert numerical_rank(F) == EXACT["C4", 5] + 1 == 8                 # more than the invariant kernels
    assert [(info[q]["irrep:frequency"], round(float(info[q]["radius"]), 6)) for q in off] == [(4, 2.0)]
