"""pyplot for the engine's figures: the Agg backend and one lock.

pyplot keeps a global "current figure", and shap's waterfall draws into it; the training and
explanation workers run in different threads, so every figure the engine draws is made inside
``with pyplot() as plt:`` and starts from a figure of its own.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

_LOCK = threading.RLock()


@contextmanager
def pyplot():
    """``matplotlib.pyplot`` on Agg, held exclusively for the ``with`` block."""
    import matplotlib

    with _LOCK:
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        yield plt
