"""The anomaly map sharpened by the image it was drawn for (guided filter detail).

The map is drawn from 8 px cells and blurred, so a pinhole or a hairline crack a few pixels wide
gets a blob whose peak can sit beside it. The guided filter (He, Sun and Tang, ECCV 2010) fits the
map, in each window of ``radius`` pixels, as a linear function of the grey image, a * I + b. Here
only its image-following part is added to the map, mean(a) * (I - mean(I)): where the map rises
over a dark pinhole it now peaks on the pinhole, where the map is flat a is near 0 and nothing
changes, and the filter's own smoothing is left out (it moved the peak off thin defects:
README, *Textured parts*). The added term is linear in the map, so maps stay comparable across
images. New models train with a radius of 16 input pixels, two cells of the stride-8 grid
(``TrainConfig.map_guide_radius``).
"""

from __future__ import annotations

import cv2
import numpy as np

DEFAULT_EPS = 0.1
"""The filter's regulariser as a share of the image's grey-level variance: smaller follows the
image more closely, larger leaves the map as it is."""


def grey_guide(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """uint8 RGB (H, W, 3) or grey (H, W) -> float32 grey (h, w) = ``size`` on [0, 1]."""
    grey = image if image.ndim == 2 else cv2.cvtColor(np.ascontiguousarray(image[..., :3]), cv2.COLOR_RGB2GRAY)
    if grey.shape != tuple(size):
        grey = cv2.resize(grey, (size[1], size[0]), interpolation=cv2.INTER_AREA)
    return grey.astype(np.float32) / np.float32(255.0)


def guided_detail(amap: np.ndarray, guide: np.ndarray, radius: int, eps: float = DEFAULT_EPS) -> np.ndarray:
    """Map (H, W) float32 plus the guided filter's image-following part, guide (H, W) on [0, 1].

    ``eps`` is relative to ``guide``'s variance; ``radius`` <= 0 returns the map unchanged."""
    if radius <= 0:
        return amap
    if guide.shape != amap.shape:
        raise ValueError(f"guide {guide.shape} and map {amap.shape} differ in size")
    k = (2 * radius + 1, 2 * radius + 1)

    def box(x: np.ndarray) -> np.ndarray:
        return cv2.boxFilter(x, cv2.CV_32F, k, borderType=cv2.BORDER_REFLECT)

    m = amap.astype(np.float32, copy=False)
    mean_i, mean_m = box(guide), box(m)
    cov = box(guide * m) - mean_i * mean_m
    var = box(guide * guide) - mean_i * mean_i
    a = cov / (var + np.float32(eps * float(guide.var()) + 1e-6))
    return (m + box(a) * (guide - mean_i)).astype(np.float32)
