"""What a finding's veto classifier reads: the rule's reading of one match, in context.

A sentence rule's match is described by a few feature words (which message variant
fired, the lemma, tag and dependency of the word the match hangs on, its modal,
negation and subject, the kind of block and section the sentence sits in), followed
by the sentence itself with its negated words marked (as the blame model reads it).
The classifier (a bag of words and word pairs) learns from the project's labeled
corpora which readings are right in which contexts. Computed from the engine's own
parse, the same way at training and at lint time.
"""

from __future__ import annotations

from blamelint.postmortem.sections import catalog

_SECTIONS: dict[str, tuple[str, ...]] = {}


def section_kinds(block) -> tuple[str, ...]:
    """The kinds of section the block sits in, by the nearest heading that names one."""
    for heading in reversed(getattr(block, "headings", ()) or ()):
        text = heading.text.strip()
        if text not in _SECTIONS:
            _SECTIONS[text] = tuple(catalog().classify(text))
        if _SECTIONS[text]:
            return _SECTIONS[text]
    return ()


def _clean(text: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in text.lower())[:24] or "_"


def _anchor(tokens: list):
    """The word the match hangs on: the first token of the span whose head lies outside it."""
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in inside or tok.head.i == tok.i:
            return tok
    return tokens[-1]


def reading_words(kind: str, sent, block, start: int, end: int) -> list[str]:
    """The feature words of a match over [start, end) (offsets in the sentence's Doc)."""
    span = [t for t in sent if t.idx < end and t.idx + len(t.text) > start and not t.is_space]
    words = [f"zk_{_clean(kind)}", f"zb_{_clean(getattr(block, 'kind', '') or 'none')}"]
    words += [f"zs_{_clean(k)}" for k in section_kinds(block)] or ["zs_none"]
    if not span:
        return words
    anchor = _anchor(span)
    words += [f"zh_{_clean(anchor.lemma_)}", f"zt_{anchor.tag_}", f"zd_{_clean(anchor.dep_)}"]
    words += [f"zw_{_clean(t.lemma_)}" for t in span if not t.is_punct][:6]
    for child in anchor.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            words.append(f"zm_{_clean(child.lemma_)}")
        elif child.dep_ == "neg":
            words.append("zneg")
        elif child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            words.append(f"zsubj_{child.tag_}")
            if child.tag_ in ("PRP", "DT", "NN", "NNS"):
                words.append(f"zsubjw_{_clean(child.lemma_)}")
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is not None and first.like_num:
        words.append("zts")
    if sent.text.rstrip().endswith("?"):
        words.append("zq")
    before = sent.doc.text[sent.start_char : start]
    if before.count('"') % 2 or before.count("\u201c") > before.count("\u201d"):
        words.append("zquoted")
    return words


def features(kind: str, sent, block, start: int, end: int) -> str:
    """The text the veto classifier reads for one match, before negation marking
    (``blamelint.rules.checks.blame.model.features``, applied by the classifier)."""
    return " ".join(reading_words(kind, sent, block, start, end)) + " . " + " ".join(sent.text.split())
