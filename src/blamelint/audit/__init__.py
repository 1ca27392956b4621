"""``blamelint audit``: the culture-health report over an archive of postmortems.

metrics.py (per document, from the linter's parse) -> aggregate.py (rates,
periods, trends, health score) -> render_*.py (text, JSON, CSV, HTML);
command.py is the click command. See docs/audit.md.
"""
