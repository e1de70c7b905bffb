r"""Concrete evaluation: both sides of a step, exactly, at small n and every index value.

This is the second of the three independent checks of DESIGN.md ("The trusted
path").  It shares no code with the rules: it imports only SymPy, the standard
library and the notation of :mod:`symconv.objects.indexed`.

:func:`concrete_compare` evaluates two SymPy expressions of the indexed
notation at n = 1, ..., 6 and at concrete values of their free indices, with
random exact data for every undefined object, in the cyclotomic field
Q(zeta_L), L = lcm(n, 4), and compares the two exact values.

* ``"differ"`` is a refutation: at the witness point (n, index values, the
  data drawn from ``seed``) the two exact values are different, decided by
  reduction modulo the cyclotomic polynomial Phi_L.
* ``"agree"`` means equal at every point compared: evidence, not a proof.
* ``"unevaluable"`` means some point could not be evaluated exactly (an
  integral, pi, a non-integer index or exponent, an infinite sum whose
  support is not evidently finite, ...).  It is never a guess.

>>> import sympy as sp
>>> from symconv.objects.indexed import Iverson, S, W, i, j, k, l, n, omega, x, zsum
>>> concrete_compare(zsum(S(i, l) * W(l, j), l), W(i - 1, j)).status     # (SW)_ij = W_{i-1,j}
'agree'
>>> bad = concrete_compare(zsum(S(i, l) * W(l, j), l), W(i + 1, j))
>>> bad.status, bad.differ
('differ', True)
>>> print(bad.detail)     # doctest: +ELLIPSIS
n = 3, i = 0, j = 0 (data seed 0, trial 0): first = ..., second = ...
>>> concrete_compare(zsum(omega ** ((j - k) * l), l), n * Iverson(j, k)).detail
'equal at 78 points (n in 1..6)'
>>> r = sp.Symbol("r", real=True)     # a real scalar takes non-integer values: omega^(n r) != 1
>>> concrete_compare(omega ** (n * r), 1).status
'differ'
>>> concrete_compare(zsum(Iverson(j, n / 2) * x(j), j), x(n / 2)).ill_typed     # [j = n/2] at odd n
True

Evaluation model
----------------
* ``n`` takes each value N of ``n_values`` (values < 1 are skipped).
* Every other free symbol with ``is_integer`` True is an index.  It ranges
  over ``range(0, N)``, or over ``range(-2, N)`` when it occurs in an argument
  of a sequence on Z (so that both sides of the support [-2, 2] are reached);
  values that contradict the symbol's assumptions (positive, even, ...) are
  skipped.  ``xi`` (x in Q[x]/(x^n - 1)) is enumerated as zeta_N^r for r in
  range(N): an identity holds in that ring iff it holds at every N-th root of
  unity.  When there are more than ``max_points`` assignments, ``max_points``
  of them are drawn with ``random.Random(seed)``.
* Undefined entry functions on Z_n (``_symconv_cyclic`` True) take a random
  non-zero Gaussian integer p + q i (|p|, |q| <= 5) at each argument tuple
  reduced mod N (integers keep the arithmetic fast; rationals enter through
  1/n, x and inverses);
  sequences on Z (``_symconv_cyclic`` False) take one on [-2, 2] (in every
  argument) and 0 outside.  The data are a function of (seed, N, trial,
  name, arguments), fresh for each N and trial.  ``X`` (the plain polynomial
  variable x) is a random rational, not 0 or +-1, per point.
* Named objects with a definition -- the conventions' ``ENTRY`` table (S, C,
  F, F^*, conv), overridden or extended by ``definitions`` (a mapping from
  a name to a ``sp.Lambda``, e.g. a script's ``definitions=`` of Unfold) --
  are evaluated through their definition, lexically scoped: the free
  symbols of a definition's body are the statement's, never a bound
  variable at the call site.
* Group elements (:mod:`symconv.objects.group_elements`: ``GMul``, ``GInv``, ``GId``) are labels
  mod N.  When the expressions or the definitions use them, every point is evaluated in each
  concrete group of order N of a small catalogue built here (Z_N; the Klein group at N = 4; the
  dihedral group D_{N/2}, not abelian, at even N >= 6), with its non-identity labels permuted
  (seeded) so that the group law is not the addition of labels; the identity is the label 0.
  Their arguments must be integers (else ill-typed).
* Points of G-sets (:mod:`symconv.objects.group_actions`: ``Point``, ``Act``, ``PtEq``, orbit sizes,
  orbit counts, ``SolDim``) are evaluated by :mod:`symconv.engine.concrete_actions`, in concrete
  groups acting on concrete sets, under the same rules (exact, ``unevaluable`` rather than a guess).
* ``Iverson(p, q)`` is [p = q mod N] for integers p, q;
  ``KroneckerDelta(p, q)`` is [p = q].  ``omega`` is exp(-2 pi i/N), ``I``
  is i; ``exp``, ``cos`` and ``sin`` of 2 pi i q (resp. 2 pi q) with q
  rational are roots of unity when their order divides L.  ``conjugate``,
  ``re``, ``im``, ``Abs`` (of rationals, and ``Abs(e)**(2k)``), ``floor``,
  ``ceiling``, ``Mod``, ``Min``, ``Max`` of rationals, and integer powers of
  any value (a negative power of 0 is unevaluable) are exact.
* A factor that evaluates to 0 (an Iverson bracket, a delta, a sequence
  outside its support) is a strong zero, as in Iverson's convention: the
  other factors of the product are not evaluated.
* ``Sum(body, (v, lo, hi))`` with integer limits is a loop (hi = lo - 1 is
  empty; hi < lo - 1, where SymPy's Karr convention applies, is
  unevaluable).  Several limits are an iterated sum, the first limit
  innermost.  An infinite limit needs a finite support, found from the
  structure: in a product some factor must bound v (a sequence on Z whose
  argument is c v + rest, c a non-zero integer; a KroneckerDelta linear in
  v; an inner sum whose terms do), in a sum every term must.  Otherwise the
  point is unevaluable: an infinite sum is never truncated.  ``Product`` is
  supported with finite limits.
* Anything else -- pi, E, floats, sqrt, other functions, undefined
  functions without the ``_symconv_cyclic`` mark or made by ``poly_function``
  (sizes, degrees, polynomials of kernels: notation, not data), free symbols that are not
  integers (other than ``omega``, ``xi``, ``x``), non-commutative symbols,
  integrals, relations and booleans -- is unevaluable.

Exact values are dicts {k mod L: Fraction} meaning sum c_k zeta_L^k, with
zeta_L = exp(2 pi i/L); i = zeta_L^(L/4) and omega = zeta_L^(-L/N).  Two
values are equal iff their difference reduces to 0 modulo Phi_L.
"""

from __future__ import annotations

import cmath
import hashlib
import math
from dataclasses import dataclass
from fractions import Fraction
from random import Random
from typing import Any, Callable, Iterable, Mapping

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational
from sympy.logic.boolalg import Boolean

from symconv.engine._memo import definitions_key, remembered
from symconv.objects.expr_facts import atoms_of, free_symbols
from symconv.objects.group_elements import GId, GInv, GMul
from symconv.objects.indexed import ENTRY, Iverson, X, n as N_SYM, omega as OMEGA, xi as XI

