"""The whole incident given one cause: "A DNS change caused the outage", "The
outage was due to X", "We had an outage because of X", "X took the whole site
down", "It boils down to one thing", "This was due to a bug in X"; a cause given
for a symptom ("GC pauses caused the 502s"), several causes, a hedged or denied
cause and people owning the outage ("We caused this outage") are not.

Each detector takes the lexicon and one token (the predicate) and returns
``(kind, first, last)``, DENIED (the shape matched but is denied or hedged:
the later shapes of ``SHAPES`` are not tried), or None.
"""

from __future__ import annotations

from blamelint.grammar.clauses import clause_subject, is_passive, particle_prep, prep_object, reason_of
from blamelint.rules.checks.root_cause.lexicon import DENIED, WHOLE, RootCauseLexicon

PREDICATES = ("VERB", "AUX", "ADJ")


def caused(lex: RootCauseLexicon, tok):
    """X caused / explains the outage; the outage was caused by X; an outage
    caused by X; "The issue was caused due to X"."""
    if tok.pos_ not in PREDICATES or tok.lemma_.lower() not in lex.data.causal_verbs:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    subj = clause_subject(tok)
    if subj is not None and subj.lower_ == "what" and (tok.dep_ != "ROOT" or tok.sent[-1].text != "?"):
        # an embedded question ("We do not know what caused the outage") or a cleft (``what_caused``);
        # the direct question "What caused the outage?" heads its answer
        return None
    if tok.lemma_.lower() in lex.data.telling_verbs and (subj is None or lex.people.is_person(subj)):
        return None  # "We emailed customers explaining the issue": people telling, not a cause
    if (
        obj is not None
        and lex.incident(obj, allow_bare=True)
        and not lex.several(subj)
        and not lex.owned(tok, subj)
    ):
        return lex.unless_denied("whole", tok, obj, tok)
    if subj is not None and subj.dep_ == "nsubjpass" and lex.incident(subj) and reason_of(tok) is not None:
        return lex.unless_denied("whole", tok, subj, tok)
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is not None and not lex.several(prep_object(agent)):
        if subj is not None and subj.dep_ == "nsubjpass" and lex.incident(subj):
            return lex.unless_denied("whole", tok, subj, agent)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and lex.incident(tok.head, allow_indefinite=True):
            return lex.unless_denied("whole", tok, tok.head, agent)
    return None


def led_to(lex: RootCauseLexicon, tok):
    """X led to / resulted in / turned ... into the outage; X was responsible for it."""
    if tok.pos_ not in PREDICATES:
        return None
    for requires, prep_word in lex.causal_preps.get(tok.lemma_.lower(), ()):
        if not lex.takes(tok, requires):
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == prep_word), None)
        obj = prep_object(prep) if prep is not None else None
        allow = prep_word == "into"  # "turned a minor alert into a full outage"
        cause = clause_subject(tok)
        if cause is None and tok.dep_ == "acl" and tok.head.lemma_.lower() in lex.data.time_nouns:
            continue  # "in the days leading to this incident": a time, not a cause
        if (
            obj is not None
            and lex.incident(obj, allow_indefinite=allow, allow_bare=True)
            and not lex.several(cause)
            and not lex.owned(tok, cause)
        ):
            pred = tok.head if tok.dep_ in ("acomp", "xcomp", "attr") else tok
            return lex.unless_denied("whole", pred, tok, obj)
    return None


def took_down(lex: RootCauseLexicon, tok):
    """X took the whole site down; X set the whole thing off."""
    if tok.pos_ not in PREDICATES:
        return None
    for verb, particle in lex.outage_verbs:
        if tok.lemma_.lower() != verb or not any(
            c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in tok.children
        ):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        cause = (
            clause_subject(tok)
            if obj is None or obj.dep_ == "dobj"
            else prep_object(next((c for c in tok.children if c.dep_ == "agent"), tok))
        )
        if (
            obj is not None
            and (any(c.lower_ in WHOLE for c in obj.children) or lex.incident(obj))
            and cause is not None
            and not lex.several(cause)
            and not lex.owned(tok, cause)
        ):
            return lex.unless_denied("whole", tok, tok, obj)
    return None


