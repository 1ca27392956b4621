"""Reading files: bytes -> text, with a clear error for anything that is not text."""
from __future__ import annotations

import codecs
from pathlib import Path

from blamelint.document.markdown import parse_markdown
from blamelint.document.model import Document
from blamelint.document.text import parse_text

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")
LINTED_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class UnreadableInput(Exception):
    """A file that cannot be checked. The message names the problem, not the file."""


def decode(raw: bytes) -> str:
    """Decode file bytes: UTF-8 (BOM optional) or UTF-16/32 with a BOM."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"not valid {encoding.upper().replace('-SIG', '')}: {exc.reason} at byte {exc.start}") from None
    if b"\x00" in raw[:8192]:
        raise UnreadableInput("binary file (contains NUL bytes); not a text document")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise UnreadableInput(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at line {line}); "
                              "save the file as UTF-8") from None


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "\ufffd")


def parse_source(display_path: str, text: str) -> Document:
    """Build the document model from already-decoded text."""
    text = normalise_newlines(text)
    if display_path.lower().endswith(TEXT_SUFFIXES):
        return parse_text(display_path, text)
    return parse_markdown(display_path, text)


def read_document(path: Path, display_path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return parse_source(display_path, decode(read_bytes(path, max_bytes)))


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, or UnreadableInput saying why not (too big, no permission...)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableInput(f"file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit (max-file-size)")
        return path.read_bytes()
    except PermissionError:
        raise UnreadableInput("permission denied") from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory") from None
    except FileNotFoundError:
        raise UnreadableInput("no such file") from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc)) from None
