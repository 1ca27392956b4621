"""Whether an active-voice rewrite is English: a sentence with the doer as its
subject that keeps every content word of the passive clause.

``active_voice`` builds a rewrite from the parse, and a parse can be wrong: a
dropped "from model v32 to v33", a noun phrase ("the ConfigMap that [who]
edited") instead of a sentence, "[who]" stranded after the object. A wrong
rewrite costs more than none (the message still says whom to name), so a
rewrite is shown only when it passes three tests:

1. it keeps every content word of the clause (nouns, names, numbers, adjectives,
   adverbs, identifiers; what is in inline code and link text is plain text by
   now, so it counts too);
2. "[who]" opens it, or follows only an introductory phrase set off by a comma
   ("On 14 March, [who] triggered ..."), a sentence adverb ("Later [who] ...") or
   the connective that opens the clause in its sentence ("so [who] promoted ...");
   never inside a noun phrase ("the ConfigMap that [who] edited");
3. parsed again with "we" for "[who]", the doer is the active subject of the
   clause's verb (no passive subject or auxiliary on that verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from blamelint.grammar.active_voice import acted_on
from blamelint.grammar.morphology import ambiguous_verb, reading

WHO = "[who]"
CLAUSE_BOUNDARIES = frozenset({"advcl", "parataxis", "relcl", "acl", "csubj"})
"""Children whose subtree is another clause: the rewrite covers the flagged clause only."""
FUNCTION_POS = frozenset({"DET", "ADP", "AUX", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE", "INTJ"})
LEAD_ADVERBS = frozenset(
    {
        "also",
        "then",
        "later",
        "again",
        "finally",
        "eventually",
        "subsequently",
        "meanwhile",
        "next",
        "afterwards",
        "immediately",
        "quickly",
        "first",
        "initially",
        "instead",
    }
)
"""Sentence adverbs that may stand before the doer: "Later [who] restarted it"."""
LEAD_PREPOSITIONS = frozenset(
    {
        "at",
        "on",
        "in",
        "during",
        "around",
        "by",
        "after",
        "before",
        "shortly",
        "about",
        "within",
        "from",
        "throughout",
        "until",
        "since",
        "overnight",
        "today",
        "yesterday",
    }
)
LEAD_CONNECTIVES = frozenset(
    {
        "and",
        "but",
        "so",
        "or",
        "after",
        "before",
        "when",
        "whenever",
        "once",
        "while",
        "until",
        "because",
        "since",
        "as",
        "if",
        "unless",
        "although",
        "though",
    }
)
"""Words that open the flagged clause inside its sentence: the rewrite replaces the
clause in place ("..., so [who] promoted a second replica")."""


def clause_tokens(clauses: Iterable, start: int) -> list:
    """The tokens of the passive clauses and their subject, without other
    clauses (subordinate, relative, conjuncts outside the group) and without a
    leading timestamp (tokens before ``start``)."""
    clauses = list(clauses)
    group = {c.verb.i for c in clauses}
    kept: dict[int, object] = {}
    for clause in clauses:
        verb = clause.verb
        drop: set[int] = set()
        for child in verb.children:
            outside_group = child.dep_ == "conj" and child.i not in group
            if (
                child.dep_ in CLAUSE_BOUNDARIES
                or outside_group
                or (child.dep_ == "ccomp" and child.i < verb.i)
            ):
                drop.update(t.i for t in child.subtree)
        kept.update((t.i, t) for t in verb.subtree if t.i not in drop and t.i >= start)
        subject = acted_on(clause)
        if subject is not None and clause is clauses[0]:
            kept.update(
                (t.i, t)
                for t in subject.subtree
                if t.i >= start
                and t.i not in drop
                and t.i not in group
                and t.i != verb.i
                and not _in_other_clause(t, subject)
            )
    return [kept[i] for i in sorted(kept)]


def _in_other_clause(token, root) -> bool:
    """Whether ``token`` sits in a clause hung on ``root`` (a relative clause of the subject)."""
    # spaCy makes a new Token object on each access: compare indices, not identity.
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in CLAUSE_BOUNDARIES:
            return True
        token = token.head
    return False


def content_words(tokens: Iterable, skip: Iterable[int] = ()) -> list[str]:
    """The words a rewrite must keep: everything but function words and punctuation."""
    skip = set(skip)
    words = []
    for tok in tokens:
        if tok.i in skip or tok.pos_ in FUNCTION_POS or tok.dep_ == "neg":
            continue
        if tok.is_punct or tok.is_space or not any(ch.isalnum() for ch in tok.text):
            continue
        words.append(tok.text)
    return words


def missing_words(words: Iterable[str], rewrite: str) -> list[str]:
    """Words of ``words`` the rewrite does not contain: case-insensitive, and not
    inside a longer word ("1.2M" keeps "M"; "prod-network" keeps "prod")."""
    text = rewrite.lower()
    missing = []
    for word in words:
        low = word.lower()
        left = r"(?<![^\W\d_])" if low[:1].isalpha() else ""
        right = r"(?![^\W\d_])" if low[-1:].isalpha() else ""
        if not re.search(left + re.escape(low) + right, text):
            missing.append(word)
    return missing


GLUE = frozenset(
    """
