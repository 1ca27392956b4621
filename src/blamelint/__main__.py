"""``python -m blamelint``. Python puts the working directory first on ``sys.path``
for ``-m``; a repository being checked could then shadow any module blamelint
imports (its own ``spacy.py``, a ``model`` named in its config), so the working
directory leaves ``sys.path`` before anything else is imported."""

import os
import sys


def _drop_working_directory() -> None:
    try:
        cwd = os.path.realpath(os.getcwd())
    except OSError:
        cwd = None
    kept = []
    for entry in sys.path:
        if entry in ("", "."):
            continue
        try:
            if cwd is not None and os.path.realpath(entry) == cwd:
                continue
        except (OSError, ValueError):
            pass
        kept.append(entry)
    sys.path[:] = kept


_drop_working_directory()

try:
    from blamelint.cli import main

    code = main()
except KeyboardInterrupt:  # Ctrl-C while starting up
    code = 130
if code == 130:  # interrupted: a second Ctrl-C must not interrupt the shutdown with a traceback
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
raise SystemExit(code)
