"""Before Qt starts: can its platform plugin load here? Qt aborts the process when it cannot
(``qt.qpa.plugin: Could not load the Qt platform plugin "xcb"``); this says instead, in one line,
what to install, and that ``station demo`` works without a screen."""

from __future__ import annotations

import ctypes.util
import os
import sys

XCB_LIBS = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-keysyms": "libxcb-keysyms1",
            "xcb-image": "libxcb-image0", "xcb-render-util": "libxcb-render-util0", "xcb-xkb": "libxcb-xkb1",
            "xkbcommon-x11": "libxkbcommon-x11-0", "xcb-shape": "libxcb-shape0", "xcb-randr": "libxcb-randr0"}
"""Libraries Qt's xcb plugin needs that a fresh desktop may lack: library -> Debian/Ubuntu package."""


def missing_xcb_packages(find=ctypes.util.find_library) -> list[str]:
    return [pkg for lib, pkg in XCB_LIBS.items() if find(lib) is None]


def gui_problem(env: dict | None = None, platform: str | None = None, find=ctypes.util.find_library) -> str | None:
    """One line saying why the window cannot open here, or None when it should."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: Qt's own choice
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("no screen found (DISPLAY is not set): run the window on a desktop, or use `station demo` "
                "(judges the demo parts on the command line) or QT_QPA_PLATFORM=offscreen")
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return None
    missing = missing_xcb_packages(find)
    if missing:
        return (f"the window needs X11 libraries this system lacks: sudo apt install {' '.join(missing)} "
                "(or QT_QPA_PLATFORM=wayland on a Wayland desktop); `station demo` works without a screen")
    return None
