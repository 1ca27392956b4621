"""The Language Server Protocol side: pygls handlers, debouncing, publishing.

Diagnostics are published on open and save at once, and on change after the
writer pauses for ``debounce`` seconds (each keystroke restarts the wait). Linting
runs on one worker thread, so the server still answers hover and code-action
requests while a paragraph is parsed; a result for a version of the buffer that
has since changed is dropped (a newer lint is already on its way).
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from blamelint import __version__
from blamelint.findings import Finding
from blamelint.server import features
from blamelint.server.positions import UTF16, Lines
from blamelint.server.session import Session, file_of

DEFAULT_DEBOUNCE = 0.1
"""Seconds of quiet after a change before it is linted."""
log = logging.getLogger("blamelint.server")


@dataclass
class Linted:
    version: int | None
    lines: Lines
    findings: list[Finding] = field(default_factory=list)


class BlamelintServer(LanguageServer):
    def __init__(self, session: Session, debounce: float = DEFAULT_DEBOUNCE):
        super().__init__("blamelint", __version__)
        self.session = session
        self.debounce = debounce
        self.linted: dict[str, Linted] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blamelint-lint")

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or UTF16)

    # -- scheduling ---------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self._timers[uri] = loop.call_later(delay, lambda: loop.create_task(self._lint(uri)))

    def cancel(self, uri: str) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    async def _lint(self, uri: str) -> None:
        self._timers.pop(uri, None)
        if uri not in self.workspace.text_documents:
            return
        doc = self.workspace.get_text_document(uri)
        text, version, language = doc.source, doc.version, doc.language_id or "markdown"
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self._worker, self.session.lint, file_of(uri), text, language)
        except Exception as exc:  # noqa: BLE001 - a bug must not take the editor's server down
            log.exception("linting %s failed", features.shown(uri))
            message = features.shown(f"blamelint: internal error on {uri}: {exc!r}")
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=message))
            return
        documents = self.workspace.text_documents
        if uri not in documents or self.workspace.get_text_document(uri).version != version:
            return
        lines = Lines(text)
        self.linted[uri] = Linted(version, lines, result.findings)
        diagnostics = features.diagnostics(
            result.findings, result.warnings, result.error, lines, self.encoding
        )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def warm_up(self) -> None:
        self._worker.submit(self.session.warm_up)


def build_server(
    config_path: str | None = None, debounce: float = DEFAULT_DEBOUNCE, root: Path | None = None
) -> BlamelintServer:
    server = BlamelintServer(Session(config_path, root), debounce)

    @server.feature(types.INITIALIZED)
    def initialized(ls: BlamelintServer, params: types.InitializedParams) -> None:
        folder = ls.workspace.root_path
        if folder and root is None:
            ls.session.fallback_folder = Path(folder)
        ls.warm_up()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: BlamelintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: BlamelintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: BlamelintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: BlamelintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: BlamelintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.linted.get(params.text_document.uri)
        if linted is None:
            return None
        file = file_of(params.text_document.uri)
        cards = {f.rule: ls.session.card(file, f.rule) for f in linted.findings}
        return features.hover(linted.findings, cards, linted.lines, params.position, ls.encoding)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: BlamelintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        linted = ls.linted.get(params.text_document.uri)
        if linted is None:
            return []
        return features.code_actions(
            params.text_document.uri, linted.findings, linted.lines, params.range, ls.encoding
        )

    return server


def serve(config_path: str | None = None, debounce: float = DEFAULT_DEBOUNCE) -> None:
    """Run the server on standard input and output until the client says exit."""
    build_server(config_path, debounce).start_io()
