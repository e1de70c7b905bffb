"""Beyond translations: equivariance to a finite group G acting by permutations. The equivariant
linear maps are the combinations of the orbital matrices (the orbits of G on pairs of indices),
as many as Burnside's count; for the regular action they are the group convolutions, which
compose but need not commute; for D_n on Z_n the symmetric circulants, for p4 the convolutions
with rotation-invariant kernels, for S_n the DeepSets layers. Group convolution is proved for every
finite group G by a derivation with G symbolic (its elements labelled by Z_n, the group law
used only through its axioms); so are the orbit basis and Burnside's count, for every finite group
acting on finite sets X, Y (points typed by their set, the action used only through its axioms,
orbit-stabiliser and the orbit count as named lemmas), also checked exactly against the exact
nullspace on the named actions; the rest is exact, for every n of a stated range (verified)."""

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.action_rules import (ActionReindex, ActionSift, CountOrbits, EquivalentConstraints,
                                        InvariantFunctionsDim, OrbitStabiliser, RegroupFiniteSums)
from symconv.engine.group_rules import GroupArithmetic, GroupSift, LeftInvariantKernel
from symconv.engine.rules import PullOut, ProductOfSums, Unfold
from symconv.engine.statement import Statement
from symconv.objects.group_actions import Act, Card, NumOrbits, OrbitSize, Point, PtEq, SolDim, xsum
from symconv.objects.group_elements import GId, GInv, GMul
from symconv.objects.groups import dihedral_action, p4_action, regular_action, symmetric_action
from symconv.objects.indexed import Iverson, S, W, c, entry_function, i, j, l, n, omega, poly_function, zsum
from symconv.objects.orbit_basis import equivariant_basis
from symconv.verify import group_fourier as GF
from symconv.verify import groups as V

ORDER = 130  # position in reports and in the LaTeX document


def _permutation_columns(P):
    """For a float matrix that is a permutation matrix (0/1, one 1 in every row and column): z with
    P[z[j], j] = 1 for every column j; None for any other matrix."""
    P = np.asarray(P)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or not np.isin(P, (0.0, 1.0)).all() \
            or not (P.sum(axis=0) == 1).all() or not (P.sum(axis=1) == 1).all():
        return None
    return P.argmax(axis=0)


def _mp_products(Wm, P):
    """(Wm P, P Wm) in mpmath.  For a permutation matrix P each entry of mpmath's product is one term
    W[i, k] * 1 among exact zeros (mpf products are exact, the sum is rounded once), i.e. the entry
    W[i, z(j)] (resp. W[z^-1(i), j]) itself: gathered directly, the same values without the N^3
    multiplications.  Any other P: mpmath's matrix products."""
    z = _permutation_columns(P)
    if z is None or Wm.rows != len(z) or Wm.cols != len(z):
        Pm = sc.mp_matrix(P)
        return Wm * Pm, Pm * Wm
    N = len(z)
    zinv = np.empty(N, dtype=np.int64)
    zinv[z] = np.arange(N)                         # P[i, zinv[i]] = 1: row i of P W is row zinv[i] of W
    right, left = mpmath.matrix(Wm.rows, N), mpmath.matrix(N, Wm.cols)
    for i in range(Wm.rows):
        for j in range(N):
            right[i, j] = +Wm[i, int(z[j])]        # unary plus: rounded to the working precision, as fdot does
    for i in range(N):
        for j in range(Wm.cols):
            left[i, j] = +Wm[int(zinv[i]), j]
    return right, left


def _commutator_error(Wf, gens, dps, Wm=None):
    """max_k |W P_k - P_k W| in float64 and in mpmath (W and the P_k given as float arrays; ``Wm``, W
    computed in mpmath, when its float64 entries carry rounding errors)."""
    err = max(float(np.abs(Wf @ P - P @ Wf).max()) for P in gens)
    with mpmath.workdps(dps):
        Wm = sc.mp_matrix(Wf) if Wm is None else Wm
        errm = 0.0
        for P in gens:
            right, left = _mp_products(Wm, P)
            errm = max(errm, float(sc.mp_max_abs(right - left)))
    return err, errm


# ---------------------------------------------------------------- b. the orbit basis (proved for every action)

# G is any finite group (elements labelled by Z_n, n = |G|), acting on finite sets X and Y (the G-sets of
# symconv.objects.group_actions): points x, y carry their set, g . x = Act(g, x) uses only the action
# axioms, a sum over X runs through all |X| points.  P_X(g) is the permutation matrix of g on X,
# P_X(g)[x', x] = [x' = g . x], so (P_X(g) f)(x') = f(g^-1 . x').
_SX, _SY = sp.symbols("X Y")
_px, _px1 = Point("x", _SX), Point("x'", _SX)
_py, _py1 = Point("y", _SY), Point("y'", _SY)
_gb = sp.Symbol("g", integer=True)
Wo = entry_function("Wo", "W")
PX = entry_function("PX", r"P_X(#1)_{#2,#3}")
PY = entry_function("PY", r"P_Y(#1)_{#2,#3}")
_PERM = {"PX": sp.Lambda((_gb, _px1, _px), PtEq(_px1, Act(_gb, _px))),
         "PY": sp.Lambda((_gb, _py, _py1), PtEq(_py, Act(_gb, _py1)))}

