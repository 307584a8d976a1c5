"""What training adapts to a category from its good images alone, before anything is learnt.

Photometric standardisation: when the good images' brightness varies from image to image (a lamp
that drifts, frames cropped from different places), lighting is not what makes a part bad, so
each image's grey level is brought to a fixed mean and spread inside the feature graph
(``PatchEmbedder(photometric="standardise")``). The border effect is measured later, on the
held-out goods' patch scores (``engine.patchcore.border``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np
from PIL import Image

LIGHTING_VARIATION_LIMIT = 0.05
"""Above this coefficient of variation of the good images' mean brightness, ``photometric="auto"``
standardises (MVTec bottle 0.010, magnetic tile 0.298: see README)."""


def lighting_variation(paths: Sequence[Path], sample: int = 64) -> float:
    """Coefficient of variation (std / mean) of the mean grey level of up to ``sample`` good images,
    read small; 0.0 when fewer than two can be read."""
    step = max(1, len(paths) // sample)
    means = []
    for p in list(paths)[::step][:sample]:
        try:
            with Image.open(p) as im:
                im.draft("L", (256, 256))
                g = np.asarray(im.convert("L").resize((64, 64)), dtype=np.float32)
        except Exception:
            continue
        means.append(float(g.mean()))
    if len(means) < 2 or np.mean(means) <= 0:
        return 0.0
    return float(np.std(means) / np.mean(means))


def choose_photometric(asked: str, paths: Sequence[Path]) -> tuple[str, dict[str, Any]]:
    """``asked`` ("auto", "none" or "standardise") -> (the mode, the facts kept in the manifest)."""
    lighting = lighting_variation(paths)
    mode = asked if asked != "auto" else ("standardise" if lighting > LIGHTING_VARIATION_LIMIT else "none")
    return mode, {"asked": asked, "lighting_variation": round(lighting, 4), "limit": LIGHTING_VARIATION_LIMIT}
