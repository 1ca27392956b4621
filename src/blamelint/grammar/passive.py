"""Find the passive clauses of a parsed sentence.

A clause is passive when the parse says so (a passive auxiliary, "be" or
"get", or a passive subject), and also in the reduced forms the parser does
not mark: a participle after "got" ("got auto-closed"), a participle clause
without a subject ("Once deployed, ..."), a participle after its noun ("the
ConfigMap edited at 09:15"), and the timeline fragment that drops "was"
("Config change deployed to prod."), which the parser reads as an active past
tense or as a noun with a participle. Whether a reduced candidate is really a
passive (its verb may be intransitive) is decided in ``fragments``; whether
the clause reports an event in ``events``; whether it names its agent in
``agents``. This module only finds and describes the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from blamelint.grammar.morphology import participle_form, participle_only, verb_lemmas

GET_FORMS = frozenset({"get", "gets", "got", "gotten", "getting"})
PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECTS = frozenset({"dobj", "dative", "attr"})
CLOCK_TIME = re.compile(r"^\d{1,2}[:.h]\d{2}(?::\d{2})?$")
COMPLEMENTS = frozenset({"acomp", "ccomp"})
LIGHT_VERBS = frozenset({"be", "have", "get", "do"})
LINKING_VERBS = frozenset(
    {
        "appear",
        "be",
        "become",
        "come",
        "fall",
        "feel",
        "get",
        "go",
        "grow",
        "hold",
        "keep",
        "look",
        "prove",
        "remain",
        "run",
        "seem",
        "sit",
        "sound",
        "stand",
        "stay",
        "turn",
    }
)
"""Verbs whose adjective complement describes their subject ("Latency held
steady"): such a clause is active."""
NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
NOUN_LIKE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ"})
CLAUSAL = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "csubjpass", "parataxis", "conj"})

SUBORDINATORS = frozenset(
    {
        "after",
        "although",
        "as",
        "before",
        "if",
        "once",
        "though",
        "unless",
        "until",
        "when",
        "whenever",
        "while",
        "than",
    }
)

BE_PASSIVE, GET_PASSIVE = "be", "get"
FRAGMENT, REDUCED, PARTICIPLE = "fragment", "reduced", "participle"
REDUCED_KINDS = frozenset({FRAGMENT, REDUCED, PARTICIPLE})


@dataclass(frozen=True)
class PassiveClause:
    """One passive (or candidate reduced passive) clause.

    ``verb`` is the participle; ``subject`` what was acted on (the passive
    subject, the noun a participle follows, or the subject a participle clause
    shares with its main clause); ``aux`` the auxiliaries before the verb, in
    order ("should", "have", "been"); ``governor`` the verb whose tense the
    clause takes when it has no finite auxiliary of its own (infinitives,
    participle clauses, "kept getting preempted"); ``first`` the first
    conjunct when several participles share one auxiliary ("was considered
    but rejected").
    """

    verb: object
    kind: str
    subject: object | None = None
    aux: tuple = ()
    governor: object | None = None
    first: object | None = None
    adjectival: bool = False
    """The parser read "be" + participle as an adjective ("After the cache
    was flushed"): a passive only where the clause marks an event."""
    after_adjective: bool = False
    """The participle shares "was" with an adjective before it ("was open for
    months and never prioritised"); with a verb that is also intransitive the
    active reading is as likely ("was unreachable and rebooted twice")."""

    @property
    def reduced(self) -> bool:
        return self.kind in REDUCED_KINDS


def phrase(token):
    """The tokens of a phrase without the clauses inside it ("at 13:05, which
    fragmented every packet" -> "at 13:05")."""
    yield token
    for c in token.children:
        if c.dep_ not in CLAUSAL:
            yield from phrase(c)


def child(token, *deps: str):
    return next((c for c in token.children if c.dep_ in deps), None)


def has_child(token, deps) -> bool:
    return any(c.dep_ in deps for c in token.children)


def auxiliaries(token) -> tuple:
    return tuple(c for c in token.children if c.dep_ in ("aux", "auxpass") and c.i < token.i)