#: (W P_X(g))[y, x] = (P_Y(g) W)[y, x] for all g, x, y  <=>  W[g.y, g.x] = W[y, x] for all g, x, y
COMMUTES = sp.Eq(xsum(Wo(_py, _px1) * PX(_gb, _px1, _px), _px1), xsum(PY(_gb, _py, _py1) * Wo(_py1, _px), _py1), evaluate=False)
ORBITAL = sp.Eq(Wo(Act(_gb, _py), Act(_gb, _px)), Wo(_py, _px), evaluate=False)
_FIX = zsum(xsum(PtEq(Act(_gb, _py), _py), _py) * xsum(PtEq(Act(_gb, _px), _px), _px), _gb)   # sum_g fix_Y(g) fix_X(g)
ROWS = sp.Eq(Wo(Act(_gb, _py), _px), Wo(_py, _px), evaluate=False)      # the false commutation condition
_FIX_X = zsum(xsum(PtEq(Act(_gb, _px), _px), _px), _gb)                      # sum_g fix_X(g): no square
#: the equivalence, and what it gives the solution spaces (evaluated concretely: both dimensions computed)
FORMAL_ORBITALS = (Statement.equivalence(COMMUTES, ORBITAL, definitions=_PERM,
                                         text="G any finite group acting on finite sets X, Y"),
                   Statement.identity(SolDim(COMMUTES, Wo(_py, _px)), SolDim(ORBITAL, Wo(_py, _px)),
                                      definitions=_PERM, text="the same solutions, so the same dimension"))
FORMAL_BURNSIDE = (
    Statement.identity(SolDim(COMMUTES, Wo(_py, _px)), NumOrbits(_SY, _SX), definitions=_PERM,
                       text="G any finite group acting on finite sets X, Y"),
    Statement.identity(NumOrbits(_SY, _SX), _FIX / n, text="Burnside's count on Y x X"))


def _derive_orbitals():
    d = _derive_commuting()
    same = (sc.Derivation(SolDim(COMMUTES, Wo(_py, _px)), goal=SolDim(ORBITAL, Wo(_py, _px)),
                          title=r"the solution spaces")
            .step(SolDim(ORBITAL, Wo(_py, _px)), EquivalentConstraints(d)))
    return [d, same]


def _derive_commuting():
    return (sc.Derivation(
        COMMUTES, title=r"$(W P_X(g))_{y,x} = (P_Y(g) W)_{y,x}$ for all $g \in G$, $x \in X$, $y \in Y$",
        goal=ORBITAL,
        conclusion=r"every step is an equivalence: $W$ commutes with the action exactly when it is constant on "
                   r"the orbits of $G$ on $Y \times X$ (the orbitals), for every finite group and every action")
        .step(sp.Eq(xsum(Wo(_py, _px1) * PtEq(_px1, Act(_gb, _px)), _px1), xsum(PtEq(_py, Act(_gb, _py1)) * Wo(_py1, _px), _py1),
                    evaluate=False), Unfold("PX", "PY", definitions=_PERM))
        .step(sp.Eq(Wo(_py, Act(_gb, _px)), xsum(PtEq(_py, Act(_gb, _py1)) * Wo(_py1, _px), _py1), evaluate=False),
              ActionSift(_px1))
        .step(sp.Eq(Wo(_py, Act(_gb, _px)), Wo(Act(GInv(_gb), _py), _px), evaluate=False), ActionSift(_py1))
        .step(ORBITAL, ActionReindex(_py, Act(_gb, _py)),
              note=r"then $g^{-1} \cdot (g \cdot y) = y$"))


def _derive_burnside():
    sy, sx = (_py, 0, Card(_SY) - 1), (_px, 0, Card(_SX) - 1)
    brackets = PtEq(Act(_gb, _py), _py) * PtEq(Act(_gb, _px), _px)
    dim = (sc.Derivation(SolDim(COMMUTES, Wo(_py, _px)), goal=NumOrbits(_SY, _SX),
                         title=r"$\dim \mathrm{Hom}_G(\mathbb{R}^X, \mathbb{R}^Y)$",
                         conclusion=r"the orbital matrices $\mathbf{1}_O$, $O \in G\backslash(Y \times X)$, are a "
                                    r"basis of the commuting maps")
           .step(SolDim(ORBITAL, Wo(_py, _px)), EquivalentConstraints(
               _derive_commuting(), text=r"the two conditions are equivalent for every $W$ (the previous theorem's "
                                         r"derivation, re-checked in this step): the same solutions"))
           .step(NumOrbits(_SY, _SX), InvariantFunctionsDim()))
    count = (sc.Derivation(_FIX / n, goal=NumOrbits(_SY, _SX),
                           title=r"Burnside: $\tfrac{1}{\lvert G\rvert}\sum_{g} \mathrm{fix}_Y(g)\,\mathrm{fix}_X(g)$",
                           conclusion=r"$\dim \mathrm{Hom}_G(\mathbb{R}^X, \mathbb{R}^Y) = \lvert G\backslash(Y\times X)"
                                      r"\rvert = \tfrac{1}{\lvert G\rvert}\sum_{g} \mathrm{fix}_Y(g)\,\mathrm{fix}_X(g)$, "
                                      r"and $\mathrm{fix}_{Y \times X}(g) = \mathrm{fix}_Y(g)\,\mathrm{fix}_X(g)$ "
                                      r"(the product of the two sums, step 1)")
             .step(zsum(sp.Sum(brackets, sy, sx), _gb) / n, ProductOfSums())
             .step(sp.Sum(zsum(brackets, _gb), sx, sy) / n, RegroupFiniteSums())
             .step(sp.Sum(n / OrbitSize(_px, _py), sx, sy) / n, OrbitStabiliser())
             .step(sp.Sum(n * sp.Sum(1 / OrbitSize(_px, _py), sx), sy) / n, PullOut(_px))
             .step(sp.Sum(1 / OrbitSize(_px, _py), sx, sy), PullOut(_py))
             .step(NumOrbits(_SY, _SX), CountOrbits()))
    return [dim, count]


