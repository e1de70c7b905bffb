"""Finite groups acting by permutations on the index set of a signal (issue 12).

An :class:`Action` is a finite group G given by generators, each a permutation of the points
X = {0, ..., |X| - 1} of a signal of shape ``shape`` (flattened in row-major order).  The group
itself is SymPy's ``PermutationGroup`` on those points (:attr:`Action.group`).

Convention (the same as the shift's, ``(S x)_i = x_{i-1}``): a group element g moves the value at
point x to the point g.x, so it acts on signals by ``(g f)(g.x) = f(x)`` and its matrix is
``P_g[g.x, x] = 1``.  For the cyclic group the generator is x -> x + 1 and ``P_g`` is the shift S.

Two actions of the same group (say S_n on a set and on pairs) list their generators in the same
order, so that a map between them can be asked to be equivariant: the k-th generator of one acts with
the k-th generator of the other.  Whether two actions go together is decided from the generators
themselves (:func:`compatible_actions`); ``group_key`` is a label (the constructors give actions of one
group the same one) and is never trusted.

>>> D = dihedral_action(5)
>>> D.degree, D.order, D.generator_names
(5, 10, ('shift', 'reflection'))
>>> D.act(1, [10, 11, 12, 13, 14])          # the reflection x -> -x
[10, 14, 13, 12, 11]
>>> p4_action(4).order, p4m_action(4).order
(64, 128)
>>> regular_action(dihedral_action(3)).degree
6
>>> with_channels(cyclic_action(4), 3).shape
(3, 4)
>>> symmetric_pairs_action(3).shape, symmetric_pairs_action(3).group_key == symmetric_action(3).group_key
((3, 3), True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

import numpy as np

from ._validate import check_size

__all__ = ["Action", "compatible_actions", "generators_define_one_group", "square_grid_action", "trivial_action", "cyclic_action", "torus_action", "dihedral_action", "p4_action", "p4m_action",
           "symmetric_action", "symmetric_pairs_action", "regular_action", "with_channels",
           "permutation_action"]


@dataclass(frozen=True, eq=False)
class Action:
    """A finite group acting on the points of a signal by permutations (see the module docstring).

    ``generators[k][x]`` is the image of the point x under the k-th generator.
    """

    name: str
    shape: tuple[int, ...]
    generators: tuple[tuple[int, ...], ...]
    generator_names: tuple[str, ...]
    #: a label of the group (the constructors give actions of one group the same one); never trusted:
    #: :func:`compatible_actions` decides from the generators
    group_key: tuple = ()
    #: for a regular action: the group element (as an array form on the base action's points) at each point
    elements: tuple[tuple[int, ...], ...] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        shape = tuple(self.shape)
        if not shape or any(isinstance(s, bool) or not isinstance(s, (int, np.integer)) or s < 1 for s in shape):
            raise ValueError(f"shape must be a non-empty tuple of positive ints, got {self.shape!r}")
        object.__setattr__(self, "shape", tuple(int(s) for s in shape))
        deg = int(np.prod(shape))
        if not self.generators:
            raise ValueError("generators must hold at least one permutation")
        gens = []
        for k, g in enumerate(self.generators):
            g = tuple(int(v) for v in g)
            if len(g) != deg or sorted(g) != list(range(deg)):
                raise ValueError(f"generators[{k}] must be a permutation of range({deg}) (the points of shape {shape})")
            gens.append(g)
        object.__setattr__(self, "generators", tuple(gens))
        if len(self.generator_names) != len(gens):
            raise ValueError(f"generator_names must name each of the {len(gens)} generators, got {self.generator_names!r}")
        if not self.group_key:
            object.__setattr__(self, "group_key", ("custom", id(self)))

    @property
    def degree(self) -> int:
        """|X|, the number of points."""
        return int(np.prod(self.shape))

    @cached_property
    def arrays(self) -> np.ndarray:
        """The generators as an int64 array of shape (number of generators, |X|)."""
        return np.array(self.generators, dtype=np.int64).reshape(len(self.generators), self.degree)

    @cached_property
    def group(self):
        """The group, as SymPy's ``PermutationGroup`` on the points."""
        from sympy.combinatorics import Permutation, PermutationGroup
        return PermutationGroup([Permutation(list(g), size=self.degree) for g in self.generators])

    @property
    def order(self) -> int:
        """|G| (of the group of permutations of the points: the image of the abstract group)."""
        return int(self.group.order())

    def matrix(self, k: int) -> np.ndarray:
        """The 0/1 matrix ``P[g.x, x] = 1`` of the k-th generator (int64, |X| x |X|)."""
        g = self.arrays[k]
        P = np.zeros((self.degree, self.degree), dtype=np.int64)
        P[g, np.arange(self.degree)] = 1
        return P

    def act(self, k: int, signal):
        """The k-th generator applied to a signal, ``(g f)(g.x) = f(x)``: a list for a list, an array
        (of the signal's own shape) for an array.

        >>> cyclic_action(4).act(0, [1, 2, 3, 4])       # the shift: (S x)_i = x_{i-1}
        [4, 1, 2, 3]
        """
        g = self.arrays[k]
        if isinstance(signal, (list, tuple)):
            if len(signal) != self.degree:
                raise ValueError(f"signal must have {self.degree} entries, got {len(signal)}")
            out = [None] * self.degree
            for x, v in enumerate(signal):
                out[g[x]] = v
            return out
        arr = np.asarray(signal)
        if arr.shape != self.shape and arr.size != self.degree:
            raise ValueError(f"signal must have shape {self.shape}, got {arr.shape}")
        flat = arr.reshape(-1)
        out = np.empty_like(flat)
        out[g] = flat
        return out.reshape(arr.shape)

    def __repr__(self) -> str:
        return f"Action({self.name}, |X| = {self.degree}, {len(self.generators)} generators)"


