"""Where a rendered report goes: a file named by --output, or standard output."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from blamelint.errors import BlamelintError


def emit(rendered: str, output: Optional[str]) -> None:
    if output:
        try:
            Path(output).write_text(rendered, encoding="utf-8")
        except OSError as exc:
            raise BlamelintError(f"{output}: cannot write output: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(rendered)
        sys.stdout.flush()