def _numeric_orbits(n_, rng, dps):
    A = p4_action(n_) if n_ <= 4 else dihedral_action(n_)
    B = equivariant_basis(A)
    Wf = B.combine(rng.standard_normal(B.dim)).astype(float)
    return _commutator_error(Wf, [A.matrix(k).astype(float) for k in range(len(A.generators))], dps)


equivariant_iff_constant_on_orbitals = sc.Theorem(
    "equivariant_iff_constant_on_orbitals",
    "For every finite group G acting on finite sets X and Y, a linear map W: R^X -> R^Y commutes with the "
    "action (W P_X(g) = P_Y(g) W for all g) exactly when W[g.y, g.x] = W[y, x] for all g, x, y: W is constant "
    "on the orbits of G on Y x X (the orbitals); also checked exactly on the named actions at size n.",
    claims="proved",
    latex=r"W P_X(g) = P_Y(g) W\ \forall g \iff W_{g \cdot y,\, g \cdot x} = W_{y,x}\ \forall g, x, y",
    derivation=_derive_orbitals,
    exact=V.orbit_basis_spans_commutant, n_range=(1, 3), formal=FORMAL_ORBITALS,
    numeric=_numeric_orbits, numeric_sizes=(2, 3),
    false_variants=[sc.FalseVariant(
        "equivariant_iff_rows_invariant", "W commutes with the action exactly when W[g.y, x] = W[y, x] for all "
        "g, x, y (the output index moved alone).", exact=V.commuting_iff_rows_invariant, n_range=(1, 4),
        formal=Statement.identity(SolDim(COMMUTES, Wo(_py, _px)), SolDim(ROWS, Wo(_py, _px)), definitions=_PERM))],
)


orbital_basis_dim_eq_burnside = sc.Theorem(
    "orbital_basis_dim_eq_burnside",
    "For every finite group G acting on finite sets X and Y, the equivariant linear maps R^X -> R^Y have the "
    "orbital matrices (the indicators of the orbits of G on Y x X) as a basis, so their dimension is the "
    "number of orbitals, Burnside's count (1/|G|) sum_g fix_Y(g) fix_X(g); also checked exactly, against "
    "the exact nullspace, on the named actions at size n.",
    claims="proved",
    latex=r"\dim \mathrm{Hom}_G(\mathbb{R}^X, \mathbb{R}^Y) = \lvert G\backslash(Y\times X)\rvert"
          r" = \tfrac{1}{\lvert G\rvert}\sum_{g \in G} \mathrm{fix}_Y(g)\, \mathrm{fix}_X(g)",
    derivation=_derive_burnside,
    exact=V.orbit_basis_spans_commutant, n_range=(1, 6), formal=FORMAL_BURNSIDE,
    numeric=_numeric_orbits, numeric_sizes=(2, 3, 4, 8),
    false_variants=[sc.FalseVariant(
        "commutant_dim_eq_orbits_on_X", "The dimension is the number of orbits of G on X, "
        "(1/|G|) sum_g fix_X(g) (Burnside's count without the square).",
        exact=lambda n_: V.orbit_basis_spans_commutant(n_, false_count=True),
        formal=Statement.identity(SolDim(COMMUTES, Wo(_py, _px)), _FIX_X / n, definitions=_PERM))],
)


# ---------------------------------------------------------------- a. group convolution (proved for every G)

# G is any finite group, its elements labelled by Z_n (n = |G|, identity e labelled 0), with the
# product GMul, the inverse GInv and e = GId() (symconv.objects.group_elements); a function on G is
# an entry on Z_n, a sum over G is zsum.  L_a is the left translation, (L_a f)(x) = f(a^-1 x), as a
# matrix (L_a)[x, y] = [x = a y].
_ga, _gx, _gy, _gz, _gu, _gh = sp.symbols("a x y z u h", integer=True)
psi = entry_function("psi", r"\psi")
Lg = entry_function("Lg", r"(L_{#1})_{#2,#3}")
Rg = entry_function("Rg", r"(R_{#1})_{#2,#3}")
Wl = entry_function("Wl", r"W^{\psi}_{#1,#2}")
Wr = entry_function("Wr", r"W^{\psi,\mathrm{right}}_{#1,#2}")
_REG = {"Lg": sp.Lambda((_ga, _gx, _gy), Iverson(_gx, GMul(_ga, _gy))),
        "Rg": sp.Lambda((_ga, _gx, _gy), Iverson(GMul(_gx, _ga), _gy)),
        "Wl": sp.Lambda((_gx, _gy), psi(GMul(GInv(_gy), _gx))),
        "Wr": sp.Lambda((_gx, _gy), psi(GMul(_gx, GInv(_gy))))}


def _reg(*names):
    """The definitions of _REG that a statement uses."""
    return {nm: _REG[nm] for nm in names}


