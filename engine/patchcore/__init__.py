"""PatchCore (Roth et al., "Towards Total Recall in Industrial Anomaly Detection", CVPR 2022)."""

from engine.patchcore.coreset import greedy_coreset
from engine.patchcore.features import PatchEmbedder
from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.model import PatchCore

__all__ = ["PatchCore", "PatchEmbedder", "NearestNeighbourIndex", "greedy_coreset"]
