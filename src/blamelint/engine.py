"""The core: documents + rules -> findings. No file or terminal I/O here.

All blocks of all documents go through ``nlp.pipe`` in batches; findings are
positioned in the source, filtered (masked text, suppressions, select/ignore)
and given their configured severity in one place, not in each rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from blamelint.config import Config
from blamelint.document.model import Block, Document
from blamelint.document.suppress import find_suppressions
from blamelint.findings import Finding, Location, Severity
from blamelint.rules.base import DocumentContext, Match, Rule

MAX_PIECE = 3_000
"""Blocks longer than this many characters are parsed in sentence-sized windows
(cut at a line or sentence end, else at a space): a parse costs memory in
proportion to its tokens, so a 5 MB line of prose is never one Doc."""
BATCH_TOKENS = 6_000
"""At most about this many tokens (estimated) go through nlp.pipe in one batch,
whatever ``batch-size`` says: token-dense text (``*a **a ...``) has three times
the tokens of prose per character, and a batch's memory follows its tokens."""
GROUP_BLOCKS = 2_000
"""Blocks collected before a round of nlp.pipe (bounds memory for big archives)."""


def block_pieces(block: Block) -> list[tuple[int, str]]:
    """What of a block goes through the pipeline, as (offset in the block, text):
    nothing for a block without letters, else the block, in pieces when long."""
    from blamelint.nlp.neutralise import neutralise

    text = block.text
    if not any(ch.isalpha() for ch in text):
        return []
    if len(text) <= MAX_PIECE:
        return [(0, neutralise(text))]
    from blamelint.nlp.pipeline import split_long

    return [(offset, neutralise(piece)) for offset, piece in split_long(text, MAX_PIECE)]


TOKENS_PER_CHAR = 0.4
"""A document's parse budget: about this many tokens per character of its source
(at least MIN_DOCUMENT_TOKENS), each piece costing its tokens and PIECE_COST.
Prose has about 0.22 (0.23 with the pieces); parse time follows tokens, so
token-dense text (``*a **a ...``, 0.7) would cost three times prose. Pieces past
the budget are not parsed: sentence rules see nothing there (no real document
comes near it)."""
MIN_DOCUMENT_TOKENS = 20_000
PIECE_COST = 5
"""What a piece costs the budget besides its tokens: spaCy spends about as long on
each Doc as on five tokens, so 800,000 one-word blocks (``<div>x`` nested) cost
more than their words."""

_TOKEN_GUESS = re.compile(r"\w+|[^\w\s]")


def estimated_tokens(text: str) -> int:
    """Roughly how many tokens spaCy will make of ``text`` (words and punctuation)."""
    return sum(1 for _ in _TOKEN_GUESS.finditer(text))


def document_pieces(document: Document) -> Iterator[tuple[int, int, str, int]]:
    """(block index, offset in the block, text, estimated tokens) of what of a document
    is parsed: every block's pieces, within the document's token budget."""
    budget = max(MIN_DOCUMENT_TOKENS, int(TOKENS_PER_CHAR * len(document.source)))
    spent = 0
    for b, block in enumerate(document.blocks):
        for offset, piece in block_pieces(block):
            cost = estimated_tokens(piece)
            if spent + cost + PIECE_COST > budget:
                continue
            spent += cost + PIECE_COST
            yield b, offset, piece, cost


def token_batches(
    tasks: Iterable[tuple[str, Any, int]], size: int, budget: int = BATCH_TOKENS
) -> Iterator[list[tuple[str, Any]]]:
    """Group (text, context, tokens) tasks into (text, context) batches of at most
    ``size`` texts and about ``budget`` tokens (a longer text is a batch of its own)."""
    batch: list[tuple[str, Any]] = []
    tokens = 0
    for text, context, cost in tasks:
        if batch and (len(batch) >= size or tokens + cost > budget):
            yield batch
            batch, tokens = [], 0
        batch.append((text, context))
        tokens += cost
    if batch:
        yield batch


