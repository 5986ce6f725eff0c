"""Render an omppy trace (Chrome trace-event JSON) as an SVG picture.

    python benchmarks/trace_to_svg.py trace.json picture.svg [--width 1200] [--title T]

One band per thread of every team (the ``M`` events name them), the spans of each
band stacked by nesting depth, coloured by category (the ``cat`` omppy gives them:
region, body, loop, chunk, sync, wait, overhead), with a time axis in milliseconds.
This is how docs/tracing.md's picture of the Mandelbrot example was made; the
Perfetto UI (https://ui.perfetto.dev) shows the same file interactively.  Standard
library only.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from html import escape
from typing import Any

COLOURS = {
    "region": "#d9d9d9",
    "body": "#bcd4e6",
    "loop": "#9ecae1",
    "chunk": ("#4e79a7", "#59a14f", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"),
    "sync": "#c9a0dc",
    "wait": "#e15759",
    "overhead": "#f28e2b",
}
PATH = re.compile(r"\S*/([^/\s]+\.py)")  # a file's directories, left out of labels
ROW = 16  # pixels per nesting level
GAP = 8  # pixels between bands
LABEL = 190  # pixels for the band names


def _depths(spans: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """Each span of one band with its nesting depth (spans nest or follow each other)."""
    placed = []
    open_ends: list[float] = []
    for span in sorted(spans, key=lambda s: (s["ts"], -s["dur"])):
        while open_ends and open_ends[-1] <= span["ts"]:
            open_ends.pop()
        placed.append((len(open_ends), span))
        open_ends.append(span["ts"] + span["dur"])
    return placed


def render(trace: dict[str, Any], width: int, title: str) -> str:
    events = trace["traceEvents"]
    process_names = {
        e["pid"]: e["args"]["name"]
        for e in events
        if e["ph"] == "M" and e["name"] == "process_name"
    }
    thread_names = {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in events
        if e["ph"] == "M" and e["name"] == "thread_name"
    }
    bands: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        if event["ph"] == "X":
            bands[(event["pid"], event["tid"])].append(event)
    if not bands:
        raise SystemExit("the trace has no spans")
    start = min(e["ts"] for spans in bands.values() for e in spans)
    end = max(e["ts"] + e["dur"] for spans in bands.values() for e in spans)
    scale = (width - LABEL - 20) / max(end - start, 1e-9)

    def x(ts: float) -> float:
        return LABEL + (ts - start) * scale

    parts: list[str] = []
    y = 40
    for pid, tid in sorted(bands):
        placed = _depths(bands[(pid, tid)])
        depth = 1 + max(d for d, _ in placed)
        name = f"{process_names.get(pid, pid)}: {thread_names.get((pid, tid), tid)}"
        parts.append(
            f'<text x="4" y="{y + 12}" font-size="11">{escape(name)}</text>'
        )
        for level, span in placed:
            category = span.get("cat", "")
            colour: Any = COLOURS.get(category, "#aaaaaa")
            if isinstance(colour, tuple):
                index = span.get("args", {}).get("start", 0)
                colour = colour[int(index) % len(colour)]
            left, right = x(span["ts"]), x(span["ts"] + span["dur"])
            w = max(right - left, 0.5)
            top = y + level * ROW
            label = PATH.sub(r"\1", span["name"])
            tip = f"{label}: {span['dur'] / 1000:.3f} ms"
            parts.append(
                f'<rect x="{left:.2f}" y="{top}" width="{w:.2f}" height="{ROW - 2}" '
                f'fill="{colour}" stroke="#ffffff" stroke-width="0.3">'
                f"<title>{escape(tip)}</title></rect>"
            )
            if w > 7 * len(label) * 0.62:
                parts.append(
                    f'<text x="{left + 2:.2f}" y="{top + 11}" font-size="9">'
                    f"{escape(label)}</text>"
                )
        y += depth * ROW + GAP
    # Time axis.
    parts.append(f'<line x1="{LABEL}" y1="{y}" x2="{width - 20}" y2="{y}" stroke="#000"/>')
    total_ms = (end - start) / 1000
    step = _tick(total_ms)
    tick = 0.0
    while tick <= total_ms + 1e-9:
        tx = x(start + tick * 1000)
        parts.append(f'<line x1="{tx:.2f}" y1="{y}" x2="{tx:.2f}" y2="{y + 4}" stroke="#000"/>')
        parts.append(
            f'<text x="{tx:.2f}" y="{y + 15}" font-size="10" text-anchor="middle">'
            f"{tick:g} ms</text>"
        )
        tick += step
    y += 30
    legend_x = LABEL
    for category in ("region", "body", "loop", "chunk", "sync", "wait", "overhead"):
        colour = COLOURS[category]
        if isinstance(colour, tuple):
            colour = colour[0]
        parts.append(
            f'<rect x="{legend_x}" y="{y}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{legend_x + 16}" y="{y + 10}" font-size="11">{category}</text>'
        )
        legend_x += 90
    height = y + 24
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>'
        f'<text x="4" y="20" font-size="14" font-weight="bold">{escape(title)}</text>'
    )
    return head + "".join(parts) + "</svg>\n"


def _tick(total_ms: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving at most ten ticks."""
    power = 1e-3
    while True:
        for factor in (1, 2, 5):
            if total_ms / (factor * power) <= 10:
                return factor * power
        power *= 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trace")
    parser.add_argument("svg")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--title", default="omppy trace")
    args = parser.parse_args()
    with open(args.trace) as handle:
        trace = json.load(handle)
    with open(args.svg, "w") as handle:
        handle.write(render(trace, args.width, args.title))


if __name__ == "__main__":
    main()
