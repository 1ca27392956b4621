"""How much could a cheap first pass keep away from the parser? (a study)

The idea: most text has no candidate for any rule, so a lexical pass could send
only candidate blocks to the full pipeline. A block is the smallest unit that
can be skipped without changing the parse the rules see (spaCy parses a block
alone exactly as in a batch, but a sentence alone differently from the same
sentence inside its block: the tagger's and parser's context crosses sentence
boundaries). agentless-passive must also see reduced passives in timeline
fragments ("Config change deployed to prod."), so any block with a word that
can be a past participle or a past tense is a candidate.

This prints, for the project's corpora, the share of words in blocks that
such a pass could skip, under increasingly realistic candidate tests:

1. participle-like words only (the floor any sound prefilter must keep);
2. the same decided by the tagger instead of the lexicon (a two-stage run:
   tagger on everything, parser and rules on candidates);
3. (1) plus every content word of the sentence rules' data files (blame,
   hindsight, root-cause), in any inflection, plus modals;
and, for reference, (1) at sentence level (not usable: the parse differs);
then how many blocks are parsed differently alone than in a batch, and how
many sentences differently alone than inside their block.

    python benchmarks/prefilter_study.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RULE_DATA = ("blame.yaml", "hindsight.yaml", "root-cause.yaml")
MODALS = {"should", "could", "would", "might", "must", "ought", "'d"}


def documents():
    from blamelint.postmortem.load import read_document

    paths = sorted((ROOT / "corpora").rglob("*.md")) + sorted((ROOT / "corpora").rglob("*.txt"))
    return [read_document(p, p.name) for p in paths]


def sentences() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpora" / "sentences").glob("*.jsonl")):
        texts += [
            json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    return texts


def participle_like(word: str) -> bool:
    from lemminflect import getAllInflections, getAllLemmas

    if word.endswith(("ed", "en", "wn", "ne")):
        return True
    for lemmas in getAllLemmas(word).values():
        for lemma in lemmas:
            forms = getAllInflections(lemma, upos="VERB")
            if word in forms.get("VBN", ()) or word in forms.get("VBD", ()):
                return True
    return False


def data_words() -> set[str]:
    from lemminflect import getAllInflections
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set()

    def walk(node):
        if isinstance(node, str):
            words.update(w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", node))
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in RULE_DATA:
        walk(yaml.safe_load((ROOT / "rules" / "data" / name).read_text(encoding="utf-8")))
    words = {w for w in words if w not in STOP_WORDS} | MODALS
    for word in list(words):
        for forms in getAllInflections(word).values():
            words.update(forms)
    return words


def main() -> None:
    from blamelint.engine import block_pieces
    from blamelint.nlp.pipeline import load_pipeline
    from blamelint.rules.base import PARSE

    nlp = load_pipeline(None, PARSE)
    triggers = data_words()
    cache: dict[str, bool] = {}

    def lexical(word: str) -> bool:
        if word not in cache:
            cache[word] = participle_like(word)
        return cache[word]

    pieces = [
        (block.kind, text) for d in documents() for block in d.blocks for _, text in block_pieces(block)
    ]
    pieces += [("paragraph", text) for text in sentences()]
    total = 0
    skipped = {
        "participles, lexical": 0,
        "participles, tagger": 0,
        "participles + rule data words": 0,
        "participles, sentence level (reference)": 0,
    }
    for (_kind, text), doc in zip(pieces, nlp.pipe([t for _, t in pieces])):
        words = len(text.split())
        total += words
        lowers = [t.lower_ for t in doc]
        lex = any(lexical(w) for w in lowers)
        tagged = any(t.tag_ in ("VBN", "VBD") or (t.tag_ == "JJ" and lexical(t.lower_)) for t in doc)
        data = any(w in triggers for w in lowers)
        skipped["participles, lexical"] += 0 if lex else words
        skipped["participles, tagger"] += 0 if tagged else words
        skipped["participles + rule data words"] += 0 if (lex or data) else words
        for sent in doc.sents:
            if not any(lexical(t.lower_) for t in sent):
                skipped["participles, sentence level (reference)"] += len(sent.text.split())
    print(f"{total:,} words in {len(pieces):,} blocks (corpora/postmortems, corpora/sentences, samples)")
    for name, count in skipped.items():
        print(f"  skippable with {name:42s} {count / total:6.1%}")
    same_alone(nlp, [text for _, text in pieces])


def same_alone(nlp, texts: list[str]) -> None:
    """Is a block parsed alone as in a batch? Is a sentence parsed alone as in its block?"""

    def parse(span):
        return [(t.text, t.tag_, t.dep_, t.head.i - span[0].i) for t in span if not t.is_space]

    batched = list(nlp.pipe(texts))
    blocks = sum(1 for text, doc in zip(texts, batched) if parse(nlp(text)) != parse(doc))
    sentences = changed = 0
    for doc in batched:
        sents = [s for s in doc.sents if s.text.strip()]
        if len(sents) < 2:
            continue
        for sent in sents:
            sentences += 1
            changed += parse(nlp(sent.text)) != parse(sent)
    print(f"blocks parsed differently alone than in a batch: {blocks} of {len(texts)}")
    print(f"sentences of multi-sentence blocks parsed differently alone: {changed} of {sentences}")


if __name__ == "__main__":
    main()