def compatible_actions(action_in, action_out=None, names: tuple[str, str] = ("action_in", "action_out")):
    """The pair (action_in, action_out), action_out defaulting to action_in, checked to be Actions of one group
    with the same generators: the k-th generator of one acts with the k-th generator of the other.
    TypeError / ValueError name the parameter.

    What is checked is the generators themselves, never the (caller-supplied) ``group_key``: the pairing
    g_k -> g'_k must extend to a homomorphism from one action's group onto the other's (so that one of
    them is an action of the other's group, and equivariance to every element follows from the
    generators).  Equivalently, the group H generated by the pairs (g_k, g'_k) is no larger than one of
    the two groups.  See :func:`generators_define_one_group` for how that is decided.

    >>> compatible_actions(cyclic_action(4), with_channels(cyclic_action(4), 2))[1].shape
    (2, 4)
    >>> forged = Action("Z_3 on Z_3", (3,), ((1, 2, 0),), ("shift",), group_key=cyclic_action(4).group_key)
    >>> compatible_actions(cyclic_action(4), forged)
    Traceback (most recent call last):
    ...
    ValueError: action_out must be an action of the same group with the same generators as action_in (the pairs of generators generate a group of order 12, larger than both, 4 and 3)
    """
    if not isinstance(action_in, Action):
        raise TypeError(f"{names[0]} must be an Action, got {type(action_in).__name__}")
    if action_out is None:
        action_out = action_in
    if not isinstance(action_out, Action):
        raise TypeError(f"{names[1]} must be an Action, got {type(action_out).__name__}")
    if len(action_out.generators) != len(action_in.generators):
        raise ValueError(f"{names[1]} must be an action of the same group with the same generators as {names[0]} "
                         f"({len(action_out.generators)} generators against {len(action_in.generators)})")
    ok, why = generators_define_one_group(action_in, action_out)
    if not ok:
        raise ValueError(f"{names[1]} must be an action of the same group with the same generators as {names[0]} "
                         f"({why})")
    return action_in, action_out


def _channel_base(action: Action, d: int) -> np.ndarray | None:
    """The generators on the first d points when the action is |X|/d copies of them (the layout of
    :func:`with_channels`: point a*d + x -> a*d + g(x)), else None."""
    if d < 1 or action.degree % d:
        return None
    c = action.degree // d
    arr = action.arrays.reshape(len(action.generators), c, d) - (np.arange(c, dtype=np.int64) * d)[None, :, None]
    return arr[:, 0, :] if (arr == arr[:, :1, :]).all() else None


def _is_regular_of(reg: Action, base: np.ndarray) -> bool:
    """Is ``reg`` left multiplication on the elements it lists (``reg.elements``), which are distinct
    permutations of the base points composed as g(h(x)) by the generators ``base``?  Then h -> its
    element is an injective map that intertwines the two, so every relation of the base generators
    holds for reg's generators (the base's group maps homomorphically onto reg's)."""
    if reg.elements is None or len(reg.elements) != reg.degree:
        return False
    els = np.array(reg.elements, dtype=np.int64)
    if els.ndim != 2 or els.shape[1] != base.shape[1] or len(np.unique(els, axis=0)) != reg.degree:
        return False
    if (els < 0).any() or (els >= base.shape[1]).any():
        return False
    return all(np.array_equal(els[reg.arrays[k]], base[k][els]) for k in range(len(reg.generators)))


