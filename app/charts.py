"""Small SVG charts drawn on the server: nothing to download, readable without JavaScript."""

from __future__ import annotations

from markupsafe import Markup


def bar_chart(points: list[tuple[object, int]], title: str, maximum: int | None = None) -> Markup:
    """Bars with their value over each and their label under it (up to about 14 bars)."""
    width, height, bar, gap, top, bottom = 280, 120, 16, 4, 16, 18
    bar = max(8, min(40, (width - 12) // max(1, len(points)) - gap))
    top_value = maximum or max([value for _, value in points] + [1])
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{Markup.escape(title)}">'
             f"<title>{Markup.escape(title)}</title>"]
    for i, (label, value) in enumerate(points):
        x = 6 + i * (bar + gap)
        h = round((height - top - bottom) * value / top_value) if top_value else 0
        y = height - bottom - h
        parts.append(f'<rect x="{x}" y="{y}" width="{bar}" height="{max(h, 1)}" class="bar"/>')
        if value:
            parts.append(f'<text x="{x + bar / 2}" y="{y - 3}" class="value">{value}</text>')
        parts.append(f'<text x="{x + bar / 2}" y="{height - 5}" class="day">{Markup.escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  (numbers, and text escaped above)
