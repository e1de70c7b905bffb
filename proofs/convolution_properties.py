"""Properties of discrete convolution (seed 003), each proved twice: for cyclic signals of length n
(sums over Z_n) and for finitely supported sequences (sums over Z): associativity, distributivity,
scaling, the identity delta, the shift rule and the finite-difference rule.  Commutativity is
circulant_mul_comm."""

import sympy as sp

import symconv as sc
from symconv.engine.numeric import float_and_mp
from symconv.engine.statement import Statement
from symconv.engine.rules import (CombineSums, Fold, PullIn, PullOut, ReindexSum, Sift, SplitSum, SwapSums, Unfold)
from symconv.objects.indexed import Iverson, entry_function, lsum, m, s_, sequence_function, t, u, v, zsum
from symconv.objects.kernels import conv_full
from symconv.verify._polys import PolyEquality

ORDER = 57  # position in reports and in the LaTeX document

lam = sp.Symbol("lambda")


def _kit(cyclic: bool):
    """Functions, sum and delta for one setting: Z_n (cyclic) or Z (finitely supported)."""
    fn = entry_function if cyclic else sequence_function
    tag = "" if cyclic else "z"
    total = zsum if cyclic else lsum
    a, b, c = fn(tag + "a", "a"), fn(tag + "b", "b"), fn(tag + "c", "c")
    delta = (lambda e: Iverson(e, 0)) if cyclic else (lambda e: sp.KroneckerDelta(e, 0))
    op = r"\circledast" if cyclic else "*"
    F = lambda name, tex: fn(tag + name, tex.replace("OP", op))  # noqa: E731
    return fn, total, a, b, c, delta, F


def _defs(cyclic):
    fn, total, a, b, c, delta, F = _kit(cyclic)
    ab, bc, abc1, abc2 = F("ab", "(a OP b)"), F("bc", "(b OP c)"), F("abc1", "((a OP b) OP c)"), F("abc2", "(a OP (b OP c))")
    d = {ab: sp.Lambda((s_,), total(a(s_ - t) * b(t), t)),
         bc: sp.Lambda((s_,), total(b(s_ - t) * c(t), t)),
         abc1: sp.Lambda((s_,), total(ab(s_ - u) * c(u), u)),
         abc2: sp.Lambda((s_,), total(a(s_ - v) * bc(v), v))}
    return {f.__name__: lam_ for f, lam_ in d.items()}, (a, b, c, ab, bc, abc1, abc2, total)


def _derive_assoc():
    out = []
    for cyclic in (True, False):
        defs, (a, b, c, ab, bc, abc1, abc2, total) = _defs(cyclic)
        where = r"$\mathbb{Z}_n$" if cyclic else r"$\mathbb{Z}$, finite supports"
        out.append(sc.Derivation(abc1(s_), title=f"associativity on {where}", goal=abc2(s_))
                   .step(total(total(a(s_ - u - t) * b(t), t) * c(u), u), Unfold(abc1.__name__, ab.__name__, definitions=defs))
                   .step(total(total(a(s_ - u - t) * b(t) * c(u), t), u), PullIn(t))
                   .step(total(total(a(s_ - v) * b(v - u) * c(u), v), u), ReindexSum(t, v - u, v))
                   .step(total(total(a(s_ - v) * b(v - u) * c(u), u), v), SwapSums())
                   .step(total(a(s_ - v) * total(b(v - u) * c(u), u), v), PullOut(u))
                   .step(abc2(s_), Fold(abc2.__name__, bc.__name__, definitions=defs)))
    return out


def _assoc_statements():
    out = []
    for cyclic in (True, False):
        defs, (a, b, c, ab, bc, abc1, abc2, total) = _defs(cyclic)
        out.append(Statement.identity(abc1(s_), abc2(s_), definitions=defs,
                                      text="on Z_n" if cyclic else "on Z, finite supports"))
    return tuple(out)


