"""Explanations measured on an MVTec-layout category with ground-truth masks.

    python benchmarks/bench_explain.py ../shared/data/mvtec_ad/bottle --out bench-out/explain-bottle

Trains the category with its defect classifier (or reuses --models), then on every defect image:

- pointing game (is the map's peak inside the true defect) and the share of the map's energy
  inside the defect, for the anomaly map, LayerCAM of the score, and Grad-CAM++ / Grad-CAM of the
  classifier at its head convolution and over all its trained layers;
- a deletion curve: the score as the most important pixels (by the anomaly map, by Grad-CAM++,
  and at random) are replaced by the category's typical good image, 0 to 20 % of the image;
- time: explanation after the verdict (all four tabs' work: regions, CAMs, SHAP + waterfall,
  retrieval, storage), the verdict's own latency alone and while an explanation runs in another
  thread (one torch thread, as in the station), and a retrieval search over 100,000 embeddings.

Medians throughout. Prints JSON and writes it to --out.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import cv2
import numpy as np

DELETE = (0.0, 0.01, 0.02, 0.05, 0.10, 0.20)


def _inside(mask: np.ndarray, m: np.ndarray) -> tuple[bool, float]:
    if m.shape != mask.shape:
        m = cv2.resize(m.astype(np.float32), (mask.shape[1], mask.shape[0]), interpolation=cv2.INTER_LINEAR)
    e = np.maximum(m - m.min(), 0)
    return bool(mask.ravel()[int(np.argmax(m))]), float(e[mask].sum() / max(e.sum(), 1e-12))


def _deletion(insp, image: np.ndarray, importance: np.ndarray, good: np.ndarray) -> list[float]:
    """Score (relative to the original) as the top share of pixels by ``importance`` is replaced
    by the category's typical good image (blurring would not do: to PatchCore a blurred patch is
    itself an anomaly)."""
    imp = cv2.resize(importance.astype(np.float32), (image.shape[1], image.shape[0]), interpolation=cv2.INTER_LINEAR)
    blurred = cv2.resize(good, (image.shape[1], image.shape[0]), interpolation=cv2.INTER_AREA)
    order = np.argsort(-imp.ravel(), kind="stable")
    base = insp.judge(image, "x").score
    out = []
    for frac in DELETE:
        img = image.copy().reshape(-1, 3)
        k = int(frac * order.size)
        img[order[:k]] = blurred.reshape(-1, 3)[order[:k]]
        out.append(insp.judge(img.reshape(image.shape), "x").score / base)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--out", default="bench-out/explain")
    ap.add_argument("--models", help="reuse a models folder holding the category (trained with --classifier)")
    ap.add_argument("--deletion-images", type=int, default=15)
    ap.add_argument("--trunk-stages", type=int, default=5,
                    help="classifier stages kept frozen when training here (5: the default; 4: one more trained)")
    a = ap.parse_args()

    from engine.explain.explainer import Explainer
    from engine.explain.retrieval import RetrievalIndex
    from engine.explain.surrogate import waterfall_png
    from engine.imaging import load_image
    from engine.judging.inspector import Inspector
    from engine.patchcore import PatchEmbedder
    from engine.training import TrainConfig, list_images, train_category

    data, out = Path(a.data), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    category = data.name
    models = Path(a.models) if a.models else out / "models"
    if not a.models:
        train_category(category, list_images(data / "train" / "good"), models, TrainConfig(train_classifier=True,
                                                                                               classifier_trunk_stages=a.trunk_stages))
    insp = Inspector.load(models, category)
    eager = Inspector.load(models, category, compile_onnx=False)
    ex = Explainer.for_inspector(eager)
    ex.warm_up()
    size = tuple(insp.info.input_size)
    goods = [load_image(p) for p in list_images(data / "train" / "good")[:16]]
    typical = np.median(np.stack([cv2.resize(g, (goods[0].shape[1], goods[0].shape[0])) for g in goods]), axis=0).astype(np.uint8)
    all_layers = ex.classifier.cam_layers if ex.classifier is not None else ()

    names = ["anomaly map", "LayerCAM (score)", "Grad-CAM++ (head)", "Grad-CAM (head)",
             "Grad-CAM++ (all layers)", "Grad-CAM (all layers)"]
    hits: dict[str, list[bool]] = {n: [] for n in names}
    energy: dict[str, list[float]] = {n: [] for n in names}
    curves: dict[str, list[list[float]]] = {"anomaly map": [], "Grad-CAM++ (head)": [], "random": []}
    expl_ms, total_ms = [], []
    rng = np.random.default_rng(0)
    items = [(d.name, p) for d in sorted((data / "test").iterdir()) if d.is_dir() and d.name != "good"
             for p in list_images(d)]
    with tempfile.TemporaryDirectory() as tmp:
        from station.storage.explanations import ExplanationStore
        from station.storage.history import HistoryStore

        store = ExplanationStore(HistoryStore(tmp))
        for n_done, (kind, p) in enumerate(items):
            mpath = data / "ground_truth" / kind / f"{p.stem}_mask.png"
            mask = cv2.imread(str(mpath), cv2.IMREAD_GRAYSCALE) if mpath.is_file() else None
            image = load_image(p)
            result = insp.judge(image, str(p), keep_image=True)
            t0 = time.perf_counter()
            e = ex.explain(result, image)
            buf = io.BytesIO()
            if e.shap is not None:
                waterfall_png(e.shap, buf)
            row = n_done + 1
            store.add_embedding(category, result.embedding, row, result.model_id)
            store.neighbours(category, result.embedding, 6, exclude_inspection=row)
            store.save_explanation(row, result.model_id, e.to_dict(), {"score_cam": e.score_cam.cam}, {"w": buf.getvalue()})
            total_ms.append((time.perf_counter() - t0) * 1000)
            expl_ms.append(e.timing_ms["total"])
            if mask is None or not (mask > 127).any():
                continue
            m_full = mask > 127
            m_small = cv2.resize(mask, (size[1], size[0]), interpolation=cv2.INTER_NEAREST) > 127
            maps = {"anomaly map": (m_full, result.anomaly_map), "LayerCAM (score)": (m_small, e.score_cam.cam)}
            if ex.classifier is not None:
                small = PatchEmbedder.preprocess(image, size)
                _, head = ex.classifier_cams.explain(small, (all_layers[-1],))
                _, every = ex.classifier_cams.explain(small, all_layers)
                maps.update({"Grad-CAM++ (head)": (m_small, head["Grad-CAM++"].cam), "Grad-CAM (head)": (m_small, head["Grad-CAM"].cam),
                             "Grad-CAM++ (all layers)": (m_small, every["Grad-CAM++"].cam),
                             "Grad-CAM (all layers)": (m_small, every["Grad-CAM"].cam)})
            for n, (mk, mp) in maps.items():
                h, en = _inside(mk, mp)
                hits[n].append(h)
                energy[n].append(en)
            if len(curves["anomaly map"]) < a.deletion_images:
                curves["anomaly map"].append(_deletion(insp, image, result.anomaly_map, typical))
                if "Grad-CAM++ (head)" in maps:
                    curves["Grad-CAM++ (head)"].append(_deletion(insp, image, maps["Grad-CAM++ (head)"][1], typical))
                curves["random"].append(_deletion(insp, image, rng.random(image.shape[:2]), typical))
        store.close()

    # verdict latency alone, and while explanations run in another thread
    tests = [load_image(p) for _, p in items[:20]]
    alone = []
    for im in tests * 2:
        t = time.perf_counter()
        insp.judge(im, "x")
        alone.append((time.perf_counter() - t) * 1000)
    stop, judging = threading.Event(), threading.Event()

    def pause() -> None:  # as the station's explanation worker does
        while judging.is_set():
            time.sleep(0.005)

    def busy() -> None:
        import torch

        torch.set_num_threads(1)  # as the station's explanation thread does
        r = insp.judge(tests[0], "x", keep_image=True)
        while not stop.is_set():
            ex.explain(r, tests[0], pause=pause)

    th = threading.Thread(target=busy)
    th.start()
    time.sleep(1.0)
    during = []
    for im in tests * 2:
        judging.set()
        t = time.perf_counter()
        insp.judge(im, "x")
        during.append((time.perf_counter() - t) * 1000)
        judging.clear()
        time.sleep(0.3)  # parts arrive while explanations run
    stop.set()
    th.join()

    # retrieval over 100,000 stored embeddings (random unit vectors of the real dimension)
    dim = int(tests and insp.judge(tests[0], "x").embedding.size)
    vecs = rng.standard_normal((100_000, dim)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = RetrievalIndex(dim)
    index.add(np.arange(len(vecs)), vecs)
    import faiss

    flat32 = faiss.IndexFlatIP(dim)  # the exact float32 index, for comparison
    flat32.add(vecs)
    search, search32 = [], []
    for q in vecs[:200]:
        t = time.perf_counter()
        index.search(q, 6)
        search.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        flat32.search(q[None], 6)
        search32.append((time.perf_counter() - t) * 1000)

    med = lambda v: round(float(np.median(v)), 2) if len(v) else None  # noqa: E731
    result = {
        "category": category, "defect_images": len(items), "classifier": insp.info.classifier is not None,
        "surrogate_cv_r2": None if ex.surrogate is None else round(ex.surrogate.cv_r2, 4),
        "pointing_game": {n: round(float(np.mean(v)), 4) for n, v in hits.items() if v},
        "energy_inside_defect": {n: round(float(np.mean(v)), 4) for n, v in energy.items() if v},
        "deletion_fractions": list(DELETE),
        "deletion_curves": {n: [round(float(x), 4) for x in np.mean(v, axis=0)] for n, v in curves.items() if v},
        "explanation_ms_median": med(expl_ms), "explanation_with_storage_ms_median": med(total_ms),
        "explanation_ms_p90": round(float(np.percentile(total_ms, 90)), 1),
        "verdict_ms_median_alone": med(alone), "verdict_ms_median_while_explaining": med(during),
        "retrieval_100k_ms_median": med(search), "retrieval_100k_float32_ms_median": med(search32), "retrieval_dim": dim,
        "classifier_trunk_stages_frozen": (insp.info.classifier or {}).get("trunk_stages_frozen"),
    }
    (out / "explain_benchmark.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
