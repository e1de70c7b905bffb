"""Certified numerical enclosures of closed SymPy numbers (ball arithmetic).

:func:`enclose` maps an expression without free symbols to a complex *ball* that is guaranteed to
contain its exact value, with Arb's rigorous error bounds (``python-flint``).  Every operation,
including the evaluation of a function at an argument that is itself only known as a ball, keeps a
valid enclosure: when an argument cancels to (nearly) 0, as in ``sinh(4*atan(1/5) - atan(1/239) -
pi/4)``, its ball contains 0 and so does the result's, so no cancellation is ever mistaken for a
non-zero value.  :func:`certify_nonzero` raises the precision until a ball excludes 0.

Only a fixed list of functions is evaluated (arithmetic, powers, exp/log, the trigonometric and
hyperbolic functions, atan/asin/acos on real arguments, erf/erfc/erfi, gamma, Abs, re/im,
conjugate, floor/ceiling, sign, Max/Min, the constants pi, E, EulerGamma, Catalan and GoldenRatio).
Anything else (undefined functions, unevaluated sums or integrals, infinities) gives None:
undecided, never a guess.

Without python-flint (it comes with the ``fast`` and ``test`` extras) the fallback is SymPy's
``evalf(strict=True)``, used only on expressions whose every function is one whose evaluation SymPy
error-controls (``exp``, ``log``, ``sin``, ``cos``, ``tan``, ``atan``, ``Abs``, ``re``, ``im``,
``floor``, ``ceiling``); any other function gives None.

>>> import sympy as sp
>>> M = 4 * sp.atan(sp.Rational(1, 5)) - sp.atan(sp.Rational(1, 239)) - sp.pi / 4   # exactly 0
>>> print(certify_nonzero(sp.sinh(M)))          # a cancelling argument: never "non-zero"
None
>>> certify_nonzero(sp.exp(sp.pi * sp.sqrt(163)) - 640320**3 - 744)   # about -7.5e-13
True
"""

from __future__ import annotations

import sympy as sp

from . import _deadline

__all__ = ["HAVE_FLINT", "enclose", "certify_nonzero", "PRECISIONS"]

try:  # pragma: no cover - depends on the installation
    import flint as _flint
    HAVE_FLINT = True
except ImportError:  # pragma: no cover
    _flint = None
    HAVE_FLINT = False

#: working precisions (bits) tried in turn by :func:`certify_nonzero`
PRECISIONS = (64, 256, 1024, 4096)


class _Unsupported(Exception):
    pass


def _real_part(z, arg):
    """The real ball of z, when z is known to be real: its imaginary part is exactly 0, or SymPy
    knows ``arg`` is real (then the true imaginary part is 0 whatever the ball says)."""
    if z.imag.is_zero() or arg.is_extended_real is True:
        return z.real
    raise _Unsupported(f"{arg} is not known to be real")


def _to_ball(e, memo):
    _deadline.check()
    hit = memo.get(e)
    if hit is not None:
        return hit
    v = _ball(e, memo)
    if not v.is_finite():
        raise _Unsupported(f"{e} is not finite at this precision")
    memo[e] = v
    return v