def _commutes_reg(A, P):
    """(A P_a)[x, y] and (P_a A)[x, y], the entries of the two products (P_a = Lg or Rg)."""
    return zsum(A(_gx, _gz) * P(_ga, _gz, _gy), _gz), zsum(P(_ga, _gx, _gz) * A(_gz, _gy), _gz)


#: for every finite group G: W L_a = L_a W for all a  <=>  W[x, y] = psi(y^-1 x) with psi = W(., e) = W delta_e
FORMAL_REGULAR = (
    Statement.equivalence(sp.Eq(*_commutes_reg(W, Lg), evaluate=False),
                          sp.Eq(W(_gx, _gy), W(GMul(GInv(_gy), _gx), GId()), evaluate=False),
                          text="G any finite group (elements labelled by Z_n, n = |G|)", definitions=_reg("Lg")),
    Statement.identity(zsum(W(_gu, _gh) * Iverson(_gh, GId()), _gh), W(_gu, GId()),
                       text="psi(u) = W(u, e) is W applied to the indicator of e"),
    # the converse, written out: the convolution W^psi[x, y] = psi(y^-1 x) commutes with every L_a
    Statement.identity(*_commutes_reg(Wl, Lg), text="G any finite group", definitions=_reg("Lg", "Wl")))


def _derive_regular():
    (E1, E3), delta = (FORMAL_REGULAR[0].lhs, FORMAL_REGULAR[0].rhs), FORMAL_REGULAR[1]
    d = (sc.Derivation(E1, title=r"$(W L_a)_{xy} = (L_a W)_{xy}$ for all $a, x, y \in G$", goal=E3,
                       conclusion=r"$W_{xy} = \psi(y^{-1}x)$ with $\psi = W(\cdot, e) = W\delta_e$, i.e. "
                                  r"$(Wf)(x) = \sum_{h} \psi(h^{-1}x) f(h)$; every step is an equivalence, "
                                  r"so both directions hold, for every finite group $G$")
         .step(sp.Eq(zsum(W(_gx, _gz) * Iverson(_gz, GMul(_ga, _gy)), _gz),
                     zsum(Iverson(_gx, GMul(_ga, _gz)) * W(_gz, _gy), _gz), evaluate=False),
               Unfold("Lg", definitions=_reg("Lg")))
         .step(sp.Eq(W(_gx, GMul(_ga, _gy)), W(GMul(GInv(_ga), _gx), _gy), evaluate=False), GroupSift(_gz))
         .step(E3, LeftInvariantKernel()))
    psi_e = (sc.Derivation(delta.lhs, title=r"$(W\delta_e)(u)$", goal=delta.rhs,
                           conclusion=r"so $\psi(u) = W_{u,e} = (W\delta_e)(u)$")
             .step(delta.rhs, GroupSift(_gh)))
    conv_l, conv_r = FORMAL_REGULAR[2].lhs, FORMAL_REGULAR[2].rhs
    meet = psi(GMul(GInv(_gy), GMul(GInv(_ga), _gx)))
    wl = (sc.Derivation(conv_l, title=r"$(W^\psi L_a)_{xy}$", goal=meet)
          .step(zsum(psi(GMul(GInv(_gz), _gx)) * Iverson(_gz, GMul(_ga, _gy)), _gz),
                Unfold("Wl", "Lg", definitions=_reg("Wl", "Lg")))
          .step(psi(GMul(GInv(GMul(_ga, _gy)), _gx)), GroupSift(_gz))
          .step(meet, GroupArithmetic(r"$(ay)^{-1} = y^{-1}a^{-1}$, associativity")))
    lw = (sc.Derivation(conv_r, title=r"$(L_a W^\psi)_{xy}$", goal=meet,
                        conclusion=r"both entries are $\psi(y^{-1}a^{-1}x)$: $W^\psi L_a = L_a W^\psi$")
          .step(zsum(Iverson(_gx, GMul(_ga, _gz)) * psi(GMul(GInv(_gy), _gz)), _gz),
                Unfold("Lg", "Wl", definitions=_reg("Lg", "Wl")))
          .step(meet, GroupSift(_gz)))
    return [d, psi_e, wl, lw]


def _numeric_regular(n_, rng, dps):
    R = regular_action(dihedral_action(n_))
    B = equivariant_basis(R)
    Wf = B.combine(rng.standard_normal(B.dim)).astype(float)
    return _commutator_error(Wf, [R.matrix(k).astype(float) for k in range(len(R.generators))], dps)


regular_equivariant_iff_group_convolution = sc.Theorem(
    "regular_equivariant_iff_group_convolution",
    "For every finite group G, a linear map of functions on G commutes with every left translation "
    "(L_a f)(x) = f(a^-1 x) exactly when it is a group convolution (W f)(x) = sum_h psi(h^-1 x) f(h), "
    "psi(x) = W(x, e), the image of the indicator of e (for G = Z_n: W S = S W iff W is circulant); "
    "also checked exactly for Z_n, D_n, Z_n x Z_n, S_n and p4 at size n.",
    claims="proved",
    latex=r"W L_a = L_a W\ \forall a \in G \iff W_{xy} = \psi(y^{-1}x),\ \psi = W\delta_e,"
          r"\ \text{i.e. } (Wf)(x) = \sum_{h \in G} \psi(h^{-1}x)\, f(h)",
    derivation=_derive_regular,
    exact=V.regular_equivariant_iff_group_convolution, n_range=(1, 6), formal=FORMAL_REGULAR,
    numeric=_numeric_regular, numeric_sizes=(1, 2, 3, 5),
    false_variants=[
        sc.FalseVariant(
            "regular_equivariant_iff_right_kernel", "... exactly when W[g, h] = psi(g h^-1) (the kernel on the "
            "other side): such a W commutes with every L_a.",
            exact=lambda n_: V.regular_equivariant_iff_group_convolution(n_, right=True),
            formal=Statement.identity(*_commutes_reg(Wr, Lg), definitions=_reg("Lg", "Wr"))),
        sc.FalseVariant(
            "group_convolution_commutes_with_right_translations", "A group convolution W[x, y] = psi(y^-1 x) "
            "also commutes with every right translation (R_a f)(x) = f(x a).",
            formal=Statement.identity(*_commutes_reg(Wl, Rg), definitions=_reg("Rg", "Wl")))],
)


