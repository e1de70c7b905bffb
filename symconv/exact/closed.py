"""Deciding equality of closed-form expressions (pi, radicals, exp, erf) without ``simplify()``.

* equal: algebraic expansion (``expand`` with exponentials split, then powers recombined) reduces
  the difference, or the numerator of the difference over a common denominator, to the literal 0
  -- a chain of identities, i.e. a proof (where the denominators are not 0); or the exact test in
  Q(zeta_n) (roots of unity, cos/sin of rational multiples of pi, square roots of rationals) says 0;
  or, for an algebraic number, SymPy's exact ``minimal_polynomial`` is x;
* different: the exact test in Q(zeta_n) finds a non-zero polynomial in independent atoms, or the
  difference, at a point that respects every assumption of its symbols (an integer symbol gets
  integers, a negative one negative values, ...), is enclosed in a ball that excludes 0
  (:mod:`symconv.exact.balls`: certified ball arithmetic, which survives cancellation inside the
  arguments of functions);
* otherwise: ``None``, undecided.  Never a guess either way.  Running out of the time limit
  (``timeout`` seconds, default :data:`DEFAULT_TIMEOUT`) is undecided too.

"False" means *not identically zero*: there are values of the free symbols, within their declared
assumptions, where the expression is not 0.

>>> from sympy import sqrt, pi, exp, Symbol
>>> w = Symbol('w', real=True)
>>> decide_equal(sqrt(pi) * exp(-pi**2 * w**2) * sqrt(pi), pi * exp(-pi**2 * w**2))
True
>>> decide_equal(sqrt(pi), pi / 2)
False
"""

from __future__ import annotations

import sympy as sp
from sympy.polys.polyutils import dict_from_expr

from . import _deadline
from .balls import PRECISIONS, certify_nonzero

__all__ = ["expanded_zero", "certified_nonzero", "decide_equal", "decide_zero", "admissible_points",
           "DEFAULT_TIMEOUT", "algebraic_is_zero"]

#: default time limit (seconds) of one :func:`decide_zero` / :func:`decide_equal` call
DEFAULT_TIMEOUT = 20.0

#: largest (estimated) degree for which :func:`algebraic_is_zero` asks SymPy for a minimal polynomial
MAX_ALGEBRAIC_DEGREE = 64


def _expand(e):
    return sp.expand(sp.powsimp(sp.expand(e)))           # (expand splits exp(a + b): power_exp=True is its default)


def expanded_zero(e) -> bool:
    """True when algebraic expansion turns ``e`` into the literal 0, directly or after bringing it
    over a common denominator (then the numerator must expand to 0: a rational-function identity,
    valid wherever the denominators are not 0).

    >>> from sympy import Symbol, exp
    >>> w = Symbol('w')
    >>> expanded_zero(1 / (1 + w) + w / (1 + w) - 1), expanded_zero(exp(w) / (1 - w) - exp(w))
    (True, False)
    """
    e = sp.sympify(e)
    if _expand(e) == 0:                 # (it is 0 whenever sp.expand(e) is: _expand starts with sp.expand)
        return True
    together = sp.together(sp.expand(e))
    return _expand(sp.numer(together)) == 0


def certified_nonzero(e, digits: int = 40) -> bool | None:
    """For a closed number: True if certified non-zero, False if it is the rational 0, None if unknown.

    Certified means: a ball enclosure of the value (Arb ball arithmetic, starting at about ``digits``
    digits and raising the precision) excludes 0.  A value that cancels, even inside the argument of
    a function (``sinh(4*atan(1/5) - atan(1/239) - pi/4)``), is never certified non-zero.

    >>> certified_nonzero(sp.sqrt(2) - sp.Rational(99, 70)), certified_nonzero(sp.Integer(0))
    (True, False)
    """
    e = sp.sympify(e)
    if e.free_symbols:
        raise ValueError(f"e must be a number, got free symbols {sorted(map(str, e.free_symbols))}")
    if e.is_Rational:
        return e != 0
    first = max(64, int(digits * 3.33) + 8)
    return certify_nonzero(e, (first,) + tuple(p for p in PRECISIONS if p > first))


