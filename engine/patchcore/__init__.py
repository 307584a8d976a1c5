"""PatchCore (Roth et al., "Towards Total Recall in Industrial Anomaly Detection", CVPR 2022).

``PatchEmbedder`` (eager PyTorch) is imported on first use only, so judging with a stored ONNX
graph (``engine.patchcore.stored_graph``) never imports torch.
"""

from engine.patchcore.coreset import greedy_coreset
from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.model import PatchCore

__all__ = ["PatchCore", "PatchEmbedder", "NearestNeighbourIndex", "greedy_coreset"]


def __getattr__(name: str):
    if name == "PatchEmbedder":
        from engine.patchcore.features import PatchEmbedder

        return PatchEmbedder
    raise AttributeError(f"module 'engine.patchcore' has no attribute {name!r}")
