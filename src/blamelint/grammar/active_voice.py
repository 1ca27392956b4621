"""Say a passive clause in the active voice, with "[who]" as the missing doer.

Built from the parse, token by token: the passive subject moves after the
verb as its object ("A migration was run against production" -> "[who] ran a
migration against production"), the auxiliaries give way to the active verb
group in the same tense, mood and polarity ("should be removed" -> "should
remove", "was not performed" -> "did not perform", "are being replaced" ->
"is replacing", "had been changed" -> "had changed"), and participles that
share the auxiliary become verbs with a pronoun ("was considered but
rejected" -> "considered a rollback but rejected it"). Subordinate clauses
and a leading timestamp are left out: the suggestion covers the flagged
clause only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from blamelint.grammar.agents import CLOCK
from blamelint.grammar.events import Tense, tense_of, timestamp_end
from blamelint.grammar.morphology import known_word, reading, spelled_like
from blamelint.grammar.passive import FRAGMENT, PARTICIPLE, REDUCED, PassiveClause

WHO = "[who]"
LEFT_OUT = frozenset({"advcl", "parataxis", "relcl", "acl", "csubj", "meta", "dep"})
OBJECT_CASE = {"i": "me", "we": "us", "he": "him", "she": "her", "they": "them", "who": "whom"}
SUBJECT_NOISE = frozenset({"meta", "dep"})
NOT = frozenset({"not", "n't"})
IN_CLAUSE = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "appos", "oprd"})
"""Where a noun sits in a clause, so its participle is a relative: "a policy
applied to the wrong bucket" -> "a policy that [who] applied ..."."""


def inflect(verb, tag: str) -> str:
    """``verb`` in the form ``tag`` (VB, VBD, VBN, VBG, VBZ). A past form is
    kept as written when it already is one ("cancelled" stays British)."""
    lemma, forms = reading(verb.lower_)
    if tag in ("VBD", "VBN") and verb.lower_ in forms.get(tag, ()):
        return verb.lower_
    found = forms.get(tag)
    if found:
        return spelled_like(found, verb.lower_)
    return {"VB": lemma, "VBZ": lemma + "s", "VBG": lemma + "ing"}.get(tag, verb.lower_)


HYPHENS = frozenset({"-", "\u2010"})


def hyphen_prefix(verb) -> str:
    """The word the tokenizer cut off before a hyphen of the verb ("load-" of
    "load-tested", "rubber-" of "rubber-stamped"), which every form of the verb
    keeps ("did not load-test it"); "" when there is none."""
    doc, i = verb.doc, verb.i
    if i < 2 or doc[i - 1].text not in HYPHENS or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return ""
    word = doc[i - 2]
    return word.lower_ + "-" if word.is_alpha else ""


def particles(verb) -> str:
    return " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")


def verb_parts(verb, tense: Tense, clause: PassiveClause) -> tuple[str, str]:
    """The active verb group for ``verb`` in the clause's tense, as
    (auxiliaries, main verb): ("should have", "caught"), ("", "ran"). "never"
    stays where the writer put it, so it is not doubled as "not"."""
    neg = " not" if tense.negated and not _has_never(clause) else ""
    if tense.infinitive:
        return f"to{neg}", inflect(verb, "VB")
    if tense.modal:
        modal = tense.modal  # in full ("will", not "'ll"): the rewrite opens a clause of its own
        if tense.perfect:
            return f"{modal}{neg} have", inflect(verb, "VBN")
        return f"{modal}{neg}", inflect(verb, "VB")
    past = not tense.present
    if tense.progressive:
        governor = clause.governor
        if governor is not None and not any(a.tag_ in ("VBD", "VBZ", "VBP") for a in clause.aux):
            return governor.text, inflect(verb, "VBG")  # "kept getting preempted"
        return f"{'was' if past else 'is'}{neg}", inflect(verb, "VBG")
    if tense.perfect:
        have = "had" if past or any(a.lower_ == "had" for a in clause.aux) else "has"
        return f"{have}{neg}", inflect(verb, "VBN")
    if neg:
        return f"{'did' if past else 'does'} not", inflect(verb, "VB")
    return "", inflect(verb, "VBD" if past else "VBZ")


def verb_group(verb, tense: Tense, clause: PassiveClause) -> str:
    return " ".join(p for p in verb_parts(verb, tense, clause) if p)


def _has_never(clause: PassiveClause) -> bool:
    owners = [clause.verb] + ([clause.first] if clause.first is not None else [])
    return any(c.lower_ == "never" for v in owners for c in v.children)