def _drop_zero_symbols(e):
    """Symbols declared zero (``Symbol('z', zero=True)``) are 0."""
    zeros = {s: sp.Integer(0) for s in e.free_symbols if s.is_zero is True}
    return e.xreplace(zeros)


def _dense(s) -> bool:
    """The symbol's domain is infinite (Zariski-dense): a non-zero polynomial cannot vanish on it."""
    if s.is_zero is True:
        return False
    if isinstance(s, sp.Idx) and s.lower is not None and s.upper is not None:
        return not (s.lower.is_number and s.upper.is_number)
    return True


def decide_equal(a, b, points: dict | list | None = None, timeout: float | None = DEFAULT_TIMEOUT) -> bool | None:
    """True (proved equal), False (certified different), or None (undecided).

    Decided as :func:`decide_zero` of ``a - b``.  ``points``: extra values for the free symbols (a
    dict, or a list of dicts) at which a difference may be certified; a point that violates a
    symbol's assumptions is skipped, and symbols it leaves out get admissible values.

    >>> k = sp.Symbol('k', integer=True)
    >>> print(decide_equal(sp.floor(k / 2) + sp.ceiling(k / 2), k))   # true for integers k: never False
    None
    """
    d = sp.sympify(a) - sp.sympify(b)
    try:
        with _deadline.time_limit(timeout):
            verdict = _decide_zero(_drop_zero_symbols(d))
            if verdict is not None or not points:
                return verdict
            syms = sorted(d.free_symbols, key=str)
            for pt in ([points] if isinstance(points, dict) else list(points)):
                pt = {sp.sympify(k): sp.sympify(v) for k, v in pt.items()}
                if not all(_admissible(s, v) for s, v in pt.items() if s in d.free_symbols):
                    continue
                rest = [s for s in syms if s not in pt]
                for fill in admissible_points(rest):       # rest = []: the point {} (all of it is given)
                    if certified_nonzero(d.xreplace({**pt, **fill})) is True:
                        return False
                    break
            return None
    except _deadline.ExactTimeout:
        return None


def decide_zero(e, timeout: float | None = DEFAULT_TIMEOUT) -> bool | None:
    """Is ``e`` zero?  True or False only with a proof, None when undecided.

    In order: expansion to the literal 0 (also over a common denominator); the exact test in Q(zeta_n)
    for polynomials whose coefficients are roots of unity, square roots of rationals and rationals;
    for a closed number, a certified ball evaluation (non-zero) and, for an algebraic number, its
    exact minimal polynomial (zero); for other polynomials in free symbols, each coefficient (zero
    only if every coefficient is decided 0, non-zero if one is decided non-zero); finally a certified
    evaluation at points that respect every symbol's assumptions.  Past ``timeout`` seconds: None.

    >>> from sympy import exp, pi, I, sqrt, Symbol
    >>> x = Symbol('x')
    >>> w = exp(2 * pi * I / 3)
    >>> decide_zero(1 + w + w**2), decide_zero(x * (1 + w) + x * w**2), decide_zero(sqrt(2) * x - x)
    (True, True, False)
    >>> print(decide_zero(x * (sp.sin(1)**2 + sp.cos(1)**2 - 1)))    # true, but not by expansion
    None
    >>> decide_zero(sp.Max(x, 2 * x) - sp.Max(x, 0))        # 2 at x = 2, certified
    False
    >>> decide_zero(sqrt(5 + 2 * sqrt(6)) - sqrt(2) - sqrt(3))  # exact minimal polynomial: x
    True
    """
    e = _drop_zero_symbols(sp.sympify(e))
    try:
        with _deadline.time_limit(timeout):
            return _decide_zero(e)
    except _deadline.ExactTimeout:
        return None


