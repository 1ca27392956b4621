"""The language server's speed as a writer feels it: how long after an edit the
editor has fresh diagnostics.

    python benchmarks/lsp_edit.py              # 20 edits, default debounce and none
    python benchmarks/lsp_edit.py --edits 40

Starts ``python -m blamelint server`` (this Python) and talks to it over stdio
with pygls's LSP client, as an editor does. The document is about 3,000 words of
the project's sample postmortems, one after another. Figures printed:

- cold start: from starting the server process to the first diagnostics for the
  opened document (Python start-up, pipeline load, every paragraph parsed);
- edit to diagnostics: after a warm-up of 3 edits, each of N edits appends a few
  words to a different paragraph (an incremental change, as editors send) and
  the time until the server publishes diagnostics for that version is taken;
  median and 90th percentile. Measured twice: with the server's default debounce
  (100 ms of quiet after a keystroke, all of it in the figure) and with
  ``--debounce-ms 0`` (the work alone).

The machine's load average is printed: other work on it slows every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    "corpora/postmortems/2023-02-09-tls-cert-expiry.md",
    "corpora/postmortems/2023-08-30-database-failover.md",
    "corpora/postmortems/2024-10-28-payment-provider-outage.md",
    "corpora/sample-postmortem.md",
]


def document(words: int = 3000) -> str:
    """About ``words`` words of postmortem prose, cut at a paragraph."""
    out: list[str] = []
    count = 0
    for name in SOURCES:
        for para in (ROOT / name).read_text(encoding="utf-8").split("\n\n"):
            out.append(para)
            count += len(para.split())
            if count >= words:
                return "\n\n".join(out) + "\n"
    return "\n\n".join(out) + "\n"


def editable_lines(text: str) -> list[int]:
    """0-based lines that end a paragraph or list item of prose (not headings, tables, code)."""
    lines = text.split("\n")
    fence = False
    found = []
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fence = not fence
            continue
        nxt = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
        ends = not nxt or nxt[:2] in ("- ", "* ") or nxt[:1].isdigit()
        if not fence and ends and len(line.split()) > 5 and not line.lstrip().startswith(("#", "|", "<")):
            found.append(i)
    return found


class Driver:
    def __init__(self):
        self.client = LanguageClient("blamelint-bench", "1")
        self.waiting: dict[int, asyncio.Future] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(ls, params: types.PublishDiagnosticsParams):
            future = self.waiting.pop(params.version, None)
            if future is not None and not future.done():
                future.set_result(len(params.diagnostics))

    def expect(self, version: int) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self.waiting[version] = future
        return future


async def session(debounce_ms: int, edits: int, text: str, folder: Path) -> dict:
    driver = Driver()
    client = driver.client
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "blamelint", "server", "--debounce-ms", str(debounce_ms))
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=folder.as_uri())
    )
    client.initialized(types.InitializedParams())
    path = folder / "postmortem.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    first = driver.expect(1)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    findings = await asyncio.wait_for(first, 300)
    cold = time.perf_counter() - started
    lines = text.split("\n")
    targets = editable_lines(text)
    warm_up = 3
    if len(targets) < edits + warm_up:
        raise SystemExit(f"only {len(targets)} editable paragraphs; ask for fewer edits")
    times = []
    for n, line in enumerate(targets[: edits + warm_up]):
        version = n + 2
        end = len(lines[line].encode("utf-16-le")) // 2
        insert = f" Edit {n} was made."
        lines[line] += insert
        at = types.Position(line, end)
        done = driver.expect(version)
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text=insert)
                ],
            )
        )
        await asyncio.wait_for(done, 120)
        if n >= warm_up:
            times.append(time.perf_counter() - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {"cold": cold, "findings": findings, "times": times}


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--words", type=int, default=3000)
    args = parser.parse_args()
    text = document(args.words)
    print(
        f"document: {len(text.split())} words, {text.count(chr(10) * 2) + 1} paragraphs; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for debounce in (100, 0):
            result = asyncio.run(session(debounce, args.edits, text, Path(tmp)))
            ms = [t * 1000 for t in result["times"]]
            print(
                f"debounce {debounce:>3} ms: cold start to first diagnostics {result['cold']:.2f} s "
                f"({result['findings']} findings); edit to diagnostics over {len(ms)} one-paragraph edits: "
                f"median {statistics.median(ms):.0f} ms, p90 {p90(ms):.0f} ms, max {max(ms):.0f} ms"
            )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
