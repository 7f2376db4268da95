"""Photos as a phone or a newsroom camera leaves them: GPS position, make, model, serial number,
editing software, XMP, IPTC (Photoshop APP13), a JPEG comment, orientation 6 (turned 90°)."""

from __future__ import annotations

import io
import struct

from PIL import ExifTags, ImageDraw, PngImagePlugin
from PIL import Image as PILImage

MAKE = "CanonLeakMake"
MODEL = "EOS-LEAK-5D"
SERIAL = "SN-0987654321"
SOFTWARE = "LeakyEditor 9.1"
XMP_MARK = "xmp-location-Bac-Ninh"
IPTC_MARK = b"iptc-byline-Nguyen"
COMMENT = b"comment-home-address"
PNG_TEXT = "png-text-phone-number"
# Every string the raw bytes of a stored original or a rendition must not contain.
LEAKS = [
    b"GPS",
    MAKE.encode(),
    MODEL.encode(),
    SERIAL.encode(),
    SOFTWARE.encode(),
    XMP_MARK.encode(),
    IPTC_MARK,
    COMMENT,
    PNG_TEXT.encode(),
    b"Exif\x00\x00",
    b"Photoshop 3.0",
]

XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:GPS="http://ns.example/gps" '
    f'GPS:place="{XMP_MARK}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def leaky_exif() -> PILImage.Exif:
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = MAKE
    exif[ExifTags.Base.Model] = MODEL
    exif[ExifTags.Base.Software] = SOFTWARE
    exif[ExifTags.Base.Orientation] = 6
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (21.0, 11.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (106.0, 4.0, 30.0)
    return exif


def _picture(size: tuple[int, int]) -> PILImage.Image:
    """A picture whose top-left corner is red, so its orientation can be checked."""
    picture = PILImage.new("RGB", size, (40, 110, 150))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(220, 20, 20))
    return picture


def _app13_iptc() -> bytes:
    """A Photoshop APP13 segment with one IPTC record (2:80 By-line)."""
    record = b"\x1c\x02\x50" + struct.pack(">H", len(IPTC_MARK)) + IPTC_MARK
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(record))
    resource += record + (b"\x00" if len(record) % 2 else b"")
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def leaky_jpeg(size: tuple[int, int] = (1600, 1200)) -> bytes:
    """A JPEG stored 1600×1200 whose orientation tag says to show it 1200×1600."""
    buffer = io.BytesIO()
    _picture(size).save(
        buffer, format="JPEG", quality=90, exif=leaky_exif(), xmp=XMP.encode(), comment=COMMENT
    )
    data = buffer.getvalue()
    return data[:2] + _app13_iptc() + data[2:]


def leaky_png(size: tuple[int, int] = (800, 600)) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", PNG_TEXT)
    info.add_itxt("XML:com.adobe.xmp", XMP)
    exif = leaky_exif()
    del exif[ExifTags.Base.Orientation]
    buffer = io.BytesIO()
    _picture(size).convert("RGBA").save(buffer, format="PNG", pnginfo=info, exif=exif)
    return buffer.getvalue()


def leaks_in(data: bytes) -> list[bytes]:
    return [leak for leak in LEAKS if leak in data]
