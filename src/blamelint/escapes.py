"""Text from documents, file names and configuration, made safe to show to a person.

Documents and file names are written by strangers. A terminal acts on some characters
rather than showing them (``ESC [2J`` clears the screen, ``ESC ]0;...BEL`` sets the window
title, a carriage return overwrites a line), a CI log viewer renders ANSI sequences, and
bidirectional overrides (U+202A-U+202E, U+2066-U+2069) reorder what an editor or a browser
displays. Every human-facing output (text, concise, GitHub annotations, SARIF and GitLab
messages, the audit's text, HTML and CSV, messages on standard error) passes such text
through ``escape_controls``; machine data (JSON reports, the positions and fingerprints)
keeps it exactly as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

CONTROL_CHARACTERS = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
"""C0 controls (ESC, BEL, CR, LF, TAB...), DEL, C1 controls, bidirectional embeddings,
overrides and isolates."""


@lru_cache(maxsize=8)
def _pattern(keep: str) -> re.Pattern:
    kept = "".join(re.escape(c) for c in sorted(set(keep)))
    return re.compile(f"(?![{kept}])[{CONTROL_CHARACTERS}]" if kept else f"[{CONTROL_CHARACTERS}]")


def _shown(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` with each control character written as a visible escape: ``\\x1b``,
    ``\\x07``, ``\\x0a``, ``\\u202e``. Characters in ``keep`` (say ``"\\n"`` for text shown
    on several lines) are left as they are."""
    return _pattern(keep).sub(_shown, text)
