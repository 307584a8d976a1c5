"""WHY this number: a surrogate model from the human-readable measures to the engine's score,
and its SHAP values (TreeExplainer, exact for trees), drawn as shap draws a waterfall.

The surrogate is fitted per category on held-out good images and synthetic defects (the
self-test at training). It is kept without pickle: training checks and saves its pairs as
``.npy`` (``check_pairs``, ``save_pairs``), and the explanations fit it deterministically (fixed
seed) and cross-validate it when the model loads, in well under a second, where scikit-learn is
loaded anyway; a training does not import scikit-learn at all (about 1.2 s saved, plus the fit).
Older models carry the cross-validated R^2 in their manifest, and it is used as it is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.explain.measures import MEASURES

SURROGATE_FILE = "surrogate_pairs.npy"
MIN_PAIRS = 10
"""Fewer training pairs than this: no surrogate (and no WHY tab) for the model."""
MIN_R2 = 0.8
"""Below this cross-validated R^2 the WHY tab warns that the surrogate is a poor stand-in."""


@dataclass(frozen=True)
class ShapExplanation:
    """SHAP values of one image: base value + sum(values) == the surrogate's prediction."""

    names: tuple[str, ...]
    measures: np.ndarray = field(repr=False)
    """(M,) the image's measures, in ``names`` order."""
    values: np.ndarray = field(repr=False)
    """(M,) SHAP value of each measure, in score units."""
    base_value: float
    prediction: float
    score: float | None
    """The engine's real score, for comparison."""
    cv_r2: float

    def to_dict(self) -> dict[str, Any]:
        return {"base_value": self.base_value, "prediction": self.prediction, "score": self.score,
                "cv_r2": self.cv_r2, "measures": {n: float(v) for n, v in zip(self.names, self.measures)},
                "shap_values": {n: float(v) for n, v in zip(self.names, self.values)}}


def check_pairs(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Measures (N, M) and scores (N,) as float64, or ValueError naming what is wrong with them."""
    x, y = np.asarray(x, np.float64), np.asarray(y, np.float64)
    if x.ndim != 2 or x.shape[1] != len(MEASURES) or y.ndim != 1 or len(y) != len(x):
        raise ValueError(f"surrogate needs (N, {len(MEASURES)}) measures and N scores, got {x.shape}, {y.shape}")
    if len(y) < MIN_PAIRS:
        raise ValueError(f"surrogate needs at least {MIN_PAIRS} training pairs, got {len(y)}")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ValueError("surrogate training pairs hold NaN or infinite values")
    return x, y


def save_pairs(path: str | os.PathLike[str], x: np.ndarray, y: np.ndarray) -> None:
    """Training pairs as one float64 array (N, M + 1): measures then score."""
    np.save(os.fspath(path), np.column_stack([x, y]).astype(np.float64))


def _model(seed: int = 0) -> "GradientBoostingRegressor":
    from sklearn.ensemble import GradientBoostingRegressor  # here, not above: see the module's docstring

    return GradientBoostingRegressor(n_estimators=150, max_depth=3, learning_rate=0.05, subsample=1.0,
                                     random_state=seed)


class Surrogate:
    """Gradient boosting from measures (N, M) to scores (N,), with its cross-validated R^2."""

    def __init__(self, x: np.ndarray, y: np.ndarray, cv_r2: float | None = None, seed: int = 0) -> None:
        self.x, self.y = check_pairs(x, y)
        self.model = _model(seed).fit(self.x, self.y)
        self.cv_r2 = float(cv_r2) if cv_r2 is not None else self.cross_validate(seed)
        self._explainer = None

    def cross_validate(self, seed: int = 0, folds: int = 5) -> float:
        from sklearn.model_selection import KFold, cross_val_score

        kf = KFold(n_splits=min(folds, len(self.y)), shuffle=True, random_state=seed)
        return float(np.mean(cross_val_score(_model(seed), self.x, self.y, cv=kf, scoring="r2")))

    def explain(self, measures: dict[str, float], score: float | None = None) -> ShapExplanation:
        """SHAP values of one image's measures (TreeExplainer: exact for the trees)."""
        import shap

        if self._explainer is None:
            self._explainer = shap.TreeExplainer(self.model)
        row = np.asarray([[measures[k] for k in MEASURES]], np.float64)
        values = np.asarray(self._explainer.shap_values(row))[0]
        base = float(np.ravel(self._explainer.expected_value)[0])
        return ShapExplanation(tuple(MEASURES), row[0], values, base, float(self.model.predict(row)[0]),
                               score, self.cv_r2)

    def save(self, path: str | os.PathLike[str]) -> None:
        save_pairs(path, self.x, self.y)

    @classmethod
    def load(cls, path: str | os.PathLike[str], cv_r2: float | None = None) -> "Surrogate":
        a = np.load(os.fspath(path), allow_pickle=False)
        return cls(a[:, :-1], a[:, -1], cv_r2)


def waterfall_png(expl: ShapExplanation, path, max_display: int = 8) -> None:
    """shap's own waterfall plot of one explanation, written as a PNG to a path or a binary file."""
    import shap

    from engine.plotting import pyplot

    labels = [n.replace("_", " ") for n in expl.names]
    e = shap.Explanation(values=expl.values, base_values=expl.base_value, data=np.round(expl.measures, 4),
                         feature_names=labels)
    with pyplot() as plt:
        _draw_waterfall(plt, shap, e, expl, path, max_display)


def _draw_waterfall(plt, shap, e, expl: ShapExplanation, path, max_display: int) -> None:
    fig = plt.figure()  # shap draws into the current figure: make it ours
    shap.plots.waterfall(e, max_display=max_display, show=False)
    fig = plt.gcf()
    title = f"surrogate {expl.prediction:.2f}"
    if expl.score is not None:
        title += f" for score {expl.score:.2f}"
    title += f"  (CV R² {expl.cv_r2:.2f}{', LOW' if expl.cv_r2 < MIN_R2 else ''})"
    fig.suptitle(title, fontsize=10)
    fig.set_size_inches(5.6, 3.4)  # about its size in the WHY tab: its text stays readable there
    fig.tight_layout()
    fig.savefig(path if hasattr(path, "write") else os.fspath(path), dpi=100, format="png")
    plt.close(fig)
