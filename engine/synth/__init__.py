"""Synthetic defects confined to the part: the part mask, defect kinds, quality measures, sets.

No torch here: synthesis is numpy and OpenCV, so it runs wherever the engine's data code runs.
"""

from engine.synth.defects import KINDS, SynthesisError, SyntheticDefect, synthesize
from engine.synth.generate import gallery_png, generate_defects, write_defect_set
from engine.synth.measures import DefectQuality, measure
from engine.synth.part_mask import (PartMask, PartMaskError, allowed_region, learn_part_mask, mask_from_polygon,
                                    mask_from_rectangle)

__all__ = ["KINDS", "DefectQuality", "PartMask", "PartMaskError", "SynthesisError", "SyntheticDefect",
           "allowed_region", "gallery_png", "generate_defects", "learn_part_mask", "mask_from_polygon",
           "mask_from_rectangle", "measure", "synthesize", "write_defect_set"]
