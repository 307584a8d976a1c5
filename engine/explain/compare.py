"""Two models on the same image: do they agree on the verdict, and on where the anomaly is?"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from engine.types import InspectionResult


def compare_results(a: InspectionResult, b: InspectionResult) -> dict[str, Any]:
    """Agreement of two results of one image (any two models: versions, categories, backbones).

    - verdicts equal, and both normalised scores (threshold = 0.5 on each model's own scale);
    - map correlation: Pearson correlation of the two anomaly maps (at the smaller map's size);
    - region IoU: intersection over union of the areas at or above each model's threshold
      (1.0 when neither flags anything).
    """
    if not (a.ok and b.ok):
        return {"verdicts_agree": a.verdict == b.verdict, "error": a.error or b.error}
    ma, mb = a.anomaly_map.astype(np.float32), b.anomaly_map.astype(np.float32)
    if ma.shape != mb.shape:
        shape = min(ma.shape, mb.shape, key=lambda s: s[0] * s[1])
        ma = cv2.resize(ma, (shape[1], shape[0]), interpolation=cv2.INTER_AREA)
        mb = cv2.resize(mb, (shape[1], shape[0]), interpolation=cv2.INTER_AREA)
    corr = float(np.corrcoef(ma.ravel(), mb.ravel())[0, 1]) if ma.std() > 0 and mb.std() > 0 else 0.0
    fa, fb = ma >= a.threshold, mb >= b.threshold
    union = int((fa | fb).sum())
    return {"verdicts_agree": a.verdict == b.verdict, "verdicts": [a.verdict.value, b.verdict.value],
            "normalised_scores": [a.normalised_score, b.normalised_score], "models": [a.model_id, b.model_id],
            "map_correlation": round(corr, 4),
            "region_iou": round(int((fa & fb).sum()) / union, 4) if union else 1.0}