def _vanish(exprs) -> list[bool]:
    """Whether each expression expands to 0.  Polynomials with rational coefficients in plain symbols (every
    residue here) are read into QQ[symbols] (symconv.verify._polys.PolyEquality: exact ring arithmetic, no
    expansion of SymPy expressions) and are 0 exactly when their polynomial is; anything else is expanded."""
    exprs = [sp.sympify(e) for e in exprs]
    syms = sorted(set().union(*(e.free_symbols for e in exprs)), key=sp.default_sort_key)
    try:
        ring = PolyEquality(syms) if syms else None
    except ValueError:
        ring = None
    out = []
    for e in exprs:
        p = ring.poly(e) if ring is not None else None
        out.append(sp.expand(e) == 0 if p is None else not p)
    return out


def _exact(n_, claim):
    """claim(conv, n) -> expressions that must vanish; cyclic (length n) and linear (lengths <= n)."""
    for conv, lengths in ((sc.circular_convolve, [n_]), (conv_full, range(1, n_ + 1))):
        for p_ in lengths:
            exprs = claim(conv, p_)
            for e, zero in zip(exprs, _vanish(exprs)):
                if not zero:
                    return sc.Counterexample(n_, f"{conv.__name__}, length {p_}: residue {sp.expand(e)}")
    return sc.Holds(f"every residue of the claim expands to 0: cyclic convolution of length {n_} and linear "
                    f"convolution of lengths 1..{n_}, generic symbolic signals")


def _syms(name, p_):
    return list(sp.symbols(f"{name}0:{p_}"))


def _assoc_claim(conv, p_, wrong=False):
    a, b, c = _syms("a", p_), _syms("b", p_), _syms("c", p_)
    lhs = conv(conv(a, b), c)
    rhs = conv(a, conv(b, c)) if not wrong else conv(conv(a, c), b[::-1])
    return [x - y for x, y in zip(lhs, rhs)] + ([1] if len(lhs) != len(rhs) else [])


def _num(defect):
    return lambda n_, rng, dps: float_and_mp(defect, dps, *(rng.standard_normal(n_) for _ in range(3)))


def _assoc_defect(x, y, z):
    return max(abs(p - q) for p, q in zip(conv_full(conv_full(list(x), list(y)), list(z)),
                                          conv_full(list(x), conv_full(list(y), list(z)))))


conv_assoc = sc.Theorem(
    "conv_assoc",
    "Convolution is associative: (a * b) * c = a * (b * c), cyclic and linear.",
    claims="proved",
    latex=r"(a * b) * c = a * (b * c)",
    derivation=_derive_assoc, formal=_assoc_statements(),
    exact=lambda n_: _exact(n_, _assoc_claim), n_range=(1, 6),
    numeric=_num(_assoc_defect), numeric_sizes=(1, 3, 6),
    false_variants=[sc.FalseVariant(
        "conv_assoc_reversed", "(a * b) * c = (a * c) * reversed(b).",
        exact=lambda n_: _exact(n_, lambda conv, p_: _assoc_claim(conv, p_, wrong=True)), n_range=(2, 6))],
)


def _linear_kit(cyclic):
    fn, total, a, b, c, delta, F = _kit(cyclic)
    ab, ac = F("ab", "(a OP b)"), F("ac", "(a OP c)")
    a_bc = F("a_bpc", "(a OP (b + c))")
    la_b = F("la_b", r"((\lambda a) OP b)")
    d_a = F("d_a", r"(\delta OP a)")
    sa_b = F("sa_b", "((S^m a) OP b)")
    defs = {ab.__name__: sp.Lambda((s_,), total(a(s_ - t) * b(t), t)),
            ac.__name__: sp.Lambda((s_,), total(a(s_ - t) * c(t), t)),
            a_bc.__name__: sp.Lambda((s_,), total(a(s_ - t) * (b(t) + c(t)), t)),
            la_b.__name__: sp.Lambda((s_,), total(lam * a(s_ - t) * b(t), t)),
            d_a.__name__: sp.Lambda((s_,), total(delta(s_ - t) * a(t), t)),
            sa_b.__name__: sp.Lambda((s_,), total(a(s_ - m - t) * b(t), t))}
    return a, ab, ac, a_bc, la_b, d_a, sa_b, defs