def find_passives(sent, complement_heads: frozenset[str] = frozenset()) -> Iterator[PassiveClause]:
    """Yield the passive and candidate reduced-passive clauses of ``sent``.

    ``complement_heads`` are verbs ("have", "see", "keep") whose object may
    carry a participle without a hidden actor ("We had the config reverted").
    """
    found: dict[int, PassiveClause] = {}
    for tok in sent:
        clause = _clause(tok, found, complement_heads)
        if clause is not None:
            found[tok.i] = clause
            yield clause


def _clause(tok, found, complement_heads) -> PassiveClause | None:
    tag = tok.tag_
    if tag not in PARTICIPLE_TAGS and not (tag == "JJ" and is_participle(tok)):
        return None
    if not tok.text.replace("-", "").isalpha():
        return None  # a participle is a word: not "@dmitri" alone in an Owner cell, nor "v2"
    aux = auxiliaries(tok)
    if any(a.dep_ == "auxpass" for a in aux):  # also "was disabled" tagged as an adjective
        passive_aux = next(a for a in reversed(aux) if a.dep_ == "auxpass")
        if passive_aux.lemma_.lower() not in ("be", "get") and passive_aux.lower_ not in GET_FORMS:
            return None  # "became subscribed": a change of state, not a passive
        kind = GET_PASSIVE if passive_aux.lower_ in GET_FORMS else BE_PASSIVE
        subject = subject_of(tok)
        if subject is None and tok.dep_ == "conj" and tok.head.i in found:
            subject = found[tok.head.i].subject  # "... and was never turned back off"
        governor = None
        if not _finite(aux):
            governor = tok.head if tok.dep_ != "ROOT" else None
            if subject is None and governor is not None and tok.dep_ in ("xcomp", "advcl", "ccomp"):
                # "enabling the daemon sets to be scheduled" (object control),
                # "was designed to be restarted" (subject control)
                subject = child(governor, "dobj") or child(governor, "nsubj", "nsubjpass")
                if subject is None and governor.dep_ == "acl":
                    subject = governor.head  # "less data needed to be stored"
        # "was unhandled", "Why was the lag undetected?": no verb "unhandle" acts on anything, so the
        # clause is an adjective's unless it marks an event ("was unacked at 02:00", "could have been
        # unpublished"); fragments ("Node uncordoned") are left to the fragment reading
        return PassiveClause(tok, kind, subject, aux, governor, adjectival=_negated_adjective(tok))
    head = tok.head
    # "The alerts got auto-closed": "got" heads the participle.
    if (
        tok.tag_ == "VBN"
        and tok.dep_ in ("acomp", "xcomp", "oprd", "ccomp")
        and head.lower_ in GET_FORMS
        and head.i < tok.i
        and not has_child(head, OBJECTS)
        and not has_child(tok, SUBJECTS)
    ):
        return PassiveClause(tok, GET_PASSIVE, child(head, "nsubj", "nsubjpass"), auxiliaries(head) + (head,))
    # "User error got their API keys revoked": the participle after "get" and
    # its object is a passive of that object (causative "get").
    if (
        head.lower_ in GET_FORMS
        and head.i < tok.i
        and tok.dep_ in ("ccomp", "oprd", "xcomp")
        and not aux
        and not has_child(tok, OBJECTS)
    ):
        subject = child(tok, "nsubj", "nsubjpass") or child(head, "dobj")
        if subject is not None and head.i < subject.i < tok.i:
            return PassiveClause(tok, GET_PASSIVE, subject, (), governor=head)
    # "Why wasn't the alert routed to the team?": the question puts "was" first.
    if (
        head.lemma_ == "be"
        and head.i < tok.i
        and tok.dep_ in ("ccomp", "acomp", "xcomp", "oprd")
        and not aux
        and child(tok, "mark") is None
        and not has_child(tok, OBJECTS)
    ):
        subject = child(tok, "nsubj", "nsubjpass") or child(head, "nsubj", "nsubjpass")
        if subject is not None and subject.i > head.i and _right_after(subject, head):
            return PassiveClause(tok, BE_PASSIVE, subject, auxiliaries(head) + (head,))
    # "After the cache was flushed": the tagger made the participle an adjective.
    if (
        tok.dep_ == "acomp"
        and head.lemma_ == "be"
        and head.i < tok.i
        and tok.tag_ in ("JJ", "VBN")
        and not aux
        and is_participle(tok)
    ):
        return PassiveClause(tok, BE_PASSIVE, subject_of(head), auxiliaries(head) + (head,), adjectival=True)
    if (
        tok.dep_ == "conj"
        and tok.tag_ == "VBN"
        and head.lemma_ == "be"
        and head.i < tok.i
        and not aux
        and any(c.dep_ in ("acomp", "attr") and c.i < tok.i for c in head.children)
        and not has_child(tok, SUBJECTS)
        and not _has_object(tok)
    ):
        # "The request was open for months and never prioritised": the
        # participle shares "was" with the adjective before it.
        return PassiveClause(
            tok, BE_PASSIVE, subject_of(head), auxiliaries(head) + (head,), after_adjective=True
        )
    if tok.tag_ == "JJ" and tok.dep_ == "ROOT" and not aux and is_participle(tok):
        # "Staged rollout disabled for this release": a headline whose participle the
        # tagger read as an adjective (the fragment reading then asks the verb)
        subject = child(tok, "nsubj")
        if subject is not None and subject.pos_ in NOUNS and subject.i < tok.i:
            return PassiveClause(tok, FRAGMENT, subject)
    if aux or tok.tag_ == "JJ" or tok.pos_ != "VERB" or tok.lemma_.lower() in LIGHT_VERBS:
        return None  # an active verb with its auxiliary ("had dropped"), or "was", "got", "had"
    if _has_object(tok):
        return None
    # "was considered but rejected": the conjunct shares the first one's auxiliary.
    if tok.dep_ == "conj" and head.i in found and not has_child(tok, SUBJECTS) and tok.tag_ == "VBN":
        first = found[head.i]
        return PassiveClause(
            tok, first.kind, first.subject, first.aux, first.governor, first.first or first.verb
        )
    subject = subject_of(tok)
    if subject is not None and tok.tag_ in ("VBN", "VBD") and _relative_misread(tok):
        # "The ConfigMap edited at 09:15 had a stray tab": no "and" joins the
        # two verbs, so the first is a participle after the noun.
        return PassiveClause(tok, REDUCED, subject)
    if any(_has_object(c) for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        return None  # "GKE cordoned and drained batch 5": the object is shared
    if subject is not None:
        if subject.dep_ == "expl" or subject.tag_ in ("WDT", "WP"):
            return None  # "there", or a relative clause ("that read the key"): prose
        if (
            tok.dep_ in ("ROOT", "conj", "parataxis")
            or _verbless_root(head)
            or (tok.dep_ in ("ccomp", "advcl") and head.lemma_.lower() not in complement_heads)
        ):
            return PassiveClause(tok, FRAGMENT, subject)
        return None
    # "Leaked key revoked", "Incident resolved, timings returned to normal":
    # the noun was read as a modifier of the verb.
    nominal = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and c.tag_ in NOUN_LIKE_TAGS]
    if nominal and tok.dep_ in ("ROOT", "advcl", "conj", "parataxis"):
        return PassiveClause(tok, FRAGMENT, nominal[-1])
    if tok.dep_ == "ROOT":
        noun = _noun_before(tok)
        if noun is not None:
            return PassiveClause(tok, FRAGMENT, noun)
        if tok.tag_ == "VBN" and _opens_sentence(tok) and tok.lower_ != tok.lemma_.lower():
            # "Also posted out of office hours": a list item that drops both
            # the subject and "was"; the tagger read a participle. Not a verb
            # whose participle is its base form: "Set the timeout to 15
            # minutes" opening an action item is an imperative.
            return PassiveClause(tok, FRAGMENT, None)
    if tok.dep_ in ("acl", "relcl") and head.pos_ in NOUNS and _subordinated(tok) and is_participle(tok):
        # "These changes, when not implemented at the upgrade, caused ...":
        # a participle clause the parser hung on the noun it describes.
        return PassiveClause(tok, PARTICIPLE, head, governor=head.head if head.head.i != head.i else None)
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and head.dep_ in ("nsubj", "nsubjpass")
        and head.head.lemma_ == "be"
        and head.head.i < head.i
    ):
        # "Why wasn't the alert sent to the rota?": the participle was hung on the subject.
        return PassiveClause(tok, BE_PASSIVE, head, auxiliaries(head.head) + (head.head,))
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "dep", "parataxis", "advcl") and _in_brackets(tok):
        # "amplified failures (now fixed with retry limits)", "broke lookups
        # (later reverted in #4411)": a bracketed aside is a fragment of its own
        return PassiveClause(tok, FRAGMENT, head if head.pos_ in NOUNS and head.i < tok.i else None)
    if (
        tok.dep_ == "acl"
        and (tok.tag_ == "VBN" or is_participle(tok))
        and head.pos_ in NOUNS
        and head.i < tok.i
    ):
        # (a form that can be a participle after its noun, whatever the tag: "OOMs reduced to 2")
        root = _fragment_head(head)
        return PassiveClause(tok, FRAGMENT, root) if root is not None else PassiveClause(tok, REDUCED, head)
    if (
        tok.dep_ == "advcl"
        and (tok.tag_ == "VBN" and (tok.i < head.i or _after_comma(tok)) or _subordinated(tok))
        and not _negated_adjective(tok)
    ):
        return PassiveClause(tok, PARTICIPLE, child(head, "nsubj", "nsubjpass"), governor=head)
    return None