__all__ = ["ConcreteOutcome", "concrete_compare", "SUPPORT_RADIUS"]

#: sequences on Z are random on [-SUPPORT_RADIUS, SUPPORT_RADIUS] and 0 outside
SUPPORT_RADIUS = 2
#: the range of an index that appears as an argument of a sequence on Z starts here
_Z_INDEX_START = -2


@dataclass(frozen=True)
class ConcreteOutcome:
    """The result of :func:`concrete_compare`.

    ``status`` is ``"agree"``, ``"differ"`` or ``"unevaluable"``; ``detail`` is
    the witness of a difference (n, index values, both exact values) or the
    reason a point was unevaluable; ``points`` counts the (n, assignment,
    trial) points at which both sides were evaluated and compared.
    """

    status: str
    detail: str
    points: int
    #: the expressions are ill-typed at some point (an index of an entry on Z_n, an Iverson bracket's
    #: argument or an exponent of omega or xi that is not an integer, e.g. [j = n/2] at odd n): no
    #: value, and no statement about it holds
    ill_typed: bool = False
    #: the n of the witness when ``status == "differ"``
    n: int | None = None

    @property
    def differ(self) -> bool:
        """True iff the two expressions are certainly different (a refutation)."""
        return self.status == "differ"


class _Unevaluable(Exception):
    """Raised when an expression, or a point, cannot be evaluated exactly."""


class _IllTyped(_Unevaluable):
    """Raised where Z_n needs an integer (an entry's index, a bracket, an exponent of omega or xi)
    and the value is not one: the expression has no meaning at that point."""


# --------------------------------------------------------------------------- exact arithmetic in Q(zeta_L)

_PHI: dict[int, list[int]] = {}
_PHI_POLY: dict[int, sp.Poly] = {}
_z = sp.Symbol("z")


def _phi(L: int) -> list[int]:
    """Coefficients (constant first) of the cyclotomic polynomial Phi_L, cached."""
    c = _PHI.get(L)
    if c is None:
        P = sp.cyclotomic_poly(L, _z, polys=True)
        _PHI_POLY[L] = P
        c = _PHI[L] = [int(q) for q in reversed(P.all_coeffs())]
    return c


def _reduce(v: dict, L: int) -> list:
    """The coefficients of v modulo Phi_L, in the basis 1, zeta, ..., zeta^(phi(L)-1)."""
    phi = _phi(L)
    deg = len(phi) - 1
    c: list = [0] * L
    for k, q in v.items():
        c[k % L] += q
    for top in range(L - 1, deg - 1, -1):
        q = c[top]
        if q:
            base = top - deg
            for e, p in enumerate(phi):
                if p:
                    c[base + e] -= q * p
    return c[:deg]


def _as_cyc(v) -> dict:
    return v if isinstance(v, dict) else ({0: v} if v else {})


def _is_zero(v, L: int) -> bool:
    if not isinstance(v, dict):
        return v == 0
    return not any(_reduce(v, L))


def _sub(a, b) -> Any:
    if not isinstance(a, dict) and not isinstance(b, dict):
        return a - b
    out = dict(_as_cyc(a))
    for k, q in _as_cyc(b).items():
        out[k] = out.get(k, 0) - q
    return out


def _cmul(u: dict, v: dict, L: int) -> dict:
    if len(u) == 1:
        (ku, cu), = u.items()
        return {(ku + k) % L: cu * c for k, c in v.items()}
    if len(v) == 1:
        (kv, cv), = v.items()
        return {(kv + k) % L: cv * c for k, c in u.items()}
    out: dict = {}
    for ku, cu in u.items():
        for kv, cv in v.items():
            k = (ku + kv) % L
            out[k] = out.get(k, 0) + cu * cv
    return out


def _cconj(v: dict, L: int) -> dict:
    return {(-k) % L: c for k, c in v.items()}


def _cinv(v: dict, L: int) -> dict:
    """The inverse of a non-zero element of Q(zeta_L) (Phi_L is irreducible)."""
    red = _reduce(v, L)
    if not any(red):
        raise _Unevaluable("division by zero")
    _phi(L)
    P = sp.Poly(list(reversed([sp.Rational(Fraction(q).numerator, Fraction(q).denominator) for q in red])),
                _z, domain=sp.QQ)
    inv = sp.invert(P, _PHI_POLY[L])
    coeffs = list(reversed(sp.Poly(inv, _z, domain=sp.QQ).all_coeffs()))
    return {k: Fraction(int(q.p), int(q.q)) for k, q in enumerate(coeffs) if q}


def _cpow(v: dict, e: int, L: int) -> dict:
    if e == 0:
        return {0: 1}
    if len(v) == 1:
        (k, c), = v.items()
        if c == 0:
            if e < 0:
                raise _Unevaluable("a negative power of 0")
            return {}
        return {(k * e) % L: (c ** e if e > 0 else Fraction(c) ** e)}
    if e < 0:
        v, e = _cinv(v, L), -e
    if not v:
        return {}
    out: dict | None = None
    while e:
        if e & 1:
            out = v if out is None else _cmul(out, v, L)
        e >>= 1
        if e:
            v = _cmul(v, v, L)
    return out  # type: ignore[return-value]


def _as_int(x, what: str, typed: bool = False) -> int:
    """x as an int; ``typed``: the place needs an integer by the notation's typing (ill-typed otherwise)."""
    if type(x) is int:
        return x
    if isinstance(x, Fraction) and x.denominator == 1:
        return int(x)
    raise (_IllTyped if typed else _Unevaluable)(f"{what} {x} is not an integer")


def _int_range(lo, hi, what: str, v) -> range:
    """The values lo..hi of a finite sum's or product's variable (empty when hi = lo - 1); a range with
    hi < lo - 1, where SymPy's Karr convention would apply, is unevaluable."""
    a_, b_ = _as_int(lo, "a limit"), _as_int(hi, "a limit")
    if b_ < a_ - 1:
        raise _Unevaluable(f"a {what} over {v} from {a_} to {b_} (SymPy's Karr convention)")
    return range(a_, b_ + 1)


def _fmt(v, L: int) -> str:
    """An exact value as text: a rational, or sum c_k zeta^k with zeta = exp(2 pi i/L), and its approximation."""
    if not isinstance(v, dict):
        return str(v)
    red = _reduce(v, L)
    terms = []
    z = "I" if L == 4 else f"z{L}"
    for k, q in enumerate(red):
        if q:
            terms.append(str(q) if k == 0 else (f"{q}*{z}" if k == 1 else f"{q}*{z}^{k}"))
    if not terms:
        return "0"
    if (len(terms) == 1 and red[0]) or L == 4:
        return " + ".join(terms).replace("+ -", "- ")
    approx = sum(float(q) * cmath.exp(2j * math.pi * k / L) for k, q in enumerate(red))
    return " + ".join(terms).replace("+ -", "- ") + f" (z{L} = exp(2*pi*I/{L}); ~ {approx.real:.6g}{approx.imag:+.6g}j)"


# --------------------------------------------------------------------------- evaluation state and data