def _rational_polynomial_is_zero(e) -> bool | None:
    """For a polynomial with rational coefficients in plain symbols (no floats, no functions, no
    indexed entries): True if it is 0, False if it is not and every symbol ranges over an infinite
    domain (a non-zero polynomial does not vanish identically there), None otherwise (not of this
    form, or a symbol with a finite domain).  SymPy's ``dict_from_expr`` expands it into its monomials
    with exact rational coefficients, much faster than :func:`expanded_zero`'s general simplification.

    >>> x, y = sp.symbols('x y')
    >>> _rational_polynomial_is_zero((x + y)**2 - x**2 - 2*x*y - y**2), _rational_polynomial_is_zero(x*y - y*x + x)
    (True, False)
    >>> print(_rational_polynomial_is_zero(sp.sqrt(2) * x), _rational_polynomial_is_zero(sp.sin(x)))
    None None
    """
    syms = e.free_symbols
    if not syms or any(type(s) not in (sp.Symbol, sp.Dummy) for s in syms) or e.has(sp.Float):
        return None
    try:                                # monomial exponents -> coefficient (expanded, like terms summed)
        terms, _ = dict_from_expr(e, gens=sorted(syms, key=sp.default_sort_key))
    except sp.polys.polyerrors.BasePolynomialError:
        return None                     # not a polynomial in its symbols (1/x, sin(x), x**y, ...)
    if not all(c.is_Rational for c in terms.values()):
        return None                     # sqrt(2), I, pi, ... as coefficients: the general path
    if all(c == 0 for c in terms.values()):
        return True
    return False if all(_dense(s) for s in syms) else None


def _decide_zero(e) -> bool | None:
    from .convert import NotCyclotomic, cyclotomic_residual

    if e.is_Rational:
        return e == 0
    fast = _rational_polynomial_is_zero(e)
    if fast is not None:
        return fast
    if expanded_zero(e):
        return True
    try:
        return not cyclotomic_residual(sp.expand(e), timeout=None)
    except NotCyclotomic:
        pass
    syms = sorted(e.free_symbols, key=str)
    if not syms:
        if certify_nonzero(e) is True:
            return False
        return True if algebraic_is_zero(e) is True else None
    if all(_dense(s) for s in syms):
        try:
            coeffs = sp.Poly(sp.expand(e), *syms).coeffs()
        except (sp.PolynomialError, sp.GeneratorsNeeded, sp.polys.polyerrors.GeneratorsError):
            coeffs = None           # (GeneratorsError: non-commutative symbols)
        if coeffs is not None and not any(c.free_symbols for c in coeffs):
            verdicts = []
            for c in coeffs:
                v = _decide_zero(c)
                if v is False:       # a non-zero polynomial on a dense domain is not identically 0
                    return False
                verdicts.append(v)
            if all(v is True for v in verdicts):
                return True
    for point in admissible_points(syms):       # not identically zero if non-zero at one admissible point
        if certify_nonzero(e.xreplace(point)) is True:
            return False
    return None


def _algebraic_degree_bound(e) -> int | None:
    """A rough bound on the degree over Q of the closed expression ``e`` when it is built from
    rationals, I, roots of unity (exp(I*pi*r), cos(pi*r), sin(pi*r), (-1)**r with r rational) and
    rational powers; None when it is not of that form (it may then be transcendental)."""
    from math import lcm

    from .convert import NotCyclotomic, required_order

    def walk(node):
        if node.is_Rational:
            return 1, 1
        if node is sp.I:
            return 4, 1
        if isinstance(node, (sp.exp, sp.cos, sp.sin)) or (node.is_Pow and node.base == -1):
            try:
                return required_order(node), 1
            except NotCyclotomic:
                return None
        if node.is_Pow and node.exp.is_Rational:
            inner = walk(node.base)
            return None if inner is None else (inner[0], inner[1] * int(node.exp.q))
        if node.is_Add or node.is_Mul:
            order, rad = 1, 1
            for a in node.args:
                inner = walk(a)
                if inner is None:
                    return None
                order, rad = lcm(order, inner[0]), rad * inner[1]
            return order, rad
        return None

    found = walk(e)
    return None if found is None else int(sp.totient(found[0])) * found[1]


