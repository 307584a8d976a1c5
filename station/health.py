"""Health of the bench PC that the window watches: free space of the data folder, shown in the
status bar and warned about below ``health/min_free_gb`` (default 2 GB)."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel
from station.settings_values import number

CHECK_EVERY_MS = 60_000


class HealthMonitor(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.label = QLabel()
        self.label.setObjectName("diskFree")
        window.statusBar().addPermanentWidget(self.label)
        self.low = False
        self.timer = QTimer(self, interval=CHECK_EVERY_MS, timeout=self.check)
        self.timer.start()
        self.check()

    def check(self) -> float:
        """Free GB of the data folder; warns once each time it falls below the limit."""
        try:
            free = shutil.disk_usage(self.window.data_dir).free / 1e9
        except OSError as exc:
            self.label.setText(self.tr("Data folder unreadable: {0}").format(exc))
            self.label.setStyleSheet("color:#b3141b; font-weight:bold;")
            return 0.0
        limit = number(self.window.settings, "health/min_free_gb", 2.0, 0.0, 1e6, float)
        low = free < limit
        self.label.setText(self.tr("Disk: {0:.1f} GB free").format(free))
        self.label.setStyleSheet("color:#b3141b; font-weight:bold;" if low else "")
        if low and not self.low:
            self.window.show_message(self.tr("Only {0:.1f} GB free in the data folder {1} (limit {2:.1f} GB): free "
                                             "space or shorten the retention.").format(free, self.window.data_dir, limit), 60)
        self.low = low
        return free
