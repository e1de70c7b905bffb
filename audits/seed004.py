"""Seed 004 (TensorFlow blog): its worked example and its claims about pooling, checked exactly."""

import numpy as np

from symconv.engine.audit import AuditClaim, exactly
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
    return ("refuted" if cex else "holds"), ((cex.description if cex else "no counterexample")
                                             + "; exact invariance comes from global pooling (global_pool_shift_invariant)")


def _robust():
    x = np.array([1.0, 0, 0, 0, 0, 0])
    moved = [max_pool2d(np.roll(x, m)[None, :], (1, 2)).tolist()[0] for m in range(3)]
    invariant = all(mv == moved[0] for mv in moved)
    return ("holds" if invariant else "refuted"), (f"max pooling (1x2, stride 2) of a spike shifted by 0, 1, 2: {moved}: "
                                                   "unchanged by the shift within a window, moved by the shift of a whole "
                                                   "stride; only global pooling is exactly invariant")


AUDIT = [
    AuditClaim(S, "introduction", "Translation in-variance is a result of the pooling operation", _invariance),
    AuditClaim(S, "How computer sees images", "8 bits store 0..255; 3 channels x 8 bits = 24 bits per pixel",
               lambda: exactly((2 ** 8 - 1, 3 * 8), (255, 24))),
    AuditClaim(S, "Mathematics behind convolution", "the kernel [[1,-1],[1,-1]] extracts the vertical line",
               _vertical_example),
    AuditClaim(S, "Mathematics behind convolution", "tf.nn.conv2d(..., strides=1, padding='SAME') keeps the 7x8 size",
               lambda: exactly(correlate2d(IMAGE, VERTICAL, "same").shape, (7, 8))),
    AuditClaim(S, "Max pooling", "four 2x2/stride-2 max poolings take the 64x64 circle to 32, 16, 8, 4",
               _pool_shapes),
    AuditClaim(S, "Global pooling", "global pooling = pooling with the window of the whole feature map",
               lambda: exactly(max_pool2d(np.arange(12).reshape(3, 4), (3, 4)).tolist(), [[11]])),
    AuditClaim(S, "Why to use Pooling Layers?", "pooling makes the model more robust to spatial translations",
               _robust),
    AuditClaim(S, "Why to use Pooling Layers?", "pooling layers reduce the dimensions of the feature maps",
               lambda: exactly(output_size(64, 2, 0, 2), 32)),
]
