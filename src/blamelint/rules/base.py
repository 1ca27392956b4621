"""What a rule is: a card (id, severity, docs, examples, data) and a check."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from blamelint.data import validate
from blamelint.findings import Severity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

    from blamelint.document.model import Block, Document

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PARSE = frozenset({"tagger", "attribute_ruler", "lemmatizer", "parser"})


class RuleDocs(BaseModel):
    """The ruff-style documentation of a rule."""

    model_config = ConfigDict(extra="forbid")
    what: str
    why: str
    example: str
    use_instead: str
    known_problems: str | None = None
    severity: str | None = Field(default=None, description="Why the default severity.")


class RuleExamples(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    fail: list[str] = Field(default_factory=list)
    pass_: list[str] = Field(default_factory=list, alias="pass")


class RuleCard(BaseModel):
    """A rule as data. Built-in cards live in the ``rules/`` folder of the project."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: str = Field(description="PascalCase name (SARIF rule name).")
    severity: Severity
    summary: str = Field(description="One line: what is flagged.")
    kind: Literal["python", "phrases"] = "python"
    check: str | None = Field(default=None, description="'module:Class' for python rules.")
    scope: Literal["sentence", "document"] = "sentence"
    message: str | None = None
    suggestion: str | None = None
    docs: RuleDocs
    examples: RuleExamples = Field(default_factory=RuleExamples)
    phrases: list[str] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict)
    enabled: bool = Field(default=True, description="Off unless selected when false.")
    source: str | None = Field(default=None, exclude=True)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError("a rule id is a lowercase slug such as 'agentless-passive'")
        return value


@dataclass
class Match:
    """What a check returns. For sentence rules, ``start``/``end`` index the
    block's text (spaCy character offsets); for document rules they are source
    offsets. ``end`` is exclusive."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    replaces: tuple[int, int] | None = None
    """The [start, end) span (indexed like ``start``/``end``) that ``suggestion``
    can replace word for word, when it is such a rewrite (editor quick fixes)."""
    reading: Hashable | None = None
    """For a sentence rule that reads the whole parsed document (``Rule.read_sentence``):
    the document reading (``Rule.reading``) under which this match holds, settled
    (``Rule.settle``) once the whole document is read. None: it holds whatever the
    document says."""


class Rule:
    """Base class of every rule. Subclasses override one of the two checks."""

    needs: ClassVar[frozenset[str]] = PARSE
    """spaCy components the check reads (others are switched off)."""

    data_model: ClassVar[type[BaseModel] | None] = None
    """The model of the card's ``data`` mapping this check reads; a card whose
    ``data`` does not fit fails when the rule is built, naming the card file
    and the key. None: the check does not look at ``data`` (plugins)."""

    def __init__(self, card: RuleCard, options: dict[str, Any] | None = None):
        self.card = card
        self.options = dict(options or {})
        self.data: Any = card.data
        if self.data_model is not None:
            self.data = validate(self.data_model, card.data, f"{card.source or card.id}: data")
        self.setup()

    @property
    def id(self) -> str:
        return self.card.id

    @property
    def scope(self) -> str:
        return self.card.scope

    def setup(self) -> None:
        """Prepare patterns from ``self.data`` (called once)."""

    def message_match(self, kind: str, first, last) -> Match:
        """A Match over the tokens first..last (either order), with the message
        and suggestion of ``kind`` from the card's ``data.messages`` (``{text}``
        is the flagged text), falling back to the card's own message and
        suggestion."""
        if first.i > last.i:
            first, last = last, first
        spec = getattr(getattr(self.data, "messages", None), kind, None)
        message = spec.message if spec is not None and spec.message is not None else None
        suggestion = spec.suggestion if spec is not None and spec.suggestion is not None else None
        message = message if message is not None else (self.card.message or self.card.summary)
        suggestion = suggestion if suggestion is not None else self.card.suggestion
        text = first.doc[first.i : last.i + 1].text
        return Match(first.idx, last.idx + len(last.text), message.format(text=text), suggestion)

    def begin_document(self, document: Document) -> None:
        """Called by the engine with each document before any of its sentences
        is checked, so a sentence rule can read what the whole document says
        (who its people are, what its systems are). The text is untrusted and
        may be long: keep this a cheap scan. The default does nothing."""

    def read_sentence(self, sent: Span, block: Block) -> None:
        """Called by the engine with every parsed sentence of the document, in
        document order, before the sentence is checked (also when its matches
        come from the engine's match cache), for a rule whose findings depend on
        what the parsed document says as a whole: the rule gathers its reading
        here, from the engine's own parse (it parses nothing itself), and its
        checks give each match that depends on it the ``reading`` under which it
        holds. The default reads nothing."""

    def reading(self) -> Hashable | None:
        """What ``read_sentence`` read of the document, once its last sentence has
        been read."""
        return None

    def settle(self, matches: list[Match]) -> list[Match]:
        """One sentence's matches, some of which depend on the document's reading,
        given back by the engine once the document's last sentence has been read
        (before the next document begins): those that hold. The default keeps
        the matches whose ``reading`` is None or this rule's ``reading()``; a rule
        may also finish here work it put off for matches that might be dropped."""
        reading = self.reading()
        return [m for m in matches if m.reading is None or m.reading == reading]

    def document_key(self) -> Any:
        """What ``begin_document`` learned that changes this rule's findings,
        as a hashable value (None when nothing): part of the key under which
        the engine caches a block's matches, so a block is not reused across
        documents that read differently."""
        return None

    def attach_pipeline(self, nlp: Any) -> None:
        """Called once with the loaded spaCy pipeline, before the first check, for
        rules that parse text of their own (a rewrite, to check it)."""

    def check_sentence(self, sent: Span, block: Block) -> Iterable[Match]:
        return ()

    def check_document(self, document: Document, context: DocumentContext) -> Iterable[Match]:
        return ()


@dataclass
class DocumentContext:
    """What a document rule may read besides the document: the run's config and
    the parsed blocks (block index -> spaCy Doc, when the run parsed them)."""

    config: Any
    parsed: dict[int, Any]
    is_postmortem: bool = True
