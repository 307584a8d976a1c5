"""Offline PatchCore inspection engine: no Qt, no GUI.

Importing ``engine`` or ``engine.types`` does not import torch; the heavy parts load on
first use (``engine.judging.inspector``, ``engine.training``).
"""

__version__ = "0.4.3"
ENGINE_VERSION = __version__
