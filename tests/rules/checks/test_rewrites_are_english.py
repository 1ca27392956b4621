"""Every active-voice rewrite the passive rule shows on the project's corpora is
English: the doer opens a sentence (or the clause, in place), the rewrite
re-parses as active with the doer as subject, and it invents no words.

Run over every sentence of corpora/sentences and every annotated document of
corpora/documents; what it checks is independent of how the rule builds the
rewrite (it parses the rewrite again and compares words with the sentence).
"""

from __future__ import annotations

import re

import pytest

from blamelint.grammar.rewrites import WHO, agent_leads, reads_active, with_subject
from tests.accuracy import corpus_files, load_rows

pytestmark = pytest.mark.xdist_group("linted-corpus")
"""These tests share the session's lint of corpora/documents: one worker runs them all."""

GLUE = frozenset(
    """
it them us me him her did does do not n't is was are were has have had will would should could can
must may might to be been being get got gets that never the a an
""".split()
)
"""Words a rewrite may add: pronouns for the moved subject, auxiliaries, articles."""


def _rewrites(linter, linted_corpus):
    """The passive rule's rewrites over corpora/sentences and corpora/documents (the
    documents' lint is the session's shared one)."""
    from blamelint.postmortem.load import parse_source

    for path in corpus_files():
        text = "\n\n".join(row["text"] for row in load_rows(path)) + "\n"
        yield from _with_rewrite(linter.lint_document(parse_source(path.name, text)))
    for _, findings in linted_corpus.values():
        yield from _with_rewrite(findings)


def _with_rewrite(findings):
    for finding in findings:
        if finding.rule == "agentless-passive" and finding.suggestion:
            yield finding


@pytest.fixture(scope="module")
def rewrites(corpus_linter, linted_corpus):
    found = list(_rewrites(corpus_linter, linted_corpus))
    assert len(found) > 200, "the corpora should give a few hundred rewrites to check"
    return found


def verb_lemmas(word: str) -> set[str]:
    """Every verb lemma lemminflect knows for a word form (empty for none)."""
    import lemminflect

    return set(lemminflect.getAllLemmas(word, upos="VERB").get("VERB", ()))


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text)]


def _flagged_words(text: str) -> set[str]:
    """The flagged words, and a hyphenated one whole too ("re-enabled" is one token of the parse)."""
    return set(_words(text)) | {w.lower() for w in re.findall(r"[^\W_]+(?:-[^\W_]+)+", text)}


def test_the_doer_leads_every_rewrite(rewrites):
    bad = [f.suggestion for f in rewrites if not agent_leads(f.suggestion)]
    assert not bad, "\n".join(bad[:20])


def test_every_rewrite_parses_as_active_with_the_doer_as_subject(rewrites, nlp):
    sentences = list(dict.fromkeys(finding.sentence or "" for finding in rewrites))
    parsed = dict(zip(sentences, nlp.pipe(sentences, batch_size=64)))
    reparsed = nlp.pipe((with_subject(finding.suggestion) for finding in rewrites), batch_size=64)
    bad = []
    for finding, rewrite in zip(rewrites, reparsed):
        flagged = _flagged_words(finding.text)
        lemmas = {t.lemma_.lower() for t in parsed[finding.sentence or ""] if t.lower_ in flagged} | flagged
        if not reads_active(rewrite, lemmas):
            bad.append(f"{finding.sentence!r} -> {finding.suggestion!r}")
    assert not bad, "\n".join(bad[:20])


def test_no_rewrite_invents_words(rewrites, nlp):
    bad = []
    for finding in rewrites:
        sentence = set(_words(finding.sentence or ""))
        lemmas = {lemma for w in sentence for lemma in verb_lemmas(w)}
        for word in _words(finding.suggestion.replace(WHO, "")):
            if word in sentence or word in GLUE:
                continue
            if verb_lemmas(word) & lemmas:
                continue  # an inflection of the clause's verb: "ran" for "run", "froze" for "frozen"
            stem = re.sub(r"(?:es|s|ed|d|ing|e)$", "", word)
            if len(stem) > 3 and any(w.startswith(stem) for w in sentence):
                continue  # a verb lemminflect does not know: "recompute" for "recomputed"
            bad.append(f"{word!r} in {finding.suggestion!r} (sentence: {finding.sentence!r})")
            break
    assert not bad, "\n".join(bad[:20])
