from station.cli.main import main
from station.platform_check import gui_problem


def test_missing_xcb_libraries_are_named_with_their_packages():
    msg = gui_problem({"DISPLAY": ":0"}, "linux", find=lambda lib: None if lib in ("xcb-cursor", "xcb-icccm") else lib)
    assert "libxcb-cursor0 libxcb-icccm4" in msg and "station demo" in msg
    assert gui_problem({"DISPLAY": ":0"}, "linux", find=lambda lib: lib) is None


def test_no_screen_and_other_platforms():
    assert "DISPLAY" in gui_problem({}, "linux", find=lambda lib: lib)
    assert gui_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", find=lambda lib: None) is None
    assert gui_problem({}, "win32") is None
    assert gui_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", find=lambda lib: None) is None


def test_gui_command_says_why_instead_of_aborting(monkeypatch, capsys):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main(["gui"]) == 4
    assert "station demo" in capsys.readouterr().err
