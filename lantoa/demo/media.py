"""Pictures and PDFs drawn locally with Pillow, so the demo needs no network and no stock photos.

Output is deterministic for a given spec (seeded shapes, fixed PDF dates), which keeps the files
stable between runs and machines that have the same fonts.
"""

from __future__ import annotations

import io
import math
import random
import time
import zlib
from functools import cache

from PIL import Image, ImageColor, ImageDraw, ImageFilter, ImageFont

from vietnamese.text import fold

# DejaVu covers every Vietnamese letter; Pillow's built-in font does not, so text is folded to
# plain Latin letters when DejaVu is missing rather than drawn as boxes.
_FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
_SERIF_FILES = {False: "DejaVuSerif.ttf", True: "DejaVuSerif-Bold.ttf"}

# The national heading of every Vietnamese administrative document (fixed wording, not content).
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập – Tự do – Hạnh phúc"
DEMO_STAMP = "VĂN BẢN MINH HỌA – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"


@cache
def _font(size: int, bold: bool = False, serif: bool = False) -> tuple[ImageFont.ImageFont, bool]:
    """The font and whether it can draw Vietnamese."""
    name = (_SERIF_FILES if serif else _FONT_FILES)[bold]
    try:
        return ImageFont.truetype(name, size), True
    except OSError:
        return ImageFont.load_default(size), False


def _text(draw: ImageDraw.ImageDraw, xy, text: str, size: int, fill, **options) -> None:
    font, vietnamese = _font(size, options.pop("bold", False), options.pop("serif", False))
    draw.text(xy, text if vietnamese else fold(text), font=font, fill=fill, **options)


def _text_width(text: str, size: int, bold: bool = False, serif: bool = False) -> float:
    font, vietnamese = _font(size, bold, serif)
    return font.getlength(text if vietnamese else fold(text))


# --- Pictures ------------------------------------------------------------------------------


