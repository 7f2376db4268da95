"""What a photo file says besides its pixels, and how it is removed.

A camera or phone writes where the photo was taken (GPS), the camera's make, model and serial
number, the editing software, the photographer's XMP/IPTC notes and comments. Served as they
are, these tell anyone who downloads the file where a source lives. On intake we keep only the
pixels (turned the way the camera's orientation tag said), the transparency and the colour
(ICC) profile; our own fields (title, credit, description) live in the database.

JPEG and PNG are cleaned without re-encoding (the marker segments and chunks that carry
metadata are dropped; the compressed pixels are copied), so a photo loses no quality. A photo
that must be turned, and every other format (WebP, AVIF, GIF, ...), is decoded and saved again
by Pillow with nothing but pixels, transparency and the ICC profile.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from PIL import ExifTags, ImageFile, ImageOps, ImageSequence, JpegImagePlugin
from PIL import Image as PILImage

# JPEG marker segments kept: the frame, tables, scans and restart intervals (everything that is
# not APPn or COM), APP0 only as a bare JFIF header (no thumbnail), APP2 only when it is an ICC
# profile, APP14 ("Adobe": the colour transform a CMYK/YCCK decoder needs, no personal data).
_JPEG_APP0, _JPEG_APP2, _JPEG_APP14, _JPEG_APP15 = 0xE0, 0xE2, 0xEE, 0xEF
_JPEG_COM, _JPEG_SOS, _JPEG_EOI, _JPEG_SOI = 0xFE, 0xDA, 0xD9, 0xD8
# Markers that stand alone (no length): TEM, RST0-7, SOI, EOI.
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8), _JPEG_SOI, _JPEG_EOI}

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG chunks kept: pixels, palette, transparency, colour (ICC, sRGB, gamma, chromaticities, CICP,
# HDR levels), significant bits, background, animation. Text (tEXt, zTXt, iTXt: XMP lives in
# iTXt), eXIf, tIME, pHYs and every private chunk go.
_PNG_KEPT = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"iCCP", b"sRGB", b"gAMA", b"cHRM", b"cICP",
    b"mDCV", b"cLLI", b"sBIT", b"bKGD", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip

# Re-encoding qualities for formats that are decoded and saved again.
_QUALITY = {"JPEG": 92, "WEBP": 90, "AVIF": 88}


class StripError(ValueError):
    """The file cannot be read as an image to its end."""


@dataclass(frozen=True)
class Stripped:
    data: bytes
    format: str
    width: int
    height: int
    changed: bool


def _strict_open(data: bytes) -> PILImage.Image:
    image = PILImage.open(io.BytesIO(data))
    image.load()
    return image


def found_metadata(data: bytes) -> list[str]:
    """The kinds of metadata Pillow finds in an image file (parsed, not searched for as text):
    an empty list for a clean file. Used by intake to check its own work, by
    `strip_image_metadata` to count what is left, and by the tests."""
    found: list[str] = []
    with PILImage.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if len(exif):
            found.append("exif")
        if exif.get_ifd(ExifTags.IFD.GPSInfo):
            found.append("gps")
        if image.info.get("exif"):
            found.append("exif-block")
        for key in ("xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"):
            if image.info.get(key):
                found.append(key)
        if image.format == "JPEG":
            for marker, payload in getattr(image, "applist", []):
                if marker == "APP2" and payload.startswith(b"ICC_PROFILE\0"):
                    continue
                if marker == "APP14" and payload.startswith(b"Adobe"):
                    continue
                if marker == "APP0" and _bare_jfif(payload):
                    continue
                found.append(marker)
        if image.format == "PNG":
            image.load()
            if getattr(image, "text", None):
                found.append("png-text")
    return sorted(set(found))


def _bare_jfif(payload: bytes) -> bool:
    """A JFIF header (version, density) without a thumbnail: Pillow writes one on every JPEG."""
    return payload.startswith(b"JFIF\0") and len(payload) >= 14 and payload[12:14] == b"\0\0"


def _jpeg_segments(data: bytes) -> bytes:
    """The JPEG without its APPn (but ICC and Adobe) and COM segments, ending at the first EOI
    (what follows it, such as an MPF second picture with its own EXIF, goes too)."""
    if data[:2] != b"\xff\xd8":
        raise StripError("not a JPEG")
    out = bytearray(b"\xff\xd8")
    pos, end = 2, len(data)
    while pos < end:
        if data[pos] != 0xFF:
            raise StripError("JPEG marker expected")
        while pos < end and data[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= end:
            raise StripError("JPEG ends inside a marker")
        marker = data[pos]
        pos += 1
        if marker == _JPEG_EOI:
            out += b"\xff\xd9"
            return bytes(out)
        if marker in _JPEG_STANDALONE:
            out += bytes((0xFF, marker))
            continue
        if pos + 2 > end:
            raise StripError("JPEG ends inside a segment")
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        segment = data[pos : pos + length]
        if len(segment) < length or length < 2:
            raise StripError("JPEG segment cut off")
        pos += length
        payload = segment[2:]
        keep = not (_JPEG_APP0 <= marker <= _JPEG_APP15 or marker == _JPEG_COM)
        if marker == _JPEG_APP2 and payload.startswith(b"ICC_PROFILE\0"):
            keep = True
        if marker == _JPEG_APP14 and payload.startswith(b"Adobe"):
            keep = True
        if marker == _JPEG_APP0 and _bare_jfif(payload):
            keep = True  # as Pillow writes it: a clean file comes out byte for byte the same
        if keep:
            out += bytes((0xFF, marker)) + segment
        if marker == _JPEG_SOS:
            # Entropy-coded data: runs to the next marker that is not a stuffed 0xFF00 or a
            # restart marker.
            scan_start = pos
            while True:
                pos = data.find(b"\xff", pos)
                if pos < 0 or pos + 1 >= end:
                    raise StripError("JPEG ends inside a scan")
                following = data[pos + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    pos += 1 if following == 0xFF else 2
                    continue
                break
            out += data[scan_start:pos]
    raise StripError("JPEG without an end marker")


def _png_chunks(data: bytes) -> bytes:
    """The PNG with only the chunks in _PNG_KEPT."""
    if not data.startswith(PNG_SIGNATURE):
        raise StripError("not a PNG")
    out = bytearray(PNG_SIGNATURE)
    pos = len(PNG_SIGNATURE)
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk_end = pos + 12 + length
        if chunk_end > len(data):
            raise StripError("PNG chunk cut off")
        if kind in _PNG_KEPT:
            out += data[pos:chunk_end]
        pos = chunk_end
        if kind == b"IEND":
            return bytes(out)
    raise StripError("PNG without an end chunk")


def _orientation(image: PILImage.Image) -> int:
    return image.getexif().get(ExifTags.Base.Orientation, 1) or 1


def _reencode(image: PILImage.Image, format: str) -> bytes:
    """Pixels (turned upright), transparency and the ICC profile, saved again by Pillow."""
    icc = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    frames = [ImageOps.exif_transpose(frame.copy()) for frame in ImageSequence.Iterator(image)]
    durations = [frame.info.get("duration", 0) for frame in ImageSequence.Iterator(image)]
    for frame in frames:
        frame.info = {}
    first = frames[0]
    options: dict = {}
    if icc:
        options["icc_profile"] = icc
    if transparency is not None and format in ("PNG", "GIF"):
        options["transparency"] = transparency
    if format in _QUALITY:
        options["quality"] = _QUALITY[format]
    if format == "JPEG":
        sampling = JpegImagePlugin.get_sampling(image) if image.format == "JPEG" else -1
        options["subsampling"] = sampling if sampling != -1 else 2
        options["optimize"] = True
        if first.mode not in ("RGB", "L", "CMYK"):
            first = first.convert("RGB")
    if len(frames) > 1 and format in ("GIF", "WEBP", "PNG", "AVIF"):
        options.update(save_all=True, append_images=frames[1:], duration=durations)
        options["loop"] = image.info.get("loop", 0)
    buffer = io.BytesIO()
    first.save(buffer, format=format, **options)
    return buffer.getvalue()


def strip(data: bytes) -> Stripped:
    """The image file with its metadata gone and its pixels upright.

    Raises StripError for a file Pillow cannot decode to the end (a truncated file is refused
    even where the process has set LOAD_TRUNCATED_IMAGES, as WeasyPrint's import does)."""
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        try:
            image = _strict_open(data)
        except (OSError, SyntaxError, ValueError, EOFError, struct.error) as error:
            raise StripError(str(error)) from error
        with image:
            format = image.format or "PNG"
            upright = _orientation(image) == 1
            out: bytes | None = None
            if upright and format == "JPEG":
                out = _jpeg_segments(data)
            elif upright and format == "PNG":
                out = _png_chunks(data)
            if out is not None:
                try:
                    with _strict_open(out) as check:
                        if check.size != image.size or found_metadata(out):
                            out = None
                except (OSError, SyntaxError, ValueError, EOFError):
                    out = None
            if out is None:
                out = _reencode(image, format)
        with PILImage.open(io.BytesIO(out)) as result:
            width, height = result.size
        left = found_metadata(out)
        if left:
            raise StripError(f"metadata left after stripping: {', '.join(left)}")
        return Stripped(out, format, width, height, out != data)
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
