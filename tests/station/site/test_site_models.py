"""The site's model registry: published from one station, approved by a technician, pulled by
another (checked by hash, a damaged copy refused), rolled back site-wide."""

from __future__ import annotations

import shutil

import pytest

from engine.judging.inspector import Inspector
from engine.model_store.store import ModelError, read_manifest
from engine.model_store.updates import extend_category
from station.site import models as registry


def test_publish_approve_pull_and_roll_back(pg, trained_models, demo_data, tmp_path):
    import psycopg

    a, b, share = tmp_path / "a", tmp_path / "b", tmp_path / "share"
    shutil.copytree(trained_models / "washer", a / "washer")
    b.mkdir()
    first = read_manifest(a / "washer")["model_id"]
    with pg.connect("bench_6", "bench_6-pw") as station_a:
        assert registry.publish(station_a, a, "washer", share) == first
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            registry.approve(station_a, "washer", first, "a station may not approve")
    with pg.connect("bench_7", "bench_7-pw") as station_b:
        assert registry.pull(station_b, b, "washer", share).action == "none"
    with pg.connect("tess", "tess-pw") as tech:
        registry.approve(tech, "washer", first, "first model for the site")
    with pg.connect("bench_7", "bench_7-pw") as station_b:
        got = registry.pull(station_b, b, "washer", share)
        assert (got.action, got.model_id) == ("installed", first)
        assert Inspector.load(b, "washer").info.model_id == first
        assert registry.pull(station_b, b, "washer", share).action == "current"

    goods = sorted(str(p) for p in (demo_data / "train" / "good").iterdir())[:2]
    extend_category(a, "washer", goods)  # a new version on station A
    second = read_manifest(a / "washer")["model_id"]
    assert second != first
    with pg.connect("bench_6", "bench_6-pw") as station_a:
        registry.publish(station_a, a, "washer", share)
    with pg.connect("tess", "tess-pw") as tech:
        registry.approve(tech, "washer", second, "extended with two goods")
    with pg.connect("bench_7", "bench_7-pw") as station_b:
        assert registry.pull(station_b, b, "washer", share).action == "installed"
        assert read_manifest(b / "washer")["model_id"] == second
    with pg.connect("tess", "tess-pw") as tech:
        registry.approve(tech, "washer", first, "roll the site back")
    with pg.connect("bench_7", "bench_7-pw") as station_b:
        back = registry.pull(station_b, b, "washer", share)
        assert (back.action, back.model_id) == ("activated", first)
        assert read_manifest(b / "washer")["model_id"] == first


def test_a_damaged_copy_on_the_share_is_refused(pg, trained_models, tmp_path):
    a, b, share = tmp_path / "a", tmp_path / "b", tmp_path / "share"
    shutil.copytree(trained_models / "washer", a / "washer")
    with pg.connect("bench_6", "bench_6-pw") as station_a:
        model_id = registry.publish(station_a, a, "washer", share, None)
    with pg.connect("tess", "tess-pw") as tech:
        registry.approve(tech, "washer", model_id, "for the damage test")
    bank = next((share / "washer" / model_id).glob("*.faiss"))
    bank.write_bytes(bank.read_bytes()[:-16] + b"\0" * 16)
    with pg.connect("bench_7", "bench_7-pw") as station_b:
        with pytest.raises(ModelError, match="damaged"):
            registry.pull(station_b, b, "washer", share)
    assert not (b / "washer" / "manifest.json").exists()  # nothing half-installed


def test_the_window_puts_the_sites_approved_model_on_the_line(pg, qtbot, trained_models, demo_data, tmp_path):
    from station.app import make_window
    from station.storage.reviews import ReviewStore
    from tests.station.site.conftest import site_settings
    from tests.station.test_window import _images

    a, models, share, data = tmp_path / "a", tmp_path / "models", tmp_path / "share", tmp_path / "data"
    shutil.copytree(trained_models / "washer", a / "washer")
    shutil.copytree(trained_models / "washer", models / "washer")
    extend_category(a, "washer", sorted(str(p) for p in (demo_data / "train" / "good").iterdir())[2:4])
    with pg.connect("bench_6", "bench_6-pw") as station_a:
        newer = registry.publish(station_a, a, "washer", share)
    with pg.connect("tess", "tess-pw") as tech:
        registry.approve(tech, "washer", newer, "for every station")
    site_settings(data, pg, "bench_7", "bench_7-pw", every_s=2, share=str(share), pull_models="true")
    w = make_window(models, data, station="bench-7", operator="tester")
    w.confirm_quit, w.hold_ms = False, 0
    qtbot.addWidget(w)
    try:
        qtbot.waitUntil(lambda: read_manifest(models / "washer")["model_id"] == newer, timeout=30000)
        w.submit_paths(_images(demo_data, "good")[:1])
        qtbot.waitUntil(lambda: w.model_info is not None and w.model_info.model_id == newer, timeout=30000)
        assert any(c.subject == "model:washer" and newer in str(c.new_value) for c in ReviewStore(w.reader).changes())
    finally:
        w.shutdown()
