"""The fast exact DFT checks remember decisions by the exact count vector of a geometric sum, and compare
the n x n exponent tables in blocks of rows; neither may change an answer: compared with deciding every sum
afresh and with the whole-table comparison, at block sizes that do and do not divide n, with a mismatch in
the last block, and false claims still refuted with the same counterexamples."""

import numpy as np
import pytest

import symconv as sc
from symconv.exact import root_sum_is_zero
from symconv.verify import dft


@pytest.mark.parametrize("n", [1, 2, 3, 4, 6, 12, 30, 35])
def test_geometric_sums_match_fresh_decisions(n):
    fresh = [root_sum_is_zero(np.bincount((d * np.arange(n)) % n, minlength=n).tolist(), n) for d in range(n)]
    assert dft.geometric_sums(n) == fresh == [d != 0 for d in range(n)]


@pytest.mark.parametrize("n", [2, 6, 35])
def test_false_scales_are_still_refuted(n):
    assert isinstance(dft.dft_mul_conj_transpose(n), sc.Holds)
    for scale in (1, n - 1, n + 1, 0):
        assert isinstance(dft.dft_mul_conj_transpose(n, scale=scale), sc.Counterexample), scale


# ---------------------------------------------------------------- row blocks (issue 13: linear memory)

def _reference_first_mismatch_step2(n, sign):
    """F S = D F compared on whole n x n arrays, as the check did before it worked in row blocks."""
    i = np.arange(n)
    E = (-np.outer(i, i)) % n
    FS = E[:, (i + 1) % n]
    D = (-sign * i) % n
    DF = (E + D[:, None]) % n
    bad = np.argwhere((FS - DF) % n != 0)
    return None if not bad.size else tuple(map(int, bad[0]))


def _reference_first_mismatch_modes(n, sign):
    i = np.arange(n)
    E = np.outer(i, i) % n
    SE = E[(i - 1) % n, :]
    RHS = (E + ((-sign * i) % n)[None, :]) % n
    bad = np.argwhere((SE - RHS) % n != 0)
    return None if not bad.size else tuple(map(int, bad[0]))


# block sizes: one row per block, blocks that do not divide n, and one block for everything
@pytest.mark.parametrize("chunk", [1, 5, 16, 1 << 18])
@pytest.mark.parametrize("n", [1, 2, 3, 7, 12, 13, 31, 36])
def test_row_blocks_give_the_whole_table_answers(monkeypatch, chunk, n):
    monkeypatch.setattr(dft, "CHUNK_ENTRIES", chunk)
    blocks = list(dft._row_blocks(n))
    assert [r for a, b in blocks for r in range(a, b)] == list(range(n))      # every row once, in order
    for sign in (1, -1):
        out = dft.dft_diagonalizes_circulant(n, sign=sign)
        ref = _reference_first_mismatch_step2(n, sign)
        assert isinstance(out, sc.Holds) == (ref is None), (n, sign)
        if ref is not None:
            assert f"(F S)[{ref[0]},{ref[1]}]" in out.description
        modes = dft.fourier_modes_are_shift_eigenvectors(n, sign=sign)
        ref = _reference_first_mismatch_modes(n, sign)
        assert isinstance(modes, sc.Holds) == (ref is None), (n, sign)
        if ref is not None:
            assert f"(S f_{ref[1]})[{ref[0]}]" in modes.description
    assert isinstance(dft.dft_mul_conj_transpose(n), sc.Holds)
    if n > 1:
        assert isinstance(dft.dft_mul_conj_transpose(n, scale=1), sc.Counterexample)


@pytest.mark.parametrize("chunk", [1, 7, 16, 1 << 18])
@pytest.mark.parametrize("n", [1, 2, 5, 12, 13, 30])
def test_geometric_count_vectors_are_exact_in_every_block(monkeypatch, chunk, n):
    monkeypatch.setattr(dft, "CHUNK_ENTRIES", chunk)
    got = list(dft._geometric_counts(n))
    assert [d for d, _ in got] == list(range(n))
    for d, counts in got:
        assert counts.tolist() == np.bincount((d * np.arange(n)) % n, minlength=n).tolist(), d


@pytest.mark.parametrize("n", [1, 2, 3, 4, 6, 9, 12, 30, 64, 105])
def test_count_vector_is_a_function_of_the_gcd(n):
    """The comment's lemma (an explanation only: the memo is keyed by the exact vector): counts[e] = g if
    g | e else 0, g = gcd(d, n)."""
    import math
    for d, counts in dft._geometric_counts(n):
        g = math.gcd(d, n)
        assert counts.tolist() == [g if e % g == 0 else 0 for e in range(n)], d


def test_each_distinct_count_vector_is_decided_once_and_every_sum_is_looked_up(monkeypatch):
    asked = []

    def spy(counts, n):
        asked.append(tuple(counts))
        return root_sum_is_zero(counts, n)
    monkeypatch.setattr(dft, "root_sum_is_zero", spy)
    monkeypatch.setattr(dft, "CHUNK_ENTRIES", 7)
    n = 36
    assert dft.geometric_sums(n) == [d != 0 for d in range(n)]
    vectors = {tuple(np.bincount((d * np.arange(n)) % n, minlength=n).tolist()) for d in range(n)}
    assert len(asked) == len(set(asked)) and set(asked) == vectors          # 9 divisors of 36: 9 vectors