def _is_pairs_of(pairs: Action, base: np.ndarray) -> bool:
    """Does ``pairs`` act on ordered pairs (a, b) -> a*n + b by g(a)*n + g(b) for the generators ``base``?"""
    n = base.shape[1]
    if pairs.degree != n * n:
        return False
    want = (base[:, :, None] * n + base[:, None, :]).reshape(len(base), n * n)
    return np.array_equal(pairs.arrays, want)


def generators_define_one_group(a: Action, b: Action) -> tuple[bool, str]:
    """Does g_k -> g'_k (the k-th generators of ``a`` and ``b``) extend to a homomorphism from one
    action's group onto the other's?  Returns (answer, the reason).

    Decided from the generators alone, exactly, first by cheap certificates, each an injective map that
    intertwines the generators (so every relation among one side's generators holds on the other):
    the same generators up to copies on channels (the layout of :func:`with_channels`), the trivial
    action of a group (every generator the identity), the action on ordered pairs, the regular action
    (its ``elements`` checked to be distinct and multiplied by the generators).  Otherwise by SymPy's
    Schreier-Sims: the group H generated by the pairs (g_k, g'_k) must have the order of a's group or of
    b's (H projects onto both; it is the graph of a homomorphism exactly when a projection is injective).

    >>> generators_define_one_group(dihedral_action(4), regular_action(dihedral_action(4)))
    (True, 'regular action')
    >>> generators_define_one_group(cyclic_action(4), cyclic_action(6))[0]
    False
    """
    if len(a.generators) != len(b.generators):
        return False, f"{len(b.generators)} generators against {len(a.generators)}"
    for d in sorted({a.degree, b.degree, math.gcd(a.degree, b.degree)}, reverse=True):
        ba, bb = _channel_base(a, d), _channel_base(b, d)
        if ba is not None and bb is not None and np.array_equal(ba, bb):
            return True, "the same generators" + ("" if a.degree == b.degree == d else " on channels")
    ident_a = all(g == tuple(range(a.degree)) for g in a.generators)
    ident_b = all(g == tuple(range(b.degree)) for g in b.generators)
    if ident_a or ident_b:
        return True, "a trivial action"
    for reg, other in ((a, b), (b, a)):
        if _is_regular_of(reg, other.arrays):
            return True, "regular action"
        if _is_pairs_of(reg, other.arrays):
            return True, "action on pairs"
    from sympy.combinatorics import Permutation, PermutationGroup
    nx = a.degree
    H = PermutationGroup([Permutation(list(gi) + [nx + v for v in go], size=nx + b.degree)
                          for gi, go in zip(a.generators, b.generators)])
    h, oa, ob = int(H.order()), a.order, b.order
    if h in (oa, ob):
        return True, f"the pairs generate a group of order {h} (Schreier-Sims)"
    return False, f"the pairs of generators generate a group of order {h}, larger than both, {oa} and {ob}"


def _torus_points(m: int, n: int) -> np.ndarray:
    return np.arange(m * n).reshape(m, n)


def _torus_map(m: int, n: int, f) -> tuple[int, ...]:
    """The permutation (i, j) -> f(i, j) (mod (m, n)) of the m x n torus, row-major."""
    img = [0] * (m * n)
    for i in range(m):
        for j in range(n):
            a, b = f(i, j)
            img[i * n + j] = (a % m) * n + (b % n)
    return tuple(img)


def cyclic_action(n: int) -> Action:
    """Z_n acting on Z_n by the shift x -> x + 1 (its matrix is the shift S).

    >>> cyclic_action(3).generators
    ((1, 2, 0),)
    """
    n = check_size(n, "n")
    return Action(f"Z_{n} on Z_{n}", (n,), (tuple((x + 1) % n for x in range(n)),), ("shift",), ("Z", n))


