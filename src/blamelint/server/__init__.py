"""The language server (`blamelint server`): findings in the editor as the writer types.

Top layer: it reads documents from the editor, lints them with the same config,
rules, suppression comments and postmortem detection as ``check``, and speaks the
Language Server Protocol over stdio (pygls).

- ``positions``: code-point columns <-> the protocol's UTF-16 (or UTF-8/32) units
- ``session``: which config applies to a file; the warm linters and their parse cache
- ``features``: diagnostics, hover text and code actions, from findings
- ``protocol``: the pygls server: handlers, debouncing, publishing
"""
