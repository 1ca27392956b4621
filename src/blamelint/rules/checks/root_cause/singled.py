"""A cause singled out by its noun: "the primary cause", "the real reason",
"the culprit", "the source of the outage", "The cause of the outage was X",
"The underlying issue was X", "the root of the problem". Each detector takes
the lexicon and one token and returns ``(kind, first, last)`` or None."""

from __future__ import annotations

from blamelint.grammar.clauses import clause_subject, is_negated, prep_object
from blamelint.postmortem.sections import catalog
from blamelint.rules.checks.root_cause.lexicon import RootCauseLexicon
from blamelint.rules.checks.root_cause.rejection import rejected


def singled_out(lex: RootCauseLexicon, tok):
    """ "the primary cause", "the real reason", "the culprit", "the source of
    the outage"; an incident noun made into the cause ("The underlying issue was ...")."""
    if field_label(tok):
        return None  # ``cause_label`` reads it, with its section
    if tok.pos_ not in ("NOUN", "PROPN") and not noun_in_verb_tag(tok):
        return None
    lemma = tok.lemma_.lower()
    if lemma in lex.data.incident_nouns:
        return cause_like_incident(lex, tok)
    if lemma in lex.data.origin_nouns:
        if definite_cause_of_incident(lex, tok, need_complement=True) and not lex.denied(tok):
            return "single", tok, tok
        return None
    if lemma not in lex.data.cause_nouns:
        return None
    mods = [
        c
        for c in tok.children
        if c.dep_ in ("amod", "compound", "nummod", "advmod") and c.lower_ in lex.data.single_cause_modifiers
    ]
    if not mods and tok.dep_ == "conj" and tok.head.lower_ in lex.data.single_cause_modifiers:
        mods = [tok.head]  # "the one and only cause was ...", parsed as "one" and "cause"
        if lex.denied(tok.head):
            return None
    if not mods and lemma in lex.data.lone_cause_nouns and not lex.indefinite(tok):
        mods = [tok]
    if not mods and definite_cause_of_incident(lex, tok):
        mods = [next(c for c in tok.children if c.dep_ == "det")]
    if not mods or rejected(lex, tok, tok) or lex.denied(tok) or of_non_event(tok) or of_symptom(lex, tok):
        return None
    layered = lex.data.layered_cause_modifiers
    if any(c.dep_ in ("compound", "amod") and c.lower_ in layered for c in tok.children):
        return None  # "contributing cause" is clean; "root cause" is a term of its own
    first = min(mods + [tok], key=lambda t: t.i)
    return "single", first, tok


def cause_label(lex: RootCauseLexicon, tokens, block):
    """ "Cause: X" as a field label, unless the field stands under a
    contributing-factors heading, where each "Cause:" is one of several."""
    first = tokens[0] if tokens else None
    if first is None or not field_label(first):
        return
    if first.lower_ != "cause" and first.lower_ not in lex.data.lone_cause_nouns:
        return
    if any("contributing-factors" in catalog().classify(h.text) for h in block.headings):
        return
    yield "single", first, first