it them us me him her i we you he she they did does do not t is was are were has have had will would
should could can must may might to be been being get got gets that never
""".split()
)
"""Words a rewrite adds: pronouns for the moved subject, the active verb group."""


def _inflects(word: str, clauses: list) -> bool:
    """Whether ``word`` is a form of one of the clause verbs ("ran" for "run")."""
    for clause in clauses:
        lemma, forms = reading(clause.verb.lower_)
        if word == lemma or any(word in values for values in forms.values()):
            return True
    return False


def agent_leads(rewrite: str) -> bool:
    """Whether "[who]" is the subject of a sentence: first, or after an
    introductory phrase closed by a comma, or after a sentence adverb."""
    at = rewrite.find(WHO)
    if at < 0:
        return False
    before = rewrite[:at].strip()
    if not before or before.endswith(","):
        return True
    words = before.lower().split()
    if len(words) <= 2 and all(w in LEAD_ADVERBS or w in LEAD_CONNECTIVES for w in words):
        return True
    # A short time or place phrase without a comma: "At 14:02 [who] ran ...".
    return words[0] in LEAD_PREPOSITIONS and len(words) <= 5 and "," not in before


def with_subject(rewrite: str, pronoun: str = "we") -> str:
    """The rewrite with a pronoun for "[who]" (capitalised when it opens the sentence)."""
    at = rewrite.find(WHO)
    word = pronoun.capitalize() if at == 0 else pronoun
    return rewrite[:at] + word + rewrite[at + len(WHO) :]


def reads_active(doc, lemmas: Iterable[str]) -> bool:
    """Whether the parsed rewrite has the inserted pronoun as the active subject
    of one of the clause's verbs (by lemma)."""
    lemmas = {lemma.lower() for lemma in lemmas}
    for tok in doc:
        if tok.lower_ != "we" or tok.dep_ != "nsubj":
            continue
        head = tok.head
        verbs = [head] + [c for c in head.children if c.dep_ in ("xcomp", "conj")]
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) or head.dep_ in ("relcl", "acl"):
            return False  # still passive, or "the app we released": a noun phrase
        return any(
            v.lemma_.lower() in lemmas or v.lower_ in lemmas for v in verbs if v.pos_ in ("VERB", "AUX")
        )
    return False


GLUED_CONTRACTION = re.compile(r"[^\W\d_]['\u2019](?:ll|d|ve|re|m)$", re.IGNORECASE)
"""A word with an auxiliary's contraction still on it ("flag'll", "cache'd"): the tokenizer
splits them only after pronouns, so the rewrite would keep "'ll" on the object."""


def why_unfaithful(
    clauses: list, rewrite: str | None, start: int, parse: Callable[[str], object] | None = None
) -> str | None:
    """None when the rewrite passes all three tests (the re-parse only when
    ``parse`` is given), else which test it fails."""
    if not rewrite or WHO not in rewrite:
        return "no rewrite"
    if not agent_leads(rewrite):
        return "the doer is not the subject of a sentence"
    if any(c.subject is not None and c.subject.tag_ in ("WDT", "WP") for c in clauses):
        return "the object would be a relative pronoun ('[who] read what', '[who] reorganised that')"
    if any(_split_at_hyphen(c.verb) for c in clauses):
        return "the verb is split at a hyphen (re-enabled: 're' + 'enabled')"
    said = set(re.findall(r"[^\W_]+", rewrite.lower()))
    if any(ambiguous_verb(c.verb.lower_) and c.verb.lower_ not in said for c in clauses):
        return "the verb's form is ambiguous (routed: rout or route)"
    verbs = {c.verb.i for c in clauses}
    tokens = clause_tokens(clauses, start)
    glued = next((t.text for t in tokens if GLUED_CONTRACTION.search(t.text)), None)
    if glued:
        return f"a contraction the tokenizer left on its word ({glued!r}: its auxiliary would be lost)"
    lost = missing_words(content_words(tokens, skip=verbs), rewrite)
    if lost:
        return "loses " + ", ".join(repr(w) for w in lost)
    allowed = {w for t in tokens for w in re.findall(r"[^\W_]+", t.lower_)} | {
        t.lemma_.lower() for t in tokens
    }
    extra = [
        w
        for w in re.findall(r"[^\W_]+", rewrite.replace(WHO, "").lower())
        if w not in allowed and w not in GLUE and not _inflects(w, clauses)
    ]
    if extra:
        return "brings in words from outside the clause: " + ", ".join(repr(w) for w in extra)
    if parse is not None and not parses_active(rewrite, verb_lemmas(clauses), parse):
        return "does not parse as active with the doer as subject"
    return None


def verb_lemmas(clauses: list) -> frozenset[str]:
    """The clause verbs as the re-parse of a rewrite may give them: lemma or form."""
    return frozenset({c.verb.lemma_ for c in clauses} | {c.verb.lower_ for c in clauses})


def parses_active(rewrite: str, lemmas: Iterable[str], parse: Callable[[str], object]) -> bool:
    """Test 3 alone, from text only (a caller may put it off until it needs it):
    ``rewrite`` parsed with "we" for "[who]" has "we" as the active subject of a
    verb of ``lemmas`` (``verb_lemmas``)."""
    return reads_active(parse(with_subject(rewrite)), lemmas)


def _split_at_hyphen(verb) -> bool:
    """Whether the tokenizer cut a hyphenated word around the verb ("re-enabled")."""
    doc = verb.doc
    after = verb.i + 1 < len(doc) and not verb.whitespace_ and doc[verb.i + 1].text in "-‐–"
    before = verb.i > 0 and not doc[verb.i - 1].whitespace_ and doc[verb.i - 1].text in "-‐–"
    return after or before


def faithful(
    clauses: list, rewrite: str | None, start: int, parse: Callable[[str], object] | None = None
) -> bool:
    return why_unfaithful(clauses, rewrite, start, parse) is None
