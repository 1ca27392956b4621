"""Big and deep inputs: they finish, nothing raises, time grows linearly, spaCy's
maximum text length is never reached, and positions stay exact.

Where only the engine's bookkeeping is under test, a blank spaCy pipeline
(tokenizer and sentence splitter, saved to a folder and named by the `model`
setting) stands in for the trained one: it is about fifty times faster, so a
20 MB file fits in a test run. The trained pipeline is used where findings must
be found."""

from __future__ import annotations

import time

import pytest

from blamelint.config import Config
from blamelint.engine import MAX_PIECE, Linter
from blamelint.postmortem.load import parse_source
from blamelint.rules.registry import Registry
from tests.fuzz.invariants import assert_block_maps_to_source, slice_by_position

PARAGRAPH = (
    "At 14:02 the deploy job pushed the new config, and latency rose for about ten "
    "minutes while we watched the dashboards. We rolled it back at 14:12.\n\n"
)
NEUTRAL = "We restarted the pods and latency recovered within two minutes. "


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory):
    import spacy

    folder = tmp_path_factory.mktemp("blank-pipeline") / "en_blank"
    spacy.blank("en").to_disk(folder)
    return folder


class SpyPipeline:
    """Passes texts to a pipeline and remembers the longest one it was given."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.longest = 0

    def pipe(self, texts, as_tuples=False, **kwargs):
        def watch(items):
            for item in items:
                self.longest = max(self.longest, len(item[0] if as_tuples else item))
                yield item

        return self.nlp.pipe(watch(texts), as_tuples=as_tuples, **kwargs)

    def __getattr__(self, name):
        return getattr(self.nlp, name)


@pytest.fixture(scope="module")
def blank_linter(blank_model):
    from blamelint.nlp.pipeline import load_pipeline

    config = Config(model=str(blank_model))
    registry = Registry(config)
    rules = registry.build(registry.selected([], []), config.rules)
    spy = SpyPipeline(load_pipeline(str(blank_model), frozenset({"parser"})))
    return Linter(config, rules, nlp_factory=lambda needs: spy), spy


def _big_markdown(size: int) -> str:
    return "# Incident\n\n" + PARAGRAPH * (size // len(PARAGRAPH))


def test_spacy_max_length_is_never_reached(blank_linter):
    """One 2.5 MB paragraph, longer than spaCy's default max_length (1,000,000)
    and than blamelint's raised one (2,000,000): parsed in pieces."""
    linter, spy = blank_linter
    text = "# Incident\n\n" + " ".join([NEUTRAL.strip()] * (2_500_000 // len(NEUTRAL))) + "\n"
    document = parse_source("one-paragraph.md", text)
    assert max(len(b.text) for b in document.blocks) > 2_000_000
    linter.lint_document(document)
    assert 0 < spy.longest <= MAX_PIECE


LINE = NEUTRAL.strip() + "\n"
# Time growing linearly with size is measured by benchmarks/linearity.py (a
# script that prints figures), not asserted here: timings are not tests.


@pytest.mark.slow
def test_20_mb_markdown_file(blamelint, workdir, blank_model):
    """The whole CLI on a 20 MB file, reading, splitting, parsing in pieces and
    reporting, with the document rules: about 25 s here. The four sentence rules
    are left out (with them the run takes about 5 minutes, linear in size;
    hindsight alone, which reads every token without a parse, adds about 40 s):
    every rule runs on 2.5 MB of text in test_spacy_max_length_is_never_reached,
    and benchmarks/linearity.py prints the figures. (With the trained pipeline a
    20 MB file takes about 10 minutes, the parse dominating, and about 180 MB of
    memory per MB of text, since a document's parsed blocks are kept until its
    document rules have run.)"""
    (workdir / "big.md").write_text(_big_markdown(20 * 1024 * 1024), encoding="utf-8")
    (workdir / ".blamelint.toml").write_text(f'model = "{blank_model.as_posix()}"\n')
    start = time.perf_counter()
    run = blamelint(
        "check",
        "--format",
        "json",
        "--ignore",
        "blame,root-cause,agentless-passive,hindsight",
        "good.md",
        "big.md",
        cwd=workdir,
        timeout=1200,
    )
    elapsed = time.perf_counter() - start
    assert "Traceback" not in run.output and run.code in (0, 1), run.output[-2000:]
    report = run.json()
    assert report["errors"] == [] and report["summary"]["files"] == 2
    print(f"20 MB: {elapsed:.0f} s")


def test_single_1_mb_line(blamelint, workdir):
    """A 1 MB line with findings near its start, middle and end, with the trained
    pipeline and one rule (about 20 s here): every finding's column quotes
    exactly its text."""
    flagged = "The root cause was human error. "
    chunk = NEUTRAL * ((350_000 - len(flagged)) // len(NEUTRAL))
    line = flagged + chunk + flagged + chunk + chunk + flagged
    line += NEUTRAL * ((1024 * 1024 - len(line)) // len(NEUTRAL)) + flagged.strip()
    assert len(line) > 1_000_000 and "\n" not in line
    (workdir / "line.md").write_text(line, encoding="utf-8")
    run = blamelint(
        "check", "--format", "json", "--select", "root-cause", "line.md", cwd=workdir, timeout=1200
    )
    assert "Traceback" not in run.output and run.code == 1, run.output[-2000:]
    findings = run.json()["findings"]
    columns = [f["location"]["column"] for f in findings]
    expected = []
    at = line.find("root cause")
    while at >= 0:
        expected.append(at + 1)
        at = line.find("root cause", at + 1)
    assert columns == expected
    for f in findings:
        assert slice_by_position(line, f["location"]) == f["text"] == "root cause"


def test_table_with_10000_rows(blamelint, workdir):
    rows = ["| When | What |", "|---|---|"]
    for i in range(10_000):
        rows.append(f"| {i} | The change got reverted. |" if i % 1000 == 999 else f"| {i} | {i * 7} |")
    table = "# Incident\n\n" + "\n".join(rows) + "\n"
    (workdir / "table.md").write_text(table, encoding="utf-8")
    run = blamelint("check", "--format", "json", "--select", "agentless-passive", "table.md", cwd=workdir)
    assert "Traceback" not in run.output and run.code == 1, run.output[-2000:]
    findings = run.json()["findings"]
    assert [f["location"]["line"] for f in findings] == [5 + i for i in range(999, 10_000, 1000)]
    for f in findings:
        assert slice_by_position(table, f["location"]) == f["text"]


@pytest.mark.parametrize(
    "name, text",
    [
        (
            "list.md",
            "".join("  " * i + f"- level {i}\n" for i in range(500))
            + "  " * 500
            + "- The root cause was human error.\n",
        ),
        ("quote.md", ">" * 500 + " The root cause was human error.\n"),
        (
            "quote-lines.md",
            "".join(">" * (i + 1) + f" line {i}\n" for i in range(500))
            + ">" * 500
            + "\n"
            + ">" * 501
            + " The root cause was human error.\n",
        ),
        (
            "mixed.md",
            "".join(("> " if i % 2 else "- ") * 1 for i in range(400)) + "The root cause was human error.\n",
        ),
        ("brackets.md", "[" * 3000 + "The root cause was human error." + "]" * 3000 + "\n"),
        ("emphasis.md", "*" * 3000 + "The root cause was human error." + "*" * 3000 + "\n"),
        ("links.md", "[a](" * 2000 + " The root cause was human error.\n"),
        ("nested.html", "<ul><li>" * 600 + "<blockquote>" * 600 + "<p>The root cause was human error.</p>"),
        ("unclosed.html", "<div><span><b>" * 2000 + "The root cause was human error."),
    ],
)
def test_deep_nesting_never_raises_and_loses_nothing(lint, name, text):
    document = parse_source(name, text)
    assert_block_maps_to_source(document)
    assert any("The root cause was human error." in b.text for b in document.blocks), name
    findings = lint(text, path=name, select=["root-cause", "blame"])
    assert {f.rule for f in findings} == {"root-cause", "blame"}
    for f in findings:
        assert slice_by_position(text, f.location) == f.text