@cache  # pure and deterministic: repeated loads in one process (the test suite) draw once
def render_picture(
    label: str, colours: tuple[str, str], motif: str, size: tuple[int, int], seed: str
) -> bytes:
    """A soft gradient with a few translucent shapes and a caption band, as JPEG bytes."""
    width, height = size
    top, bottom = (ImageColor.getrgb(colour) for colour in colours)
    mask = Image.linear_gradient("L").resize(size)
    picture = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)

    shapes = Image.new("RGBA", size, (255, 255, 255, 0))
    rng = random.Random(zlib.crc32(seed.encode()))
    _MOTIFS[motif](ImageDraw.Draw(shapes), width, height, rng)
    shapes = shapes.filter(ImageFilter.GaussianBlur(radius=max(1, width // 400)))
    picture = Image.alpha_composite(picture.convert("RGBA"), shapes)

    _caption_band(picture, label)
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def _caption_band(picture: Image.Image, label: str) -> None:
    width, height = picture.size
    size = max(18, height // 16)
    margin = width // 24
    band_height = int(size * 1.9)
    text_width = _text_width(label, size, bold=True)
    band = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(band)
    top = height - margin - band_height
    draw.rounded_rectangle(
        (margin, top, margin + text_width + size * 1.4, height - margin),
        radius=size // 2,
        fill=(255, 255, 255, 210),
    )
    _text(
        draw,
        (margin + size * 0.7, top + band_height / 2),
        label,
        size,
        (33, 37, 41),
        bold=True,
        anchor="lm",
    )
    picture.alpha_composite(band)


def _white(alpha: int) -> tuple[int, int, int, int]:
    return (255, 255, 255, alpha)


def _hills(draw, width, height, rng) -> None:
    draw.ellipse(_circle(width * 0.75, height * 0.28, height * 0.13), fill=(255, 244, 214, 200))
    for layer in range(3):
        base = height * (0.55 + 0.13 * layer)
        amplitude = height * (0.07 - 0.015 * layer)
        phase = rng.uniform(0, 6.28)
        points = [(0, height)]
        for step in range(0, 61):
            x = width * step / 60
            wave = _wave(step / 60 * (2.5 + layer) + phase)
            points.append((x, base - amplitude * wave))
        points.append((width, height))
        draw.polygon(points, fill=(0, 0, 0, 40 + 30 * layer) if layer else _white(90))


def _town(draw, width, height, rng) -> None:
    ground = height * 0.78
    x = -rng.uniform(0, width * 0.05)
    while x < width:
        house_width = rng.uniform(width * 0.09, width * 0.15)
        house_height = rng.uniform(height * 0.18, height * 0.36)
        top = ground - house_height
        draw.rectangle((x, top, x + house_width, ground), fill=_white(120))
        draw.polygon(
            [
                (x - 6, top),
                (x + house_width / 2, top - house_width * 0.45),
                (x + house_width + 6, top),
            ],
            fill=(0, 0, 0, 60),
        )
        window = house_width * 0.18
        draw.rectangle(
            (x + window, top + window, x + 2 * window, top + 2 * window), fill=(255, 221, 120, 170)
        )
        x += house_width + rng.uniform(width * 0.01, width * 0.03)
    draw.rectangle((0, ground, width, height), fill=(0, 0, 0, 50))


def _road(draw, width, height, rng) -> None:
    horizon = height * rng.uniform(0.42, 0.5)
    draw.rectangle((0, horizon, width, height), fill=(0, 0, 0, 35))
    centre = width * rng.uniform(0.4, 0.6)
    draw.polygon(
        [
            (centre - 8, horizon),
            (centre + 8, horizon),
            (width * 0.8, height),
            (width * 0.2, height),
        ],
        fill=_white(140),
    )
    for step in range(6):
        y0 = horizon + (height - horizon) * (step / 6) ** 1.6
        y1 = horizon + (height - horizon) * ((step + 0.5) / 6) ** 1.6
        draw.line((centre, y0, centre, y1), fill=(255, 209, 102, 220), width=3 + step * 2)
    for _ in range(7):
        x = rng.uniform(0, width)
        y = rng.uniform(horizon * 0.9, horizon)
        draw.ellipse(_circle(x, y - height * 0.05, height * 0.05), fill=(0, 0, 0, 45))


def _sun(draw, width, height, rng) -> None:
    cx, cy, radius = width * 0.5, height * 0.62, height * 0.26
    for ray in range(18):
        angle = math.pi * ray / 17
        end = (cx - radius * 2.2 * math.cos(angle), cy - radius * 2.2 * math.sin(angle))
        draw.line((cx, cy, *end), fill=_white(70), width=max(2, width // 200))
    draw.ellipse(_circle(cx, cy, radius), fill=(255, 236, 179, 230))
    draw.rectangle((0, height * 0.66, width, height), fill=(0, 0, 0, 55))
    for row in range(5):
        y = height * (0.7 + row * 0.06)
        draw.line((0, y, width, y + rng.uniform(-8, 8)), fill=_white(50), width=2)


def _bokeh(draw, width, height, rng) -> None:
    for _ in range(28):
        radius = rng.uniform(height * 0.04, height * 0.16)
        draw.ellipse(
            _circle(rng.uniform(0, width), rng.uniform(0, height * 0.8), radius),
            fill=_white(rng.randint(35, 110)),
        )


def _portrait(draw, width, height, rng) -> None:
    _bokeh(draw, width, height, rng)
    cx = width / 2
    draw.ellipse(_circle(cx, height * 0.38, height * 0.15), fill=(0, 0, 0, 95))
    draw.ellipse(
        (cx - width * 0.3, height * 0.58, cx + width * 0.3, height * 1.25), fill=(0, 0, 0, 95)
    )


_MOTIFS = {
    "hills": _hills,
    "town": _town,
    "road": _road,
    "sun": _sun,
    "bokeh": _bokeh,
    "portrait": _portrait,
}
MOTIFS = frozenset(_MOTIFS)  # what a demo picture's `motif` may name


def _circle(cx: float, cy: float, radius: float) -> tuple[float, float, float, float]:
    return (cx - radius, cy - radius, cx + radius, cy + radius)


def _wave(x: float) -> float:
    return math.sin(x) * 0.7 + math.sin(x * 2.3) * 0.3


# --- PDF -----------------------------------------------------------------------------------

_PAGE = (1240, 1754)  # A4 at 150 dpi
_FIXED_DATE = time.strptime("2026-01-01", "%Y-%m-%d")  # struct_time, as Pillow wants


def render_document_pdf(
    *,
    issuing_body: str,
    number: str,
    place_and_date: str,
    kind: str,
    title: str,
    paragraphs: list[str],
    signer_title: str,
    signer: str,
) -> bytes:
    """One A4 page laid out like a Vietnamese administrative document, as PDF bytes."""
    page = Image.new("L", _PAGE, 255)
    draw = ImageDraw.Draw(page)
    width, _height = _PAGE
    left_centre, right_centre = 260, 820

    _text(draw, (left_centre, 120), issuing_body.upper(), 22, 0, bold=True, serif=True, anchor="mm")
    draw.line((left_centre - 60, 140, left_centre + 60, 140), fill=0, width=2)
    _text(draw, (left_centre, 180), f"Số: {number}", 22, 0, serif=True, anchor="mm")
    _text(draw, (right_centre, 110), NATIONAL_NAME, 22, 0, bold=True, serif=True, anchor="mm")
    _text(draw, (right_centre, 142), NATIONAL_MOTTO, 22, 0, bold=True, serif=True, anchor="mm")
    draw.line((right_centre - 150, 162, right_centre + 150, 162), fill=0, width=2)
    _text(draw, (right_centre, 200), place_and_date, 21, 0, serif=True, anchor="mm")

    y = 300
    _text(draw, (width / 2, y), kind.upper(), 30, 0, bold=True, serif=True, anchor="mm")
    y += 50
    for line in _wrap(title, 25, width - 300, bold=True):
        _text(draw, (width / 2, y), line, 25, 0, bold=True, serif=True, anchor="mm")
        y += 36
    y += 50
    for paragraph in paragraphs:
        for index, line in enumerate(_wrap(paragraph, 24, width - 320)):
            _text(draw, (130 + (60 if index == 0 else 0), y), line, 24, 0, serif=True)
            y += 38
        y += 18

    y += 40
    _text(draw, (right_centre, y), signer_title, 23, 0, bold=True, serif=True, anchor="mm")
    _text(draw, (right_centre, y + 170), signer, 23, 0, bold=True, serif=True, anchor="mm")
    _text(draw, (width / 2, _PAGE[1] - 90), DEMO_STAMP, 20, 90, bold=True, anchor="mm")

    buffer = io.BytesIO()
    page.convert("1", dither=Image.Dither.NONE).save(
        buffer,
        format="PDF",
        resolution=150,
        title=f"{number} – {title}",
        author=issuing_body,
        subject=DEMO_STAMP,
        creationDate=_FIXED_DATE,
        modDate=_FIXED_DATE,
    )
    return buffer.getvalue()


def _wrap(text: str, size: int, max_width: float, bold: bool = False) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and _text_width(candidate, size, bold, serif=True) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines
