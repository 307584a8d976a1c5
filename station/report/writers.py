"""The shift report written as PDF (A4 pages drawn with matplotlib, also saved as PNG), HTML
(the same charts, tables as text) and CSV (one row per inspection)."""

from __future__ import annotations

import csv
import html
import textwrap
from pathlib import Path

import numpy as np

from engine.imaging import ImageLoadError, load_image
from engine.plotting import pyplot
from station.render import blend, heat_rgba
from station.report.shift_data import ShiftData

A4 = (8.27, 11.69)
COLOURS = {"PASS": "#1b7a3a", "FAIL": "#b3141b", "REVIEW": "#e0a400", "ERROR": "#5a2a82"}


def kpis(d: ShiftData) -> list[tuple[str, str]]:
    """(label, value) of the report's head table."""
    return [
        ("Parts inspected", str(d.total)), ("PASS", str(d.counts.get("PASS", 0))),
        ("FAIL", f"{d.counts.get('FAIL', 0)}  ({d.rate('FAIL'):.1%})"),
        ("REVIEW", f"{d.counts.get('REVIEW', 0)}  ({d.rate('REVIEW'):.1%})"),
        ("ERROR (not judged)", f"{d.counts.get('ERROR', 0)}" + (f"  ({d.station_errors} station faults, retryable)"
                                                                if d.station_errors else "")),
        ("Yield (PASS / judged)", f"{d.yield_:.1%}"),
        ("Rejects confirmed as defects", str(d.confirmed)), ("Over-calls found by review", str(d.overcalls)),
        ("Rejects not yet reviewed", str(d.undecided)), ("Escapes (defects passed)", str(d.escapes)),
        ("Master-part checks", f"{sum(ok for *_, ok in d.masters)} of {len(d.masters)} as expected" if d.masters else "none"),
        ("Camera", _camera_line(d)),
        *([("Line links", d.line)] if d.line else []),
        *([("Stations", d.site)] if d.site else []),
    ]


def _camera_line(d: ShiftData) -> str:
    c = d.camera
    if c is None or not (c.outages or c.dropped or c.no_signal):
        return "no outage, no dropped trigger"
    unresolved = sum(1 for *_, s in c.outages if s is None)
    parts = [f"{len(c.outages)} outage(s), {c.down_s:.0f} s down" + (f", {unresolved} not back" if unresolved else "")]
    if c.no_signal:
        parts.append(f"{c.no_signal} start(s) without signal")
    parts.append(f"{c.dropped} trigger(s) dropped")
    return "; ".join(parts)


def _title(d: ShiftData) -> str:
    return f"Shift report — {d.shift}" + (f" — {d.category}" if d.category else " — all categories")


def _rows_for_chart(d: ShiftData):
    return [r for r in d.rows if r.normalised_score is not None]


def draw_distribution(ax, d: ShiftData) -> None:
    rows = _rows_for_chart(d)
    bins = np.linspace(0, 1, 41)
    for v in ("PASS", "REVIEW", "FAIL"):
        vals = [r.normalised_score for r in rows if r.verdict == v]
        if vals:
            ax.hist(vals, bins=bins, color=COLOURS[v], alpha=0.8, label=f"{v} ({len(vals)})")
    ax.axvline(0.5, color="k", lw=1.5, ls="--", label="threshold")
    ax.set_xlabel("normalised score (0.5 = threshold)")
    ax.set_ylabel("parts")
    ax.set_title("Score distribution of the shift")
    ax.legend(fontsize=8)


MAX_POINTS = 20_000
"""Markers the control chart draws at most (rejects first; PASS parts thinned evenly)."""