def _has_object(verb) -> bool:
    """An object or a following clausal complement ("decided that ..."). An
    object in brackets is an aside ("Bad commit identified (a1b2c3d)"), and a
    clause before the verb or after a semicolon is another fragment."""
    doc = verb.doc
    for c in verb.children:
        if (
            c.dep_ in OBJECTS
            and c.pos_ != "ADP"
            and not _bracketed(c)
            and not CLOCK_TIME.match(c.text)  # "invoice-writer 3.8 deployed 01:58": when, not what
            and not (c.pos_ in NOUNS and _after_punctuation(verb, c))  # "Incident declared, sev 2"
        ):
            return True
        if (
            c.dep_ == "xcomp"
            and (c.tag_ == "VBG" or verb.tag_ == "VBD" and not _infinitive(c))
            and not participle_only(verb.lower_)
            and not (c.pos_ in NOUNS and _after_punctuation(verb, c))
        ):
            # (a noun after a comma is an aside of its own: "incident declared, sev 2")
            # "kept being served", "started failing": an active catenative
            # (but "Consumers seen restarting": "seen" is only a participle)
            return True
        if c.dep_ in ("acomp", "oprd") and verb.lemma_.lower() not in LINKING_VERBS:
            continue  # "All systems verified operational": the passive's complement
        if (
            (c.dep_ in COMPLEMENTS or c.dep_ == "oprd")
            and c.i > verb.i
            and not any(t.text in (";", ",", ":", "—", "–") for t in doc[verb.i + 1 : c.i])
        ):
            return True
    return False


