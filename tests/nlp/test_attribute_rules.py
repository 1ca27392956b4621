"""The compiled attribute ruler gives exactly spaCy's attribute_ruler results.

Compared on every corpus we have (the labeled sentences, the sample
postmortems' blocks), on text made to hit each multi-token pattern, and on
generated token sequences with arbitrary tags and dependency labels.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blamelint.nlp.attribute_rules import COMPONENT, CompiledRuler, install

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXCLUDE = ["ner", "senter"]
EDGE_CASES = [
    "We're gonna fix it, y'all. Let's go. C'mon! I ain't sure. It isn't. There is a bug.",
    "  \n\n  Then   it broke \n",
    "I told you it hit me. You saw it. Did they do it? Have it. Who did that?",
    "ya all gotta see this; gon na happen; got ta go. Y' all ain 't ready. There are two. There's one.",
    "But they said but. That is what that does. Which one? These ones, those.",
]


def spacy_pipeline():
    import importlib

    from blamelint.nlp.pipeline import FALLBACK_MODELS

    for name in FALLBACK_MODELS:
        try:
            return importlib.import_module(name).load(exclude=EXCLUDE)
        except ImportError:
            continue
    pytest.skip("no English pipeline installed")


@pytest.fixture(scope="module")
def pipelines():
    original = spacy_pipeline()
    fast = spacy_pipeline()
    assert install(fast)
    return original, fast


DOCUMENT_PIECES = 6000
"""The document corpus grows every session; the comparison reads a fixed-size,
evenly spaced sample of its pieces (every labeled sentence set is read whole), so
this test's time does not grow with it."""


def corpus_texts() -> list[str]:
    from blamelint.engine import block_pieces
    from blamelint.postmortem.load import read_document

    texts = list(EDGE_CASES)
    files = sorted((ROOT / "corpora" / "sentences").glob("*.jsonl"))
    files += (
        [SHARED / "corpus" / "dev-sentences.jsonl"]
        if (SHARED / "corpus" / "dev-sentences.jsonl").is_file()
        else []
    )
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    pieces = []
    for path in sorted((ROOT / "corpora").rglob("*.md")) + sorted((ROOT / "corpora").rglob("*.txt")):
        document = read_document(path, path.name)
        pieces.extend(piece for block in document.blocks for _, piece in block_pieces(block))
    stride = max(1, -(-len(pieces) // DOCUMENT_PIECES))
    return texts + pieces[::stride]


def annotations(doc):
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start, t.norm_)
        for t in doc
    ]


def test_installed_in_place_of_the_attribute_ruler(pipelines):
    original, fast = pipelines
    assert fast.pipe_names == original.pipe_names
    assert type(fast.get_pipe("attribute_ruler")).__name__ == "FastAttributeRuler"
    assert fast.get_pipe_meta("attribute_ruler").factory == COMPONENT


def test_same_annotations_and_matches_on_every_corpus(pipelines):
    """Every corpus text is parsed once (tagger and parser, shared by both
    pipelines); a copy of each parse then goes through each pipeline's
    attribute ruler and lemmatizer. The annotations must be identical, the
    compiled ruler must find spaCy's matches match for match, and every
    multi-token pattern spaCy matches somewhere must be exercised."""
    original, fast = pipelines
    texts = corpus_texts()
    assert len(texts) > 1000
    ruler = original.get_pipe("attribute_ruler")
    compiled = fast.get_pipe("attribute_ruler").compiled
    upstream = original.pipe_names[: original.pipe_names.index("attribute_ruler")]
    assert fast.pipe_names[: len(upstream)] == upstream
    downstream = original.pipe_names[len(upstream) :]
    assert downstream[0] == "attribute_ruler"
    differing, seen = [], set()
    with original.select_pipes(enable=upstream):
        for parsed in original.pipe(texts):
            matched = ruler.match(parsed)
            theirs = sorted({(attr_id, start, end) for attr_id, _, start, end in matched})
            assert compiled.matches(parsed) == theirs, parsed.text
            seen.update(attr_id for attr_id, _, _ in theirs)
            a, b = parsed.copy(), parsed.copy()
            ruler.set_annotations(a, matched)
            b = fast.get_pipe("attribute_ruler")(b)
            for name in downstream[1:]:
                a = original.get_pipe(name)(a)
                b = fast.get_pipe(name)(b)
            if annotations(a) != annotations(b):
                differing.append(parsed.text)
    assert differing == []
    longer = {n for n in range(len(ruler.attrs)) if any(len(p) > 1 for p in ruler.matcher.get(str(n))[1])}
    assert longer and longer <= seen, f"multi-token patterns never exercised: {sorted(longer - seen)}"


