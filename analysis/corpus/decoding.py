"""Bytes to text: byte-order marks, UTF-8, and Windows-1252 only where it cannot garble.

The rule is to reject rather than garble. UTF-8, and UTF-16 or UTF-32 with a
byte-order mark, are decoded exactly. Bytes that are not UTF-8 are read as
Windows-1252 (with a warning) only when they look like Western European text:
accented letters and typographic punctuation between ASCII letters, never long
runs of high bytes. A run of three or more high bytes is how Chinese (GB18030,
Big5), Japanese (Shift-JIS), Cyrillic (Windows-1251, KOI8-R), Greek or Arabic
text looks in a single-byte reading, so such files are rejected with the fix
(re-save as UTF-8) instead of being loaded as mojibake.
"""

from __future__ import annotations

import codecs
import re

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Longest run of consecutive non-ASCII bytes that Western European text in Windows-1252 produces.
LATIN_RUN = 2

_HIGH_RUN = re.compile(rb"[\x80-\xff]{%d,}" % (LATIN_RUN + 1))


class Undecodable(ValueError):
    """The bytes are not text in an encoding this reader can tell apart; ``reason`` and ``fix`` say why."""

    def __init__(self, reason: str, fix: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fix = fix


def decode(data: bytes, *, table: bool = False) -> tuple[str, list[str]]:
    """Decode the bytes of a file.

    Args:
        data: the file's bytes.
        table: the file holds many records (CSV, JSON Lines): valid UTF-8 with
            NUL characters is returned as it is, so that each record holding one
            is rejected on its own instead of the whole file.

    Returns:
        ``(text, warnings)``; a warning says when the text was read as Windows-1252.

    Raises:
        Undecodable: binary data, a byte-order mark followed by invalid bytes, or
            bytes in an encoding that cannot be told apart from others.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), []
            except UnicodeDecodeError as exc:
                raise Undecodable(
                    f"starts with a {encoding} byte-order mark but byte {exc.start + len(bom)} is invalid",
                    "re-save the file as UTF-8",
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _western(data, exc.start)
    if not table and text.count("\x00") * 10 > len(text):
        raise Undecodable(
            "mostly NUL bytes: binary data, or UTF-16/UTF-32 saved without a byte-order mark",
            "export it as UTF-8 text (or save it with a byte-order mark)",
        )
    return text, []


def _western(data: bytes, first_bad: int) -> tuple[str, list[str]]:
    if b"\x00" in data:
        raise Undecodable(
            "binary file (contains NUL bytes), not text", "remove it from the folder, or export it as UTF-8 text"
        )
    run = _HIGH_RUN.search(data)
    if run is not None:
        raise Undecodable(
            f"not UTF-8 (first bad byte at {first_bad}) and not Western European text either: "
            f"{len(run.group())} non-ASCII bytes in a row at byte {run.start()} (Chinese, Japanese, Cyrillic, "
            "Greek or another encoding cannot be told apart reliably)",
            "re-save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
        )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise Undecodable(
            f"not UTF-8 (first bad byte at {first_bad}) and not Windows-1252 either (byte {exc.start})",
            "re-save the file as UTF-8",
        ) from None
    return text, [
        f"not valid UTF-8 (first bad byte at {first_bad}); decoded as Windows-1252 — "
        "check accented letters and re-save the file as UTF-8"
    ]