@pytest.mark.parametrize("chunk", [1, 5, 1 << 18])
@pytest.mark.parametrize("n", [2, 3, 13, 36])
def test_a_mismatch_in_the_last_block_is_found(monkeypatch, chunk, n):
    """F's last entry corrupted: the only mismatches sit in the last row, so in the last block."""
    monkeypatch.setattr(dft, "CHUNK_ENTRIES", chunk)
    real = dft.dft_exponent_rows

    def corrupted(n_, a, b):
        E = real(n_, a, b)
        if b == n_:
            E[-1, -1] = (E[-1, -1] + 1) % n_
        return E
    monkeypatch.setattr(dft, "dft_exponent_rows", corrupted)
    assert list(dft._row_blocks(n))[-1][1] == n
    out = dft.dft_diagonalizes_circulant(n)
    assert isinstance(out, sc.Counterexample)
    assert f"(F S)[{n - 1},{n - 2}]" in out.description          # perm[n - 2] = n - 1: F[n-1, n-1] is read there first


def test_a_wrong_shift_permutation_is_caught_in_the_last_block(monkeypatch):
    """The eigenvector check applies the permutation of objects.shift_permutation, not a formula of its own."""
    n = 13
    monkeypatch.setattr(dft, "CHUNK_ENTRIES", 5 * n)       # blocks of 5 rows: 0-4, 5-9, 10-12
    assert list(dft._row_blocks(n))[-1] == (10, 13)
    real = dft.shift_permutation

    def swapped(n_, k=1):
        p = real(n_, k)
        p[n_ - 3], p[n_ - 2] = p[n_ - 2], p[n_ - 3]        # rows n-2 and n-1 of S exchanged
        return p
    monkeypatch.setattr(dft, "shift_permutation", swapped)
    out = dft.fourier_modes_are_shift_eigenvectors(n)
    assert isinstance(out, sc.Counterexample) and f"[{n - 2}]" in out.description.split(" = ")[0]
    assert isinstance(dft.dft_diagonalizes_circulant(n), sc.Counterexample)


def test_false_variants_keep_their_counterexamples_in_blocks(monkeypatch):
    monkeypatch.setattr(dft, "CHUNK_ENTRIES", 3)
    assert str(dft.dft_diagonalizes_circulant(3, sign=-1)) == (
        "n=3: c = e_1 (circ(c) = S): (F S)[1,0] = zeta^2 but (D F)[1,0] = zeta^1 with the claimed D[1,1] = zeta^1")
    assert str(dft.fourier_modes_are_shift_eigenvectors(5, sign=-1)) == (
        "n=5: (S f_1)[0] = zeta^4 but omega^-1 f_1[0] = zeta^1 (zeta = exp(2 pi i/5))")
    assert "(F F*)[0,0]" in dft.dft_mul_conj_transpose(6, scale=1).description


def test_holds_says_every_entry_and_the_blocks():
    out = dft.dft_diagonalizes_circulant(2048)
    assert isinstance(out, sc.Holds)
    assert "all 2048x2048 entries of each" in out.detail and "in blocks of 128 rows" in out.detail
    assert "the 2048 geometric sums, d = 0 included" in out.detail
    assert "in one block" in dft.dft_diagonalizes_circulant(12).detail
    assert "all 2048x2048 entries" in dft.fourier_modes_are_shift_eigenvectors(2048).detail


def test_memory_is_linear_not_quadratic():
    """At n = 2048 one whole int64 exponent table is 32 MiB; the blocked check stays far below it."""
    import tracemalloc
    n = 2048
    dft.dft_diagonalizes_circulant(8)           # imports and caches outside the measurement
    tracemalloc.start()
    try:
        assert isinstance(dft.dft_diagonalizes_circulant(n), sc.Holds)
        assert isinstance(dft.fourier_modes_are_shift_eigenvectors(n), sc.Holds)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < n * n * 8 / 2, f"peak {peak / 2**20:.1f} MiB"


def test_dft_exponent_rows_are_the_rows_of_the_table():
    from symconv.objects.dft import dft_exponent_rows
    for n in (1, 2, 7, 12):
        full = sc.objects.dft_exponents(n)
        for a in range(n + 1):
            for b in range(a, n + 1):
                assert np.array_equal(dft_exponent_rows(n, a, b), full[a:b])
    with pytest.raises(ValueError, match="start"):
        dft_exponent_rows(4, 3, 2)
    with pytest.raises(ValueError, match="stop"):
        dft_exponent_rows(4, 0, 5)
    with pytest.raises(TypeError, match="start"):
        dft_exponent_rows(4, 1.0, 2)


@pytest.mark.parametrize("bad_perm", [lambda n_, k=1: [(j + k) % n_ - 1 for j in range(n_)],   # -1 for n-1
                                      lambda n_, k=1: [0] * n_,
                                      lambda n_, k=1: list(range(n_ - 1))])
def test_a_shift_permutation_that_is_not_one_decides_nothing(monkeypatch, bad_perm):
    monkeypatch.setattr(dft, "shift_permutation", bad_perm)
    for check in (dft.dft_diagonalizes_circulant, dft.fourier_modes_are_shift_eigenvectors):
        with pytest.raises(ValueError, match="not a permutation"):
            check(5)