class _State:
    """Everything that changes between points: N, L, the data, the definitions' memo."""

    __slots__ = ("N", "L", "LN", "Lq", "seed", "trial", "data", "memo", "group")

    def __init__(self, seed: int):
        self.seed = seed
        #: (name, multiplication table, inverses) of the concrete group of order N that GMul, GInv
        #: and GId are evaluated in; None when the expressions use no group operation
        self.group: tuple | None = None
        self.N = self.L = self.LN = self.Lq = 1
        self.trial = 0
        self.data: dict = {}
        self.memo: dict = {}

    def set_n(self, N: int) -> None:
        self.N = N
        self.L = N * 4 // math.gcd(N, 4)
        self.LN = self.L // N
        self.Lq = self.L // 4
        _phi(self.L)

    def datum(self, key) -> dict:
        """A random non-zero Gaussian integer p + q i, |p|, |q| <= 5, a function of (seed, N, trial, key)."""
        h = hashlib.blake2b(repr((self.seed, self.N, self.trial, key)).encode(), digest_size=8).digest()
        r = int.from_bytes(h, "little")
        p, q = r % 11 - 5, (r // 11) % 11 - 5
        if p == 0 and q == 0:
            p = 1 + (r // 363) % 5
        out = {}
        for k, num in ((0, p), (self.Lq, q)):
            if num:
                out[k] = num
        self.data[key] = out
        return out


def _random_scalar(sym, seed: int, N: int, trial: int, point: int, q_s: int, st):
    """A random exact value of a free scalar symbol that respects its assumptions: a rational that
    is not an integer (positive or negative as assumed) when real, else a Gaussian rational with a
    non-zero imaginary part."""
    h = hashlib.blake2b(repr((seed, N, trial, "scalar", str(sym), point, q_s)).encode(), digest_size=8).digest()
    r = int.from_bytes(h, "little")
    p, q, im = 1 + r % 9, 1 + (r // 9) % 4, 1 + (r // 36) % 5
    sign = -1 if (sym.is_negative or (not sym.is_positive and sym.is_nonnegative is not True and (r // 180) % 2)) else 1
    val = sign * (p + Fraction(1, q + 1))     # never an integer: a scalar is not an index
    if sym.is_real:
        return val
    return {0: val, st.Lq % st.L: Fraction(im, q)} if st.Lq % st.L else {0: val + Fraction(im, q)}


def _random_x(seed: int, N: int, trial: int, point: int) -> Fraction:
    """A random rational, not 0, 1 or -1: the value of the polynomial variable x at one point."""
    h = hashlib.blake2b(repr((seed, N, trial, "x", point)).encode(), digest_size=8).digest()
    r = int.from_bytes(h, "little")
    p, q = 2 + r % 8, 1 + (r // 8) % 5
    if p == q:
        p += 1
    return Fraction(p if (r // 40) % 2 else -p, q)


# --------------------------------------------------------------------------- the compiler

_Fn = Callable[[list], Any]


def _freshen(e: sp.Basic) -> sp.Basic:
    """e with every bound variable of a Sum or Product renamed to a fresh Dummy."""
    if not e.args or isinstance(e, (sp.Symbol, sp.Number)):
        return e
    e2 = e.func(*[_freshen(q) for q in e.args]) if not isinstance(e, sp.Tuple) else sp.Tuple(*[_freshen(q) for q in e.args])
    if isinstance(e2, (sp.Sum, sp.Product)):
        e2 = e2.xreplace({v: sp.Dummy(v.name, **v.assumptions0) for v in e2.variables})
    return e2


def _linear(d: sp.Expr, v: sp.Symbol):
    """(c, rest) with d = c*v + rest, c a non-zero integer and v not in rest; else None."""
    d = sp.expand(d)
    c = sp.diff(d, v)
    if not (isinstance(c, sp.Integer) and c != 0):
        return None
    rest = sp.expand(d - c * v)
    if v in rest.free_symbols:
        return None
    return int(c), rest


class _Compiler:
    """Turns a SymPy expression into a closure env -> exact value; env is a list of slots."""

    def __init__(self, st: _State, defs: Mapping[str, sp.Lambda], gscope: dict):
        self.st = st
        self.defs = defs
        self.gscope = gscope            # Symbol -> (slot, kind); kind in 'rat', 'xi'
        self.nslots = len(gscope)
        self.def_cache: dict = {}
        self.compiling: set = set()
        self.fresh_defs: dict = {}

    def new_slot(self) -> int:
        s = self.nslots
        self.nslots += 1
        return s

    # ---- entry points

    def compile(self, e: sp.Basic, scope: dict) -> tuple[str, _Fn]:
        """(kind, fn): kind 'rat' (fn returns int or Fraction) or 'cyc' (fn returns a dict)."""
        st = self.st
        if isinstance(e, sp.Integer):
            val = int(e)
            return "rat", lambda env: val
        if isinstance(e, sp.Rational):
            valq = Fraction(int(e.p), int(e.q))
            return "rat", lambda env: valq
        if isinstance(e, sp.Symbol):
            return self._symbol(e, scope)
        if e is sp.I:
            return "cyc", lambda env: {st.Lq: 1}
        if isinstance(e, sp.Add):
            return self._add(e, scope)
        if isinstance(e, sp.Mul):
            return self._mul(e, scope)
        if isinstance(e, sp.Pow):
            return self._pow(e, scope)
        if isinstance(e, sp.Sum):
            return self._sum(e, scope)
        if isinstance(e, sp.Product):
            return self._product(e, scope)
        if isinstance(e, Iverson):
            return self._iverson(e, scope)
        if isinstance(e, (GMul, GInv, GId)):
            return self._group_op(e, scope)
        if isinstance(e, AppliedUndef):
            return self._applied(e, scope)
        if isinstance(e, sp.KroneckerDelta):
            p, q = (self.rat(a, scope, "an argument of KroneckerDelta") for a in e.args)
            return "rat", lambda env: 1 if p(env) == q(env) else 0
        if isinstance(e, (sp.conjugate, sp.re, sp.im, sp.Abs)):
            return self._complex_part(e, scope)
        if isinstance(e, (sp.exp, sp.cos, sp.sin)):
            key = self._root(e, scope)
            if key is None:
                raise _Unevaluable(f"{e} is not a root of unity")
            if isinstance(e, sp.exp):
                return "cyc", lambda env: {key(env) % st.L: 1}
            half = Fraction(1, 2)
            if isinstance(e, sp.cos):
                def cos_(env):
                    kk, L = key(env), st.L
                    out = {kk % L: half}
                    out[(-kk) % L] = out.get((-kk) % L, 0) + half
                    return out
                return "cyc", cos_

            def sin_(env):          # (z - 1/z)/(2i) = (z - 1/z) * zeta^(-L/4) / 2
                kk, L, q = key(env), st.L, st.Lq
                out = {(kk - q) % L: half}
                out[(-kk - q) % L] = out.get((-kk - q) % L, 0) - half
                return out
            return "cyc", sin_
        if isinstance(e, (sp.floor, sp.ceiling)):
            g = self.rat(e.args[0], scope, f"the argument of {type(e).__name__}")
            fl = math.floor if isinstance(e, sp.floor) else math.ceil
            return "rat", lambda env: fl(g(env))
        if isinstance(e, sp.Mod):
            p, q = (self.rat(a, scope, "an argument of Mod") for a in e.args)

            def mod_(env):
                qq = q(env)
                if qq == 0:
                    raise _Unevaluable("Mod by 0")
                return p(env) % qq
            return "rat", mod_
        if isinstance(e, (sp.Min, sp.Max)):
            gs = [self.rat(a, scope, f"an argument of {type(e).__name__}") for a in e.args]
            f = min if isinstance(e, sp.Min) else max
            return "rat", lambda env: f(g(env) for g in gs)
        if isinstance(e, (sp.Integral,)):
            raise _Unevaluable("an integral")
        if isinstance(e, Relational) or (isinstance(e, Boolean) and not isinstance(e, sp.Expr)):
            raise _Unevaluable(f"a relation or boolean {e}")
        raise _Unevaluable(f"cannot evaluate {type(e).__name__} {sp.sstr(e)[:60]}")

    def rat(self, e: sp.Basic, scope: dict, what: str) -> _Fn:
        kind, fn = self.compile(e, scope)
        if kind != "rat":
            raise _Unevaluable(f"{what}, {sp.sstr(e)[:60]}, is not an integer expression")
        return fn

    # ---- atoms

    def _symbol(self, e: sp.Symbol, scope: dict):
        st = self.st
        hit = scope.get(e)
        if hit is not None:
            slot, kind = hit
            if kind == "xi":
                return "cyc", lambda env: {(env[slot] * st.LN) % st.L: 1}
            return kind, lambda env: env[slot]
        if e == N_SYM:
            return "rat", lambda env: st.N
        if e == OMEGA:
            return "cyc", lambda env: {(-st.LN) % st.L: 1}
        raise _Unevaluable(f"the symbol {e} is not an integer index, n, omega, xi or x")

    def _root(self, e: sp.Basic, scope: dict) -> _Fn | None:
        """For omega, I, xi, their integer powers and exp(2 pi i q): env -> k with e = zeta_L^k; else None."""
        st = self.st
        if e is sp.I:
            return lambda env: st.Lq
        if e == OMEGA and e not in scope:
            return lambda env: -st.LN
        if e == XI and scope.get(e, (0, ""))[1] == "xi":
            slot = scope[e][0]
            return lambda env: env[slot] * st.LN
        if isinstance(e, sp.Pow):
            base = self._root(e.base, scope)
            if base is None:
                return None
            ex = self.rat(e.exp, scope, "an exponent of a root of unity")
            if e.base == OMEGA:
                def pw_omega(env):
                    x = ex(env)
                    if type(x) is not int:
                        x = _as_int(x, "the exponent of omega", typed=True)
                    return -x * st.LN
                return pw_omega

            def pw(env):
                x = ex(env)
                if type(x) is not int:
                    x = _as_int(x, f"the exponent of {e.base}", typed=True)
                return x * base(env)
            return pw
        if isinstance(e, (sp.exp, sp.cos, sp.sin)):
            arg = e.args[0]
            r = sp.expand(arg / (2 * sp.pi * sp.I) if isinstance(e, sp.exp) else arg / (2 * sp.pi))
            if r.has(sp.pi, sp.I, sp.E) or r.atoms(sp.Float):
                return None
            try:
                q = self.rat(r, scope, "the phase")
            except _Unevaluable:
                return None

            def ph(env):
                qL = q(env) * st.L
                if type(qL) is not int and qL.denominator != 1:
                    raise _Unevaluable(f"{e}: a root of unity of order not dividing {st.L}")
                return int(qL)
            return ph
        return None

    # ---- arithmetic

    def _add(self, e: sp.Add, scope: dict):
        parts = [self.compile(t, scope) for t in e.args]
        rats = [f for k, f in parts if k == "rat"]
        cycs = [f for k, f in parts if k == "cyc"]
        if not cycs:
            def radd(env):
                s = 0
                for g in rats:
                    s += g(env)
                return s
            return "rat", radd

        def cadd(env):
            acc: dict = {}
            for g in cycs:
                for k, c in g(env).items():
                    acc[k] = acc.get(k, 0) + c
            s = 0
            for g in rats:
                s += g(env)
            if s:
                acc[0] = acc.get(0, 0) + s
            return acc
        return "cyc", cadd

    def _mul(self, e: sp.Mul, scope: dict):
        st = self.st
        rats, roots, cycs = [], [], []
        for f in e.args:
            r = self._root(f, scope)
            if r is not None:
                roots.append(r)
                continue
            kind, fn = self.compile(f, scope)
            (rats if kind == "rat" else cycs).append(fn)
        # Iverson brackets and deltas first: a 0 skips the rest
        if not roots and not cycs:
            if len(rats) == 2:
                r0, r1 = rats

                def rmul2(env):
                    p = r0(env)
                    return p * r1(env) if p else 0
                return "rat", rmul2

            def rmul(env):
                p = 1
                for g in rats:
                    p *= g(env)
                    if not p:
                        return 0
                return p
            return "rat", rmul

        if len(cycs) == 1 and len(rats) <= 1:
            c0 = cycs[0]
            r0 = rats[0] if rats else (lambda env: 1)

            def cmul1(env):
                p = r0(env)
                if not p:
                    return {}
                key = 0
                for g in roots:
                    key += g(env)
                L = st.L
                key %= L
                val = c0(env)
                if not key and p == 1:
                    return val
                return {(k + key) % L: c * p for k, c in val.items()}
            return "cyc", cmul1

        def cmul(env):
            p = 1
            for g in rats:
                p *= g(env)
                if not p:
                    return {}
            key = 0
            for g in roots:
                key += g(env)
            L = st.L
            if not cycs:
                return {key % L: p}
            val = cycs[0](env)
            for g in cycs[1:]:
                if not val:
                    return {}
                val = _cmul(val, g(env), L)
            if key % L == 0 and p == 1:
                return val
            return {(k + key) % L: c * p for k, c in val.items()}
        return "cyc", cmul

    def _pow(self, e: sp.Pow, scope: dict):
        st = self.st
        r = self._root(e, scope)
        if r is not None:
            return "cyc", lambda env: {r(env) % st.L: 1}
        base, ex = e.args
        exf = self.rat(ex, scope, "an exponent")
        if isinstance(base, sp.Abs) and isinstance(ex, sp.Integer) and ex > 0 and ex % 2 == 0:
            kind, inner = self.compile(base.args[0], scope)
            half = int(ex) // 2
            if kind == "rat":
                return "rat", lambda env: inner(env) ** int(ex)
            return "cyc", lambda env: _cpow(_cmul(inner(env), _cconj(inner(env), st.L), st.L), half, st.L)
        kind, bf = self.compile(base, scope)
        if kind == "rat":
            def rpow(env):
                b = bf(env)
                x = _as_int(exf(env), "the exponent")
                if x >= 0:
                    return b ** x
                if b == 0:
                    raise _Unevaluable("a negative power of 0")
                return Fraction(b) ** x
            return "rat", rpow
        return "cyc", lambda env: _cpow(bf(env), _as_int(exf(env), "the exponent"), st.L)

    def _complex_part(self, e, scope: dict):
        st = self.st
        kind, g = self.compile(e.args[0], scope)
        if isinstance(e, sp.conjugate):
            if kind == "rat":
                return "rat", g
            return "cyc", lambda env: _cconj(g(env), st.L)
        if isinstance(e, sp.re):
            if kind == "rat":
                return "rat", g

            def re_(env):
                v, L = g(env), st.L
                out: dict = {}
                for k, c in v.items():
                    h = Fraction(c) / 2
                    out[k] = out.get(k, 0) + h
                    out[(-k) % L] = out.get((-k) % L, 0) + h
                return out
            return "cyc", re_
        if isinstance(e, sp.im):
            if kind == "rat":
                return "rat", lambda env: 0

            def im_(env):           # (v - conj v)/(2i) = (v - conj v) * zeta^(-L/4) / 2
                v, L, q = g(env), st.L, st.Lq
                out: dict = {}
                for k, c in v.items():
                    h = Fraction(c) / 2
                    out[(k - q) % L] = out.get((k - q) % L, 0) + h
                    out[(-k - q) % L] = out.get((-k - q) % L, 0) - h
                return out
            return "cyc", im_
        if kind == "rat":       # Abs
            return "rat", lambda env: abs(g(env))
        raise _Unevaluable(f"{e}: the modulus of a complex value (a square root)")

    def _iverson(self, e, scope: dict):
        st = self.st
        p, q = (self.rat(a, scope, "an argument of an Iverson bracket") for a in e.args)

        def iv(env):
            a_ = _as_int(p(env), "the Iverson bracket's argument", typed=True)
            b_ = _as_int(q(env), "the Iverson bracket's argument", typed=True)
            return 1 if (a_ - b_) % st.N == 0 else 0
        return "rat", iv

    # ---- the group law of a concrete group of order N (labels mod N, identity 0)

    def _group_op(self, e, scope: dict):
        st = self.st
        args = [self.rat(a, scope, f"an argument of {type(e).__name__}") for a in e.args]

        def table():
            if st.group is None:
                raise _Unevaluable(f"{type(e).__name__}: no concrete group is in force")
            return st.group

        def label(g, env):
            x = g(env)
            if type(x) is not int:
                x = _as_int(x, "a group element", typed=True)
            return x % st.N
        if isinstance(e, GId):
            return "rat", lambda env: (table(), 0)[1]
        if isinstance(e, GInv):
            g0 = args[0]
            return "rat", lambda env: table()[2][label(g0, env)]
        g0, g1 = args
        return "rat", lambda env: table()[1][label(g0, env)][label(g1, env)]

    # ---- applied functions: data and definitions

    def _applied(self, e: AppliedUndef, scope: dict):
        st = self.st
        name = e.func.__name__
        if name in self.defs:
            return self._defined(e, scope)
        cyclic = getattr(e.func, "_symconv_cyclic", None)
        if cyclic is None or getattr(e.func, "_symconv_kind", None) == "poly":
            raise _Unevaluable(f"{name} is an undefined function without an index domain")
        args = [self.rat(a, scope, f"an argument of {name}") for a in e.args]
        K = SUPPORT_RADIUS
        if cyclic and len(args) == 1:
            g0 = args[0]

            def cyc_entry1(env):
                x = g0(env)
                if type(x) is not int:
                    x = _as_int(x, f"an index of {name}", typed=True)
                key = (name, True, (x % st.N,))
                d = st.data.get(key)
                return d if d is not None else st.datum(key)
            return "cyc", cyc_entry1
        if cyclic and len(args) == 2:
            g0, g1 = args

            def cyc_entry2(env):
                x, y = g0(env), g1(env)
                if type(x) is not int:
                    x = _as_int(x, f"an index of {name}", typed=True)
                if type(y) is not int:
                    y = _as_int(y, f"an index of {name}", typed=True)
                N = st.N
                key = (name, True, (x % N, y % N))
                d = st.data.get(key)
                return d if d is not None else st.datum(key)
            return "cyc", cyc_entry2
        if cyclic:
            def cyc_entry(env):
                N = st.N
                key = (name, True, tuple(_as_int(g(env), f"an index of {name}", typed=True) % N for g in args))
                d = st.data.get(key)
                return d if d is not None else st.datum(key)
            return "cyc", cyc_entry

        def seq_entry(env):
            vals = tuple(_as_int(g(env), f"an index of {name}") for g in args)
            for v_ in vals:
                if v_ > K or v_ < -K:
                    return {}
            key = (name, False, vals)
            d = st.data.get(key)
            return d if d is not None else st.datum(key)
        return "cyc", seq_entry

    def _defined(self, e: AppliedUndef, scope: dict):
        st = self.st
        name = e.func.__name__
        lam = self.defs[name]
        if not isinstance(lam, sp.Lambda):
            raise _Unevaluable(f"the definition of {name} is not a Lambda")
        params = lam.variables
        if len(params) != len(e.args):
            raise _Unevaluable(f"{name} takes {len(params)} arguments, not {len(e.args)}")
        argc = [self.compile(a, scope) for a in e.args]
        kinds = tuple(k for k, _ in argc)
        argfns = [f for _, f in argc]
        ck = (name, kinds)
        if ck not in self.def_cache:
            if name in self.compiling:
                raise _Unevaluable(f"the definition of {name} is recursive")
            self.compiling.add(name)
            try:
                inner = dict(self.gscope)
                slots = []
                for p, kind in zip(params, kinds):
                    s = self.new_slot()
                    slots.append(s)
                    inner[p] = (s, kind)
                bkind, body = self.compile(lam.expr, inner)
            finally:
                self.compiling.discard(name)
            self.def_cache[ck] = (bkind, body, slots)
        bkind, body, slots = self.def_cache[ck]
        missing = object()

        def call(env):
            vals = [g(env) for g in argfns]
            key = (name, tuple(tuple(sorted(v.items())) if isinstance(v, dict) else v for v in vals))
            memo = st.memo
            r = memo.get(key, missing)
            if r is missing:
                for s, v in zip(slots, vals):
                    env[s] = v
                r = memo[key] = body(env)
            return r
        return bkind, call

    # ---- sums and products

    def _limits(self, e):
        for lim in e.limits:
            if len(lim) != 3:
                raise _Unevaluable(f"a limit {lim} without both bounds")
        return e.function, e.limits

    def _sum(self, e: sp.Sum, scope: dict):
        body, limits = self._limits(e)
        return self._sum_limits(body, limits, scope)

    def _sum_limits(self, body, limits, scope: dict):
        if not limits:
            return self.compile(body, scope)
        st = self.st
        v, lo, hi = limits[-1]
        rest = limits[:-1]
        inner_expr = sp.Sum(body, *rest) if rest else body
        slot = self.new_slot()
        inner_scope = dict(scope)
        inner_scope[v] = (slot, "rat")
        infinite = lo.is_infinite or hi.is_infinite
        plan = None
        if infinite:
            if lo == sp.oo or hi == -sp.oo:
                raise _Unevaluable(f"a sum over {v} from {lo} to {hi}")
            lof = None if lo == -sp.oo else self.rat(lo, scope, "a lower limit")
            hif = None if hi == sp.oo else self.rat(hi, scope, "an upper limit")
            plan = self.support(inner_expr, v, inner_scope, frozenset())
            if plan is None:
                raise _Unevaluable(f"the sum over {v} in Z has no evident finite support")
        else:
            lof = self.rat(lo, scope, "a lower limit")
            hif = self.rat(hi, scope, "an upper limit")
        hoisted = None
        if not rest and isinstance(body, sp.Mul):
            # factors free of v are evaluated once, outside the loop (distributivity; exact)
            inv = [f for f in body.args if v not in f.free_symbols]
            dep = [f for f in body.args if v in f.free_symbols]
            if inv and dep:
                hoisted = self.compile(sp.Mul(*inv), scope)
                body = sp.Mul(*dep)
        kind, inner = self._sum_limits(body, rest, inner_scope)

        def values(env):
            if plan is not None:
                vs = sorted(plan(env))
                if lof is not None:
                    a_ = _as_int(lof(env), "a limit")
                    vs = [q for q in vs if q >= a_]
                if hif is not None:
                    b_ = _as_int(hif(env), "a limit")
                    vs = [q for q in vs if q <= b_]
                return vs
            return _int_range(lof(env), hif(env), "sum", v)

        if kind == "rat":
            def rsum(env):
                s = 0
                for q in values(env):
                    env[slot] = q
                    s += inner(env)
                return s
            loop: tuple = ("rat", rsum)
        else:
            def csum(env):
                acc: dict = {}
                get = acc.get
                for q in values(env):
                    env[slot] = q
                    for k, c in inner(env).items():
                        acc[k] = get(k, 0) + c
                return acc
            loop = ("cyc", csum)
        if hoisted is None:
            return loop
        (hk, hf), (lk, lf) = hoisted, loop
        if hk == "rat" and lk == "rat":
            def rr(env):
                h = hf(env)
                return h * lf(env) if h else 0
            return "rat", rr

        def cc(env):
            h = hf(env)
            if not h:           # a zero factor is a strong zero (Iverson's convention)
                return {} if lk == "cyc" or hk == "cyc" else 0
            return _cmul(_as_cyc(h), _as_cyc(lf(env)), st.L)
        return "cyc", cc

    def _product(self, e: sp.Product, scope: dict):
        st = self.st
        body, limits = self._limits(e)
        if len(limits) > 1:
            return self.compile(sp.Product(sp.Product(body, *limits[:-1]), limits[-1]), scope)
        v, lo, hi = limits[0]
        if lo.is_infinite or hi.is_infinite:
            raise _Unevaluable("an infinite product")
        lof, hif = self.rat(lo, scope, "a lower limit"), self.rat(hi, scope, "an upper limit")
        slot = self.new_slot()
        inner_scope = dict(scope)
        inner_scope[v] = (slot, "rat")
        kind, inner = self.compile(body, inner_scope)

        def values(env):
            return _int_range(lof(env), hif(env), "product", v)

        if kind == "rat":
            def rprod(env):
                p = 1
                for q in values(env):
                    env[slot] = q
                    p *= inner(env)
                return p
            return "rat", rprod

        def cprod(env):
            p: dict = {0: 1}
            for q in values(env):
                env[slot] = q
                p = _cmul(p, inner(env), st.L)
            return p
        return "cyc", cprod

    # ---- supports of infinite sums

    def support(self, e: sp.Basic, v: sp.Symbol, scope: dict, unknown: frozenset):
        """None (no evident bound), or env -> the finite set of v outside which e is 0.

        ``unknown`` holds the symbols whose value is not known where the plan runs.
        """
        if v not in e.free_symbols:
            return None
        if isinstance(e, sp.Mul):
            plans = [p for p in (self.support(f, v, scope, unknown) for f in e.args) if p is not None]
            if not plans:
                return None

            def inter(env):
                out = plans[0](env)
                for p in plans[1:]:
                    if not out:
                        break
                    out = out & p(env)
                return out
            return inter
        if isinstance(e, sp.Add):
            plans = [self.support(t, v, scope, unknown) for t in e.args if v in t.free_symbols]
            if any(p is None for p in plans) or len(plans) != len(e.args):
                return None

            def union(env):
                out: set = set()
                for p in plans:
                    out |= p(env)
                return out
            return union
        if isinstance(e, sp.Pow):
            if isinstance(e.exp, sp.Integer) and e.exp > 0:
                return self.support(e.base, v, scope, unknown)
            return None
        if isinstance(e, (sp.conjugate, sp.re, sp.im)):
            return self.support(e.args[0], v, scope, unknown)
        if isinstance(e, sp.KroneckerDelta):
            return self._solve([e.args[0] - e.args[1]], v, scope, unknown, [0])
        if isinstance(e, AppliedUndef):
            name = e.func.__name__
            if name in self.defs:
                return self._support_defined(e, v, scope, unknown)
            if getattr(e.func, "_symconv_kind", None) == "sequence":
                K = SUPPORT_RADIUS
                return self._solve(list(e.args), v, scope, unknown, range(-K, K + 1))
            return None
        if isinstance(e, sp.Sum):
            return self._support_sum(e, v, scope, unknown)
        return None

    def _solve(self, args, v, scope, unknown, targets):
        """Plan: the v with c*v + rest in targets, for every argument linear in v (intersected)."""
        solvers = []
        for a in args:
            if v not in a.free_symbols:
                continue
            lin = _linear(a, v)
            if lin is None:
                continue
            c, rest = lin
            if rest.free_symbols & (unknown | {v}):
                continue
            try:
                rf = self.rat(rest, scope, "an index")
            except _Unevaluable:
                continue
            solvers.append((c, rf))
        if not solvers:
            return None
        tg = list(targets)

        def solve(env):
            out = None
            for c, rf in solvers:
                r = _as_int(rf(env), "an index")
                s = {(w - r) // c for w in tg if (w - r) % c == 0}
                out = s if out is None else out & s
            return out
        return solve

    def _support_defined(self, e, v, scope, unknown):
        name = e.func.__name__
        lam = self.defs[name]
        if not isinstance(lam, sp.Lambda) or len(lam.variables) != len(e.args):
            return None
        # lexical scope: a free symbol of the body that is rebound at the call site cannot be substituted
        for s in lam.free_symbols:
            if scope.get(s) != self.gscope.get(s) or s in unknown or s == v:
                return None
        if name in self.compiling:
            return None
        if name not in self.fresh_defs:
            self.fresh_defs[name] = _freshen(lam.expr)
        body = self.fresh_defs[name].xreplace(dict(zip(lam.variables, e.args)))
        self.compiling.add(name)
        try:
            return self.support(body, v, scope, unknown)
        finally:
            self.compiling.discard(name)

    def _support_sum(self, e: sp.Sum, v, scope, unknown):
        if any(len(lim) != 3 for lim in e.limits):
            return None
        body, limits = e.function, e.limits
        t, lo, hi = limits[-1]
        if t == v:
            return None
        inner = sp.Sum(body, *limits[:-1]) if len(limits) > 1 else body
        bad = unknown | {v}
        for lim_ in (lo, hi):
            if not lim_.is_infinite and lim_.free_symbols & bad:
                return None
        slot = self.new_slot()
        sc = dict(scope)
        sc[t] = (slot, "rat")
        unk = unknown - {t}
        # a bound that holds whatever the inner variable is (e.g. a factor a(v) of the body)
        direct = self.support(inner, v, sc, unk | {t})
        if direct is not None:
            return direct
        vplan = self.support(inner, v, sc, unk)
        if vplan is None:
            return None
        if lo.is_infinite or hi.is_infinite:
            if lo == sp.oo or hi == -sp.oo:
                return None
            tplan = self.support(inner, t, sc, unk | {v})
            if tplan is None:
                return None
            lof = None if lo.is_infinite else self.rat(lo, scope, "a limit")
            hif = None if hi.is_infinite else self.rat(hi, scope, "a limit")

            def tvalues(env):
                ts = tplan(env)
                if lof is not None:
                    ts = {q for q in ts if q >= lof(env)}
                if hif is not None:
                    ts = {q for q in ts if q <= hif(env)}
                return sorted(ts)
        else:
            try:
                lof2, hif2 = self.rat(lo, scope, "a limit"), self.rat(hi, scope, "a limit")
            except _Unevaluable:
                return None

            def tvalues(env):
                return range(_as_int(lof2(env), "a limit"), _as_int(hif2(env), "a limit") + 1)

        def plan(env):
            out: set = set()
            for q in tvalues(env):
                env[slot] = q
                out |= vplan(env)
            return out
        return plan


# --------------------------------------------------------------------------- the comparison

def _statement(e) -> bool:
    return isinstance(e, Relational) or not isinstance(e, sp.Expr)


_ALLOWED: dict = {}


def _allowed(sym: sp.Symbol, value: int) -> bool:
    """value does not contradict the assumptions of the integer symbol sym (remembered per process under the
    symbol itself, whose assumptions are part of it, and the value)."""
    key = (sym, value)
    hit = _ALLOWED.get(key)
    if hit is None:
        if len(_ALLOWED) >= 100_000:
            _ALLOWED.clear()
        hit = _ALLOWED[key] = _allowed_by_assumptions(sym, value)
    return hit


def _allowed_by_assumptions(sym: sp.Symbol, value: int) -> bool:
    z = sp.Integer(value)
    for key, want in sym.assumptions0.items():
        got = getattr(z, "is_" + key, None)
        if got is not None and want is not None and got != want:
            return False
    return True


def _collect(exprs: Iterable[sp.Basic], defs: Mapping) -> tuple[set, set]:
    """The free symbols of exprs and of the definitions they reach, and the free symbols that occur in
    arguments of sequences on Z (a definition's own parameters are bound there, never the statement's
    index of the same name)."""
    free: set = set()
    zargs: set = set()
    seen: set = set()
    todo = [(e, frozenset()) for e in exprs]
    for e, _ in todo:
        free |= free_symbols(e)
    while todo:
        e, bound = todo.pop()
        for f in atoms_of(e, AppliedUndef):
            if getattr(f.func, "_symconv_cyclic", None) is False:
                for a in f.args:
                    zargs |= free_symbols(a) - bound
            nm = f.func.__name__
            if nm in defs and nm not in seen:
                seen.add(nm)
                lam = defs[nm]
                if isinstance(lam, sp.Lambda):
                    free |= free_symbols(lam)
                    todo.append((lam.expr, frozenset(lam.variables)))
    return free, zargs


def _relabel(name: str, mul: list, N: int, seed: int) -> tuple:
    """The group with its non-identity labels permuted (seeded; the identity keeps the label 0), so
    that the group law has nothing to do with the addition of labels; with its inverses."""
    perm = list(range(1, N))
    Random(repr((seed, "group", name, N))).shuffle(perm)
    sigma = [0] + perm                       # old label -> new label
    back = [0] * N
    for old, new in enumerate(sigma):
        back[new] = old
    table = [[sigma[mul[back[p]][back[q]]] for q in range(N)] for p in range(N)]
    inv = [next(q for q in range(N) if table[p][q] == 0) for p in range(N)]
    return name, table, inv


def _concrete_groups(N: int, seed: int) -> list:
    """The concrete groups of order N that group expressions are evaluated in: Z_N, and for N = 4
    the Klein group, for even N >= 6 the dihedral group D_{N/2} (not abelian); built here from
    their definitions, relabelled (see :func:`_relabel`)."""
    out = [_relabel(f"Z_{N}", [[(p + q) % N for q in range(N)] for p in range(N)], N, seed)]
    if N == 4:
        out.append(_relabel("Z_2 x Z_2", [[p ^ q for q in range(4)] for p in range(4)], 4, seed))
    if N % 2 == 0 and N >= 6:
        m = N // 2                            # r^k s^f has the label k + m f; s r^k = r^-k s

        def dmul(p, q):
            (f1, k1), (f2, k2) = divmod(p, m), divmod(q, m)
            return (k1 + (-k2 if f1 else k2)) % m + m * (f1 ^ f2)
        out.append(_relabel(f"D_{m}", [[dmul(p, q) for q in range(N)] for p in range(N)], N, seed))
    return out


def _uses_group(exprs, defs: Mapping) -> bool:
    """Whether the expressions, or a definition of the table, use GMul, GInv or GId."""
    ops = (GMul, GInv, GId)
    everything = list(exprs) + [lam.expr for lam in defs.values() if isinstance(lam, sp.Lambda)]
    return any(atoms_of(e, *ops) for e in everything)


def concrete_compare(a, b, n_values: Iterable[int] = range(1, 7), *, seed: int = 0, max_points: int = 24,
                     trials: int = 1, definitions: Mapping[str, sp.Lambda] | None = None) -> ConcreteOutcome:
    """Compare two expressions of the indexed notation exactly at concrete n, indices and random data.

    ``definitions`` (optional) maps names of applied functions to ``sp.Lambda``
    definitions, over the conventions' ``ENTRY`` table (as ``Unfold`` merges
    them); every other applied function is random data.  See the module
    docstring for the evaluation model.  Relations and booleans are
    ``"unevaluable"``: the caller handles statements.

    >>> from symconv.objects.indexed import a, b, t, u, zsum
    >>> concrete_compare(zsum(a(t - u) * b(u), u), zsum(a(u) * b(t - u), u)).status
    'agree'
    """
    try:
        a, b = sp.sympify(a), sp.sympify(b)
    except (sp.SympifyError, TypeError) as ex:
        return ConcreteOutcome("unevaluable", f"not a SymPy expression: {ex}", 0)
    if _statement(a) or _statement(b):
        return ConcreteOutcome("unevaluable", "a relation, boolean or non-expression: compare its sides", 0)
    defs = dict(ENTRY)
    if definitions:
        defs.update(definitions)
    from symconv.engine.concrete_actions import compare as compare_actions, uses_actions
    if uses_actions((a, b), {}):     # points of G-sets: concrete groups acting on concrete sets
        return compare_actions(a, b, n_values, seed=seed, max_points=max_points, definitions=defs)

    free, zargs = _collect((a, b), defs)
    indices, gscope, scalars = [], {}, []
    for s in sorted(free, key=sp.default_sort_key):
        if s == N_SYM or s == OMEGA:
            continue
        if s == XI:
            gscope[s] = (len(gscope), "xi")
            indices.append(s)
        elif s == X:
            gscope[s] = (len(gscope), "rat")
        elif s.is_integer is True:
            gscope[s] = (len(gscope), "rat")
            indices.append(s)
        elif s.is_commutative and s.is_integer is None and s.is_finite is not False:
            # a scalar (lambda, a real frequency, a polynomial variable y): a random exact value per
            # point that respects its assumptions (real -> rational; positive/negative/nonzero)
            gscope[s] = (len(gscope), "rat" if s.is_real else "cyc")
            scalars.append(s)
        else:
            facts = sorted(k for k, q in s.assumptions0.items() if q and k != "commutative")
            if s.is_commutative is False:
                facts.insert(0, "non-commutative")
            return ConcreteOutcome("unevaluable", f"the free symbol {s} is not an integer index "
                                                  f"({', '.join(facts) or 'no assumptions'})", 0)

    st = _State(seed)
    comp = _Compiler(st, defs, gscope)
    try:
        _, fa = comp.compile(a, gscope)
        _, fb = comp.compile(b, gscope)
    except _Unevaluable as ex:
        return ConcreteOutcome("unevaluable", str(ex), 0)
    except RecursionError:
        return ConcreteOutcome("unevaluable", "expression too deep", 0)

    rng = Random(seed)
    # each side's value at a point is remembered under everything it depends on (see _side_value)
    dkey = definitions_key(defs)
    deps_a = _side_deps(a, defs, gscope) if dkey is not None else None
    deps_b = _side_deps(b, defs, gscope) if dkey is not None else None
    # group expressions are evaluated in every concrete group of order N of the catalogue
    groups = (lambda N_: _concrete_groups(N_, seed)) if _uses_group((a, b), defs) else (lambda N_: [None])
    points, unevaluable, first_reason, ill = 0, 0, "", ""
    ns = []
    x_slot = gscope[X][0] if X in gscope else None
    for N in n_values:
        N = int(N)
        if N < 1:
            continue
        ns.append(N)
        st.set_n(N)
        ranges = []
        for s in indices:
            if s == XI:
                ranges.append(list(range(N)))
            else:
                start = _Z_INDEX_START if s in zargs else 0
                ranges.append([q for q in range(start, N) if _allowed(s, q)])
        total = math.prod(len(r) for r in ranges)
        if total == 0:
            continue
        chosen = sorted(rng.sample(range(total), max_points)) if total > max_points else range(total)
        assignments = []
        for idx in chosen:
            vals = []
            for r in reversed(ranges):
                idx, q = divmod(idx, len(r))
                vals.append(r[q])
            assignments.append(tuple(reversed(vals)))
        for grp, trial in [(g_, t_) for g_ in groups(N) for t_ in range(trials)]:
            st.group = grp
            st.trial = trial
            st.data = {}
            for p_i, vals in enumerate(assignments):
                env: list = [None] * comp.nslots
                for s, q in zip(indices, vals):
                    env[gscope[s][0]] = q
                xv = None
                if x_slot is not None:
                    xv = env[x_slot] = _random_x(seed, N, trial, p_i)
                for q_s, sym in enumerate(scalars):
                    env[gscope[sym][0]] = _random_scalar(sym, seed, N, trial, p_i, q_s, st)
                st.memo = {}
                where = (seed, N, None if grp is None else grp[0], trial)
                try:
                    va = _side_value(fa, env, None if deps_a is None else (a, dkey, where, _at(env, deps_a)))
                    vb = _side_value(fb, env, None if deps_b is None else (b, dkey, where, _at(env, deps_b)))
                except _Unevaluable as ex:
                    unevaluable += 1
                    if not first_reason:
                        first_reason = f"{_where(N, indices, vals, xv, grp)}: {ex}"
                    if isinstance(ex, _IllTyped) and not ill:
                        ill = f"ill-typed at {_where(N, indices, vals, xv, grp)}: {ex}"
                    continue
                except (ZeroDivisionError, RecursionError, OverflowError, MemoryError) as ex:
                    unevaluable += 1
                    if not first_reason:
                        first_reason = f"{_where(N, indices, vals, xv, grp)}: {type(ex).__name__}"
                    continue
                points += 1
                if not _is_zero(_sub(va, vb), st.L):
                    return ConcreteOutcome(
                        "differ", f"{_where(N, indices, vals, xv, grp)} (data seed {seed}, trial {trial}): "
                                  f"first = {_fmt(va, st.L)}, second = {_fmt(vb, st.L)}", points, n=N)
    if ill:
        return ConcreteOutcome("unevaluable", ill, points, ill_typed=True)
    if unevaluable:
        return ConcreteOutcome("unevaluable", f"{unevaluable} point(s) unevaluable ({points} equal), "
                                              f"first at {first_reason}", points)
    if not points:
        return ConcreteOutcome("unevaluable", "no point to evaluate (no index value allowed for these n)", 0)
    span = f"{min(ns)}..{max(ns)}" if ns else "-"
    return ConcreteOutcome("agree", f"equal at {points} points (n in {span})", points)


_SIDE_VALUES: dict = {}
#: values of one side at one point remembered per process: a derivation's consecutive steps share a side, and
#: its ends are the formal statement's.  The key is everything the value depends on: the expression and the
#: definitions themselves (compared structurally: assumptions, bound variables and a point's set included, never
#: a printed form), the data seed, N, the concrete group, the trial, and the values of the free symbols the side
#: and the definitions it reaches can read (indices, x, scalars); the data are a function of (seed, N, trial,
#: name, arguments).  An _Unevaluable (ill-typed included) or ZeroDivisionError is remembered and raised again;
#: RecursionError, OverflowError and MemoryError (which depend on the stack or the machine) never are.
SIDE_VALUES_SIZE = 200_000


def _side_deps(e, defs: Mapping, gscope: dict) -> tuple:
    """The slots of the environment that side e can read: its free symbols and those of the definitions it
    reaches (lexically scoped: the statement's), in a fixed order, with the symbols themselves."""
    free, _ = _collect((e,), defs)
    return tuple((s, gscope[s][0]) for s in sorted(free, key=sp.default_sort_key) if s in gscope)


def _at(env: list, deps: tuple) -> tuple:
    """The values of the slots deps in env, hashable (a cyclotomic value as its sorted items)."""
    return tuple((s, tuple(sorted(v.items())) if isinstance(v, dict) else v) for s, v in ((s, env[q]) for s, q in deps))


def _side_value(fn: _Fn, env: list, key):
    """fn(env), remembered under ``key`` (None: not remembered)."""
    if key is None:
        return fn(env)
    return remembered(_SIDE_VALUES, SIDE_VALUES_SIZE, key, lambda: fn(env), (_Unevaluable, ZeroDivisionError))


def _where(N: int, indices, vals, xv, grp=None) -> str:
    parts = [f"n = {N}"] if grp is None else [f"n = {N}, G = {grp[0]} (labels permuted, e = 0)"]
    for s, q in zip(indices, vals):
        parts.append(f"xi = zeta_{N}^{q}" if s == XI else f"{s} = {q}")
    if xv is not None:
        parts.append(f"x = {xv}")
    return ", ".join(parts)