def object_phrase(subject, start: int, exclude: Iterable = ()) -> str:
    """The passive subject as an object: "We" -> "us", "The config" -> "the
    config". Tokens before ``start`` (a timestamp) and in ``exclude`` are left out."""
    if subject is None:
        return ""
    low = subject.lower_
    if low in OBJECT_CASE and subject.tag_ == "PRP":
        return OBJECT_CASE[low]
    skip = {t.i for t in exclude if t.i != subject.i}
    for c in subject.children:
        if (
            c.dep_ in SUBJECT_NOISE
            or c.dep_ in ("ccomp", "parataxis", "advcl")
            or skip & {t.i for t in c.subtree}
        ):
            skip.update(t.i for t in c.subtree)  # also the clause the verb hangs in ("data needed to be ...")
    words = [t for t in subject.subtree if t.i not in skip and t.i >= start and not CLOCK.match(t.text)]
    while words and words[0].is_punct:
        words.pop(0)
    while (
        words and words[-1].is_punct and not (words[-1].text in ")]" and any(t.text in "([" for t in words))
    ):
        words.pop()
    if not words:
        return ""
    text = "".join(t.text_with_ws for t in words).strip()
    first = words[0]
    doc = first.doc
    sentence_initial = all(
        t.is_punct or t.is_space or CLOCK.match(t.text)  # "14:05 — Config change ..."
        for t in doc[min(start, first.sent.start) : first.i]
    )
    if (
        first.is_alpha
        and first.text[:1].isupper()
        and first.text[1:] == first.text[1:].lower()
        and (first.tag_ not in ("NNP", "NNPS") or sentence_initial and known_word(first.lower_))
    ):
        text = text[0].lower() + text[1:]
    return text


def pronoun_for(subject) -> str:
    if subject is None:
        return "it"
    if subject.lower_ in OBJECT_CASE and subject.tag_ == "PRP":
        return OBJECT_CASE[subject.lower_]
    return "them" if "Plur" in subject.morph.get("Number") else "it"


def _expletive(subject, verb) -> bool:
    return (
        subject is not None
        and subject.lower_ == "it"
        and any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in verb.children)
    )


def _kept(verb, group_verbs: set, start: int) -> list:
    """Tokens of the clause: the verb's subtree without subordinate clauses,
    clauses before the verb, conjuncts outside the group and a timestamp."""
    drop: set[int] = set()
    for c in verb.children:
        if (
            c.dep_ in LEFT_OUT
            or (c.dep_ == "conj" and c.i not in group_verbs)
            or (c.dep_ == "ccomp" and c.i < verb.i)
        ):
            drop.update(t.i for t in c.subtree)
        if c.dep_ == "cc":
            following = [d.i for d in verb.children if d.dep_ == "conj" and d.i > c.i]
            if following and min(following) not in group_verbs:
                drop.add(c.i)  # "and" before a conjunct left out (not one before a conjunct kept)
    return [
        t
        for t in verb.subtree
        if t.i not in drop and t.i >= start and not (t.i in group_verbs and t.i != verb.i)
    ]


def acted_on(clause: PassiveClause):
    """What the passive acts on: its subject, or, in an action item written as a noun
    and an infinitive ("Retry logic to be rewritten before the release"), that noun."""
    if clause.subject is not None:
        return clause.subject
    verb, governor = clause.verb, clause.governor
    if (
        tense_of(clause).infinitive
        and verb.dep_ in ("relcl", "acl")
        and governor is not None
        and governor.dep_ == "ROOT"
        and governor.pos_ in ("NOUN", "PROPN")
        and governor.i < verb.i
    ):
        return governor
    return None


def active_voice(clauses: list[PassiveClause]) -> str | None:
    """An active-voice rewrite of one clause, or of participles sharing one
    auxiliary (``clauses`` in order, the first one owning the subject)."""
    head = clauses[0]
    verb = head.verb
    start = timestamp_end(verb.sent)
    tense = tense_of(head)
    group = {c.verb.i for c in clauses}
    tokens = {t.i: t for t in _kept(verb, group, start)}
    for clause in clauses[1:]:
        tokens.update((t.i, t) for t in _kept(clause.verb, group, start))
    subject = acted_on(head)
    inside = {t.i for t in verb.subtree}
    outside = head.kind in (REDUCED, PARTICIPLE) or (subject is not None and subject.i not in inside)
    obj = "" if _expletive(subject, verb) else object_phrase(subject, start, verb.subtree if outside else ())
    if subject is None and head.kind == FRAGMENT:
        obj = "it"  # "Also posted out of hours" -> "Also [who] posted it out of hours"
    relative = head.kind == REDUCED and subject is not None and subject.dep_ in IN_CLAUSE
    subject_ids = set() if subject is None or outside else {t.i for t in subject.subtree} - {verb.i}
    skip = set(subject_ids)
    for clause in clauses:
        skip.update(a.i for a in clause.aux)
        skip.update(c.i for c in clause.verb.children if c.dep_ == "neg" and c.lower_ in NOT)
    order = sorted(i for i in tokens if i not in skip)
    if verb.i not in order:
        return None
    governor = head.governor
    if (
        tense.infinitive
        and governor is not None
        and governor.pos_ in ("VERB", "AUX")
        and subject is not None
        and subject.i < governor.i < verb.i
        and governor.i not in tokens
    ):
        return None  # "it never needs to be written again": the rewrite would drop "never needs"
    who_at = _who_position(head, order, subject_ids)
    out: list[str] = []
    if tense.infinitive and head.governor is not None and subject is not None and head.governor.i < subject.i:
        out.append(head.governor.text + " ")  # "wanted [who] to drain the queue"
    if relative:
        out.append(f"{obj} that ")  # "the ConfigMap that [who] edited at 09:15"
    auxiliary, main = verb_parts(verb, tense, head)
    for i in order:
        tok = tokens[i]
        if i == who_at:
            out.append(" ".join(w for w in (WHO, auxiliary) if w) + " ")
            auxiliary = ""  # "[who] should have automatically corrected them"
        if i == verb.i:
            words = [auxiliary, main] + ([obj] if obj and not relative else [])
            out.append(" ".join(w for w in words if w) + " ")
        elif i in group:
            clause = next(c for c in clauses if c.verb.i == i)
            out.append(f"{verb_group(tok, tense_of(clause), clause)} {pronoun_for(subject)} ")
        else:
            out.append(_cased(tok, start, bool("".join(out).strip())))
    return _tidy("".join(out)) or None