# ---------------------------------------------------------------- c. group convolutions compose

_g, _h = sp.Symbol("g"), sp.Symbol("h")
Wpsi = poly_function("Wpsi", r"(W_{\psi_1} W_{\psi_2})_{#1,#2}")
Wconv = poly_function("Wconv", r"(W_{\psi_2 * \psi_1})_{#1,#2}")
ca, cb = entry_function("ca", r"\psi_1"), entry_function("cb", r"\psi_2")
_t = sp.Symbol("t", integer=True)
#: the case G = Z_n, evaluated concretely: circ(psi1) circ(psi2) = circ(psi2 (*) psi1)
FORMAL_COMPOSE = (Statement.identity(zsum(ca(i - l) * cb(l - j), l), zsum(cb(_t) * ca(i - j - _t), _t),
                                     text="G = Z_n"),
                  Statement.identity(Wpsi(_g, _h), Wconv(_g, _h), text="G = Z_n, D_n (n <= 8), S_n (n <= 4)"))


def _dn_tables(n_):
    R = regular_action(dihedral_action(n_))
    return V._mult_tables(R.elements)


def _numeric_compose(n_, rng, dps):
    mult, inv = _dn_tables(n_)
    G = len(inv)
    p, q = rng.standard_normal(G), rng.standard_normal(G)
    conv = lambda a, b: np.array([sum(a[h] * b[mult[inv[h], g_]] for h in range(G)) for g_ in range(G)])
    W = lambda psi: psi[mult[inv[None, :], np.arange(G)[:, None]]]
    err = float(np.abs(W(p) @ W(q) - W(conv(q, p))).max())
    with mpmath.workdps(dps):
        pm, qm = [mpmath.mpf(v) for v in p], [mpmath.mpf(v) for v in q]
        cm = [mpmath.fsum(qm[h] * pm[mult[inv[h], g_]] for h in range(G)) for g_ in range(G)]
        Wm = lambda psi: mpmath.matrix([[psi[mult[inv[h], g_]] for h in range(G)] for g_ in range(G)])
        errm = float(sc.mp_max_abs(Wm(pm) * Wm(qm) - Wm(cm)))
    return err, errm


group_convolutions_compose = sc.Theorem(
    "group_convolutions_compose",
    "Group convolutions compose: W_psi1 W_psi2 = W_(psi2 * psi1), with (W_psi f)(g) = sum_h psi(h^-1 g) f(h) "
    "and (p * q)(g) = sum_h p(h) q(h^-1 g) (checked on every pair of basis kernels; both sides are bilinear).",
    claims="verified",
    latex=r"W_{\psi_1} W_{\psi_2} = W_{\psi_2 * \psi_1},\quad (p * q)(g) = \sum_{h \in G} p(h)\, q(h^{-1}g)",
    exact=V.group_convolutions_compose, n_range=(1, 8), formal=FORMAL_COMPOSE,
    numeric=_numeric_compose, numeric_sizes=(1, 2, 3, 4, 6),
    false_variants=[sc.FalseVariant(
        "group_convolutions_commute", "Group convolutions commute: W_psi1 W_psi2 = W_psi2 W_psi1 (for D_n).",
        exact=V.group_convolutions_commute, n_range=(1, 4))],
)


# ---------------------------------------------------------------- d. D_n: symmetric circulants

Cs = entry_function("Cs", r"\mathrm{circ}(c^{\mathrm{sym}})")
Cplain = entry_function("Cplain", r"\mathrm{circ}(c)")
Rf = entry_function("Rf", "R")
_DIH = {"Cs": sp.Lambda((i, j), c(i - j) + c(j - i)), "Cplain": sp.Lambda((i, j), c(i - j)),
        "Rf": sp.Lambda((i, j), Iverson(i, -j)), "S": sp.Lambda((i, j), Iverson(i, j + 1))}


def _commutes(A, P):
    return zsum(A(i, l) * P(l, j), l), zsum(P(i, l) * A(l, j), l)


#: a symmetric circulant (c_k + c_-k) commutes with the reflection R[i, j] = [i = -j] and with S (concretely);
#: the converse (every D_n-equivariant map is one) is the exact check's
FORMAL_DIHEDRAL = (Statement.identity(*_commutes(Cs, Rf), definitions=_DIH),
                   Statement.identity(*_commutes(Cs, S), definitions=_DIH))


def _numeric_dihedral(n_, rng, dps):
    cc = rng.standard_normal(n_)
    Wf = sc.objects.circulant_array(cc + np.roll(cc[::-1], 1))          # c_k + c_{-k}
    D = dihedral_action(n_)
    return _commutator_error(Wf, [D.matrix(k).astype(float) for k in range(2)], dps)


