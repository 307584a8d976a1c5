"""Start-up and batch speed of `station inspect` as a user runs it: whole process, cold, medians.

    python benchmarks/bench_startup.py --models MODELS --category bottle --data ../shared/data/mvtec_ad/bottle \\
        [--old-models OLD_MODELS] [--runs 5] [--out docs/benchmarks/startup.json]

Measures, per models folder: one test image; all test images (``--decode-ahead`` 2 and 0); and
for the stored graph, ONNX Runtime with 1 and with all threads (``STATION_ORT_THREADS``) and one
image at a time instead of pipelined (``STATION_PIPELINE=0``).
``--old-models`` is a folder trained before the stored graph existed (the model then builds its
backbone in PyTorch and exports it at every start), for the before/after line. Also checks that
the judging path imported no torch.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def timed(cmd: list[str], env: dict | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    return time.perf_counter() - t0


def median_of(runs: int, cmd: list[str], env: dict | None = None) -> dict:
    times = [timed(cmd, env) for _ in range(runs)]
    return {"median_s": round(statistics.median(times), 3), "runs": [round(t, 3) for t in times]}


def compare_with_reference(a, station: list[str], images: list[str]) -> dict:
    """``station inspect`` (pipelined, and one image at a time with ``STATION_PIPELINE=0``) and the
    plain eager script on the same images, alternating run by run."""
    import tempfile

    script = str(Path(__file__).with_name("reference_patchcore.py"))
    bank = str(Path(tempfile.mkdtemp(prefix="reference-")) / "bank.npy")
    subprocess.run([sys.executable, script, "train", bank, str(Path(a.data, "train", "good"))], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ours, in_turn, theirs = [], [], []
    for _ in range(a.runs):
        ours.append(timed(station + ["--models", a.models] + images))
        in_turn.append(timed(station + ["--models", a.models] + images, {"STATION_PIPELINE": "0"}))
        theirs.append(timed([sys.executable, script, "inspect", bank] + images))
    m_ours, m_turn, m_theirs = statistics.median(ours), statistics.median(in_turn), statistics.median(theirs)
    return {"images": len(images), "station_inspect_median_s": round(m_ours, 3),
            "station_inspect_in_turn_median_s": round(m_turn, 3),
            "reference_median_s": round(m_theirs, 3), "ratio": round(m_ours / m_theirs, 3),
            "ratio_in_turn": round(m_turn / m_theirs, 3),
            "runs": {"station": [round(t, 3) for t in ours], "station_in_turn": [round(t, 3) for t in in_turn],
                     "reference": [round(t, 3) for t in theirs]}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", required=True)
    ap.add_argument("--old-models")
    ap.add_argument("--category", default="bottle")
    ap.add_argument("--data", required=True, help="MVTec-layout category folder (its test/ images are judged)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--large", type=int, default=30,
                    help="also judge this many test images upscaled to 2448x2048 JPEG (5 MP), decode-ahead 2 vs 0")
    ap.add_argument("--only-large", action="store_true", help="skip the folder comparison (merge into --out)")
    ap.add_argument("--reference", action="store_true",
                    help="only compare with benchmarks/reference_patchcore.py (plain eager PyTorch) on all test "
                         "images, runs interleaved, merged into --out")
    ap.add_argument("--out")
    a = ap.parse_args()
    images = sorted(str(p) for p in Path(a.data, "test").rglob("*.png"))
    station = [sys.executable, "-m", "station.cli", "inspect", "--category", a.category]
    merge = a.only_large or a.reference
    out: dict = json.loads(Path(a.out).read_text()) if merge and a.out and Path(a.out).is_file() else {}
    if a.reference:
        out["reference_script"] = compare_with_reference(a, station, images)
        print("reference", json.dumps({k: v for k, v in out["reference_script"].items() if k != "runs"}))
        if a.out:
            Path(a.out).write_text(json.dumps(out, indent=2))
        return
    out.update({"images": len(images), "runs": a.runs, "cpus": os.cpu_count()})
    for label, models in (("stored_graph", a.models), ("before", a.old_models)):
        if not models or a.only_large:
            continue
        base = station + ["--models", models]
        r = {"one_image": median_of(a.runs, base + [images[0]]),
             "all_images_decode_ahead_2": median_of(a.runs, base + images),
             "all_images_decode_ahead_0": median_of(a.runs, base + ["--decode-ahead", "0"] + images)}
        if label == "stored_graph":
            r["all_images_ort_1_thread"] = median_of(a.runs, base + images, {"STATION_ORT_THREADS": "1"})
            r["all_images_in_turn"] = median_of(a.runs, base + images, {"STATION_PIPELINE": "0"})
        out[label] = r
        print(label, json.dumps({k: v["median_s"] for k, v in r.items()}), flush=True)
    if a.large:
        import tempfile

        import cv2

        big = Path(tempfile.mkdtemp(prefix="bench-large-"))
        for k, p in enumerate(images[:a.large]):
            im = cv2.resize(cv2.imread(p), (2448, 2048), interpolation=cv2.INTER_CUBIC)
            cv2.imwrite(str(big / f"{k:03d}.jpg"), im, [cv2.IMWRITE_JPEG_QUALITY, 92])
        large = sorted(str(p) for p in big.glob("*.jpg"))
        base = station + ["--models", a.models]
        out["large_5mp_jpeg"] = {"images": len(large),
                                 "decode_ahead_2": median_of(a.runs, base + large),
                                 "decode_ahead_0": median_of(a.runs, base + ["--decode-ahead", "0"] + large)}
        print("large", json.dumps({k: v["median_s"] for k, v in out["large_5mp_jpeg"].items() if isinstance(v, dict)}))
    probe = ("import sys; from engine.judging.inspector import Inspector; i = Inspector.load(sys.argv[1], sys.argv[2]); "
             "i.inspect_path(sys.argv[3]); print(i.runtime, 'torch' in sys.modules)")
    res = subprocess.run([sys.executable, "-c", probe, a.models, a.category, images[0]], capture_output=True, text=True,
                         check=True).stdout.split()
    out["runtime"], out["torch_imported"] = " ".join(res[:-1]), res[-1] == "True"
    print("runtime:", out["runtime"], "torch imported:", out["torch_imported"])
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
