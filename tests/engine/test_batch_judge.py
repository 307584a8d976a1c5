"""A run of images judged on both cores (``engine.judging.batch_judge``): the same results as one at a
time, in order, with bad items named in their place."""

from __future__ import annotations

import threading

import faiss
import numpy as np
import pytest

from engine.judging import batch_judge
from engine.judging.inspector import Inspector
from engine.patchcore.knn import search_threads
from engine.training import list_images
from tests.tolerances import SAME_SUMS


@pytest.fixture(scope="module")
def inspector(trained_models) -> Inspector:
    return Inspector.load(trained_models, "washer")


def _paths(demo_data, tmp_path) -> list[str]:
    (tmp_path / "bad.png").write_bytes(b"not an image")
    paths = [str(p) for p in list_images(demo_data / "test")[:7]]
    paths.insert(3, str(tmp_path / "bad.png"))
    paths.append(str(tmp_path / "missing.png"))
    return paths


def test_pipelined_results_equal_judging_in_turn(inspector, demo_data, tmp_path):
    paths = _paths(demo_data, tmp_path)
    piped = list(inspector.iter_paths(paths, pipeline=True))
    in_turn = list(inspector.iter_paths(paths, pipeline=False))
    assert [r.source for r in piped] == paths == [r.source for r in in_turn]
    assert [r.verdict for r in piped] == [r.verdict for r in in_turn]
    assert "bad.png" in piped[3].error and "missing.png" in piped[-1].error
    for a, b in zip(piped, in_turn):
        if b.ok:  # bitwise on this machine (bench_batch_judge.py); a BLAS may order its sums by thread count
            assert a.score == pytest.approx(b.score, rel=SAME_SUMS)
            assert np.allclose(a.anomaly_map, b.anomaly_map, rtol=1e-5, atol=1e-5)
            assert np.allclose(a.embedding, b.embedding, rtol=1e-5, atol=1e-6)
            assert a.timing.total_ms > 0 and a.timing.search_ms > 0 and a.timing.map_ms > 0


def test_a_fault_in_one_image_leaves_the_others_judged(inspector, demo_data, monkeypatch):
    paths = [str(p) for p in list_images(demo_data / "test")[:5]]
    calls = {"n": 0}
    search = Inspector.search

    def flaky(self, prepared):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("FAISS fell over")
        return search(self, prepared)

    monkeypatch.setattr(Inspector, "search", flaky)
    results = list(inspector.iter_paths(paths, pipeline=True))
    assert [r.source for r in results] == paths
    assert results[1].verdict.value == "ERROR" and results[1].error_cause == "station"
    assert "FAISS fell over" in results[1].error
    assert all(r.ok for k, r in enumerate(results) if k != 1)


def test_a_fault_in_the_map_is_an_error_too(inspector, demo_data, monkeypatch):
    paths = [str(p) for p in list_images(demo_data / "test")[:3]]

    def broken(self, *args, **kwargs):
        raise ValueError("map broke")

    monkeypatch.setattr(Inspector, "finish", broken)
    results = list(inspector.iter_paths(paths, pipeline=True))
    assert [r.verdict.value for r in results] == ["ERROR"] * 3 and all("map broke" in r.error for r in results)


def test_stopping_early_leaves_no_worker_behind(inspector, demo_data):
    paths = [str(p) for p in list_images(demo_data / "test")[:6]]
    run = inspector.iter_paths(paths, pipeline=True)
    first = next(run)
    run.close()
    assert first.source == paths[0] and first.ok
    assert not [t for t in threading.enumerate() if t.name.startswith(("judge", "decode"))]


def test_station_pipeline_0_judges_in_turn(inspector, demo_data, monkeypatch):
    paths = [str(p) for p in list_images(demo_data / "test")[:3]]
    monkeypatch.setenv("STATION_PIPELINE", "0")
    assert not batch_judge.pipeline_wanted()

    def refuse(*args, **kwargs):
        raise AssertionError("pipelined although STATION_PIPELINE=0")

    monkeypatch.setattr(batch_judge, "judged_pipelined", refuse)
    assert all(r.ok for r in inspector.iter_paths(paths))
    monkeypatch.delenv("STATION_PIPELINE")
    assert batch_judge.pipeline_wanted()


def test_eager_models_judge_in_turn(trained_models, demo_data, monkeypatch):
    eager = Inspector.load(trained_models, "washer", compile_onnx=False)
    assert not hasattr(eager.model.embedder, "single_threaded")
    monkeypatch.setattr(batch_judge, "judged_pipelined", lambda *a, **k: iter(()))  # would lose every result
    paths = [str(p) for p in list_images(demo_data / "test")[:2]]
    assert [r.source for r in eager.iter_paths(paths, pipeline=True)] == paths


def test_search_threads_apply_to_this_thread_only_and_are_restored():
    before = faiss.omp_get_max_threads()
    seen = {}

    def other() -> None:
        seen["other"] = faiss.omp_get_max_threads()

    with search_threads(1):
        assert faiss.omp_get_max_threads() == 1
        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert faiss.omp_get_max_threads() == before and seen["other"] == before


def test_without_a_one_thread_session_the_models_own_serves(trained_models, demo_data, monkeypatch):
    import engine.ort

    inspector = Inspector.load(trained_models, "washer")  # its twin not made yet
    inspector.model.embedder.threads = 2  # a twin wanted on any machine
    made = engine.ort.cpu_session

    def refuse_one_thread(model, threads):
        if threads == 1:
            raise RuntimeError("no second session")
        return made(model, threads)

    monkeypatch.setattr(engine.ort, "cpu_session", refuse_one_thread)
    assert inspector.model.embedder.single_threaded() is inspector.model.embedder
    paths = [str(p) for p in list_images(demo_data / "test")[:3]]
    piped = list(inspector.iter_paths(paths, pipeline=True))
    assert [r.source for r in piped] == paths and all(r.ok for r in piped)
    assert [r.score for r in piped] == pytest.approx([r.score for r in inspector.iter_paths(paths, pipeline=False)],
                                                     rel=SAME_SUMS)
