"""The term named in order to reject it: "we do not look for a single root
cause", "rather than a root cause", "This review avoids naming a root cause",
or the term alone in quotation marks (outside a heading; a claim quoted whole is
reported, not named)."""

from __future__ import annotations

from blamelint.grammar.clauses import in_quotes, is_negated, negative_subject, quotation_words
from blamelint.rules.checks.root_cause.lexicon import RootCauseLexicon

# dependency steps that stay inside the phrase or clause that governs a word
CHAIN = frozenset(
    {
        "compound",
        "nmod",
        "amod",
        "dobj",
        "pobj",
        "prep",
        "xcomp",
        "pcomp",
        "appos",
        "npadvmod",
        "attr",
        "nsubjpass",
        "dative",
        "oprd",
        "acl",
        "ccomp",
    }
)


NAMED_TERM_WORDS = 4
"""A quotation this short names the term ('a "root cause" line', '"root cause: unknown"');
a longer one reports a claim ('Henrik: "The root cause is simple: Grace renamed the codes."'),
which is root-cause framing unless the sentence rejects it some other way."""


def rejected(lex: RootCauseLexicon, first, last) -> bool:
    """The words first..last are quoted, denied, the object of a rejecting
    verb ("avoid"), of a negated seeking verb ("do not look for"), or of a
    rejecting preposition ("rather than", "instead of")."""
    if (
        in_quotes(first, last)
        and first.i != first.sent.start
        and quotation_words(first, last) <= NAMED_TERM_WORDS
    ):
        return True  # the term named ('we dropped the "root cause" field'), not a claim quoted whole
    head = first.doc[first.i : last.i + 1].root
    span = first.doc[first.i : last.i + 1]
    if lex.denied(head) or (head.pos_ == "VERB" and any(is_negated(t) for t in span)):
        return True  # "It was not the root cause", "We did not root-cause it to one commit"
    if head.dep_ in ("nsubj", "attr") and asked(lex, head.head):
        return True  # "People asked me what the root cause was"
    if head.dep_ == "nsubj" and judged_wanting(lex, head.head):
        return True  # "We don't think a single root cause is a useful frame here"
    if head.dep_ == "nsubj" and head.head.dep_ == "ccomp" and disowned(lex, head.head.head):
        return True  # "It is tempting to say the root cause was a bad join"
    tok = head
    seeking = negated = False
    last_step = False
    for _ in range(10):
        if tok != head:
            lemma = tok.lemma_.lower()
            if lemma in lex.data.rejecting_verbs and not (is_negated(tok) or by_nobody(tok)):
                return True  # "avoid naming a root cause" (but "Nobody disputes that X was the root cause")
            if lemma in lex.data.disowning_adjectives:
                return True  # "tempting to call X the root cause"
            if disowned(lex, tok):
                return True  # "It is tempting to call X the root cause", the adjective beside the verb
            if phrasal_rejection(lex, tok):
                return True  # "push back on human error as a root cause"
            if asked(lex, tok):
                return True  # "People asked me what the root cause was": a question left open
            if tok.lower_ == "used" and any(c.dep_ == "xcomp" for c in tok.children):
                return True  # "We used to write RCAs": a practice left behind
            if lemma in lex.data.naming_verbs and _retracted(lex, tok):
                return True  # "What we first wrote up as the root cause turned out to be ..."
            seeking = seeking or lemma in lex.data.seeking_verbs
            negated = negated or is_negated(tok) or no_longer(tok)
            if seeking and negated:
                return True
            if last_step:
                break
        prep = tok if tok.dep_ == "prep" else tok.head
        if tok.dep_ in ("prep", "pobj") and after_rejecting_prep(lex, prep):
            return True
        if tok != head and tok.pos_ == "VERB" and set_aside_before(lex, tok):
            return True  # "... as contributing factors rather than naming one cause"
        if tok.dep_ == "conj" and any(
            c.dep_ == "cc" and after_rejecting_prep(lex, c) for c in tok.head.children
        ):
            return True  # "several factors instead of a single cause", parsed as coordination
        if tok.dep_ not in CHAIN or tok.head == tok:
            break
        # a that-clause is judged by the verb it hangs on alone ("We don't think there is a single
        # root cause"), not by what governs that verb ("We stopped after confirming it was the root cause")
        last_step = tok.dep_ == "ccomp"
        tok = tok.head
    return False


