"""Charts drawn on the server as inline SVG: no external service, no script."""

from __future__ import annotations

from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD = 720, 220, 36
COLOURS = ("#2a6f97", "#e07a1f")


def time_series_svg(
    points: list[tuple[date, int, int]], labels: tuple[str, str], title: str
) -> SafeString:
    """Two lines (e.g. views and visitors) per day, with the axis maximum and the end dates."""
    if not points:
        return mark_safe("")
    peak = max(max(p[1], p[2]) for p in points) or 1
    step = (WIDTH - 2 * PAD) / max(len(points) - 1, 1)

    def xy(index: int, value: int) -> str:
        x = PAD + index * step
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / peak
        return f"{x:.1f},{y:.1f}"

    lines = []
    for series, colour in enumerate(COLOURS, start=1):
        path = " ".join(xy(i, p[series]) for i, p in enumerate(points))
        lines.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
    dots = "".join(
        f'<circle cx="{xy(i, p[1]).split(",")[0]}" cy="{xy(i, p[1]).split(",")[1]}" r="2.5" '
        f'fill="{COLOURS[0]}"><title>{p[0]:%d/%m/%Y}: {p[1]} / {p[2]}</title></circle>'
        for i, p in enumerate(points)
    )
    legend = "".join(
        f'<rect x="{PAD + i * 160}" y="6" width="12" height="12" fill="{colour}"/>'
        f'<text x="{PAD + i * 160 + 18}" y="17" font-size="12">{escape(label)}</text>'
        for i, (label, colour) in enumerate(zip(labels, COLOURS, strict=True))
    )
    axis = (
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
        'stroke="#888"/>'
        f'<text x="4" y="{PAD + 4}" font-size="11">{peak}</text>'
        f'<text x="{PAD}" y="{HEIGHT - 10}" font-size="11">{points[0][0]:%d/%m}</text>'
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 10}" font-size="11" text-anchor="end">'
        f"{points[-1][0]:%d/%m}</text>"
    )
    return mark_safe(  # every text above is escaped or a number/date we formatted
        f'<svg class="engagement-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'style="max-width:100%;height:auto"><title>{escape(title)}</title>'
        f"{legend}{axis}{''.join(lines)}{dots}</svg>"
    )


def bars_svg(rows: list[tuple[str, int]], title: str) -> SafeString:
    """Horizontal bars for a top list (label, value)."""
    if not rows:
        return mark_safe("")
    peak = max(value for _label, value in rows) or 1
    height = 24 * len(rows) + 8
    bars = "".join(
        f'<text x="0" y="{24 * i + 20}" font-size="12">{escape(label[:40])}</text>'
        f'<rect x="260" y="{24 * i + 8}" height="16" width="{380 * value / peak:.1f}" '
        f'fill="{COLOURS[0]}"/>'
        f'<text x="{266 + 380 * value / peak:.1f}" y="{24 * i + 20}" font-size="12">{value}</text>'
        for i, (label, value) in enumerate(rows)
    )
    return mark_safe(
        f'<svg class="engagement-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'style="max-width:100%;height:auto"><title>{escape(title)}</title>{bars}</svg>'
    )
