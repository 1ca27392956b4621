"""blame: judgmental language about people."""
from __future__ import annotations

from typing import Iterable

from blamelint.rules.base import Match, Rule
from blamelint.rules.cards import load_data

PERSON_PRONOUNS = {"i", "we", "he", "she", "they", "you", "someone", "somebody", "nobody", "everyone"}


class Blame(Rule):
    def setup(self) -> None:
        data = load_data("blame.yaml")
        self.phrases = [p.split() for p in data["phrases"]]
        self.failure_verbs = set(data["human_failure_verbs"])
        self._matcher = None
        self._vocab = None

    def _build(self, vocab):
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(vocab, attr="LOWER")
        from spacy.tokens import Doc

        for words in self.phrases:
            matcher.add(" ".join(words), [Doc(vocab, words=words)])
        self._matcher, self._vocab = matcher, vocab

    def check_sentence(self, sent, block) -> Iterable[Match]:
        if self._vocab is not sent.doc.vocab:
            self._build(sent.doc.vocab)
        doc = sent.doc
        for span in self._matcher(sent, as_spans=True):
            yield Match(span.start_char, span.end_char, self.card.message.format(text=span.text),
                        self.card.suggestion)
        for tok in sent:
            if tok.lemma_ in self.failure_verbs and any(c.dep_ in ("xcomp",) for c in tok.children):
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and self._is_person(subj):
                    xcomp = next(c for c in tok.children if c.dep_ == "xcomp")
                    end = xcomp
                    yield Match(tok.idx, end.idx + len(end), self.card.message.format(text=tok.text),
                                self.card.suggestion)
            if tok.lower_ == "fault" and tok.i > sent.start and doc[tok.i - 1].tag_ == "POS":
                owner = doc[tok.i - 1].head
                yield Match(owner.idx, tok.idx + len(tok), self.card.message.format(text="fault"),
                            self.card.suggestion)

    @staticmethod
    def _is_person(tok) -> bool:
        if tok.lower_ in PERSON_PRONOUNS or tok.ent_type_ == "PERSON":
            return True
        if tok.pos_ == "PROPN":
            return True
        return tok.lemma_ in {"engineer", "team", "operator", "developer", "admin", "administrator",
                              "person", "staff", "on-call", "oncall", "sre", "dba", "user", "reviewer"}
