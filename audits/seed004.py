"""Seed 004 (TensorFlow blog): its worked example and its claims about pooling, checked exactly."""

import numpy as np

import symconv as sc
from symconv.engine.audit import AuditClaim, exactly, from_check
from symconv.objects.layers import correlate2d, max_pool2d, output_size
from symconv.verify import layers as V

S = "004 blog"
IMAGE = [[0, 0, 0, 1, 1, 0, 0, 0]] * 7
VERTICAL = [[1, -1], [1, -1]]


def _vertical_example():
    y = correlate2d(IMAGE, VERTICAL, "same")          # tf.nn.conv2d: cross-correlation, 'SAME'
    relu = np.vectorize(lambda v: max(v, 0))(y)
    cols_neg = sorted({j for i in range(y.shape[0]) for j in range(y.shape[1]) if y[i, j] < 0})
    cols_pos = sorted({j for i in range(y.shape[0]) for j in range(y.shape[1]) if y[i, j] > 0})
    line_cols = {3, 4}
    verdict = "holds" if set(cols_neg) | set(cols_pos) == line_cols else "refuted"
    return (verdict, f"the output is {y.tolist()[0]} in each of the first 6 rows ({y.tolist()[-1]} in the last): "
                       f"it marks the two edges of the line (negative at columns {cols_neg}, positive at {cols_pos}); "
                       f"after ReLU only the right edge remains: {relu.tolist()[0]}")


def _pool_shapes():
    sizes = [64]
    for _ in range(4):                                  # ksize 2, stride 2, 'SAME': ceil(n / 2)
        sizes.append(-(-sizes[-1] // 2))
    shapes = [64]
    x = np.zeros((64, 64))
    for _ in range(4):
        x = max_pool2d(x, 2)
        shapes.append(x.shape[0])
    return exactly(shapes, [64, 32, 16, 8, 4])


def _invariance():
    cex = V.local_pool_invariance_claim(4)
    verdict, value = from_check(cex)
    return verdict, ((cex.description if isinstance(cex, sc.Counterexample) else value)
                     + "; exact invariance comes from global pooling (global_pool_shift_invariant)")


def _robust():
    """The vague claim read as a checkable one: max pooling absorbs some shifts that move the feature map
    (those within a pooling window), so fewer shifts change the pooled output than change the map itself.
    Counted exactly over every spike position p and every non-zero cyclic shift m of a length-6 map."""
    n = 6
    spikes = [np.eye(n)[p] for p in range(n)]
    pairs = [(p, m) for p in range(n) for m in range(1, n)]
    pool = lambda v: max_pool2d(v[None, :], (1, 2)).tolist()[0]                 # noqa: E731  (1x2, stride 2)
    map_same = sum(np.array_equal(np.roll(spikes[p], m), spikes[p]) for p, m in pairs)
    pool_same = [(p, m) for p, m in pairs if pool(np.roll(spikes[p], m)) == pool(spikes[p])]
    moved = [pool(np.roll(spikes[0], m)) for m in range(3)]
    verdict = "holds" if map_same == 0 and pool_same else "refuted"
    return verdict, (f"of the {len(pairs)} (spike, shift) pairs on a length-{n} map, the shift changes the map in all "
                     f"{len(pairs) - map_same} but the max-pooled output (1x2, stride 2) only in "
                     f"{len(pairs) - len(pool_same)} (unchanged e.g. for {pool_same[0] if pool_same else None}); "
                     f"a spike shifted by 0, 1, 2: {moved}: unchanged by the shift within a window, moved by the shift "
                     "of a whole stride. More robust, not invariant: only global pooling is exactly invariant")


AUDIT = [
    AuditClaim(S, "introduction", "Translation in-variance is a result of the pooling operation", _invariance,
               reading="local max pooling (window 2, stride 2) after a convolution makes the output exactly invariant "
                       "to every shift of the input"),
    AuditClaim(S, "How computer sees images", "8 bits store 0..255; 3 channels x 8 bits = 24 bits per pixel",
               lambda: exactly((2 ** 8 - 1, 3 * 8), (255, 24))),
    AuditClaim(S, "Mathematics behind convolution", "the kernel [[1,-1],[1,-1]] extracts the vertical line",
               _vertical_example, reading="the filtered image is non-zero exactly on the line's own columns (3 and 4)"),
    AuditClaim(S, "Mathematics behind convolution", "tf.nn.conv2d(..., strides=1, padding='SAME') keeps the 7x8 size",
               lambda: exactly(correlate2d(IMAGE, VERTICAL, "same").shape, (7, 8))),
    AuditClaim(S, "Max pooling", "four 2x2/stride-2 max poolings take the 64x64 circle to 32, 16, 8, 4",
               _pool_shapes),
    AuditClaim(S, "Global pooling", "global pooling = pooling with the window of the whole feature map",
               lambda: exactly(max_pool2d(np.arange(12).reshape(3, 4), (3, 4)).tolist(), [[11]])),
    AuditClaim(S, "Why to use Pooling Layers?", "pooling makes the model more robust to spatial translations",
               _robust, reading="max pooling leaves the output unchanged under some shifts that move the feature map "
                                "(shifts within a pooling window), not exact invariance"),
    AuditClaim(S, "Why to use Pooling Layers?", "pooling layers reduce the dimensions of the feature maps",
               lambda: exactly(output_size(64, 2, 0, 2), 32)),
]
