"""The border effect, measured on good images, and the image-score margin that answers it.

At the edge of the backbone input the convolutions see zero padding and the 3x3 neighbourhood
is cut, so on some parts (grainy textures) the outermost ring of patches scores high on good
images too, and the image score (the largest patch score) becomes a border artefact. Measured on
held-out good images: how often their largest patch lies on the outer ring, against the ring's
share of the grid. When the ring holds the maximum far more often than its share, the image score
leaves the ring out, and the anomaly map draws its outer rings no hotter than the cells just
inside them (``clip_ring``): a defect that reaches the edge from inside still shows at full
strength, a hot rim on its own does not.
"""

from __future__ import annotations

import numpy as np

BIAS_FACTOR = 2.0
"""The ring must hold the good images' maximum this many times more often than its share of
patches before it is left out of the image score."""

MAP_RING_CELLS = 2
"""Rings of the stride-8 grid the anomaly map caps where a border effect was found: the deepest
layer (stride 16) upsampled onto the grid carries its zero padding two cells in."""


def ring_share(h: int, w: int, margin: int = 1) -> float:
    """Share of an (h, w) grid's cells within ``margin`` cells of its edge."""
    inner = max(0, h - 2 * margin) * max(0, w - 2 * margin)
    return 1.0 - inner / float(h * w)


def peak_at_edge(a: np.ndarray, margin: float) -> bool:
    """Whether the largest value of a 2-D array (patch scores, an anomaly map) lies within
    ``margin`` rows or columns of its edge."""
    h, w = a.shape
    y, x = np.unravel_index(int(np.argmax(a)), a.shape)
    return bool(y < margin or x < margin or y >= h - margin or x >= w - margin)


def choose_score_margin(good_patch_scores: list[np.ndarray]) -> tuple[int, dict]:
    """Patch scores (h, w) of good images -> (margin in cells, 0 or 1; the facts behind it)."""
    if not good_patch_scores:
        return 0, {"images": 0}
    h, w = good_patch_scores[0].shape
    expected = ring_share(h, w)
    observed = float(np.mean([peak_at_edge(p, 1) for p in good_patch_scores]))
    margin = 1 if (h > 4 and w > 4 and observed > BIAS_FACTOR * expected) else 0
    return margin, {"images": len(good_patch_scores), "ring_share_of_patches": round(expected, 4),
                    "ring_share_of_maxima": round(observed, 4), "factor": BIAS_FACTOR, "score_margin": margin}


def clip_ring(patch_scores: np.ndarray, width: int) -> np.ndarray:
    """Patch scores (h, w) -> a copy whose ``width`` outer rings are capped, from the inside out,
    at the cell next to them one step inwards (row-wise, then column-wise). Grids too small for
    the rings are returned unchanged."""
    out = np.array(patch_scores, copy=True)
    h, w = out.shape
    if width <= 0 or h <= 2 * width + 1 or w <= 2 * width + 1:
        return out
    for d in range(width - 1, -1, -1):  # depth d is capped by depth d + 1, already capped
        np.minimum(out[d], out[d + 1], out=out[d])
        np.minimum(out[h - 1 - d], out[h - 2 - d], out=out[h - 1 - d])
        np.minimum(out[:, d], out[:, d + 1], out=out[:, d])
        np.minimum(out[:, w - 1 - d], out[:, w - 2 - d], out=out[:, w - 1 - d])
    return out


def map_ring_for(score_margin: int) -> int:
    """Rings the map caps for a model whose image score leaves out ``score_margin`` rings."""
    return MAP_RING_CELLS if score_margin > 0 else 0
