"""Bytes to text: BOM-aware UTF-8/UTF-16/UTF-32, a Windows-1252 fallback, binary formats refused."""

from __future__ import annotations

import codecs

from newsextract.formats.article import ArticleError

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP (or DOCX/XLSX)"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0", "MS Office (OLE)"),
    (b"{\\rtf", "RTF"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> str:
    """Decode an upload: a BOM decides the encoding, else UTF-8, else Windows-1252.

    Raises ``ArticleError`` for empty input, known binary formats and data with NUL bytes.
    """
    if not data:
        raise ArticleError("the object is empty")
    for signature, name in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ArticleError(
                f"binary content ({name}) is not supported; upload text, Markdown, HTML or JSON"
            )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ArticleError(
                    f"invalid {encoding.upper()} text after its byte order mark: {error.reason}"
                ) from None
    if b"\x00" in data:
        raise ArticleError("binary content (NUL bytes) is not supported; upload text, Markdown, HTML or JSON")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy newsroom exports are mostly Windows-1252; its five undefined bytes fall back to Latin-1.
    return data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1")


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