def _bracketed(token) -> bool:
    """The phrase of ``token`` opens with a bracket, which the parser may hang on the
    phrase or leave before it ("submitted (250k tasks)")."""
    first = token.left_edge
    doc = token.doc
    return first.text in ("(", "[") or (first.i > 0 and doc[first.i - 1].text in ("(", "["))


def _after_punctuation(verb, token) -> bool:
    """Whether a comma, semicolon, colon or dash stands between the verb and a later token."""
    return any(t.text in (";", ",", ":", "—", "–") for t in verb.doc[verb.i + 1 : token.i])


VERB_PREFIXES = frozenset({"re", "pre", "un", "de", "mis"})


def is_participle(tok) -> bool:
    """A past participle, also with a hyphenated prefix ("re-enabled", "pre-warmed")."""
    word = tok.lower_
    prefix, _, rest = word.partition("-")
    return participle_form(word) or (prefix in VERB_PREFIXES and participle_form(rest))


def _infinitive(verb) -> bool:
    return any(c.tag_ == "TO" for c in verb.children)


def _relative_misread(verb) -> bool:
    """The parser joined a participle and the main verb as conjuncts with
    nothing between them ("The ConfigMap edited at 09:15 had a stray tab")."""
    doc = verb.doc
    for c in verb.children:
        if (
            c.dep_ in ("conj", "dep")
            and c.pos_ in ("VERB", "AUX")
            and c.i > verb.i
            and not has_child(c, SUBJECTS)
        ):
            between = doc[verb.i + 1 : c.i]
            if not any(t.dep_ == "cc" or t.is_punct for t in between if t.head.i in (verb.i, c.i)):
                return True
    return False


