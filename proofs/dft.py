"""The DFT diagonalises every circulant: the Fourier modes are the shift's eigenvectors,
F F* = n I, and F circ(c) F^-1 = diag(F c).  Convention: F_jk = omega^(jk), omega = exp(-2 pi i/n)."""

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import (ExponentArithmetic, Fold, GeometricSum, IndexArithmetic,
                                  PullOut, ReindexSum, Sift, Unfold)
from symconv.engine.statement import Statement
from symconv.objects.indexed import (C, F, Fs, Iverson, S, X, c, entry_function, i, j, k, l, m, n,
                                     omega, zsum)

ORDER = 50  # position in reports and in the LaTeX document

f = entry_function("f", "(f_k)")
Fc = entry_function("Fc", "(Fc)")
_MODE = {"f": sp.Lambda((j,), omega ** (-j * k))}                 # f_k, the k-th Fourier mode
_FC = {"Fc": sp.Lambda((j,), zsum(omega ** (j * k) * c(k), k))}   # (F c)_j


FORMAL_EIGEN = (Statement.identity(zsum(S(i, j) * f(j), j), omega ** k * f(i), definitions=_MODE),
                Statement.identity(omega ** (k * n), 1))
FORMAL_UNITARY = Statement.identity(zsum(F(j, l) * Fs(l, k), l), n * Iverson(j, k))
FORMAL_DIAG = (Statement.identity(zsum(F(j, l) * C(l, m), l), Fc(j) * F(j, m), definitions=_FC), FORMAL_UNITARY)


def _derive_eigen():
    vec = (sc.Derivation(zsum(S(i, j) * f(j), j), title=r"$(S f_k)_i$ with $(f_k)_j = \omega^{-jk}$",
                         goal=omega ** k * f(i))
           .step(zsum(Iverson(i, j + 1) * omega ** (-j * k), j), Unfold("S", "f", definitions=_MODE))
           .step(omega ** (-(i - 1) * k), Sift(j))
           .step(omega ** k * omega ** (-i * k), ExponentArithmetic())
           .step(omega ** k * f(i), Fold("f", definitions=_MODE)))
    root = (sc.Derivation(omega ** (k * n), title=r"the eigenvalue $\omega^k$ is an $n$-th root of unity", goal=1)
            .step(sp.Integer(1), ExponentArithmetic()))
    return [vec, root]


def _numeric_eigen(n_, rng, dps):
    P = sc.verify.permutation_array(n_).astype(float)
    Finv = np.conj(sc.dft_matrix_numeric(n_))            # columns f_k
    w = np.exp(-2j * np.pi * np.arange(n_) / n_)
    err = np.abs(P @ Finv - Finv * w[None, :]).max()
    Fm = sc.dft_matrix_numeric(n_, dps)
    Fmc = mpmath.matrix([[mpmath.conj(Fm[r, q]) for q in range(n_)] for r in range(n_)])
    wm = [Fm[1 % n_, q] if n_ > 1 else mpmath.mpf(1) for q in range(n_)]
    D = mpmath.diag(wm)
    return err, sc.mp_max_abs(sc.mp_matrix(P) * Fmc - Fmc * D)


fourier_mode_is_shift_eigenvector = sc.Theorem(
    "fourier_mode_is_shift_eigenvector",
    "The Fourier modes f_k = (omega^(-jk))_j are eigenvectors of S, with eigenvalues omega^k, the n-th roots of unity.",
    claims="proved",
    latex=r"S f_k = \omega^{k} f_k,\quad (f_k)_j = \omega^{-jk} = e^{2\pi i jk/n},\quad (\omega^k)^n = 1",
    derivation=_derive_eigen, formal=FORMAL_EIGEN,
    exact=sc.verify.fourier_modes_are_shift_eigenvectors, n_range=(1, 64),
    numeric=_numeric_eigen,
    false_variants=[sc.FalseVariant(
        "fourier_mode_is_shift_eigenvector_wrong_sign", "S f_k = omega^(-k) f_k (omega with the wrong sign).",
        exact=lambda n_: sc.verify.fourier_modes_are_shift_eigenvectors(n_, sign=-1))],
)


def _mp_eigenvalues(M):
    """The eigenvalues of M by mpmath's eig without its eigenvectors (the same QR iterations, the same numbers);
    eig of a 1 x 1 matrix answers with its vectors whatever is asked, so there they are dropped here."""
    return mpmath.eig(M)[0] if M.rows == 1 else mpmath.eig(M, right=False)


def _numeric_charpoly(n_, rng, dps):
    P = sc.verify.permutation_array(n_).astype(float)
    ev = np.linalg.eigvals(P)
    roots = np.exp(2j * np.pi * np.arange(n_) / n_)
    err = max(np.abs(ev[:, None] - roots[None, :]).min(axis=1).max(),
              np.abs(roots[:, None] - ev[None, :]).min(axis=1).max())
    evm = _mp_eigenvalues(sc.mp_matrix(P))
    rootm = [mpmath.expjpi(mpmath.mpf(2 * q) / n_) for q in range(n_)]
    errm = max(max(min(abs(e - r) for r in rootm) for e in evm), max(min(abs(e - r) for e in evm) for r in rootm))
    return err, float(errm)