def _ball(e, memo):
    acb, arb, fmpq = _flint.acb, _flint.arb, _flint.fmpq
    if e.is_Integer:
        return acb(int(e))
    if e.is_Rational:
        return acb(arb(fmpq(int(e.p), int(e.q))))
    if e.is_Float:
        if not e.is_finite:
            raise _Unsupported("infinite Float")
        q = sp.Rational(e)                      # the binary value of the Float, exactly
        return acb(arb(fmpq(int(q.p), int(q.q))))
    if e is sp.I:
        return acb(0, 1)
    if e is sp.pi:
        return acb(arb.pi())
    if e is sp.E:
        return acb(arb.const_e())
    if e is sp.EulerGamma:
        return acb(arb.const_euler())
    if e is sp.Catalan:
        return acb(arb.const_catalan())
    if e is sp.GoldenRatio:
        return acb((1 + arb(5).sqrt()) / 2)
    if e.is_Add:
        acc = acb(0)
        for a in e.args:
            acc = acc + _to_ball(a, memo)
        return acc
    if e.is_Mul:
        acc = acb(1)
        for a in e.args:
            acc = acc * _to_ball(a, memo)
        return acc
    if e.is_Pow:
        b, x = e.args
        if b is sp.E:
            return _to_ball(x, memo).exp()
        if x.is_Integer:
            return _to_ball(b, memo) ** int(x)
        if x == sp.S.Half:
            return _to_ball(b, memo).sqrt()      # principal branch, as SymPy's sqrt
        return _to_ball(b, memo) ** _to_ball(x, memo)   # principal branch exp(x log b), as SymPy
    if isinstance(e, sp.exp):
        return _to_ball(e.args[0], memo).exp()
    if isinstance(e, sp.log) and len(e.args) == 1:
        return _to_ball(e.args[0], memo).log()
    simple = {sp.sin: "sin", sp.cos: "cos", sp.tan: "tan", sp.cot: "cot", sp.sec: "sec", sp.csc: "csc",
              sp.sinh: "sinh", sp.cosh: "cosh", sp.tanh: "tanh", sp.coth: "coth", sp.sech: "sech",
              sp.csch: "csch", sp.asinh: "asinh", sp.erf: "erf", sp.erfc: "erfc", sp.erfi: "erfi",
              sp.gamma: "gamma", sp.conjugate: "conjugate"}
    for cls, name in simple.items():
        if type(e) is cls and len(e.args) == 1:
            return getattr(_to_ball(e.args[0], memo), name)()
    if isinstance(e, sp.Abs):
        return acb(abs(_to_ball(e.args[0], memo)))
    if isinstance(e, sp.re):
        return acb(_to_ball(e.args[0], memo).real)
    if isinstance(e, sp.im):
        return acb(_to_ball(e.args[0], memo).imag)
    real_fns = {sp.atan: "atan", sp.floor: "floor", sp.ceiling: "ceil"}
    for cls, name in real_fns.items():
        if type(e) is cls and len(e.args) == 1:
            return acb(getattr(_real_part(_to_ball(e.args[0], memo), e.args[0]), name)())
    if type(e) in (sp.asin, sp.acos):
        x = _real_part(_to_ball(e.args[0], memo), e.args[0])
        if not (x < 1 and x > -1):             # certified inside (-1, 1): off the branch cuts
            raise _Unsupported(f"{e}: argument not certified inside (-1, 1)")
        return acb(x.asin() if type(e) is sp.asin else x.acos())
    if isinstance(e, sp.sign):
        z = _to_ball(e.args[0], memo)
        if z.imag.is_zero() or e.args[0].is_extended_real is True:
            return acb(z.real.sgn())
        return z / acb(abs(z))
    if isinstance(e, (sp.Max, sp.Min)):
        vals = [_real_part(_to_ball(a, memo), a) for a in e.args]
        acc = vals[0]
        for v in vals[1:]:
            acc = acc.max(v) if isinstance(e, sp.Max) else acc.min(v)
        return acb(acc)
    raise _Unsupported(f"no certified evaluation of {type(e).__name__}")


def enclose(e, prec: int = 256):
    """A complex ball (``flint.acb``) certainly containing the value of ``e``, computed with ``prec``
    bits of working precision; None when ``e`` has a part outside the supported list, is not finite,
    or python-flint is missing.

    >>> import sympy as sp
    >>> z = enclose(sp.sqrt(2) - sp.Rational(141421356, 10**8))
    >>> 0 in z, z.real > 0
    (False, True)
    """
    if not HAVE_FLINT:
        return None
    e = sp.sympify(e)
    if e.free_symbols:
        raise ValueError(f"e must be a number, got free symbols {sorted(map(str, e.free_symbols))}")
    old = _flint.ctx.prec
    try:
        _flint.ctx.prec = int(prec)
        return _to_ball(e, {})
    except (_Unsupported, ValueError, ZeroDivisionError, OverflowError, TypeError, AssertionError):
        return None
    finally:
        _flint.ctx.prec = old


_EVALF_TRACKED = (sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.atan, sp.Abs, sp.re, sp.im, sp.floor, sp.ceiling)


def _evalf_fallback(e, digits: int) -> bool | None:
    for node in sp.preorder_traversal(e):
        if isinstance(node, sp.Function) and not isinstance(node, _EVALF_TRACKED):
            return None
        if not (node.is_Atom or node.is_Add or node.is_Mul or node.is_Pow or isinstance(node, sp.Function)):
            return None
    try:
        v = e.evalf(digits, strict=True)
    except (sp.core.evalf.PrecisionExhausted, ValueError, TypeError, ArithmeticError):
        return None
    return True if v.is_Number and v != 0 and v.is_finite else None


def certify_nonzero(e, precisions=PRECISIONS) -> bool | None:
    """True when a certified enclosure of the closed number ``e`` excludes 0; None otherwise.

    The precision is raised through ``precisions`` (bits); the active time limit of
    :mod:`symconv.exact` (if any) is honoured.  A ball that keeps containing 0 proves nothing: the
    answer is then None, never False.
    """
    e = sp.sympify(e)
    if e.free_symbols:
        raise ValueError(f"e must be a number, got free symbols {sorted(map(str, e.free_symbols))}")
    if e.is_Rational:
        return True if e != 0 else None
    if not HAVE_FLINT:  # pragma: no cover - depends on the installation
        return _evalf_fallback(e, max(15, precisions[-1] * 3 // 10))
    for prec in precisions:
        z = enclose(e, prec)
        if z is None:
            return None
        if 0 not in z:
            return True
        if z.is_exact():           # exactly 0 at this precision's exact arithmetic: more bits change nothing
            return None
        _deadline.check()
    return None