def one_per_span(spans: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """One rule's matches in one sentence, overlapping ones merged into one: of
    matches that overlap, the longest is kept (the first of equals), so "operator
    error on our side" is one finding, not "operator error" and "error on our"."""
    kept: list[tuple[int, int, Any]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s[0])


def block_context(block: Block) -> tuple:
    """What of a block besides its text a sentence rule may read: all but where it is."""
    return (
        block.kind,
        block.level,
        tuple(block.masked),
        block.list_depth,
        block.ordered,
        block.checked,
        block.row,
        block.column,
        block.quoted,
        block.pseudo_heading,
        tuple((h.kind, h.level, h.text) for h in block.headings),
    )


@dataclass
class Linter:
    config: Config
    rules: list[Rule]
    nlp_factory: Callable[[frozenset[str]], Any] | None = None
    is_postmortem: Callable[[Document], bool] = field(default=lambda doc: True)
    observer: Callable[[Document, dict[int, list[tuple[int, Any]]], list[Finding]], None] | None = None
    """Called once per document with its parsed blocks (block index -> [(offset, spaCy Doc)])
    and its findings, before the document is yielded; its ``needs`` attribute (spaCy
    components) is added to the rules' (used by ``blamelint audit`` for metrics)."""
    parse_cache: MutableMapping[str, Any] | None = None
    """Parsed pieces by their text, kept between runs (the language server: an edit to one
    paragraph parses that paragraph only). A parse depends on nothing but its text, so the
    findings are the same with or without it."""
    known_rules: frozenset[str] | None = None
    """Every rule id of the registry: suppression comments naming another are reported
    (``problems``) and suppress nothing. None: names are not checked."""
    match_cache: MutableMapping[tuple, list] | None = None
    """The sentence rules' matches by piece text and block context (``block_context``), kept
    between runs of this Linter (the language server). Rules that read a block's position
    (``offsets``, ``line``) rather than its content must not be run with it."""

    def __post_init__(self) -> None:
        self.sentence_rules = [r for r in self.rules if r.scope == "sentence"]
        self.document_rules = [r for r in self.rules if r.scope == "document"]
        self.reading_rules = [
            r for r in self.sentence_rules if type(r).read_sentence is not Rule.read_sentence
        ]
        """Sentence rules that read the whole parsed document (``Rule.read_sentence``)."""
        self.needs = frozenset().union(*(r.needs for r in self.rules)) if self.rules else frozenset()
        self.needs |= getattr(self.observer, "needs", frozenset())
        self._nlp = None
        self.problems: dict[str, list[tuple[int, str]]] = {}
        """Suppression comments not understood, by document path (to be popped by the caller)."""

    @property
    def needs_nlp(self) -> bool:
        return (
            bool(self.sentence_rules)
            or bool(getattr(self.observer, "needs", None))
            or any(getattr(r, "wants_parse", False) for r in self.document_rules)
        )

    @property
    def nlp(self):
        if self._nlp is None:
            if self.nlp_factory is None:
                from blamelint.nlp.pipeline import load_pipeline

                self._nlp = load_pipeline(self.config.model, self.needs)
            else:
                self._nlp = self.nlp_factory(self.needs)
            for rule in self.rules:
                rule.attach_pipeline(self._nlp)
        return self._nlp

    # -- the run --------------------------------------------------------------

    def lint(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        """Lint documents, yielding each with its findings, in input order."""
        group: list[Document] = []
        blocks = 0
        for document in documents:
            group.append(document)
            blocks += len(document.blocks)
            if blocks >= GROUP_BLOCKS:
                yield from self._lint_group(group)
                group, blocks = [], 0
        if group:
            yield from self._lint_group(group)

    def lint_document(self, document: Document) -> list[Finding]:
        return next(iter(self.lint([document])))[1]

    @property
    def keeps_parses(self) -> bool:
        """Whether anything after the sentence rules reads the parsed blocks."""
        return self.observer is not None or any(getattr(r, "wants_parse", False) for r in self.document_rules)

    def _lint_group(self, documents: list[Document]) -> Iterator[tuple[Document, list[Finding]]]:
        # Sentence rules run on each block as soon as it is parsed; the parse is
        # kept only when a document rule or the observer reads it, so memory does
        # not grow with the size of a document. A match that depends on what the
        # whole document says (``Match.reading``) waits, without its parse, until
        # the document's last block has been read.
        keep = self.keeps_parses
        parsed: list[dict[int, list[tuple[int, Any]]]] = [dict() for _ in documents]
        raw: list[list] = [[] for _ in documents]
        pending: list = []
        if self.needs_nlp:
            tasks = (
                (piece, (d, b, offset), cost)
                for d, document in enumerate(documents)
                for b, offset, piece, cost in document_pieces(document)
            )
            current = None
            for doc, (d, b, offset) in self._parse(tasks):
                if d != current:  # blocks come back in document order
                    if current is not None:
                        raw[current].extend(self._settle(pending))
                    current, pending = d, []
                    for rule in self.sentence_rules:
                        rule.begin_document(documents[d])
                raw[d].extend(self._sentence_matches(documents[d].blocks[b], offset, doc, pending))
                if keep:
                    parsed[d].setdefault(b, []).append((offset, doc))
            if current is not None:
                raw[current].extend(self._settle(pending))
        for d, document in enumerate(documents):
            pieces, parsed[d] = parsed[d], {}
            findings = self._findings(document, pieces, raw[d])
            raw[d] = []
            if self.observer is not None:
                self.observer(document, pieces, findings)
            yield document, findings

    def _parse(self, tasks) -> Iterator[tuple[Any, Any]]:
        """(spaCy Doc, context) for each (text, context, estimated tokens), in order, in
        batches bounded by tokens (token_batches); through ``parse_cache`` if set."""
        batch_size = self.config.batch_size
        if self.parse_cache is None:
            for batch in token_batches(tasks, batch_size):
                yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            return
        tasks = [(text, context) for text, context, _ in tasks]
        cache, known = self.parse_cache, {}
        for text, _ in tasks:
            if text not in known and (doc := cache.get(text)) is not None:
                known[text] = doc
        missing = [t for t in dict.fromkeys(text for text, _ in tasks) if t not in known]
        for batch in token_batches(((t, t, estimated_tokens(t)) for t in missing), batch_size):
            for doc, text in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                known[text] = cache[text] = doc
        for text, context in tasks:
            yield known[text], context

    def _rule_matches(self, block: Block, offset: int, doc) -> list[tuple[Rule, list[Match], str]]:
        """(rule, its matches, sentence text) for each sentence and sentence rule; through
        ``match_cache`` if set."""
        key = None
        if self.match_cache is not None:
            key = (
                doc.text,
                offset,
                block_context(block),
                tuple(rule.document_key() for rule in self.sentence_rules),
            )
            found = self.match_cache.get(key)
            if found is not None:
                return found
        found = [
            (rule, list(rule.check_sentence(sent, block)), sent.text.strip())
            for sent in doc.sents
            for rule in self.sentence_rules
        ]
        if key is not None:
            self.match_cache[key] = found
        return found

    def _sentence_matches(self, block: Block, offset: int, doc, pending: list) -> list:
        """The placed matches of one parsed piece; those of a rule's sentence that
        depend on the document's reading go to ``pending`` (see ``_settle``)."""
        for rule in self.reading_rules:
            for sent in doc.sents:
                rule.read_sentence(sent, block)
        found = []
        for rule, matches, sentence in self._rule_matches(block, offset, doc):
            if any(match.reading is not None for match in matches):
                pending.append((rule, block, offset, matches, sentence))
            else:
                found.extend(self._placed(rule, block, offset, matches, sentence))
        return found

    def _settle(self, pending: list) -> list:
        """The pending matches of a document whose every sentence has been read, as
        their rules settle them (``Rule.settle``: those that hold under its reading)."""
        found = []
        for rule, block, offset, matches, sentence in pending:
            found.extend(self._placed(rule, block, offset, rule.settle(matches), sentence))
        return found

    def _placed(self, rule: Rule, block: Block, offset: int, matches: list[Match], sentence: str) -> list:
        """One rule's matches in one sentence, placed in the source: the masked
        and empty ones dropped, overlapping ones merged (``one_per_span``)."""
        found = []
        spans = []
        for match in matches:
            start, end = match.start + offset, match.end + offset
            if end <= start or block.is_masked(start, end):
                continue
            spans.append((start, end, match))
        for start, end, match in one_per_span(spans):
            src_start, src_end = block.source_span(start, end)
            fix = None
            if match.replaces is not None:  # only where the source is the plain text, markup-free
                fix_start, fix_end = match.replaces[0] + offset, match.replaces[1] + offset
                fix = block.source_span(fix_start, fix_end)
                if fix[1] - fix[0] != fix_end - fix_start or block.is_masked(fix_start, fix_end):
                    fix = None
            found.append((rule, src_start, src_end, match, sentence, fix))
        return found

    def _findings(
        self, document: Document, pieces: dict[int, list[tuple[int, Any]]], raw: list
    ) -> list[Finding]:
        if self.document_rules:
            flat = {b: docs[0][1] for b, docs in pieces.items() if len(docs) == 1}
            context = DocumentContext(
                config=self.config, parsed=flat, is_postmortem=self.is_postmortem(document)
            )
            for rule in self.document_rules:
                for match in rule.check_document(document, context):
                    raw.append((rule, match.start, max(match.end, match.start + 1), match, None, None))
        return self._finalise(document, raw)

    def _finalise(self, document: Document, raw) -> list[Finding]:
        suppressions = find_suppressions(document, self.known_rules)
        if suppressions.problems:
            self.problems[document.path] = suppressions.problems
        overrides = self.config.severity
        seen = set()
        findings = []
        for rule, start, end, match, sentence, fix in raw:
            end = min(max(end, start + 1), max(len(document.source), start + 1))
            line, column = document.position(start)
            if suppressions.suppresses(rule.id, line):
                continue
            key = (rule.id, start, end, match.message)  # document rules may report several things at line 1
            if key in seen:
                continue
            seen.add(key)
            end_line, end_column = document.position(end)
            severity = overrides.get(rule.id, rule.card.severity)
            findings.append(
                Finding(
                    rule=rule.id,
                    severity=Severity(severity),
                    message=match.message,
                    location=Location(
                        path=document.path, line=line, column=column, end_line=end_line, end_column=end_column
                    ),
                    text=document.source[start:end],
                    suggestion=match.suggestion,
                    sentence=sentence,
                    replaces=None if fix is None else _location(document, *fix),
                )
            )
        findings.sort(key=lambda f: f.sort_key)
        return findings


def _location(document: Document, start: int, end: int) -> Location:
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Location(path=document.path, line=line, column=column, end_line=end_line, end_column=end_column)


def lint_text(
    text: str, config: Config | None = None, path: str = "<text>.md", rules: list[Rule] | None = None
) -> list[Finding]:
    """Lint a string (Markdown unless ``path`` ends in .txt). A convenience for
    tests and embedding; the CLI goes through the same Linter."""
    from blamelint.postmortem.load import parse_source
    from blamelint.rules.registry import Registry

    config = config or Config()
    if rules is None:
        registry = Registry(config)
        rules = registry.build(registry.selected(config.select, config.ignore), config.rules)
    from blamelint.postmortem.detect import PostmortemDetector

    return Linter(config, rules, is_postmortem=PostmortemDetector(config)).lint_document(
        parse_source(path, text)
    )
