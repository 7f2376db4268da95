"""Draws the site's icons (favicon, publisher logo, podcast cover) with Pillow: our own mark,
a red square with a white centre and two rings spreading outward ("Lan Tỏa").

Run `.venv/bin/python scripts/make_icons.py` after changing the mark; the files are committed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = (163, 22, 26)  # --brand in static/css/site.css
WHITE = (255, 255, 255)
STATIC = Path(__file__).resolve().parent.parent / "static"
SUPERSAMPLE = 4

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12" fill="#a3161a"/>
<circle cx="32" cy="32" r="7" fill="#fff"/>
<circle cx="32" cy="32" r="15" fill="none" stroke="#fff" stroke-width="4"/>
<circle cx="32" cy="32" r="24" fill="none" stroke="#fff" stroke-width="4"/>
</svg>
"""


def mark(size: int, *, rounded: bool = True) -> Image.Image:
    """The mark at `size` px, drawn large and scaled down for smooth edges."""
    big = size * SUPERSAMPLE
    unit = big / 64
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=12 * unit if rounded else 0, fill=BRAND)
    centre = big / 2

    def circle(radius: float, **style) -> None:
        r = radius * unit
        draw.ellipse((centre - r, centre - r, centre + r, centre + r), **style)

    circle(7, fill=WHITE)
    circle(17, outline=WHITE, width=round(4 * unit))  # ring of radius 15, stroke 4
    circle(26, outline=WHITE, width=round(4 * unit))
    return image.resize((size, size), Image.LANCZOS)


def palette(image: Image.Image) -> Image.Image:
    """Sixteen colours are plenty for a two-colour mark: a small file."""
    return image.convert("RGB").quantize(16)


def main() -> None:
    (STATIC / "img").mkdir(exist_ok=True)
    (STATIC / "img" / "favicon.svg").write_text(SVG)
    mark(256).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    palette(mark(180, rounded=False)).save(STATIC / "img" / "apple-touch-icon.png", optimize=True)
    palette(mark(512, rounded=False)).save(STATIC / "img" / "logo-512.png", optimize=True)
    cover = STATIC / "syndication" / "img" / "podcast-cover.png"
    cover.parent.mkdir(parents=True, exist_ok=True)
    palette(mark(1400, rounded=False)).save(cover, optimize=True)


if __name__ == "__main__":
    main()