def had_because(lex: RootCauseLexicon, tok):
    """We had / experienced an outage because of X."""
    if tok.pos_ not in PREDICATES or tok.lemma_.lower() not in lex.data.incident_hosts:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if (
        obj is not None
        and obj.lemma_.lower() in lex.data.hosted_incident_nouns
        and lex.incident(obj, allow_indefinite=True, allow_bare=True)
        and (reason_of(tok) is not None or reason_of(obj) is not None)
    ):
        return lex.unless_denied("whole", tok, obj, obj)
    return None


def traced_to(lex: RootCauseLexicon, tok):
    """The outage was due to / stemmed from / came down to X; "It all boils
    down to X" (a pronoun subject only with the reducing idioms)."""
    if tok.pos_ not in PREDICATES:
        return None
    subj = clause_subject(tok)
    if subj is not None and (
        lex.incident(subj)
        or lex.totalizing(subj)
        or (subj.lower_ in lex.data.incident_pronouns and lex.reduced(tok) is not None)
    ):
        hit = lex.origin(tok) or lex.reduced(tok)
        if hit is not None and not lex.several(prep_object(hit)):
            return lex.unless_denied("whole", tok, subj if subj.i < tok.i else tok, hit)
    return None


def pronoun_cause(lex: RootCauseLexicon, pred):
    """ "This was due to a code change", "It was caused by a bad deploy": the
    subject of the main clause is a pronoun for what the report is about and
    the predicate gives it one cause (only the firm causal phrases of
    ``pronoun_causals``; "This happened because ..." narrates). An amount after
    "to" is no cause ("It was down to two nodes"); "caused by one thing" is. A
    denied one leaves the later shapes to try."""
    if pred.pos_ not in PREDICATES:
        return None
    subj = clause_subject(pred)
    if subj is None or subj.lower_ not in lex.data.incident_pronouns or not _main_clause(pred):
        return None
    if not (
        pred.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in pred.children)
    ):
        return None  # "This is due to the pool size": a present state explained, not the incident
    lemma = pred.lemma_.lower()
    for words in lex.pronoun_causals:
        hit = None
        if words[0] == "be" and lemma == "be":
            hit = lex.copula_phrase(pred, words[1:])
        elif words[0] == "be" and words[1] in (lemma, pred.lower_) and is_passive(pred):
            hit = particle_prep(pred, words[2:])
        elif words[0] == lemma:
            hit = particle_prep(pred, words[1:])
        cause = prep_object(hit) if hit is not None else None
        if cause is not None and not lex.several(cause) and not (hit.lower_ == "to" and lex.quantity(cause)):
            found = lex.unless_denied("whole", pred, subj, hit)
            return None if found is DENIED else found
    return None


def _main_clause(pred) -> bool:
    """The sentence's main clause, also when it ends in a colon and the parser hangs
    it under the clause that follows ("This was caused by user error: the customers
    had pinned ...")."""
    if pred.dep_ == "ROOT":
        return True
    head = pred.head
    return (
        pred.dep_ == "ccomp"
        and head.dep_ == "ROOT"
        and head.i > pred.i
        and any(t.text == ":" for t in pred.doc[pred.i + 1 : head.i])
    )


def chalked_up(lex: RootCauseLexicon, tok):
    """Chalk this one up to X; put it down to X."""
    if tok.pos_ not in PREDICATES:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    this_one = (
        obj is not None and obj.lower_ == "one" and any(c.lower_ in ("this", "that") for c in obj.children)
    )
    if obj is not None and not (lex.incident(obj) or obj.lower_ in lex.data.incident_pronouns or this_one):
        return None  # "we put the 502s down to a flaky cache": a guess about one symptom
    if obj is not None and obj.pos_ == "PRON" and symptom_before(lex, tok):
        return None  # "Support saw the dip but put it down to a holiday": "it" is the dip
    for words in lex.attributing:
        if tok.lemma_.lower() == words[0]:
            hit = particle_prep(tok, words[1:])
            if hit is not None:
                return lex.unless_denied("whole", tok, tok, hit)
    return None


def symptom_before(lex: RootCauseLexicon, verb) -> bool:
    """``verb`` is coordinated with an earlier verb whose object is a thing
    or an event other than the incident ("noticed the drop ... but put it
    down to X", "saw the latency climb and put it down to X"): the pronoun
    object of ``verb`` stands for that."""
    if verb.dep_ != "conj":
        return False
    first = verb.head
    for c in first.children:
        if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not lex.incident(c, allow_indefinite=True):
            return True  # "noticed the drop"
        if c.dep_ in ("ccomp", "xcomp") and not lex.incident(clause_subject(c)):
            return True  # "saw the latency climb"
    return False