def draw_control_chart(ax, d: ShiftData) -> None:
    rows = _rows_for_chart(d)
    x = np.arange(len(rows))
    y = np.array([r.normalised_score for r in rows])
    # a site's shift has 100,000 parts: every reject is drawn, PASS parts thinned evenly to keep
    # MAX_POINTS, and the markers go into the PDF as one image, not a path each
    shown = np.arange(len(rows))
    if len(rows) > MAX_POINTS:
        is_pass = np.array([r.verdict == "PASS" for r in rows], dtype=bool)
        rejects, passes = np.flatnonzero(~is_pass), np.flatnonzero(is_pass)
        keep = passes[np.linspace(0, passes.size - 1, max(0, MAX_POINTS - rejects.size)).astype(int)] if passes.size else passes
        shown = np.union1d(rejects, keep)
    ax.scatter(x[shown], y[shown], s=8, c=[COLOURS[rows[i].verdict] for i in shown], rasterized=y.size > 5000)
    if y.size >= 20:
        k = max(5, y.size // 15)
        at = np.unique(np.linspace(k - 1, y.size - 1, min(y.size - k + 1, 2000)).round().astype(int))
        med = np.array([np.median(y[i - k + 1:i + 1]) for i in at])  # every part's up to 2,000, then evenly
        ax.plot(x[at], med, color="#1f5f99", lw=2, label=f"running median of {k} parts")
        ax.axhline(float(np.median(y[: max(1, y.size // 3)])), color="#555", lw=1,
                   label="median of the first third of the shift")
    ax.axhline(0.5, color="k", ls="--", lw=1.2, label="threshold")
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("part, in order of inspection")
    ax.set_ylabel("normalised score")
    ax.set_title("Scores over the shift (control chart)" + ("  —  DRIFT" if d.drift.drifting else ""),
                 color="#b3141b" if d.drift.drifting else "black")
    ax.legend(fontsize=7, loc="upper left")


def draw_defects(ax, d: ShiftData) -> None:
    items = list(d.defects_by_type.items())
    if d.overcalls:
        items.append(("over-call (overruled)", d.overcalls))
    if not items:
        ax.text(0.5, 0.5, "no reviewed rejects", ha="center", va="center")
        ax.set_axis_off()
        return
    names, n = zip(*items)
    ax.barh(names, n, color=["#b3141b"] * len(d.defects_by_type) + ["#1b7a3a"] * (len(items) - len(d.defects_by_type)))
    ax.invert_yaxis()
    ax.set_xlabel("parts")
    ax.set_title("Reviewed rejects by defect type")


def draw_trend(ax, d: ShiftData) -> None:
    days = [t.day for t in d.trend]
    rates = [100 * t.overcall_rate if t.rejects else np.nan for t in d.trend]  # no rejects: no point
    ax.plot(days, rates, "o-", color="#e0a400", label="over-calls, % of rejects")
    ax.set_ylabel("over-call rate (%)")
    ax.set_ylim(0, max(10.0, np.nanmax(rates) * 1.15) if np.isfinite(rates).any() else 10.0)
    for day, t in zip(days, d.trend):
        ax.annotate(f"{t.parts} parts", (day, 0), textcoords="offset points", xytext=(0, 4), ha="center", fontsize=7)
    ax2 = ax.twinx()
    esc = [t.escapes for t in d.trend]
    ax2.bar(days, esc, color="#b3141b", alpha=0.4, label="escapes")
    ax2.set_ylabel("escapes")
    ax2.set_ylim(0, max(3, max(esc) + 1))
    ax2.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Over-calls and escapes, last days (24 h windows)")
    ax.tick_params(axis="x", labelsize=8)
    lines = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(lines, [h.get_label() for h in lines], fontsize=8, loc="upper left")


def worst_images(d: ShiftData, n: int = 6) -> list[tuple[str, np.ndarray | None]]:
    """(caption, uint8 RGB with the map over it, or None when the image is gone)."""
    out = []
    for r in d.worst(n):
        cap = f"#{r.id} {r.verdict} {r.score:.2f} / {r.threshold:.2f}" + (f"\n{r.decision}: {r.defect_type or r.reason}" if r.decision else "\nnot reviewed")
        try:
            img = load_image(r.image_path) if r.image_path else None
        except ImageLoadError:
            img = None
        if img is not None and r.map_path and Path(r.map_path).is_file() and r.threshold:
            amap = np.load(r.map_path, allow_pickle=False).astype(np.float32)
            if amap.shape == img.shape[:2]:
                img = blend(img, heat_rgba(amap, r.threshold))
        out.append((cap, img))
    return out


def handover_text(d: ShiftData) -> str:
    """The hand-over block: open items, names, and who signed it off (or that nobody did)."""
    h = d.handover
    if h is None:
        return "Hand-over: not recorded by this station version"
    ack = ", ".join(f"#{i}" for i in h.unacknowledged[:12]) + (" …" if len(h.unacknowledged) > 12 else "")
    lines = [f"Hand-over. Open: {len(h.unacknowledged)} FAIL not acknowledged{(' (' + ack + ')') if ack else ''}; "
             f"{d.undecided} reject(s) not reviewed; {len(h.stops)} line stop(s)",
             f"Operators: {', '.join(h.operators) or '-'}; lots: {', '.join(h.lots) or '-'}"]
    if h.signed:
        ts, who, info = h.signed
        lines.append(f"Signed off by technician {who} at {ts[:16].replace('T', ' ')} UTC; handed to "
                     f"{info.get('incoming') or '-'}" + (f"; note: {info['note']}" if info.get("note") else ""))
    else:
        lines.append("NOT SIGNED OFF by a technician")
    return "\n".join(lines)


def _pages(plt, d: ShiftData):
    """The report's A4 figures."""
    f1 = plt.figure(figsize=A4)
    f1.suptitle(_title(d), fontsize=13, weight="bold", y=0.975)
    f1.text(0.5, 0.945, f"{len(d.rows)} inspections, shift {d.shift.start:%Y-%m-%d %H:%M} to {d.shift.end:%H:%M} "
            f"(local time); decisions as they stand now", ha="center", fontsize=9, color="#444")
    ax = f1.add_axes([0.08, 0.60, 0.84, 0.33])
    ax.set_axis_off()
    table = ax.table(cellText=kpis(d), colLabels=["", "this shift"], loc="upper center", cellLoc="left", colWidths=[0.6, 0.4])
    table.auto_set_font_size(False)
    table.set_fontsize(10)
    table.scale(1, 1.55)
    draw_defects(f1.add_axes([0.30, 0.36, 0.62, 0.20]), d)
    models = "\n".join(f"{m}: {n} parts" + ("\n" + textwrap.fill(d.model_facts[m], 88, initial_indent="  ",
                                                                 subsequent_indent="  ")
                                           if m in d.model_facts else "")
                       for m, n in d.models.items()) or "none"
    f1.text(0.08, 0.28, "Model versions in use\n" + models, fontsize=9, va="top", family="monospace")
    f1.text(0.08, 0.16, ("⚠ " if d.drift.drifting else "") + "Drift: " + d.drift.message, fontsize=10, va="top",
            color="#b3141b" if d.drift.drifting else "black", wrap=True)
    f1.text(0.08, 0.105, handover_text(d), fontsize=9, va="top", family="monospace")
    f2 = plt.figure(figsize=A4)
    draw_distribution(f2.add_axes([0.1, 0.71, 0.82, 0.23]), d)
    draw_control_chart(f2.add_axes([0.1, 0.39, 0.82, 0.25]), d)
    draw_trend(f2.add_axes([0.1, 0.07, 0.76, 0.24]), d)
    f3 = plt.figure(figsize=A4)
    f3.suptitle("Worst parts of the shift, with their anomaly maps", fontsize=12, weight="bold", y=0.975)
    for k, (cap, img) in enumerate(worst_images(d)):
        ax = f3.add_axes([0.05 + (k % 2) * 0.47, 0.66 - (k // 2) * 0.31, 0.43, 0.27])
        ax.set_axis_off()
        if img is not None:
            ax.imshow(img)
        else:
            ax.text(0.5, 0.5, "image no longer on disk", ha="center")
        ax.set_title(cap, fontsize=9)
    return [f1, f2, f3]


def write_csv(d: ShiftData, path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "time_utc", "category", "model_id", "verdict", "score", "normalised_score", "threshold",
                    "source", "decision", "defect_type", "reason", "decided_by"])
        for r in d.rows:
            w.writerow([r.id, r.ts, r.category, r.model_id, r.verdict, r.score, r.normalised_score, r.threshold,
                        r.source, r.decision or "", r.defect_type or "", r.reason or "", r.decided_by or ""])


def write_html(d: ShiftData, path: Path, charts: dict[str, str]) -> None:
    e = html.escape
    rows = "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in kpis(d))
    defects = "".join(f"<tr><td>{e(k or '?')}</td><td>{n}</td></tr>" for k, n in d.defects_by_type.items())
    models = "".join(f"<li>{e(m)}: {n} parts" + (f"<br><small>{e(d.model_facts[m])}</small>" if m in d.model_facts
                                                    else "") + "</li>" for m, n in d.models.items())
    imgs = "".join(f'<figure><img src="{e(src)}" alt="{e(name)}"><figcaption>{e(name)}</figcaption></figure>'
                   for name, src in charts.items())
    drift = f'<p class="{"warn" if d.drift.drifting else ""}">{e(d.drift.message)}</p>'
    path.write_text(f"""<!doctype html><html><head><meta charset="utf-8"><title>{e(_title(d))}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}table{{border-collapse:collapse}}
td{{border:1px solid #ccc;padding:4px 10px}}.warn{{color:#b3141b;font-weight:bold}}img{{max-width:100%}}</style>
</head><body><h1>{e(_title(d))}</h1><table>{rows}</table><h2>Confirmed defects by type</h2>
<table>{defects or '<tr><td>none reviewed</td></tr>'}</table><h2>Model versions</h2><ul>{models}</ul>
<h2>Drift</h2>{drift}<h2>Hand-over</h2><pre>{e(handover_text(d))}</pre><h2>Charts</h2>{imgs}<p>Rows: <a href="inspections.csv">inspections.csv</a></p></body></html>""",
                    encoding="utf-8")


def write_report(d: ShiftData, out_dir: str | Path) -> dict[str, Path]:
    """``report.pdf``, ``report.html`` (+ ``page-N.png``), ``inspections.csv`` in ``out_dir``."""
    from matplotlib.backends.backend_pdf import PdfPages

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {"pdf": out / "report.pdf", "html": out / "report.html", "csv": out / "inspections.csv"}
    with pyplot() as plt:
        pages = _pages(plt, d)
        with PdfPages(files["pdf"]) as pdf:
            for k, fig in enumerate(pages, 1):
                pdf.savefig(fig)
                fig.savefig(out / f"page-{k}.png", dpi=80)
                files[f"page{k}"] = out / f"page-{k}.png"
                plt.close(fig)
    write_csv(d, files["csv"])
    write_html(d, files["html"], {f"Page {k}": f"page-{k}.png" for k in range(1, len(pages) + 1)})
    return files