def algebraic_is_zero(e) -> bool | None:
    """True when the closed algebraic number ``e`` is exactly 0: its minimal polynomial over Q,
    computed by SymPy's exact ``minimal_polynomial``, is x (and a certified ball around it contains
    0).  None otherwise (not algebraic in a recognised form, estimated degree above
    :data:`MAX_ALGEBRAIC_DEGREE`, SymPy fails, or the active time limit runs out); a non-zero
    answer is left to the ball evaluation.

    >>> algebraic_is_zero(sp.sqrt(5 + 2 * sp.sqrt(6)) - sp.sqrt(2) - sp.sqrt(3))
    True
    >>> print(algebraic_is_zero(sp.sqrt(2) - 1))
    None
    """
    from .balls import enclose

    e = sp.sympify(e)
    if e.free_symbols:
        return None
    bound = _algebraic_degree_bound(e)
    if bound is None or bound > MAX_ALGEBRAIC_DEGREE:
        return None
    x = sp.Dummy("x")
    try:
        m = sp.minimal_polynomial(e, x)
    except (NotImplementedError, ValueError, TypeError, ArithmeticError, sp.PolynomialError):
        return None
    if sp.expand(m - x) != 0:
        return None
    z = enclose(e, 1024)
    if z is not None and 0 not in z:      # cannot happen if SymPy is right; never trust a contradiction
        return None
    return True


def _admissible(sym, value) -> bool:
    """value satisfies every assumption declared on sym (integer, positive, ...), and an Idx's range."""
    # commutative=True is met by every value; a non-commutative symbol is also not complex, so no value is
    for key, wanted in sym.assumptions0.items():
        if getattr(value, f"is_{key}", None) is not wanted:
            return False
    if isinstance(sym, sp.Idx):
        if value.is_integer is not True:     # an Idx is integer-valued, though its assumptions0 is empty
            return False
        if sym.lower is not None and sym.upper is not None:
            if not ((value >= sym.lower) == sp.true and (value <= sym.upper) == sp.true):
                return False             # outside the range, or not known to be inside it
    return True


_POINT_FAMILIES = (
    lambda k: sp.Integer(k + 2),                 # positive integers 2, 3, ...
    lambda k: -sp.Integer(2 * k + 3),            # negative odd integers -3, -5, ...
    lambda k: sp.Rational(1, k + 3),             # positive non-integers 1/3, 1/4, ...
    lambda k: sp.Integer(2 * k + 4),             # positive even integers 4, 6, ...
    lambda k: -sp.Rational(2, 2 * k + 5),        # negative non-integers -2/5, -2/7, ...
    lambda k: sp.Integer(2 * k + 5),             # positive odd integers 5, 7, ...
    lambda k: -sp.Integer(2 * k + 4),            # negative even integers -4, -6, ...
    lambda k: sp.Rational(2 * k + 7, 2),         # positive half-integers 7/2, 9/2, ...
)


def admissible_points(syms):
    """Distinct integer and rational values for the symbols, each set only where it respects every
    symbol's assumptions (an integer symbol gets integers, a negative one negative values, ...): a
    function that is not 0 at one of them is not identically 0.

    >>> x, k = sp.Symbol('x'), sp.Symbol('k', integer=True)
    >>> [sorted(p.values()) for p in admissible_points([k, x])]
    [[2, 3], [-5, -3], [4, 6], [5, 7], [-6, -4]]
    """
    for make in _POINT_FAMILIES:
        point = {s: make(k) for k, s in enumerate(syms)}
        if all(_admissible(s, v) for s, v in point.items()):
            yield point