#: det(xI - S) = x^n - 1 (a determinant of symbolic size: not evaluated concretely), and x^n - 1 is the product of
#: x - omega^k over the n distinct n-th roots of unity omega^k (so every root is simple; evaluated concretely)
FORMAL_CHARPOLY = (Statement.identity(sp.Determinant(X * sp.Identity(n) - sp.MatrixSymbol("S", n, n)), X ** n - 1),
                   Statement.identity(X ** n - 1, sp.Product(X - omega ** k, (k, 0, n - 1))))


shift_charpoly_eq_X_pow_sub_one = sc.Theorem(
    "shift_charpoly_eq_X_pow_sub_one",
    "det(xI - S) = x^n - 1, a squarefree polynomial: the eigenvalues of S are exactly the n-th roots of unity, each simple.",
    claims="verified",
    latex=r"\det(xI - S) = x^n - 1,\qquad \gcd\big(x^n-1,\ n x^{n-1}\big) = 1",
    exact=sc.verify.shift_charpoly, n_range=(1, 64), formal=FORMAL_CHARPOLY,
    numeric=_numeric_charpoly, numeric_sizes=(1, 2, 3, 5, 8, 12),
    false_variants=[sc.FalseVariant(
        "shift_charpoly_eq_X_pow_add_one", "det(xI - S) = x^n + 1.",
        exact=lambda n_: sc.verify.shift_charpoly(n_, constant=+1))],
)


def _derive_unitary():
    return [sc.Derivation(zsum(F(j, l) * Fs(l, k), l), title=r"$(F F^*)_{jk}$", goal=n * Iverson(j, k))
            .step(zsum(omega ** (j * l) * omega ** (-l * k), l), Unfold("F", "F^*"))
            .step(zsum(omega ** ((j - k) * l), l), ExponentArithmetic())
            .step(n * Iverson(j - k, 0), GeometricSum(l))
            .step(n * Iverson(j, k), IndexArithmetic())]


def _numeric_unitary(n_, rng, dps):
    Fn = sc.dft_matrix_numeric(n_)
    err = np.abs(Fn @ Fn.conj().T - n_ * np.eye(n_)).max()
    Fm = sc.dft_matrix_numeric(n_, dps)
    return err, sc.mp_max_abs(Fm * Fm.H - mpmath.eye(n_) * n_)


dft_mul_conjTranspose_eq_smul_one = sc.Theorem(
    "dft_mul_conjTranspose_eq_smul_one",
    "F F* = n I: the unnormalised DFT is n times a unitary matrix, so F^-1 = F*/n.",
    claims="proved",
    latex=r"F F^{*} = n I,\qquad F^{-1} = \tfrac1n F^{*}",
    derivation=_derive_unitary, formal=FORMAL_UNITARY,
    exact=sc.verify.dft_mul_conj_transpose, n_range=(1, 64),
    numeric=_numeric_unitary,
    false_variants=[sc.FalseVariant(
        "dft_mul_conjTranspose_eq_one", "F F* = I (the unnormalised DFT taken as unitary).",
        exact=lambda n_: sc.verify.dft_mul_conj_transpose(n_, scale=1))],
)


def _derive_diag():
    lhs = (sc.Derivation(zsum(F(j, l) * C(l, m), l), title=r"$(F\,\mathrm{circ}(c))_{jm} = (Fc)_j F_{jm}$, so $F\,\mathrm{circ}(c) = \operatorname{diag}(Fc)\,F$",
                         goal=Fc(j) * F(j, m),
                         conclusion=r"$F\,\mathrm{circ}(c) = \operatorname{diag}(Fc)\,F$; with "
                                    r"$F^{-1} = F^*/n$ from $FF^* = nI$ (below), "
                                    r"$F\,\mathrm{circ}(c)\,F^{-1} = \operatorname{diag}(Fc)$")
           .step(zsum(omega ** (j * l) * c(l - m), l), Unfold("F", "C"))
           .step(zsum(omega ** (j * (k + m)) * c(k), k), ReindexSum(l, k + m, k))
           .step(omega ** (j * m) * zsum(omega ** (j * k) * c(k), k), PullOut(k))
           .step(Fc(j) * F(j, m), Fold("Fc", "F", definitions=_FC)))
    return [lhs] + _derive_unitary()


def _numeric_diag(n_, rng, dps):
    cv = rng.standard_normal(n_)
    Fn = sc.dft_matrix_numeric(n_)
    Cn = sc.objects.circulant_array(cv)
    err = np.abs(Fn @ Cn @ Fn.conj().T / n_ - np.diag(Fn @ cv)).max()
    Fm = sc.dft_matrix_numeric(n_, dps)
    lhs = Fm * sc.mp_matrix(Cn) * Fm.H / n_
    rhs = mpmath.diag(list(Fm * sc.mp_matrix(cv)))
    return err, sc.mp_max_abs(lhs - rhs)


dft_diagonalizes_circulant = sc.Theorem(
    "dft_diagonalizes_circulant",
    "The DFT diagonalises every circulant: F circ(c) F^-1 = diag(F c), so its eigenvalues are the DFT of c.",
    claims="proved",
    latex=r"F\,\mathrm{circ}(c)\,F^{-1} = \operatorname{diag}(F c)",
    derivation=_derive_diag, formal=FORMAL_DIAG,
    exact=sc.verify.dft_diagonalizes_circulant, n_range=(1, 64),
    numeric=_numeric_diag,
    false_variants=[sc.FalseVariant(
        "dft_diagonalizes_circulant_conj", "F circ(c) F^-1 = diag(conj(F) c) (omega with the wrong sign).",
        exact=lambda n_: sc.verify.dft_diagonalizes_circulant(n_, sign=-1))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
