"""The checks of the three named lemmas about finite group actions (registered in :mod:`lemmas`).

* ``orbit_stabiliser``: |Stab(z)| |G z| = |G| for every point z of a finite G-set;
* ``orbit_counting``: sum_z 1/|G z| = the number of orbits;
* ``invariant_functions_dim_eq_orbits``: the W with W(g.z) = W(z) for all g, z form a space of
  dimension the number of orbits, with the orbits' indicators as a basis.

Each check states the general argument and recomputes the lemma exactly on a catalogue of actions
(cyclic, dihedral, symmetric, alternating and Klein groups on sets, and diagonal actions on products
of two different G-sets), by means that share no code with the rules or with
:mod:`symconv.objects.orbit_basis`: every group element is enumerated (SymPy's ``PermutationGroup``),
orbits are computed by closing under the generators, stabilisers by counting the elements that fix
a point, and the solution space of the invariance equations by the exact rank over Q.  A map that is
not an action (not a homomorphism) is shown to break orbit-stabiliser: the side condition matters.

>>> _orbit_stabiliser().ok
True
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product

from .lemmas import LemmaCheck

__all__ = ["ACTION_CATALOGUE", "action_catalogue", "check_orbit_stabiliser", "check_orbit_counting",
           "check_invariant_functions_dim"]


def action_catalogue() -> list:
    """(name, list of group elements as tuples on X, list on Y, generators on X, on Y): one group G
    acting on two sets X and Y (by the same abstract element), from SymPy's permutation groups."""
    from sympy.combinatorics import Permutation, PermutationGroup
    from sympy.combinatorics.named_groups import AlternatingGroup, CyclicGroup, DihedralGroup, SymmetricGroup

    def joint(name, gens_x, gens_y):
        nx, ny = len(gens_x[0]), len(gens_y[0])
        gens = [Permutation(list(a) + [nx + v for v in b], size=nx + ny) for a, b in zip(gens_x, gens_y)]
        els = [tuple(p.array_form) for p in PermutationGroup(gens).generate()]
        ex = [e[:nx] for e in els]
        ey = [tuple(v - nx for v in e[nx:]) for e in els]
        return name, ex, ey, [tuple(a) for a in gens_x], [tuple(b) for b in gens_y]

    def gens_of(G):
        return [tuple(p.array_form) for p in G.generators]

    out = []
    for k in range(1, 6):
        C = gens_of(CyclicGroup(k)) if k > 1 else [(0,)]
        out.append(joint(f"Z_{k} on Z_{k} (both)", C, C))
    for k in (3, 4, 5):
        D = gens_of(DihedralGroup(k))
        out.append(joint(f"D_{k} on the {k}-gon (both)", D, D))
    for k in (3, 4):
        S = gens_of(SymmetricGroup(k))
        out.append(joint(f"S_{k} on {k} points (both)", S, S))
    out.append(joint("A_4 on 4 points (both)", gens_of(AlternatingGroup(4)), gens_of(AlternatingGroup(4))))
    klein = [(1, 0, 3, 2), (2, 3, 0, 1)]
    out.append(joint("Klein group on 4 points (both)", klein, klein))
    out.append(joint("trivial group on 3 points -> on 2 points", [(0, 1, 2)], [(0, 1)]))
    # two different G-sets of one group
    out.append(joint("Z_4 on Z_4 -> on Z_2", [(1, 2, 3, 0)], [(1, 0)]))
    out.append(joint("S_3 on 3 points -> its sign on 2 points", [(1, 0, 2), (1, 2, 0)], [(1, 0), (0, 1)]))
    out.append(joint("D_4 on 4 vertices -> on the 2 diagonals", [(1, 2, 3, 0), (0, 3, 2, 1)], [(1, 0), (0, 1)]))
    out.append(joint("Z_6 on Z_6 -> on Z_3", [(1, 2, 3, 4, 5, 0)], [(1, 2, 0)]))
    return out


ACTION_CATALOGUE: list | None = None


def _catalogue() -> list:
    global ACTION_CATALOGUE
    if ACTION_CATALOGUE is None:
        ACTION_CATALOGUE = action_catalogue()
    return ACTION_CATALOGUE


def _sets(entry):
    """The G-sets of a catalogue entry, each as (name, points, act(element index, point), generator
    indices): X, Y, and Y x X with the diagonal action."""
    name, ex, ey, _, _ = entry
    nx, ny = len(ex[0]), len(ey[0])
    X = ("X", list(range(nx)), lambda g, p: ex[g][p])
    Y = ("Y", list(range(ny)), lambda g, p: ey[g][p])
    YX = ("Y x X", list(product(range(ny), range(nx))), lambda g, p: (ey[g][p[0]], ex[g][p[1]]))
    return [X, Y, YX]


def _orbits(points, act, order):
    """The orbits, by closing each point under every group element (a partition of the points)."""
    label, orbits = {}, []
    for z in points:
        if z in label:
            continue
        orb = {act(g, z) for g in range(order)}
        for w in orb:
            label[w] = len(orbits)
        orbits.append(orb)
    return label, orbits