dihedral_equivariant_iff_symmetric_circulant = sc.Theorem(
    "dihedral_equivariant_iff_symmetric_circulant",
    "The D_n-equivariant linear maps of signals on Z_n are exactly the circular convolutions with symmetric "
    "kernels, c_k = c_-k: a space of dimension floor(n/2) + 1.",
    claims="verified",
    latex=r"W S = S W,\ W R = R W \iff W = \mathrm{circ}(c),\ c_k = c_{-k};\quad \dim = \lfloor n/2 \rfloor + 1",
    exact=V.dihedral_equivariant_iff_symmetric_circulant, n_range=(1, 16), formal=FORMAL_DIHEDRAL,
    numeric=_numeric_dihedral,
    false_variants=[sc.FalseVariant(
        "dihedral_equivariant_iff_circulant", "Every circular convolution is D_n-equivariant (dimension n).",
        exact=lambda n_: V.dihedral_equivariant_iff_symmetric_circulant(n_, all_circulants=True),
        formal=Statement.identity(*_commutes(Cplain, Rf), definitions=_DIH))],
)


# ---------------------------------------------------------------- e. p4: rotation-invariant kernels

_p, _q, _u, _v = sp.symbols("p q u v", integer=True)
_x0, _x1, _y0, _y1 = sp.symbols("x0 x1 y0 y1", integer=True)
hk = entry_function("hk", "h")
Wrot = entry_function("Wrot", r"(W_{\kappa})_{(#1,#2),(#3,#4)}")
Wfree = entry_function("Wfree", r"(W_{h})_{(#1,#2),(#3,#4)}")
Rot = entry_function("Rot", r"\rho_{(#1,#2),(#3,#4)}")
#: kappa = the rotation average of h, kappa(d0, d1) = h(d0, d1) + h(-d1, d0) + h(-d0, -d1) + h(d1, -d0);
#: the rotation (p, q) -> (-q, p): rho[(x0, x1), (p, q)] = [x0 = -q][x1 = p]
_ROT = {"Wrot": sp.Lambda((_x0, _x1, _y0, _y1), hk(_x0 - _y0, _x1 - _y1) + hk(_y1 - _x1, _x0 - _y0)
                          + hk(_y0 - _x0, _y1 - _x1) + hk(_x1 - _y1, _y0 - _x0)),
        "Wfree": sp.Lambda((_x0, _x1, _y0, _y1), hk(_x0 - _y0, _x1 - _y1)),
        "Rot": sp.Lambda((_x0, _x1, _y0, _y1), Iverson(_x0, -_y1) * Iverson(_x1, _y0))}


def _rot_commutes(Wx):
    return (zsum(zsum(Wx(_x0, _x1, _p, _q) * Rot(_p, _q, _y0, _y1), _q), _p),
            zsum(zsum(Rot(_x0, _x1, _p, _q) * Wx(_p, _q, _y0, _y1), _q), _p))


#: the convolution with a rotation-invariant kernel commutes with the rotation (concretely, on Z_n x Z_n)
FORMAL_P4 = Statement.identity(*_rot_commutes(Wrot), definitions=_ROT)


def _numeric_p4(n_, rng, dps):
    A = p4_action(n_)
    h = rng.standard_normal((n_, n_))
    def conv_matrix(hh, total):
        kap = {}                                     # kappa(d) = sum of h over the rotations of d
        for a in range(n_):
            for b in range(n_):
                terms, p_, q_ = [], a, b
                for _ in range(4):
                    terms.append(hh[p_][q_])
                    p_, q_ = (-q_) % n_, p_
                kap[a, b] = total(terms)
        return [[kap[(x0 - y0) % n_, (x1 - y1) % n_] for y0 in range(n_) for y1 in range(n_)]
                for x0 in range(n_) for x1 in range(n_)]
    Wf = np.array(conv_matrix(h, sum))
    with mpmath.workdps(dps):
        Wm = mpmath.matrix(conv_matrix([[mpmath.mpf(float(v)) for v in row] for row in h], mpmath.fsum))
    return _commutator_error(Wf, [A.matrix(k).astype(float) for k in range(3)], dps, Wm)


p4_equivariant_iff_rotation_invariant_kernel = sc.Theorem(
    "p4_equivariant_iff_rotation_invariant_kernel",
    "A linear map of n x n images (n >= 3, on the torus) commutes with translations and 90-degree rotations "
    "exactly when it is a 2-D circular convolution with a rotation-invariant kernel: a 3x3 kernel keeps 3 free "
    "parameters (5x5: 7); with reflections too (p4m) 3 (5x5: 6). A lifting layer (to functions on p4) is four "
    "rotated copies of one free kernel.",
    claims="verified",
    latex=r"W \text{ p4-equivariant} \iff W = W_\kappa,\ \kappa(-d_1, d_0) = \kappa(d_0, d_1);"
          r"\quad \text{lifting: } W_{(t,r),x} = \kappa(R^{-r}(x - t))",
    exact=lambda n_: sc.Holds.all(V.p4_equivariant_iff_rotation_invariant_kernel(n_),
                                  V.p4_equivariant_iff_rotation_invariant_kernel(n_, reflections=True),
                                  V.p4_lifting_is_rotated_copies(n_)),
    n_range=(3, 8), formal=FORMAL_P4,
    numeric=_numeric_p4, numeric_sizes=(3, 4, 5),
    false_variants=[sc.FalseVariant(
        "p4_kernel_3x3_free", "Translation and rotation equivariance leave a 3x3 kernel free (9 parameters).",
        exact=lambda n_: V.p4_equivariant_iff_rotation_invariant_kernel(n_, free_kernel=True),
        formal=Statement.identity(*_rot_commutes(Wfree), definitions=_ROT)),
        sc.FalseVariant("p4_lifting_one_kernel", "A lifting layer uses one kernel for all four rotations, "
                        "W[(t, r), x] = kappa(x - t).", exact=lambda n_: V.p4_lifting_is_rotated_copies(n_, one_copy=True))],
)