def _linear_statements():
    out = []
    for cyclic in (True, False):
        a, ab, ac, a_bc, la_b, d_a, sa_b, defs = _linear_kit(cyclic)
        out += [Statement.identity(a_bc(s_), ab(s_) + ac(s_), definitions=defs),
                Statement.identity(la_b(s_), lam * ab(s_), definitions=defs),
                Statement.identity(d_a(s_), a(s_), definitions=defs),
                Statement.identity(sa_b(s_), ab(s_ - m), definitions=defs)]
    return tuple(out)


def _difference_kit(cyclic):
    fn, total, a, b, c, delta, F = _kit(cyclic)
    ab = F("ab", "(a OP b)")
    dab = F("dab", r"(\Delta(a OP b))")
    da_b = F("da_b", r"((\Delta a) OP b)")
    defs = {ab.__name__: sp.Lambda((s_,), total(a(s_ - t) * b(t), t)),
            dab.__name__: sp.Lambda((s_,), ab(s_) - ab(s_ - 1)),
            da_b.__name__: sp.Lambda((s_,), total((a(s_ - t) - a(s_ - 1 - t)) * b(t), t))}
    return dab, da_b, defs


def _difference_statements():
    return tuple(Statement.identity(dab(s_), da_b(s_), definitions=defs)
                 for dab, da_b, defs in (_difference_kit(True), _difference_kit(False)))


def _derive_linear_rules():
    out = []
    for cyclic in (True, False):
        fn, total, a, b, c, delta, F = _kit(cyclic)
        where = r"$\mathbb{Z}_n$" if cyclic else r"$\mathbb{Z}$"
        a, ab, ac, a_bc, la_b, d_a, sa_b, defs = _linear_kit(cyclic)
        out += [
            sc.Derivation(a_bc(s_), title=f"distributivity on {where}", goal=ab(s_) + ac(s_))
            .step(total(a(s_ - t) * (b(t) + c(t)), t), Unfold(a_bc.__name__, definitions=defs))
            .step(total(a(s_ - t) * b(t), t) + total(a(s_ - t) * c(t), t), SplitSum())
            .step(ab(s_) + ac(s_), Fold(ab.__name__, ac.__name__, definitions=defs)),
            sc.Derivation(la_b(s_), title=f"scaling on {where}", goal=lam * ab(s_))
            .step(total(lam * a(s_ - t) * b(t), t), Unfold(la_b.__name__, definitions=defs))
            .step(lam * total(a(s_ - t) * b(t), t), PullOut(t))
            .step(lam * ab(s_), Fold(ab.__name__, definitions=defs)),
            sc.Derivation(d_a(s_), title=f"the identity $\\delta$ on {where}", goal=a(s_))
            .step(total(delta(s_ - t) * a(t), t), Unfold(d_a.__name__, definitions=defs))
            .step(a(s_), Sift(t)),
            sc.Derivation(sa_b(s_), title=f"the shift rule on {where}", goal=ab(s_ - m))
            .step(total(a(s_ - m - t) * b(t), t), Unfold(sa_b.__name__, definitions=defs))
            .step(ab(s_ - m), Fold(ab.__name__, definitions=defs)),
        ]
    return out


def _rules_claim(conv, p_, wrong=False):
    a, b, c = _syms("a", p_), _syms("b", p_), _syms("c", p_)
    out = [x - y - z for x, y, z in zip(conv(a, [p + q for p, q in zip(b, c)]), conv(a, b), conv(a, c))]
    out += [x - lam * y for x, y in zip(conv([lam * q for q in a], b), conv(a, b))]
    delta = [1] + [0] * (p_ - 1)
    out += [x - y for x, y in zip(conv(delta, a), a)]
    if conv is sc.circular_convolve:   # shift rule, cyclic: (S a) (*) b = S (a (*) b)
        sa = [a[(r - 1) % p_] for r in range(p_)]
        ab_ = conv(a, b)
        out += [x - ab_[(r - (2 if wrong else 1)) % p_] for r, x in enumerate(conv(sa, b))]
    else:                               # linear: shifting a by one tap shifts a * b by one tap
        out += [x - y for x, y in zip(conv([0] + a, b), [0] * (1 if not wrong else 2) + conv(a, b))]
    return out


