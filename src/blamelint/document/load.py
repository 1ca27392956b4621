"""Reading files: bytes -> text, with a clear error for anything that is not text."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from blamelint.document.html import parse_html
from blamelint.document.markdown import parse_markdown
from blamelint.document.model import Document
from blamelint.document.text import parse_text

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
LINTED_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class UnreadableInput(Exception):
    """A file that cannot be checked. The message names the problem, not the file."""


def decode(raw: bytes, html: bool = False) -> str:
    """Decode file bytes: UTF-8 (BOM optional) or UTF-16/32 with a BOM. For HTML
    that is not UTF-8, the encoding its ``<meta charset>`` declares."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                name = encoding.upper().replace("-SIG", "")
                raise UnreadableInput(
                    f"not valid {name} (despite its byte-order mark): {exc.reason} at byte {exc.start}"
                ) from None
    head = raw[:8192]
    if b"\x00" in head:
        if _looks_like_utf16(head):
            raise UnreadableInput("looks like UTF-16 without a byte-order mark; save the file as UTF-8")
        raise UnreadableInput("binary file (contains NUL bytes); not a text document")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(head) if html else None
        if declared is not None:
            try:
                return raw.decode(declared)
            except (UnicodeDecodeError, LookupError, TypeError, ValueError):
                pass  # a codec that does not decode this (or is not a text encoding at all)
        line = raw.count(b"\n", 0, exc.start) + 1
        raise UnreadableInput(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at line {line}); save the file as UTF-8"
        ) from None


def _looks_like_utf16(head: bytes) -> bool:
    """Mostly-ASCII UTF-16: a NUL in (nearly) every other byte, and text when read so."""
    head = head[: len(head) // 2 * 2]
    for zeros, other, encoding in (
        (head[1::2], head[0::2], "utf-16-le"),
        (head[0::2], head[1::2], "utf-16-be"),
    ):
        if zeros and zeros.count(0) >= 0.8 * len(zeros) and other.count(0) <= 0.05 * len(other):
            text = head.decode(encoding, errors="replace")
            return sum(ch.isascii() and (ch.isprintable() or ch in "\t\n\r") for ch in text) >= 0.9 * len(
                text
            )
    return False


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# The HTML standard reads these labels as windows-1252.
WINDOWS_1252_LABELS = {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "cp819"}


def _declared_charset(head: bytes) -> str | None:
    match = META_CHARSET.search(head[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib...: not a charset
        return None
    return info.name


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "\ufffd")


def parse_source(display_path: str, text: str) -> Document:
    """Build the document model from already-decoded text."""
    text = normalise_newlines(text)
    suffix = display_path.lower()
    if suffix.endswith(TEXT_SUFFIXES):
        return parse_text(display_path, text)
    if suffix.endswith(HTML_SUFFIXES):
        return parse_html(display_path, text)
    return parse_markdown(display_path, text)


def parse_bytes(display_path: str, raw: bytes) -> Document:
    """Decode and parse a file's bytes (HTML may declare its own encoding)."""
    return parse_source(display_path, decode(raw, html=display_path.lower().endswith(HTML_SUFFIXES)))


def read_document(path: Path, display_path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return parse_bytes(display_path, read_bytes(path, max_bytes))


READ_LIMIT = 1 << 40
"""No read is larger than this (1 TB), whatever max-file-size says."""


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, or UnreadableInput saying why not (too big, no permission...).

    Regular files and pipes (a FIFO, ``<(cat pm.md)``) are read once; a pipe
    without a writer reads as empty instead of blocking; devices and sockets are
    refused. At most ``max_bytes + 1`` bytes are read, so nothing can make the run
    read forever."""
    max_bytes = max(0, min(int(max_bytes), READ_LIMIT))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise UnreadableInput("permission denied") from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory") from None
    except FileNotFoundError:
        raise UnreadableInput("no such file") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise UnreadableInput(getattr(exc, "strerror", None) or str(exc)) from None
    try:
        return _read_open(fd, max_bytes)
    finally:
        os.close(fd)


def _read_open(fd: int, max_bytes: int) -> bytes:
    too_big = f"over the {max_bytes / 1048576:.0f} MB limit (max-file-size)"
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInput("is a directory")
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            raise UnreadableInput("not a regular file (a device or socket); not a document")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise UnreadableInput(f"file is {info.st_size / 1048576:.1f} MB, {too_big}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # opened non-blocking only so that a FIFO's open cannot hang
        raw = read_capped(lambda n: os.read(fd, n), max_bytes + 1)
    except PermissionError:
        raise UnreadableInput("permission denied") from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory") from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc)) from None
    if len(raw) > max_bytes:
        raise UnreadableInput(f"more than {max_bytes} bytes, {too_big}")
    return raw


def read_capped(read, limit: int, step: int = 1 << 20) -> bytes:
    """Call ``read(n)`` until end of input or ``limit`` bytes, in steps of at most ``step``
    (no buffer is ever sized by a limit the user chose)."""
    parts = []
    total = 0
    while total < limit:
        part = read(min(step, limit - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)