def disowned(lex: RootCauseLexicon, verb) -> bool:
    """ "It is tempting to say ...", "It would be easy to call ...": a verb of saying
    governed by "be" beside an adjective that sets the saying aside (the parser hangs
    both on "is", so the adjective is a sibling of the verb, not its head)."""
    return verb.dep_ == "xcomp" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in lex.data.disowning_adjectives for c in verb.head.children
    )


def judged_wanting(lex: RootCauseLexicon, be) -> bool:
    """The term is the subject of "be" with a complement that judges it as a
    way of looking ("a useful frame", "helpful"), and that judgment is denied,
    in the clause or by the verb of thinking over it: "a single root cause is
    not a useful frame", "we don't think one cause is the right lens"."""
    if be.lemma_ != "be":
        return False
    complement = next((c for c in be.children if c.dep_ in ("attr", "acomp")), None)
    if complement is None:
        return False
    words = [complement] + [c for c in complement.children if c.dep_ == "amod"]
    if not any(w.lemma_.lower() in lex.data.frame_words for w in words):
        return False
    return is_negated(be) or (be.dep_ == "ccomp" and is_negated(be.head))


def phrasal_rejection(lex: RootCauseLexicon, verb) -> bool:
    """``verb`` with its particle is one of the rejecting phrasal verbs ("push back", "move away")."""
    lemma = verb.lemma_.lower()
    return any(
        words[0] == lemma
        and all(any(c.lower_ == w and c.dep_ in ("prt", "advmod") for c in verb.children) for w in words[1:])
        for words in lex.rejecting_phrasals
    )


def asked(lex: RootCauseLexicon, clause) -> bool:
    """``clause`` is a wh- or whether-question under a verb of asking ("asked
    me what the root cause was", "wonder whether there was one cause"): the
    term is in a question the sentence reports, not a cause it gives."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in lex.data.asking_verbs:
        return False
    return any(
        t.tag_ in ("WP", "WDT") or t.lower_ in ("whether", "if")
        for t in clause.subtree
        if t.i < clause.i and t.dep_ in ("attr", "nsubj", "dobj", "mark", "det")
    )


def after_rejecting_prep(lex: RootCauseLexicon, prep) -> bool:
    """``prep`` ends one of the rejecting_preps ("rather than", "instead of")."""
    doc, start_of_sentence = prep.doc, prep.sent.start
    for words in lex.rejecting_preps:
        start = prep.i - len(words) + 1
        if start >= start_of_sentence and [t.lower_ for t in doc[start : prep.i + 1]] == list(words):
            return True
    return False


def set_aside_before(lex: RootCauseLexicon, verb) -> bool:
    """A rejecting preposition stands just before the phrase of ``verb``
    ("rather than naming one cause", "instead of hunting for the cause"),
    however the parser attached it."""
    for before in (verb.left_edge.i - 1, verb.i - 1):  # "rather than" outside the phrase, or inside it
        if before >= verb.sent.start and after_rejecting_prep(lex, verb.doc[before]):
            return True
    return False


def by_nobody(verb) -> bool:
    """The subject of ``verb`` is nobody: "Nobody disputes that ..."."""
    return any(
        c.dep_ == "nsubj"
        and (negative_subject(c) or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children))
        for c in verb.children
    )


def no_longer(verb) -> bool:
    return any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in verb.children)


def _retracted(lex, verb) -> bool:
    """A naming verb dated to a first version: "what we first called the root cause"
    (an adverb), "what the first draft called the root cause" (its subject), or the
    writer's own naming taken back after "but" ("I called the ticket delay the root
    cause, but that was me being grumpy")."""
    data = lex.data
    if any(c.dep_ == "advmod" and c.lower_ in data.retracting_adverbs for c in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("i", "we") and verb.tag_ == "VBD":
        # "I called the ticket delay the root cause, but that was me being grumpy"
        if any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children) and any(
            c.dep_ == "conj" for c in verb.children
        ):
            return True
    return subject is not None and any(
        c.dep_ == "amod" and c.lower_ in data.retracting_adjectives for c in subject.children
    )
