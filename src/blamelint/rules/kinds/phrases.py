"""The ``phrases`` kind: a rule that is only a phrase list (like a Vale 'existence'
rule). Phrases match case-insensitively on whole tokens; with ``data.lemma: true``
they match any inflection ("drop the ball" matches "dropped the ball")."""

from __future__ import annotations

from collections.abc import Iterable

from blamelint.data.models import PhraseCardData
from blamelint.errors import RuleLoadError
from blamelint.rules.base import Match, Rule


class PhraseRule(Rule):
    needs = frozenset({"tagger", "attribute_ruler", "lemmatizer"})
    data_model = PhraseCardData

    def setup(self) -> None:
        self._matcher = None
        self._vocab = None
        where = self.card.source or self.card.id
        if not self.card.phrases:
            raise RuleLoadError(f"{where}: a 'phrases' rule needs a non-empty 'phrases' list")
        for number, phrase in enumerate(self.card.phrases, 1):
            if not phrase.split():
                raise RuleLoadError(f"{where}: phrase {number} is empty; a phrase is one or more words")

    def _build(self, nlp_vocab):
        from spacy.matcher import Matcher

        attr = "LEMMA" if self.data.lemma else "LOWER"
        matcher = Matcher(nlp_vocab, validate=True)
        for phrase in self.card.phrases:
            words = phrase.lower().split()
            matcher.add(phrase, [[{attr: w} for w in words]])
        self._matcher, self._vocab = matcher, nlp_vocab

    def check_sentence(self, sent, block) -> Iterable[Match]:
        if self._vocab is not sent.doc.vocab:
            self._build(sent.doc.vocab)
        message = self.card.message or self.card.summary
        for span in self._matcher(sent, as_spans=True):
            yield Match(span.start_char, span.end_char, message.format(text=span.text), self.card.suggestion)