def torus_action(m: int, n: int) -> Action:
    """Z_m x Z_n acting on the m x n torus by the row shift (i, j) -> (i + 1, j) and the column shift
    (i, j) -> (i, j + 1); points (i, j) -> i*n + j.

    >>> torus_action(2, 3).order
    6
    """
    m, n = check_size(m, "m"), check_size(n, "n")
    return Action(f"Z_{m} x Z_{n} on the {m}x{n} torus", (m, n),
                  (_torus_map(m, n, lambda i, j: (i + 1, j)), _torus_map(m, n, lambda i, j: (i, j + 1))),
                  ("row shift", "column shift"), ("ZxZ", m, n))


def dihedral_action(n: int) -> Action:
    """D_n (order 2n for n >= 3) acting on the n-cycle Z_n by the shift x -> x + 1 and the reflection
    x -> -x.

    >>> dihedral_action(4).order
    8
    """
    n = check_size(n, "n")
    return Action(f"D_{n} on Z_{n}", (n,), (tuple((x + 1) % n for x in range(n)), tuple((-x) % n for x in range(n))),
                  ("shift", "reflection"), ("D", n))


def p4_action(n: int) -> Action:
    """p4 on the n x n torus: the two translations and the rotation by 90 degrees about the origin,
    (i, j) -> (-j, i) (mod n).  Order 4 n^2 for n >= 2.

    >>> p4_action(3).generator_names
    ('row shift', 'column shift', 'rotation')
    """
    n = check_size(n, "n")
    return Action(f"p4 on the {n}x{n} torus", (n, n),
                  (_torus_map(n, n, lambda i, j: (i + 1, j)), _torus_map(n, n, lambda i, j: (i, j + 1)),
                   _torus_map(n, n, lambda i, j: (-j, i))),
                  ("row shift", "column shift", "rotation"), ("p4", n))


def p4m_action(n: int) -> Action:
    """p4m on the n x n torus: p4 and the reflection (i, j) -> (i, -j).  Order 8 n^2 for n >= 3.

    >>> p4m_action(3).order
    72
    """
    n = check_size(n, "n")
    base = p4_action(n)
    return Action(f"p4m on the {n}x{n} torus", (n, n), base.generators + (_torus_map(n, n, lambda i, j: (i, -j)),),
                  base.generator_names + ("reflection",), ("p4m", n))


def square_grid_action(k: int, reflections: bool = False) -> Action:
    """C_4 (or D_4 with ``reflections``) acting on the k x k grid of a convolution kernel about its centre
    pixel: the rotation by 90 degrees (i, j) -> (k-1-j, i) (p4's (i, j) -> (-j, i) in coordinates centred
    on the middle pixel) and the reflection (i, j) -> (i, k-1-j); points (i, j) -> i*k + j.

    k must be odd: the centre of the rotation must be a pixel (the tap a convolution aligns its output
    with), else a rotated kernel would be shifted by half a pixel.  The invariant kernels, one free
    parameter per orbit of pixels, are the equivariant maps to :func:`trivial_action`:

    >>> square_grid_action(3).generators
    ((6, 3, 0, 7, 4, 1, 8, 5, 2),)
    >>> square_grid_action(5).order, square_grid_action(5, reflections=True).order
    (4, 8)
    >>> square_grid_action(4)
    Traceback (most recent call last):
    ...
    ValueError: k must be odd (the rotation is about the centre pixel), got 4
    """
    k = check_size(k, "k")
    if k % 2 == 0:
        raise ValueError(f"k must be odd (the rotation is about the centre pixel), got {k}")
    if not isinstance(reflections, bool):
        raise TypeError(f"reflections must be a bool, got {type(reflections).__name__}")
    rot = tuple((k - 1 - j) * k + i for i in range(k) for j in range(k))
    gens, names = (rot,), ("rotation",)
    if reflections:
        gens, names = gens + (tuple(i * k + (k - 1 - j) for i in range(k) for j in range(k)),), names + ("reflection",)
    group = "D_4" if reflections else "C_4"
    return Action(f"{group} on the {k}x{k} grid", (k, k), gens, names, (group + " grid", k))


def trivial_action(action: Action) -> Action:
    """The group of ``action`` acting trivially on one point (every generator the identity): the maps to
    it from ``action`` are the invariant linear forms, e.g. the kernels of a convolution from an invariant
    (scalar) field to another.

    >>> from symconv.objects.orbit_basis import equivariant_basis
    >>> equivariant_basis(square_grid_action(3), trivial_action(square_grid_action(3))).labels
    array([[0, 1, 0, 1, 2, 1, 0, 1, 0]])
    """
    if not isinstance(action, Action):
        raise TypeError(f"action must be an Action, got {type(action).__name__}")
    return Action(f"{_group_name(action)} acting trivially on a point", (1,), ((0,),) * len(action.generators),
                  action.generator_names, action.group_key)