def _rules_defect(x, y, z):
    lhs = conv_full(list(x), [p + q for p, q in zip(y, z)])
    rhs = [p + q for p, q in zip(conv_full(list(x), list(y)), conv_full(list(x), list(z)))]
    return max(abs(p - q) for p, q in zip(lhs, rhs))


conv_linear_rules = sc.Theorem(
    "conv_linear_rules",
    "Convolution is distributive, commutes with scaling, has the identity delta, and commutes with shifts "
    "((S^m a) * b = S^m (a * b)), cyclic and linear.",
    claims="proved",
    latex=r"a*(b+c) = a*b + a*c,\quad (\lambda a)*b = \lambda(a*b),\quad \delta * a = a,\quad (S^m a)*b = S^m(a*b)",
    derivation=_derive_linear_rules, formal=_linear_statements(),
    exact=lambda n_: _exact(n_, _rules_claim), n_range=(1, 6),
    numeric=_num(_rules_defect), numeric_sizes=(1, 3, 6),
    false_variants=[sc.FalseVariant(
        "conv_shift_rule_twice", "(S a) * b = S^2 (a * b).",
        exact=lambda n_: _exact(n_, lambda conv, p_: _rules_claim(conv, p_, wrong=True)), n_range=(2, 6))],
)


def _derive_difference():
    out = []
    for cyclic in (True, False):
        fn, total, a, b, c, delta, F = _kit(cyclic)
        where = r"$\mathbb{Z}_n$" if cyclic else r"$\mathbb{Z}$"
        ab = F("ab", "(a OP b)")
        dab, da_b, defs = _difference_kit(cyclic)
        out.append(sc.Derivation(dab(s_), title=f"$\\Delta f(s) = f(s) - f(s-1)$ on {where}", goal=da_b(s_))
                   .step(ab(s_) - ab(s_ - 1), Unfold(dab.__name__, definitions=defs))
                   .step(total(a(s_ - t) * b(t), t) - total(a(s_ - 1 - t) * b(t), t), Unfold(ab.__name__, definitions=defs))
                   .step(total((a(s_ - t) - a(s_ - 1 - t)) * b(t), t), CombineSums())
                   .step(da_b(s_), Fold(da_b.__name__, definitions=defs)))
    return out


def _diff_claim(conv, p_, wrong=False):
    a, b = _syms("a", p_), _syms("b", p_)
    if conv is sc.circular_convolve:
        D = lambda f: [f[r] - f[(r - 1) % len(f)] for r in range(len(f))]  # noqa: E731
    else:
        D = lambda f: [q - r for q, r in zip(list(f) + [0], [0] + list(f))]  # noqa: E731
    lhs, rhs1 = D(conv(a, b)), conv(D(a), b) if not wrong else conv(D(a), D(b))
    rhs2 = conv(a, D(b))
    return [x - y for x, y in zip(lhs, rhs1)] + [x - y for x, y in zip(lhs, rhs2)] + \
        ([1] if len(lhs) != len(rhs1) else [])


def _diff_defect(x, y, _z):
    D = lambda f: [q - r for q, r in zip(list(f) + [0], [0] + list(f))]  # noqa: E731
    return max(abs(p - q) for p, q in zip(D(conv_full(list(x), list(y))), conv_full(D(list(x)), list(y))))


conv_difference_rule = sc.Theorem(
    "conv_difference_rule",
    "The finite-difference analogue of the differentiation rule: Delta(a * b) = (Delta a) * b = a * (Delta b).",
    claims="proved",
    latex=r"\Delta(a * b) = (\Delta a) * b = a * (\Delta b),\qquad (\Delta f)(s) = f(s) - f(s-1)",
    derivation=_derive_difference, formal=_difference_statements(),
    exact=lambda n_: _exact(n_, _diff_claim), n_range=(1, 6),
    numeric=_num(_diff_defect), numeric_sizes=(1, 3, 6),
    false_variants=[sc.FalseVariant(
        "conv_difference_rule_both", "Delta(a * b) = (Delta a) * (Delta b).",
        exact=lambda n_: _exact(n_, lambda conv, p_: _diff_claim(conv, p_, wrong=True)), n_range=(2, 6))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