def check_orbit_stabiliser(catalogue=None) -> tuple[bool, str]:
    done = 0
    for entry in catalogue or _catalogue():
        order = len(entry[1])
        for sname, points, act in _sets(entry):
            for z in points:
                stab = sum(1 for g in range(order) if act(g, z) == z)
                orb = len({act(g, z) for g in range(order)})
                if stab * orb != order:
                    return False, f"{entry[0]}, {sname}: |Stab({z})| |G {z}| = {stab} * {orb} != |G| = {order}"
                done += 1
    return True, f"{done} points"


def _orbit_stabiliser() -> LemmaCheck:
    ok, why = check_orbit_stabiliser()
    if not ok:
        return LemmaCheck(False, why)
    # the side condition matters: Z_3 -> permutations of 3 points, e -> id, a -> (0 1), a^2 -> (0 1)
    # is not a homomorphism (not an action), and |Stab(0)| |orbit of 0| = 1 * 2 != 3
    bad = ("not an action", [(0, 1, 2), (1, 0, 2), (1, 0, 2)], [(0,)] * 3, [], [])
    if check_orbit_stabiliser([bad])[0]:
        return LemmaCheck(False, "orbit-stabiliser was 'shown' for a map that is not an action")
    return LemmaCheck(True, "general (the textbook argument, not machine-checked): g Stab(z) -> g.z is a "
                            "well-defined bijection from the cosets of Stab(z) onto the orbit G z, by the "
                            "action axioms, and the cosets partition G into |G z| classes of size |Stab(z)|; "
                            f"recomputed exactly on {len(_catalogue())} actions (X, Y and Y x X, every point: "
                            f"{why}, every element enumerated); a map that is not an action breaks it")


def check_orbit_counting(catalogue=None) -> tuple[bool, str]:
    done = 0
    for entry in catalogue or _catalogue():
        order = len(entry[1])
        for sname, points, act in _sets(entry):
            _, orbits = _orbits(points, act, order)
            total = sum(Fraction(1, len({act(g, z) for g in range(order)})) for z in points)
            if total != len(orbits):
                return False, f"{entry[0]}, {sname}: sum 1/|Gz| = {total}, {len(orbits)} orbits"
            done += 1
    return True, f"{done} G-sets"


def _orbit_counting() -> LemmaCheck:
    ok, why = check_orbit_counting()
    if not ok:
        return LemmaCheck(False, why)
    return LemmaCheck(True, "general (the written argument): the orbits partition the set (the action axioms "
                            "make 'z' = g.z for some g' an equivalence), so sum_z 1/|Gz| = sum_O sum_{z in O} "
                            "1/|O| = sum_O 1; recomputed in exact rationals on "
                            f"{len(_catalogue())} actions ({why}: X, Y and Y x X)")


def _rank_q(rows: list, ncols: int) -> int:
    """The exact rank over Q of an integer matrix given by its rows (dicts column -> value)."""
    from sympy import QQ
    from sympy.polys.matrices import DomainMatrix
    if not rows:
        return 0
    dense = [[QQ(r.get(c, 0)) for c in range(ncols)] for r in rows]
    return DomainMatrix(dense, (len(dense), ncols), QQ).rank()


def check_invariant_functions_dim(catalogue=None) -> tuple[bool, str]:
    done = 0
    for entry in catalogue or _catalogue():
        order = len(entry[1])
        for sname, points, act in _sets(entry):
            index = {z: q for q, z in enumerate(points)}
            rows = []
            for g in range(order):
                for z in points:
                    w = act(g, z)
                    if w != z:
                        rows.append({index[w]: 1, index[z]: -1})     # W(g.z) - W(z) = 0
            dim = len(points) - _rank_q(rows, len(points))
            label, orbits = _orbits(points, act, order)
            if dim != len(orbits):
                return False, f"{entry[0]}, {sname}: the invariant W form a space of dimension {dim}, " \
                              f"{len(orbits)} orbits"
            # every orbit indicator solves the equations (and they have disjoint supports)
            for orb in orbits:
                if any((w in orb) != (z in orb) for g in range(order) for z in points for w in [act(g, z)]):
                    return False, f"{entry[0]}, {sname}: an orbit indicator is not invariant"
            done += 1
    return True, f"{done} G-sets"


def _invariant_functions_dim() -> LemmaCheck:
    ok, why = check_invariant_functions_dim()
    if not ok:
        return LemmaCheck(False, why)
    return LemmaCheck(True, "general (the written argument): W(g.z) = W(z) for all g, z says W is constant on "
                            "each orbit, so W = sum_O W(O) 1_O; the indicators 1_O are invariant and have "
                            "disjoint supports, so they are independent: a basis, one per orbit; recomputed "
                            f"exactly on {len(_catalogue())} actions ({why}: X, Y and Y x X): the rank over Q "
                            "of the equations W(g.z) - W(z) = 0 for every element g gives the dimension, equal "
                            "to the number of orbits, and every orbit indicator solves them")