def field_label(noun) -> bool:
    """ "Cause: a forwarder block was added ...": the bare singular noun (the
    tagger may read it as a verb) as the label of a field that gives the
    incident's cause, like a "Root cause" heading ("Causes:" and
    "Contributing cause:" list several; "Cause of the 502s:" names a
    symptom's; "Reason:" in a change record gives a motive)."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ":":
        return False  # checked first: it is cheap, and ``noun.sent`` is not
    sent = noun.sent
    return noun.i == sent.start and noun.i + 2 < sent.end


def noun_in_verb_tag(tok) -> bool:
    """A word the tagger read as a verb that stands as the subject of a
    clause ("the one and only cause here was ..." in lower case): a noun."""
    return tok.pos_ == "VERB" and tok.dep_ in ("nsubj", "nsubjpass")


def of_symptom(lex: RootCauseLexicon, noun) -> bool:
    """The cause of one symptom, named where no cause is given ("The
    underlying cause of that degradation is still being investigated", "we
    are chasing the main reason for the slow queries"): it refers to a cause
    of a part without framing the incident ("The primary cause of the delay
    was X" gives one, and stays flagged). Words that can stand for the
    incident itself ("the failure", "the problem", "it") keep it one cause."""
    if given(noun) and not (noun.dep_ == "nsubj" and not names_complement(noun.head, noun)):
        return False  # "The primary cause of the delay was X" (but "... is still under investigation")
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "behind"):
            obj = prep_object(prep)
            if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
                return False
            lemma = obj.lemma_.lower()
            return not (
                lex.incident(obj, allow_indefinite=True)
                or lemma in lex.data.incident_nouns
                or lemma in lex.data.root_of_objects
                or lemma in lex.data.whole_only_nouns
            )
    return False


def names_complement(be, subject) -> bool:
    """The clause of "be" names something for its subject: "was a stale health check", "was that ..."."""
    return any(c.dep_ in ("attr", "ccomp", "acomp") and c != subject for c in be.children)


def of_non_event(noun) -> bool:
    """The cause of something that did not happen ("the only reason this did
    not run all day"): a credit to what limited the incident, not its cause."""
    return any(c.dep_ in ("relcl", "acl") and is_negated(c) for c in noun.children)


def definite_cause_of_incident(lex: RootCauseLexicon, tok, need_complement: bool = False) -> bool:
    """ "The cause of the outage was ...", "X was the cause of the outage",
    "identified X as the cause" (where a cause is given); "the cause of the
    502s" names a symptom, and "discovering the cause of the issue" only
    refers to one: both clean."""
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("the", "this", "that") or not given(tok):
        return False
    if tok.tag_ in ("NNS", "NNPS"):
        return False
    complements = [c for c in tok.children if c.dep_ in ("prep", "relcl", "acl")]
    for comp in complements:
        if comp.dep_ == "prep" and comp.lower_ in ("of", "for", "behind"):
            obj = next((c for c in comp.children if c.dep_ == "pobj"), None)
            return obj is not None and (lex.incident(obj, allow_indefinite=True) or all_of_it(lex, obj))
        if comp.dep_ == "relcl" and comp.lemma_.lower() in lex.events:
            # "the reason the outage happened", "the reason this happened"
            subj = clause_subject(comp)
            return lex.incident(subj) or (subj is not None and subj.lower_ in lex.data.incident_pronouns)
        return False  # "the reason the failover took 40 minutes": a symptom
    if need_complement:
        return False
    return tok.dep_ in ("nsubj", "attr") and tok.head.lemma_ == "be"


def all_of_it(lex: RootCauseLexicon, obj) -> bool:
    """ "the cause of all this", "of all of this", "of everything": the whole of it
    (but not "of all the alerts", a symptom)."""
    low, totalizing = obj.lower_, lex.data.totalizing_pronouns
    if low in lex.data.incident_pronouns:
        return any(c.dep_ == "predet" and c.lower_ in totalizing for c in obj.children)  # "all this"
    if low == "all":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)  # "all of this"
    return low in totalizing  # "everything"


def given(noun) -> bool:
    """``noun`` stands where a cause is stated: subject or complement of
    "be", after "as" ("identified X as the cause"), in apposition, or as a
    heading ("Cause of the outage: ...")."""
    head = noun.head
    if noun.dep_ in ("nsubj", "attr") and head.lemma_ == "be":
        return True
    if noun.dep_ == "nsubjpass" and any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children):
        return True
    return noun.dep_ in ("appos", "ROOT") or (noun.dep_ == "pobj" and head.lower_ == "as")


def cause_like_incident(lex: RootCauseLexicon, noun):
    """ "The underlying issue was a race in the scheduler", "The real problem
    was that nothing alerted": an incident noun made into the cause."""
    if noun.tag_ in ("NNS", "NNPS") or noun.dep_ not in ("nsubj", "attr") or noun.head.lemma_ != "be":
        return None
    mods = [c for c in noun.children if c.dep_ == "amod" and c.lower_ in lex.data.cause_like_modifiers]
    be = noun.head
    complement = any(c.dep_ in ("attr", "ccomp") and c != noun for c in be.children) and any(
        c.dep_ == "nsubj" for c in be.children
    )
    if not mods or not complement or lex.denied(noun) or rejected(lex, noun, noun):
        return None
    return "single", mods[0], noun


def root_of(lex: RootCauseLexicon, tok):
    """Figurative root: "the root of the problem", "had its roots in"."""
    if tok.lemma_.lower() != "root" or tok.pos_ not in ("NOUN", "VERB"):
        return None
    preps = list(tok.children)
    if tok.dep_ == "dobj" and tok.head.lemma_ == "have":
        preps += list(tok.head.children)  # "had its roots in X"
    for prep in preps:
        if prep.dep_ != "prep":
            continue
        obj = prep_object(prep)
        if prep.lower_ == "of" and obj is not None and obj.lemma_.lower() in lex.data.root_of_objects:
            return "whole", tok, obj
        if prep.lower_ == "in" and (tok.tag_ == "NNS" or tok.pos_ == "VERB") and obj is not None:
            subj = clause_subject(tok.head if tok.pos_ == "NOUN" else tok)
            if subj is not None and (lex.incident(subj) or subj.lower_ in lex.data.incident_pronouns):
                return "whole", subj, prep
    return None