# ---------------------------------------------------------------- g. S_n: DeepSets

_a, _b = sp.symbols("a b")
Mds = entry_function("Mds", r"(aI + b\mathbf{1}\mathbf{1}^{\mathsf T})")
Mbad = entry_function("Mbad", r"(aI + b\,e_0\mathbf{1}^{\mathsf T})")
Tsw = entry_function("Tsw", r"\tau")
_SYM = {"Mds": sp.Lambda((i, j), _a * Iverson(i, j) + _b),
        "Mbad": sp.Lambda((i, j), _a * Iverson(i, j) + _b * Iverson(i, 0)),
        # the transposition (0 1) as a matrix
        "Tsw": sp.Lambda((i, j), Iverson(i, j) + Iverson(i, 0) * Iverson(j, 1) + Iverson(i, 1) * Iverson(j, 0)
                         - Iverson(i, 0) * Iverson(j, 0) - Iverson(i, 1) * Iverson(j, 1)),
        "S": sp.Lambda((i, j), Iverson(i, j + 1))}
dim_pairs = poly_function("dimpairs", r"\dim \mathrm{Hom}_{S_{#}}(\mathbb{R}^{# \times #}, \mathbb{R}^{# \times #})")

#: a I + b 1 1^T commutes with the two generators of S_n, the transposition (0 1) and the n-cycle S
#: (concretely); the dimensions (2, and 15 for n >= 4) are the exact check's
FORMAL_DEEPSETS = (Statement.identity(*_commutes(Mds, Tsw), definitions=_SYM),
                   Statement.identity(*_commutes(Mds, S), definitions=_SYM),
                   Statement.identity(dim_pairs(n), 15, text="n >= 4"))


def _numeric_deepsets(n_, rng, dps):
    a_, b_ = rng.standard_normal(2)
    Wf = a_ * np.eye(n_) + b_ * np.ones((n_, n_))
    A = symmetric_action(n_)
    perm = np.eye(n_)[rng.permutation(n_)]
    return _commutator_error(Wf, [A.matrix(k).astype(float) for k in range(2)] + [perm], dps)


symmetric_equivariant_eq_deepsets = sc.Theorem(
    "symmetric_equivariant_eq_deepsets",
    "The S_n-equivariant linear maps R^n -> R^n are exactly a I + b 1 1^T (dimension 2, n >= 2); "
    "R^(n x n) -> R^(n x n) has dimension 15 for n >= 4 (the partitions of 4 indices; 1, 8, 14 for n = 1, 2, 3).",
    claims="verified",
    latex=r"W P_\sigma = P_\sigma W\ \forall \sigma \iff W = aI + b\mathbf{1}\mathbf{1}^{\mathsf T};"
          r"\quad \dim \mathrm{Hom}_{S_n}(\mathbb{R}^{n \times n}, \mathbb{R}^{n \times n}) = 15\ (n \ge 4)",
    exact=V.symmetric_equivariant_dims, n_range=(1, 6), formal=FORMAL_DEEPSETS,
    numeric=_numeric_deepsets, numeric_sizes=(1, 2, 3, 5, 8),
    false_variants=[
        sc.FalseVariant("symmetric_pairs_dim_eq_two", "The S_n-equivariant maps R^(n x n) -> R^(n x n) have "
                        "dimension 2, as on R^n.", exact=lambda n_: V.symmetric_equivariant_dims(n_, pairs_dim=2),
                        n_range=(2, 6)),
        sc.FalseVariant("symmetric_equivariant_eq_scalar", "The S_n-equivariant maps R^n -> R^n are only the "
                        "multiples of the identity (dimension 1).",
                        exact=lambda n_: V.symmetric_equivariant_dims(n_, only_scalar=True)),
        sc.FalseVariant("symmetric_equivariant_first_row", "a I + b e_0 1^T (a map that treats element 0 apart) "
                        "is S_n-equivariant.", formal=Statement.identity(*_commutes(Mbad, Tsw), definitions=_SYM))],
)


# ---------------------------------------------------------------- f. the group Fourier transform

_k = sp.Symbol("k", integer=True)
psi = entry_function("psi", r"\psi")
#: G = Z_n, concretely: the character chi_k(l) = omega^(-l k) is an eigenvector of circ(psi), with eigenvalue
#: sum_t psi(t) chi_k(t)^-1 = sum_t psi(t) omega^(t k)
FORMAL_CHARACTERS = Statement.identity(zsum(psi(i - l) * omega ** (-l * _k), l),
                                       zsum(psi(_t) * omega ** (_t * _k), _t) * omega ** (-i * _k))