def what_caused(lex: RootCauseLexicon, tok):
    """ "What really caused the outage was a missing timeout": the cause
    given in a cleft, where the parser may hang the incident on "was"."""
    if tok.lemma_.lower() not in lex.data.causal_verbs:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "what" and c.i < tok.i for c in tok.children):
        return None
    if tok.dep_ == "csubj" and tok.head.lemma_ == "be":
        be = tok.head
    else:  # "What caused this incident was X" read as "caused" with "this incident was X" under it
        be = next((c for c in tok.children if c.dep_ == "ccomp" and c.lemma_ == "be" and c.i > tok.i), None)
        if be is None:
            return None
    incident = next((t for t in tok.doc[tok.i + 1 : be.i] if lex.incident(t)), None)
    if incident is None or lex.owned(tok, None):
        return None
    cause = next((c for c in be.children if c.dep_ == "attr"), None)
    if cause is None or lex.several(cause):
        return None  # "What caused the outage is unclear"
    return lex.unless_denied("whole", be, tok, incident)


SHAPES = (caused, what_caused, led_to, took_down, had_because, traced_to, pronoun_cause, chalked_up)
"""Tried in this order; the first that matches (found or DENIED) decides."""


def whole_incident(lex: RootCauseLexicon, tok):
    """The first of ``SHAPES`` that matches ``tok``; None when none does or it is denied."""
    for shape in SHAPES:
        found = shape(lex, tok)
        if found is not None:
            return None if found is DENIED else found
    return None


def team_because(lex: RootCauseLexicon, tok):
    """ "It happened because the platform team let the certificate expire":
    the incident, as the subject of the main clause, explained by the act of
    one person or team (not by our own act: "It happened because we ...")."""
    if tok.dep_ != "ROOT" or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.lemma_.lower() not in lex.data.explained_events:
        return None
    subj = clause_subject(tok)
    if subj is None or not (subj.lower_ in lex.data.incident_pronouns or lex.incident(subj)):
        return None
    reason = reason_of(tok)
    if reason is None or reason.dep_ != "advcl":
        return None
    actor = clause_subject(reason)
    if actor is None or actor.lower_ in ("i", "we") or not lex.people.is_person(actor) or lex.several(actor):
        return None
    found = lex.unless_denied("whole", tok, subj, tok)
    return None if found is DENIED else found


def dismissed(lex: RootCauseLexicon, tok):
    """ "Everything else is detail", "The rest is noise", "Everything else just made
    it worse", "Everything else follows from that one mistake": the other factors
    dismissed, which leaves one cause."""
    if tok.dep_ != "ROOT" or tok.pos_ not in ("VERB", "AUX"):
        return None
    subj = clause_subject(tok)
    if subj is None or not (
        subj.lower_ in lex.data.remainder_words
        or any(c.lower_ in lex.data.remainder_words for c in subj.children)
    ):
        return None
    if subj.lower_ == "rest" and not any(c.lower_ == "the" for c in subj.children):
        return None
    complement = _dismissal(lex, tok)
    if complement is None:
        return None
    found = lex.unless_denied("whole", tok, subj, complement)
    return None if found is DENIED else found


def _dismissal(lex: RootCauseLexicon, verb):
    """What the remainder is said to be or to do: "is detail", "made it worse",
    "made the night longer", "made it take longer", "follows from X"."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        return next(
            (
                c
                for c in verb.children
                if c.dep_ in ("attr", "acomp") and c.lemma_.lower() in lex.data.dismissive_complements
            ),
            None,
        )
    if lemma == "make":
        return next(
            (t for t in verb.subtree if t.i > verb.i and t.lower_ in lex.data.aggravating_comparatives), None
        )
    if lemma == "follow":
        return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    return None


def event_because(lex: RootCauseLexicon, tok):
    """ "The outage happened because X", "Everything went down because of X"."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lex.events:
        return None
    tail = lex.events[tok.lemma_.lower()]
    if tail and not any(c.dep_ in ("prt", "advmod") and c.lower_ == tail[0] for c in tok.children):
        return None
    subj = clause_subject(tok)
    if subj is None or not (lex.incident(subj) or lex.totalizing(subj)):
        return None
    if reason_of(tok) is not None:
        found = lex.unless_denied("whole", tok, subj, tok)
        return None if found is DENIED else found
    return None
