"""The strip of the last parts judged: a thumbnail framed in its verdict's colour, its number and
verdict, newest on the left. A burst can no longer hide a part; a click opens one. Shows data only."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.verdict_panel import STYLES

TILES = 10
TILE_PX = 46


class _Tile(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.row_id = -1
        self.picture = QLabel()
        self.picture.setFixedSize(TILE_PX, TILE_PX)
        self.picture.setAlignment(Qt.AlignCenter)
        self.caption = QLabel("")
        self.caption.setAlignment(Qt.AlignCenter)
        f = self.caption.font()
        f.setPointSize(7)
        f.setBold(True)
        self.caption.setFont(f)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(3, 3, 3, 1)
        lay.setSpacing(0)
        lay.addWidget(self.picture)
        lay.addWidget(self.caption)
        self.setObjectName("tile")
        self.setFixedWidth(TILE_PX + 26)
        self.setCursor(Qt.PointingHandCursor)


class RecentStrip(QWidget):
    """``add(row_id, verdict, thumbnail_jpeg)`` puts a part first; ``rowChosen(id)`` on a click."""

    rowChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentStrip")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        self.title = QLabel(self.tr("Last\nparts"))
        self.title.setStyleSheet("color:#555;")
        lay.addWidget(self.title)
        self.tiles = [_Tile(self) for _ in range(TILES)]
        for t in self.tiles:
            lay.addWidget(t)
            t.mousePressEvent = lambda _e, tile=t: tile.row_id >= 0 and self.rowChosen.emit(tile.row_id)
        lay.addStretch(1)
        self.items: list[tuple[int, str, bytes | None]] = []
        self._draw()

    def add(self, row_id: int, verdict: str, thumbnail: bytes | None) -> None:
        self.items = [(row_id, verdict, thumbnail)] + self.items[:TILES - 1]
        self._draw()

    def set_items(self, items: list[tuple[int, str, bytes | None]]) -> None:
        """Newest first (restored from the history at start)."""
        self.items = list(items[:TILES])
        self._draw()

    def verdicts(self) -> list[tuple[int, str]]:
        """(row id, verdict) of the tiles shown, newest first."""
        return [(r, v) for r, v, _ in self.items]

    def _word(self, verdict: str) -> str:
        return {"PASS": self.tr("PASS"), "FAIL": self.tr("FAIL"), "REVIEW": self.tr("REVIEW"),
                "ERROR": self.tr("ERROR")}.get(verdict, verdict)

    def _draw(self) -> None:
        for i, tile in enumerate(self.tiles):
            if i >= len(self.items):
                tile.row_id = -1
                tile.picture.clear()
                tile.caption.setText("")
                tile.setStyleSheet("QFrame#tile{border:2px solid #d0d0d0; border-radius:4px;}")
                tile.setToolTip("")
                continue
            row_id, verdict, thumb = self.items[i]
            tile.row_id = row_id
            pm = QPixmap()
            if thumb:
                pm.loadFromData(QByteArray(thumb))
            if pm.isNull():
                tile.picture.setText("—")
            else:
                tile.picture.setPixmap(pm.scaled(TILE_PX, TILE_PX, Qt.KeepAspectRatio, Qt.SmoothTransformation))
            colour = STYLES.get(verdict, STYLES["READY"])[0]
            tile.setStyleSheet(f"QFrame#tile{{border:3px solid {colour}; border-radius:4px;}}")
            tile.caption.setText(f"#{row_id} {self._word(verdict)}")
            tile.caption.setStyleSheet(f"color:{colour};")
            tile.setToolTip(self.tr("#{0}: {1} (click to open)").format(row_id, self._word(verdict)))
