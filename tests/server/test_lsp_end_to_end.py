"""The language server as an editor meets it: a real LSP client (pytest-lsp) talking
to `python -m blamelint server` over stdio. initialize, open, change, diagnostics,
hover, code action, shutdown, exit."""

from __future__ import annotations

import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "blamelint", "server", "--debounce-ms", "30"]
# Emoji are two UTF-16 units and one code point; CJK characters one of each.
FIRST = "# 事故 🚀 notes\n\n🚀🚀 部署 — The page was acknowledged after twelve minutes.\n"
SECOND = FIRST + "\nThe outage was caused by human error.\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    )
    assert result.server_info.name == "blamelint"
    assert result.capabilities.hover_provider
    yield
    await lsp_client.shutdown_session()


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def _diagnostics(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri and params.version == version:
            return params.diagnostics


@pytest.mark.asyncio
async def test_open_change_hover_code_action(client: LanguageClient, tmp_path):
    (tmp_path / ".blamelint.toml").write_text("ignore = []\n", encoding="utf-8")
    path = tmp_path / "notes.md"
    path.write_text(FIRST, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=FIRST)
        )
    )
    found = await _diagnostics(client, uri, 1)
    passive = [d for d in found if d.code == "agentless-passive"]
    assert len(passive) == 1, found
    line = FIRST.split("\n")[2]
    start = line.index("was acknowledged")
    assert passive[0].range.start == types.Position(2, _utf16(line[:start]))
    assert passive[0].range.end == types.Position(2, _utf16(line[: start + len("was acknowledged")]))
    assert _utf16(line[:start]) == start + 2  # two emoji: one unit more each than code points
    assert passive[0].source == "blamelint"
    assert passive[0].severity == types.DiagnosticSeverity.Warning

    # A change: a second paragraph, debounced, published for version 2.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=SECOND)],
        )
    )
    found = await _diagnostics(client, uri, 2)
    rules = sorted(d.code for d in found)
    assert "blame" in rules and "agentless-passive" in rules
    blame = next(d for d in found if d.code == "blame")
    assert blame.range.start.line == 4

    # Hover on the passive: the rule's docs.
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=passive[0].range.start
        )
    )
    assert hover is not None
    assert "agentless-passive" in hover.contents.value and "**Why.**" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 0))
    )
    assert nothing is None

    # Code actions: the active-voice rewrite and a suppression comment.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=passive[0].range,
            context=types.CodeActionContext(diagnostics=[passive[0]]),
        )
    )
    titles = [a.title for a in actions]
    assert "Disable agentless-passive for this line" in titles, titles
    rewrite = next(a for a in actions if a.title.startswith("Rewrite in the active voice"))
    (edit,) = rewrite.edit.changes[uri]
    assert edit.new_text == "[who] acknowledged the page after twelve minutes"
    begin = line.index("The page")
    assert edit.range.start == types.Position(2, _utf16(line[:begin]))
    replaced = "The page was acknowledged after twelve minutes"
    assert edit.range.end == types.Position(2, _utf16(line[: begin + len(replaced)]))
    suppress = next(a for a in actions if a.title.startswith("Disable"))
    (edit,) = suppress.edit.changes[uri]
    assert edit.new_text == "<!-- blamelint-disable-next-line agentless-passive -->\n"
    assert edit.range.start == types.Position(2, 0)


@pytest.mark.asyncio
async def test_suppression_and_close(client: LanguageClient, tmp_path):
    """The suppression comment the code action writes silences the finding; closing
    a document clears its diagnostics."""
    path = tmp_path / "pm.md"
    text = "<!-- blamelint-disable-next-line agentless-passive -->\nThe page was acknowledged late.\n"
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    assert list(await _diagnostics(client, uri, 1)) == []
    # A misspelt rule id in a suppression comment is shown on its line, and suppresses nothing.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangeWholeDocument(text=text.replace("agentless-", "agentles-"))
            ],
        )
    )
    found = await _diagnostics(client, uri, 2)
    assert sorted((d.code, d.range.start.line) for d in found) == [
        ("agentless-passive", 1),
        ("suppression-comment", 0),
    ]
    assert "did you mean 'agentless-passive'" in next(d.message for d in found if d.range.start.line == 0)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert params.uri == uri and list(params.diagnostics) == []
