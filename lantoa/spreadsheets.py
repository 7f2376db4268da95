"""CSV downloads that Excel opens in UTF-8: every one starts with a byte order mark.

Excel reads a CSV without a BOM in the machine's legacy code page, so "Lượt xem" arrives as
"LÆ°á»£t xem". Wagtail's SpreadsheetExportMixin (every ReportView and listing export, ours
and Wagtail's own reports) writes plain UTF-8 as `text/csv`; rather than patch each view or
the library, this middleware adds the BOM to any CSV sent as a download.
"""

from collections.abc import AsyncIterator, Callable, Iterable, Iterator

from django.http import HttpRequest, HttpResponse

BOM = "\ufeff".encode()


class _BomPrefix:
    """Puts the BOM before the first non-empty chunk, unless it already starts with one."""

    def __init__(self) -> None:
        self.pending = True

    def __call__(self, chunk: bytes) -> bytes:
        if self.pending and chunk:
            self.pending = False
            return chunk if chunk.startswith(BOM) else BOM + chunk
        return chunk

    def tail(self) -> list[bytes]:
        """An empty download still gets its BOM."""
        return [BOM] if self.pending else []


def _iter_with_bom(chunks: Iterable[bytes]) -> Iterator[bytes]:
    prefix = _BomPrefix()
    for chunk in chunks:
        yield prefix(chunk)
    yield from prefix.tail()


async def _aiter_with_bom(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    prefix = _BomPrefix()
    async for chunk in chunks:
        yield prefix(chunk)
    for chunk in prefix.tail():
        yield chunk


def is_csv_download(response: HttpResponse) -> bool:
    """A CSV sent as an attachment, in UTF-8 (Wagtail declares no charset: it writes UTF-8)."""
    content_type = response.get("Content-Type", "").lower().replace(" ", "")
    if not content_type.startswith("text/csv"):
        return False
    if "charset=" in content_type and "charset=utf-8" not in content_type:
        return False
    return response.get("Content-Disposition", "").lower().startswith("attachment")


class ExcelCsvMiddleware:
    """Adds the UTF-8 BOM to CSV downloads (placed below CommonMiddleware, which then counts
    the bytes of a non-streaming answer)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_csv_download(response):
            return response
        if response.streaming:
            content = response.streaming_content
            response.streaming_content = (
                _aiter_with_bom(content) if response.is_async else _iter_with_bom(content)
            )
        elif not response.content.startswith(BOM):
            response.content = BOM + response.content
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
