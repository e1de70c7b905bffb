"""Every real kernel of size 2L+1 is a stack of L real size-3 kernels: pair the roots of its
polynomial, conjugates together.  Built exactly over Q where possible, else at high precision."""

import numpy as np

import symconv as sc
from symconv.engine.rules import LemmaRewrite, PolyIdentity
from symconv.engine.lemmas import HALF_DEGREE as L, REAL_ROOTS as m, ROOT_PAIRS as c
from symconv.engine.statement import Hypothesis, Statement
from symconv.objects.factorize import factor_into_size3

ORDER = 90  # position in reports and in the LaTeX document


REAL = Hypothesis("a real, size 2L+1, last tap non-zero", text="$a$ real, of size $2L+1$, last tap non-zero")
#: the c conjugate pairs and the m real roots (m + 2c = 2L) give c + m/2 = L real quadratic factors
FORMAL = Statement.identity(c + m / 2, L, hypotheses=(REAL,),
                            text="the number of real size-3 factors; each is built from a root pair")


def _derive():
    return [sc.Derivation(c + m / 2, title=r"number of real quadratic factors of $P_a$, $\deg P_a = 2L$",
                          goal=L, hypotheses=(REAL,),
                          conclusion=r"the $c$ conjugate pairs give $c$ real quadratics and the $m$ real "
                                     r"roots, an even number, give $m/2$ more: $L$ size-3 kernels in all "
                                     r"(a lower degree leaves roots at infinity: pad with $[1, 0, 0]$)")
            .step(c + (2 * L - 2 * c) / 2, LemmaRewrite("conjugate_roots_pair_up", {m: 2 * L - 2 * c},
                                                        r"$m + 2c = 2L$: non-real roots come in conjugate pairs",
                                                        hypothesis=REAL))
            .step(L, PolyIdentity())]


def _numeric(n_, rng, dps):
    kern = list(rng.integers(-9, 10, size=2 * n_ + 1))
    kern[-1] = kern[-1] or 1
    f = factor_into_size3([int(v) for v in kern], dps=dps)
    prod = np.array([1.0])
    for h in f.factors:
        prod = np.convolve(prod, [float(v) for v in h])
    err = np.abs(prod[:len(kern)] - np.array(kern, dtype=float)).max() / max(1.0, np.abs(kern).max())
    return float(err), f.reconstruction_error


real_kernel_factors_into_size3 = sc.Theorem(
    "real_kernel_factors_into_size3",
    "Every real kernel of size 2L+1 is the convolution of L real kernels of size 3.",
    claims="proved",
    latex=r"a \in \mathbb{R}^{2L+1} \;\Rightarrow\; a = h_1 * \dots * h_L,\quad h_i \in \mathbb{R}^3",
    derivation=_derive, formal=FORMAL,
    exact=sc.verify.kernels.kernel_factors_into_size3, n_range=(1, 6),
    exact_scope="seeded integer kernels and kernels with rational roots; exact or with reported error",
    numeric=_numeric, numeric_sizes=(1, 2, 3, 4, 6), tolerance=1e-8,
    false_variants=[sc.FalseVariant(
        "real_kernel_factors_into_rational_size3",
        "Every rational kernel of size 2L+1 is a stack of L size-3 kernels with rational taps.",
        exact=lambda n_: sc.verify.kernels.kernel_factors_into_size3(n_, rational_only=True))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