def _numeric_characters(n_, rng, dps):
    p = rng.standard_normal(n_)
    W = sc.objects.circulant_array(p)
    err, errm = 0.0, 0.0
    for k_ in range(n_):
        chi = np.exp(2j * np.pi * np.arange(n_) * k_ / n_)
        lam = np.sum(p * np.conj(chi))
        err = max(err, float(np.abs(W @ chi - lam * chi).max()))
        with mpmath.workdps(dps):
            chim = [mpmath.expjpi(mpmath.mpf(2 * l_ * k_) / n_) for l_ in range(n_)]
            pm = [mpmath.mpf(float(v)) for v in p]
            lamm = mpmath.fsum(pm[t_] * mpmath.conj(chim[t_]) for t_ in range(n_))
            for i_ in range(n_):
                lhs = mpmath.fsum(pm[(i_ - l_) % n_] * chim[l_] for l_ in range(n_))
                errm = max(errm, float(abs(lhs - lamm * chim[i_])))
    return err, errm


abelian_characters_diagonalise_convolution = sc.Theorem(
    "abelian_characters_diagonalise_convolution",
    "For an abelian group (Z_n, Z_m x Z_n) the characters diagonalise every group convolution: "
    "W_psi chi = (sum_k psi(k) chi(k)^-1) chi; for Z_m x Z_n that is the 2-D DFT.",
    claims="verified",
    latex=r"W_\psi \chi = \hat\psi(\chi)\,\chi,\quad \hat\psi(\chi) = \sum_{k \in G} \psi(k)\,\chi(k)^{-1}",
    exact=GF.abelian_characters_diagonalise, n_range=(1, 8), formal=FORMAL_CHARACTERS,
    numeric=_numeric_characters,
    false_variants=[sc.FalseVariant(
        "abelian_characters_eigenvalue_without_inverse", "... with eigenvalue sum_k psi(k) chi(k) (no inverse).",
        exact=lambda n_: GF.abelian_characters_diagonalise(n_, inverse=False),
        formal=Statement.identity(zsum(psi(i - l) * omega ** (-l * _k), l),
                                  zsum(psi(_t) * omega ** (-_t * _k), _t) * omega ** (-i * _k)))],
)


Tdn = poly_function("Tdn", r"T W_\psi T^{-1}")
blockdiag = poly_function("blockdiag", r"\bigoplus_{\rho \in \widehat{D_{#}}} I_{d_\rho} \otimes \hat\psi(\rho)^{\mathsf T}")
#: notation (not evaluated concretely): T W_psi T^-1 = the direct sum of the blocks psi^(rho)^T
FORMAL_DIHEDRAL_FOURIER = Statement.identity(Tdn(n), blockdiag(n), text="3 <= n <= 12")


def _numeric_dihedral_fourier(n_, rng, dps):
    R = regular_action(dihedral_action(n_))
    mult, inv = V._mult_tables(R.elements)
    G = R.degree
    els = [GF._dihedral_element(e, n_) for e in R.elements]
    reps = GF.dihedral_irreps(n_)
    rows = [(r, a, b) for r, (_, d, _) in enumerate(reps) for a in range(d) for b in range(d)]
    psi_ = rng.standard_normal(G)
    W = psi_[mult[inv[None, :], np.arange(G)[:, None]]]

    def T_entry(row, g, root):
        r, a, b = row
        perm, e = reps[r][2](*els[g])
        return root(e[a]) if perm[a] == b else 0

    def off_block(T, Tinv, Wm, absf):
        M = T @ Wm @ Tinv if not hasattr(T, "rows") else T * Wm * Tinv
        worst = 0.0
        for x, (r, a, _) in enumerate(rows):
            for y, (r2, a2, _) in enumerate(rows):
                if (r, a) != (r2, a2):
                    worst = max(worst, float(absf(M[x, y])))
        return worst
    T = np.array([[T_entry(row, g, lambda e: np.exp(2j * np.pi * e / (2 * n_))) for g in range(G)] for row in rows])
    err = off_block(T, np.linalg.inv(T), W, abs)
    with mpmath.workdps(dps):
        Tm = mpmath.matrix([[T_entry(row, g, lambda e: mpmath.expjpi(mpmath.mpf(e) / n_)) for g in range(G)]
                            for row in rows])
        errm = off_block(Tm, mpmath.inverse(Tm), sc.mp_matrix(W), abs)
    return err, errm


dihedral_irreps_block_diagonalise_convolution = sc.Theorem(
    "dihedral_irreps_block_diagonalise_convolution",
    "The irreducible representations of D_n (dimensions 1 and 2, entries roots of unity) block-diagonalise every "
    "D_n-convolution exactly: T W_psi T^-1 has blocks of size 1 and 2 (T the group Fourier transform).",
    claims="verified",
    latex=r"T W_\psi T^{-1} = \bigoplus_{\rho} I_{d_\rho} \otimes \hat\psi(\rho)^{\mathsf T},\quad "
          r"\hat\psi(\rho) = \sum_{g} \psi(g) \rho(g),\ d_\rho \in \{1, 2\}",
    exact=GF.dihedral_irreps_block_diagonalise, n_range=(3, 12), formal=FORMAL_DIHEDRAL_FOURIER,
    numeric=_numeric_dihedral_fourier, numeric_sizes=(3, 4, 5, 6),
    false_variants=[sc.FalseVariant(
        "dihedral_dft_diagonalises_convolution", "The DFT of size 2n diagonalises every D_n-convolution.",
        exact=GF.dihedral_dft_diagonalises)],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