def _cased(tok, start: int, moved: bool) -> str:
    """A token's text, lower-cased when it opened the sentence only because it
    came first and no longer does ("Release pushed" -> "[who] pushed release";
    "The graph" -> "attached the graph"). Names and acronyms keep their case."""
    text = tok.text
    titled = len(text) > 1 and text[0].isupper() and text[1:].islower()
    if moved and titled and (tok.pos_ in ("DET", "PRON") or (tok.i == start and known_word(tok.lower_))):
        return text.lower() + tok.whitespace_
    return tok.text_with_ws


def _who_position(head: PassiveClause, order: list[int], subject_ids: set) -> int:
    """Where "[who]" goes: where the subject or first auxiliary was, else
    right before the verb (after "Once", "While", a leading time, ...)."""
    verb = head.verb
    candidates = [a.i for a in head.aux if a.i < verb.i] + [i for i in subject_ids if i < verb.i]
    if candidates:
        first = min(candidates)
        later = [i for i in order if i > first]
        return later[0] if later else verb.i
    position = verb.i
    doc = verb.doc
    while position - 1 in order and not doc[position - 1].whitespace_:
        position -= 1  # keep "auto-" with "closed"
    return position


PAIRS = {")": "(", "]": "["}


def _balanced(text: str) -> str:
    """The text without brackets left unmatched when words were moved or
    dropped ("lowered retry limit to 2 )" from "... lowered to 2 (done)")."""
    opened: list[int] = []
    drop: set[int] = set()
    for i, ch in enumerate(text):
        if ch in "([":
            opened.append(i)
        elif ch in PAIRS:
            if opened and text[opened[-1]] == PAIRS[ch]:
                opened.pop()
            else:
                drop.add(i)
    drop.update(opened)
    return "".join(ch for i, ch in enumerate(text) if i not in drop)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", _balanced(text)).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"^[\s,;:.—–-]+", "", text)
    return text.rstrip(" .;:,—–-")


def rewrite_extent(clauses: list[PassiveClause], rewrite: str) -> tuple[int, int] | None:
    """The [start, end) character span of the sentence that ``rewrite`` (from
    ``active_voice``) can replace, or None when replacing would lose words: the
    clause's tokens and its subject must be one unbroken run of the sentence,
    and every word in it other than the auxiliaries, the negation, the verbs
    and pronouns must appear in the rewrite."""
    head = clauses[0]
    verb = head.verb
    start = timestamp_end(verb.sent)
    group = {c.verb.i for c in clauses}
    ids = {t.i for c in clauses for t in _kept(c.verb, group, start)}
    subject = acted_on(head)
    if subject is not None:
        ids |= {t.i for t in subject.subtree if t.i >= start}
    doc = verb.doc
    while ids and doc[max(ids)].is_punct:
        ids.discard(max(ids))
    while ids and doc[min(ids)].is_punct:
        ids.discard(min(ids))
    if not ids or max(ids) - min(ids) + 1 != len(ids):
        return None
    dropped = group | {a.i for c in clauses for a in c.aux}
    words = rewrite.lower()
    for i in ids:
        tok = doc[i]
        if i in dropped or tok.is_punct or tok.is_space or tok.tag_ == "PRP" or tok.lower_ in NOT:
            continue
        if tok.lower_ not in words:
            return None
    first, last = doc[min(ids)], doc[max(ids)]
    return first.idx, last.idx + len(last.text)