def test_whole_pipelines_agree(pipelines):
    """The two whole pipelines, run end to end, on the edge cases and a sample."""
    original, fast = pipelines
    texts = EDGE_CASES + corpus_texts()[::50]
    for a, b in zip(original.pipe(texts), fast.pipe(texts)):
        assert annotations(a) == annotations(b), a.text


WORDS = [
    "gon",
    "na",
    "got",
    "ta",
    "let",
    "'s",
    "c'm",
    "on",
    "y'",
    "y",
    "all",
    "ai",
    "n't",
    "nt",
    "is",
    "are",
    "there",
    "it",
    "i",
    "you",
    "but",
    "do",
    "did",
    "had",
    "that",
    "which",
    " ",
    "\n",
    "the",
    "deploy",
    "was",
    "'re",
    "to",
    "what",
    "ran",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_same_matches_on_generated_tokens(pipelines, data):
    """Arbitrary words, tags and dependency labels (not only what the parser
    produces) match the same patterns."""
    from spacy.tokens import Doc

    original, fast = pipelines
    ruler = original.get_pipe("attribute_ruler")
    compiled = fast.get_pipe("attribute_ruler").compiled
    tags = sorted(original.get_pipe("tagger").labels) + ["_SP", ""]
    deps = [
        "nsubj",
        "dobj",
        "pobj",
        "aux",
        "auxpass",
        "ROOT",
        "advcl",
        "ccomp",
        "conj",
        "relcl",
        "xcomp",
        "mark",
        "det",
        "quantmod",
        "expl",
        "advmod",
        "amod",
        "dep",
        "",
    ]  # those the patterns test, and others
    n = data.draw(st.integers(1, 8))
    words = data.draw(st.lists(st.sampled_from(WORDS + ["So", "Y'", "GON", "Na"]), min_size=n, max_size=n))
    doc = Doc(original.vocab, words=words)
    for token in doc:
        token.tag_ = data.draw(st.sampled_from(tags))
        token.dep_ = data.draw(st.sampled_from(deps))
    theirs = sorted({(attr_id, start, end) for attr_id, _, start, end in ruler.match(doc)})
    assert compiled.matches(doc) == theirs


def test_a_pattern_it_does_not_compile_keeps_spacys_component():
    from spacy.lang.en import English

    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b", "OP": "+"}]], {"LEMMA": "ab"})
    assert install(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_compiled_ruler_sets_attributes_like_spacys():
    from spacy.lang.en import English

    texts = ["gonna go", "The cat sat", "y'all ok", ""]
    plain, fast = English(), English()
    for nlp in (plain, fast):
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, index=-2)
        ruler.add([[{"LOWER": {"IN": ["cat", "dog"]}}]], {"LEMMA": "pet", "POS": "NOUN"})
        ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"})
        ruler.add([[{"LOWER": "cat"}]], {"LEMMA": "feline"})  # a later pattern wins
    assert install(fast)
    assert isinstance(fast.get_pipe("attribute_ruler").compiled, CompiledRuler)
    for text in texts:
        a, b = plain(text), fast(text)
        assert [(t.lemma_, t.pos_) for t in a] == [(t.lemma_, t.pos_) for t in b]
    assert [t.lemma_ for t in fast("The cat")][1] == "feline"