def _negated_adjective(tok) -> bool:
    """ "un-" before a participle where no "un-" verb exists ("when
    undefined", "if unset"): an adjective naming a lack, not an act
    ("unlocked" is a verb's participle)."""
    word = tok.lower_
    return word.startswith("un") and not verb_lemmas(word) and bool(verb_lemmas(word[2:]))


def _right_after(subject, be) -> bool:
    """The subject follows "be" directly (past a negation), as in a question
    ("Why wasn't the alert routed?"), not somewhere later in the sentence."""
    between = subject.doc[be.i + 1 : subject.left_edge.i]
    return all(t.dep_ == "neg" for t in between)


def _in_brackets(tok) -> bool:
    """The participle opens a bracketed aside (adverbs may come first)."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].pos_ == "ADV":
        i -= 1
    return i >= tok.sent.start and tok.doc[i].text in ("(", "[")


def _after_comma(tok) -> bool:
    """A participle clause after its main clause, set off by a comma or a
    semicolon, with no subject or object of its own ("Solution completed,
    handed over to the team in DK", "sync stuck on a hook; forced by hand")."""
    return (
        tok.i > tok.head.i
        and tok.doc[tok.i - 1].text in (",", ";")
        and is_participle(tok)
        and not has_child(tok, SUBJECTS)
        and not _has_object(tok)
    )


def _opens_sentence(verb) -> bool:
    """Nothing but adverbs, numbers and punctuation before the verb."""
    return all(t.is_punct or t.like_num or t.pos_ in ("ADV", "SYM", "NUM") for t in verb.sent if t.i < verb.i)


def _noun_before(verb):
    """The noun right before a subjectless headline verb, past a version
    number ("log4j 2.17 published"), when the parser hung it elsewhere."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].like_num and not verb.doc[i].text[:1].isalpha():
        i -= 1
    if i < verb.sent.start or i == verb.i - 1 and verb.doc[i].like_num:
        return None
    noun = verb.doc[i]
    if noun.pos_ in ("NOUN", "PROPN") and noun.head.i != verb.i and not noun.like_num:
        return noun
    return None


def _subordinated(verb) -> bool:
    """A participle after a subordinator: "Once deployed", "when restarted"
    (the parser may tag "rolled" in "Once rolled back" as a past tense)."""
    first = next(verb.lefts, None)
    return first is not None and first.dep_ in ("mark", "advmod") and first.lower_ in SUBORDINATORS


def _verbless_root(token) -> bool:
    """A sentence head that is not a verb (a timestamp or noun the parser
    made the root of a headline)."""
    return token.dep_ == "ROOT" and token.pos_ not in ("VERB", "AUX")


def _finite(aux) -> bool:
    return any(a.tag_ in ("MD", "VBD", "VBZ", "VBP") for a in aux)


def _fragment_head(noun):
    """The head of a verbless headline that ``noun`` belongs to ("Varnish
    cache purged", "Terraform plan for the workspace posted to the PR"), or
    None when the noun sits in a clause with a verb."""
    best = noun
    while noun.dep_ in ("conj", "pobj", "prep", "compound", "appos") and noun.head.i != noun.i:
        noun = noun.head
        if noun.pos_ in ("NOUN", "PROPN"):
            best = noun
    if noun.dep_ == "ROOT" and noun.pos_ in NOUNS:
        return best  # the highest real noun, not a timestamp the parser made the root
    return None


def subject_of(verb):
    """The verb's subject, passing over a timestamp the parser took for one
    ("17:30 — All campaigns cancelled"); a headline noun misread as a verb
    ("Pull request updated") is a clausal subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj", "expl")]
    real = [c for c in subjects if not (c.tag_ == "CD" or c.like_num)]
    if len(real) > 1:
        # two subjects: the parser took a date for one ("Tue 11 Mar, 09:40 –
        # Status page updated"); the one nearest before the verb is real
        before = [c for c in real if c.i < verb.i]
        real = before[-1:] or real
    chosen = real or subjects or [c for c in verb.children if c.dep_ == "csubj" and c.i < verb.i]
    return chosen[0] if chosen else None