def _sym_generators(n: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    swap = list(range(n))
    if n >= 2:
        swap[0], swap[1] = 1, 0
    return tuple(swap), tuple((x + 1) % n for x in range(n))


def symmetric_action(n: int) -> Action:
    """S_n acting on the set {0, ..., n-1}, generated by the transposition (0 1) and the n-cycle
    x -> x + 1.

    >>> symmetric_action(4).order
    24
    """
    n = check_size(n, "n")
    return Action(f"S_{n} on a set of {n}", (n,), _sym_generators(n), ("transposition (0 1)", "n-cycle"), ("S", n))


def symmetric_pairs_action(n: int) -> Action:
    """S_n acting on ordered pairs (a, b) (the entries of an n x n matrix: X -> P X P^T), with the
    generators of :func:`symmetric_action` (same ``group_key``): points (a, b) -> a*n + b.

    >>> symmetric_pairs_action(2).generators[0]
    (3, 2, 1, 0)
    """
    n = check_size(n, "n")
    gens = tuple(tuple(s[a] * n + s[b] for a in range(n) for b in range(n)) for s in _sym_generators(n))
    return Action(f"S_{n} on pairs of {n}", (n, n), gens, ("transposition (0 1)", "n-cycle"), ("S", n))


def permutation_action(generators: Sequence[Sequence[int]], shape: Sequence[int] | None = None,
                       name: str = "a permutation group", generator_names: Sequence[str] | None = None) -> Action:
    """Any group given by permutations of the points (it goes with another action when the generators
    match, see :func:`compatible_actions`).

    >>> permutation_action([[1, 0, 2]]).order
    2
    """
    if isinstance(generators, (str, bytes)) or not isinstance(generators, Sequence):
        raise TypeError(f"generators must be a sequence of permutations, got {type(generators).__name__}")
    gens = tuple(tuple(g) for g in generators)
    if not gens:
        raise ValueError("generators must hold at least one permutation")
    shape = (len(gens[0]),) if shape is None else tuple(shape)
    names = tuple(generator_names) if generator_names is not None else tuple(f"g{k}" for k in range(len(gens)))
    return Action(name, shape, gens, names)


def regular_action(action: Action) -> Action:
    """The group of ``action`` acting on itself by left multiplication, h -> g h: its points are the
    group's elements, listed in ``.elements`` (array forms on the base action's points, the identity
    first); g h is the composition x -> g(h(x)).

    >>> R = regular_action(cyclic_action(4))
    >>> R.degree, R.elements[0]
    (4, (0, 1, 2, 3))
    """
    if not isinstance(action, Action):
        raise TypeError(f"action must be an Action, got {type(action).__name__}")
    deg = action.degree
    ident = tuple(range(deg))
    gens = [tuple(int(v) for v in g) for g in action.generators]
    elements, index = [ident], {ident: 0}
    frontier = [ident]
    while frontier:                                    # breadth-first closure under the generators
        nxt = []
        for h in frontier:
            for g in gens:
                gh = tuple(g[h[x]] for x in range(deg))
                if gh not in index:
                    index[gh] = len(elements)
                    elements.append(gh)
                    nxt.append(gh)
        frontier = nxt
    images = tuple(tuple(index[tuple(g[h[x]] for x in range(deg))] for h in elements) for g in gens)
    return Action(f"{_group_name(action)} acting on itself (regular)", (len(elements),), images,
                  action.generator_names, action.group_key, tuple(elements))


def _group_name(action: Action) -> str:
    return action.name.split(" on ")[0]


def with_channels(action: Action, channels: int) -> Action:
    """The action on signals with ``channels`` channels, shape (channels,) + action.shape (PyTorch's
    channel-first layout): the group moves the points of every channel alike, point (a, x) ->
    a*|X| + x.  Same group and generators as ``action``.

    >>> with_channels(cyclic_action(2), 2).generators
    ((1, 0, 3, 2),)
    """
    if not isinstance(action, Action):
        raise TypeError(f"action must be an Action, got {type(action).__name__}")
    c = check_size(channels, "channels")
    deg = action.degree
    gens = tuple(tuple(a * deg + g[x] for a in range(c) for x in range(deg)) for g in action.generators)
    return Action(f"{action.name}, {c} channels", (c,) + action.shape, gens, action.generator_names,
                  action.group_key)
