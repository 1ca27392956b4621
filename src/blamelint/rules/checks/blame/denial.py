"""Blame words that are named, reported, denied or rejected rather than used.

A finding is dropped when its words are:

- the predicate of a clause whose subject is a negative ("Nobody was
  careless", "no one is being disciplined", "nobody on the team is to blame");
- under a negated verb of judging ("I do not think anyone was reckless", "We
  do not consider this the engineer's fault", "not a sign that anyone was
  careless"), or the object of a negated verb ("We do not use human error as a
  finding");
- reported or named: the complement of a verb of saying, naming or asking
  ("someone called the backfill a sloppy move", "the draft said it came down
  to human error", "asked whether this was human error", "tempting to write
  that the on-call was slow"), inside a noun that names wording ("the word
  careless", "the phrase operator error", "a story about one careless
  reviewer"), or quoted inside a sentence that frames the quotation;
- negated in place ("a missing prefix, not anyone's mistake"), set aside
  ("a gap in the setup rather than anybody's fault") or the second half of a
  contrast ("normal review, not rubber-stamping");
- said of an "anyone" under a negation ("None of them involved anyone acting
  recklessly", "none of them is about anyone being careless"), or asked in a
  yes/no question about an unnamed someone or answered "No" ("Is anyone going
  to be disciplined?");
- an idiom whose verb is negated ("Support did not drop the ball"), or a
  judgment inside a "being" clause under a negated copula ("it was not the
  reviewer being careless");
- under a verb that rejects what it governs ("we disagree that it was
  sloppy") or a judging verb whose subject is a negative ("nobody thinks the
  reviewer was reckless");
- in the clause of a negated verb of assent ("I don't accept that this was
  sloppiness") or ascribed by a negated verb ("we do not regard this as
  carelessness");
- a duty to act rather than fault ("it's on us to fix it"), or asked in a "who"
  question that a "not" sets aside ("who did what, not who is to blame");
- an act done to nothing ("Kofi fat-fingered nothing"; not "did nothing"), a
  clause opened by "nor" ("Nor was the on-call slow to act"), a subject with
  "neither" ("Neither reviewer was careless"), a negative pronoun the parser left
  outside any clause ("Nobody rubber-stamped anything"), or a clause on a noun
  that "not" sets aside ("a process gap, not a person being slow").

The verbs and nouns are data (rules/data/blame.yaml: ``report_verbs``,
``judging_verbs``, ``assenting_verbs``, ``ascribing_verbs``, ``wording_nouns``).
"""

from __future__ import annotations

from blamelint.grammar import modals
from blamelint.grammar.clauses import (
    QUOTES,
    clause_subject,
    in_quotes,
    is_negated,
    negative_subject,
    neither,
    predicate,
)
from blamelint.grammar.people import People, spelled_as_product
from blamelint.rules.checks.blame.lexicon import BlameLexicon

FRAME_EDGES = frozenset(
    {
        "ccomp",
        "oprd",
        "xcomp",
        "dobj",
        "attr",
        "dative",
        "prep",
        "pobj",
        "acl",
        "appos",
        "amod",
        "compound",
        "poss",
        "nsubj",
        "nsubjpass",
        "relcl",
        "pcomp",
        "advmod",
        "acomp",
        "det",
        "conj",
        "npadvmod",
        "agent",
    }
)
"""Edges along which the words stay inside what a frame verb reports."""
REPORT_EDGES = frozenset({"ccomp", "oprd", "dobj", "attr", "dative", "prep", "pcomp"})
"""The edge by which the reported words hang from the verb of saying."""


def _negative(subj, lex: BlameLexicon | None = None) -> bool:
    """ "nobody", "no one", and, given the lexicon, "no" or "neither" before a person
    ("No Corvane employee was at fault", "Neither reviewer was careless"; not "no tool
    fixes a lack of discipline")."""
    if subj is None:
        return False
    if negative_subject(subj):
        return True
    if not (any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children) or neither(subj)):
        return False
    return subj.lower_ == "one" or (lex is not None and lex.person(subj))


RECORD_NOUNS = frozenset(
    {"rca", "postmortem", "post-mortem", "retro", "retrospective", "writeup", "write-up"}
)
"""The document of record: when it says something now, it asserts it."""

OUTSIDE_EDGES = frozenset({"nsubj", "nsubjpass", "dep", "npadvmod", "advcl", "parataxis", "intj"})
"""Edges that leave the predicate: words hanging from it by these are not what it denies."""


def asked(first, last) -> bool:
    """An indirect question: "someone asked who had been careless", "wanted
    to know whether this was operator error"."""
    for anc, _ in _ancestors(first):
        if anc.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ == "whether" and c.i < first.i for c in anc.children
        ):
            return True
    pred = predicate(first)
    subj = clause_subject(pred)
    return (
        subj is not None
        and subj.lower_ in ("who", "whether")
        and pred.head != pred
        and pred.head.pos_ in ("VERB", "AUX")
        and pred.dep_ in ("relcl", "ccomp")
    )


def asked_of_anyone(lex: BlameLexicon, first, last) -> bool:
    """A direct question about an unnamed someone: "Was this someone's
    fault?", "Was anyone to blame?" asks; it does not say (but "Who on earth
    approved this?" names no indefinite and is left to the other readings)."""
    sent = first.sent
    end = sent[-1]
    while end.is_space and end.i > sent.start:
        end = end.doc[end.i - 1]
    if end.text != "?":
        return False
    span = first.doc[max(first.i - 1, sent.start) : last.i + 1]
    # whether some one person is to blame; a question about "everyone" is left to the other readings
    return any(t.lower_ in lex.people.someone for t in span)


def named_by_wording_noun(lex: BlameLexicon, first) -> bool:
    """ "the word careless", "the phrase operator error", "the term 'human error'"."""
    i = first.i - 1
    while i >= first.sent.start and first.doc[i].text in QUOTES:
        i -= 1
    return i >= first.sent.start and first.doc[i].lemma_.lower() in lex.data.wording_nouns


def denied_subject(first, last, lex: BlameLexicon | None = None) -> bool:
    """The clause of the words has a negative subject ("Nobody was careless"),
    and the words are its predicate (not "Typical ops, nobody reads the DLQ")."""
    for tok in (first, last):
        pred = predicate(tok)
        step = tok
        while step != pred and step.dep_ not in OUTSIDE_EDGES:
            step = step.head
        if step != pred:
            continue
        for _ in range(3):
            if _negative(clause_subject(pred), lex):
                return True
            if pred.dep_ == "xcomp" and pred.head != pred:
                pred = pred.head  # "nobody seemed to be careless"
                continue
            break
    return False


def _denies_failure(lex: BlameLexicon, verb) -> bool:
    """A failure verb that means the failure without a negation ("fail",
    "neglect"), so that a negative subject denies it; not "bother", nor an
    idiom that needs the negation to mean one ("nobody lifted a finger")."""
    lemma = verb.lemma_.lower()
    return verb.pos_ in ("VERB", "AUX") and lemma in lex.data.failure_verbs and lemma != "bother"


def _ancestors(tok):
    """(ancestor, edge by which the path reached it) from ``tok`` up to the root."""
    child = tok
    while child.head != child:
        yield child.head, child.dep_
        child = child.head


def framed(lex: BlameLexicon, first, last) -> bool:
    """The words are reported, named, or under a negated judging verb."""
    data = lex.data
    for start in {first, last}:
        for anc, edge in _ancestors(start):
            if edge == "relcl" and _comment(anc, start):
                break  # "X said ..., which is a poor excuse": the writer's own comment
            lemma = anc.lemma_.lower()
            if anc.pos_ in ("NOUN", "PROPN") and lemma in data.wording_nouns:
                return True
            if anc.pos_ in ("VERB", "AUX"):
                if _discourse_said(anc):
                    break  # "That said, QA sat on it": a concession, not a report
                if edge in REPORT_EDGES and anc.i < first.i:
                    if lemma in data.report_verbs and (is_negated(anc) or not _asserted(anc)):
                        return True  # also "we are not suggesting that anyone was at fault"
                    if (
                        lemma in data.judging_verbs
                        and (_negated_future(anc) or _negative(clause_subject(anc), lex) or _unwanted(anc))
                        and not _excepted(anc, first)
                    ):
                        return True  # "I do not think ...", "nobody thinks ...", "We do not use ..."
                    if lemma in data.rejecting_verbs:
                        return True  # "we disagree that it was sloppy"
                if edge not in FRAME_EDGES:
                    break
            elif anc.pos_ == "NOUN" and lemma in data.evidence_nouns and _not_before(anc):
                return True  # "not a sign that anyone was careless"
    return False


def _discourse_said(verb) -> bool:
    """ "That said," / "this said," / "That being said," / "Having said that,": a
    formula of concession that the parser reads as a verb of saying over the rest
    of the sentence."""
    if verb.lower_ != "said":
        return False
    doc, i = verb.doc, verb.i
    before = doc[i - 1].lower_ if i > 0 else ""
    if before == "being" and i > 1:
        before = doc[i - 2].lower_
    after = doc[i + 1] if i + 1 < len(doc) else None
    if before in ("that", "this") and after is not None and after.is_punct:
        return True
    return before == "having" and after is not None and after.lower_ in ("that", "this")


def duty_to_act(first) -> bool:
    """ "it's on us to fix it", "it is on the vendor to ship a fix": "on" someone
    with an infinitive gives a duty to act, not fault (``first`` is the verb "be"
    of fault.responsible)."""
    return (
        first.lemma_ == "be"
        and any(c.dep_ == "prep" and c.lower_ == "on" for c in first.children)
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in first.children)
    )


def _excepted(verb, first) -> bool:
    """ "I won't pretend this was anything other than a lapse in care": an exception
    between the negated verb and the words turns the denial into an assertion."""
    between = [t.lower_ for t in verb.doc[verb.i + 1 : first.i]]
    return "but" in between or any(a == "other" and b == "than" for a, b in zip(between, between[1:]))


def _negated_future(verb) -> bool:
    """Negated, also by a negated "going to" ("I'm not going to pretend ...")."""
    if is_negated(verb):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG" and is_negated(head)


def _unwanted(verb) -> bool:
    """ "I don't want anyone thinking ...", "do not let anyone believe ...": a
    judging verb that a negated wish or permission governs."""
    head = verb.head
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and head.lemma_ in ("want", "wish", "let")
        and (is_negated(head) or _negative(clause_subject(head)))
    )


def _comment(anc, start) -> bool:
    """The relative clause the path left to reach ``anc`` is a sentential
    comment ("..., which is a poor excuse"): its subject is "which" after a comma."""
    clause = start
    while clause.head != anc:
        clause = clause.head
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return (
        subj is not None
        and subj.lower_ == "which"
        and subj.i > 0
        and subj.doc[subj.i - 1].text in (",", "—", "–")
    )


def _asserted(verb) -> bool:
    """ "I have to say that ...", "I am writing down that ...": the writer
    saying it now, in the first person, asserts what the verb reports (but
    "We considered listing user error" does not)."""

    def first_person_now(v) -> bool:
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        return (
            subj is not None
            and not any(c.dep_ == "mark" and c.lower_ == "if" for c in v.children)  # "if we call it X"
            and subj.lower_ in ("i", "we")
            and (
                v.tag_ in ("VBP", "VBZ")
                or (
                    v.tag_ == "VBG"
                    and any(c.dep_ == "aux" and c.lower_ in ("am", "are", "'m", "'re") for c in v.children)
                )
                or (  # "I will say ...", "I must say ..."
                    v.tag_ == "VB"
                    and any(
                        c.dep_ == "aux" and modals.modal(c) in ("will", "must", "shall") for c in v.children
                    )
                    and not is_negated(v)
                )
            )
        )

    if first_person_now(verb):
        return True
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        verb.lemma_ == "ask"
        and verb.tag_ == "VBN"
        and subj is not None
        and subj.lower_ in ("i", "we")
        and modals.has_perfect(verb)
        and any(c.dep_ == "ccomp" and any(g.lower_ == "that" for g in c.children) for c in verb.children)
    ):
        return True  # "I have asked that T&S leadership be held accountable": the writer's demand
    if subj is not None and verb.tag_ in ("VBP", "VBZ") and subj.lemma_.lower() in RECORD_NOUNS:
        return True  # "RCA says it was operator error": the record itself asserts it
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in ("have", "need", "want") and first_person_now(head)


CONTRASTS = (("rather", "than"), ("instead", "of"))
"""What sets a noun phrase aside like a "not": "a gap in the setup rather than anybody's fault"."""


def _not_before(noun) -> bool:
    left = noun.left_edge
    if any(c.dep_ == "neg" and c.i < noun.i for c in noun.children):
        return True  # (a "not" after the noun sets aside what follows: "Dmitri's mistake, not the runbook's")
    return left.lower_ in ("not", "no") or _negation_before(noun.doc, left.i)


def _negation_before(doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ in ("not", "never")


def _contrast_before(doc, i: int, reach: int = 2) -> bool:
    """A "rather than" or "instead of" ending at most ``reach`` words before token ``i``
    ("rather than anybody's fault", "instead of asking who", "rather than argue about who")."""
    return any((doc[j - 1].lower_, doc[j].lower_) in CONTRASTS for j in range(max(i - reach, 1), i))


def _set_aside(noun) -> bool:
    return _contrast_before(noun.doc, noun.left_edge.i, reach=1)


def question_set_aside(first, last) -> bool:
    """A judgment in a "who" question that a "not", "rather than" or "instead of"
    sets aside: "names show who did what, not who is to blame", "instead of asking
    who was careless", "rather than argue about who was careless"."""
    for tok in (first, last):
        clauses = [tok, *list(tok.ancestors)[:2]]  # "who is to blame": "to" under "blame" under "is"
        who = next(
            (c for v in clauses for c in v.children if c.lower_ == "who" and c.dep_.startswith("nsubj")), None
        )
        if not People.asks_who(who):
            continue
        i = who.left_edge.i
        if _negation_before(who.doc, i) or _contrast_before(who.doc, i, reach=4):
            return True
    return False


def negated_in_place(first, last) -> bool:
    """ "not anyone's mistake", "no disciplinary action": a negation before the
    flagged noun phrase."""
    for tok in (first, last):
        noun = tok if tok.pos_ in ("NOUN", "PROPN", "PRON") else None
        adjective = tok
        while adjective.pos_ == "ADJ" and adjective.dep_ == "conj" and adjective.head.pos_ == "ADJ":
            adjective = adjective.head  # "no careless or negligent conduct": the first of the pair
        if adjective.pos_ == "ADJ" and adjective.dep_ == "amod":
            noun = adjective.head  # "no disciplinary action"
        if noun is not None and noun.dep_ == "poss":
            noun = noun.head
        opens = noun is not None and (
            noun.left_edge.i < first.i
            or first.dep_ == "poss"
            or (first == noun and _negation_before(noun.doc, first.i))
        )  # (or the noun itself after "not": "an ordinary bug, not negligence"; but "not first time")
        if opens and noun.pos_ == "NOUN" and _not_before(noun):
            return True  # (also "not anybody's fault", where the owner opens the phrase)
        if noun is not None and noun.pos_ == "NOUN" and noun.left_edge.i <= first.i and _set_aside(noun):
            return True  # "a gap in the setup rather than anybody's fault"
    return False


def contrasted_away(first, last) -> bool:
    """ "X, not Y": the words carry their own negation after a comma or dash, the
    second half of a contrast that sets them aside ("two approvals is normal here,
    not rubber-stamping", "a process gap — not carelessness")."""
    word = last if first.dep_ == "compound" and first.head == last else first
    for neg in word.children:
        if neg.dep_ == "neg" and first.sent.start < neg.i < first.i:
            return neg.doc[neg.i - 1].text in (",", "—", "–", ";")
    return False


def anyone_under_negation(lex: BlameLexicon, first) -> bool:
    """A judgment of an "anyone" that a negation governs: "None of them involved
    anyone acting recklessly", "We did not find anybody being careless". "anyone"
    and "any engineer" assert nothing outside a negation, a question or a condition,
    so the judgment is denied with it (the words hang from a participle or a relative
    clause of the "anyone", which is the object of a negated verb or of a verb whose
    subject is a negative)."""
    clause = first.head if first.dep_ in ("advmod", "acomp") else None
    if clause is None:
        return False
    if clause.dep_ in ("acl", "relcl"):
        person = clause.head
        if person.dep_ not in ("dobj", "pobj"):
            return False
        verb = person.head if person.dep_ == "dobj" else person.head.head
    elif clause.dep_ == "pcomp" and clause.tag_ == "VBG":
        # "none of them is about anyone being careless": the "anyone" is the gerund's subject
        person = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        verb = clause.head.head
        if person is None:
            return False
    else:
        return False
    anyone = person.lower_ in lex.people.any_people or any(
        c.dep_ == "det" and c.lower_ == "any" for c in person.children
    )
    if not anyone:
        return False
    return verb.pos_ in ("VERB", "AUX") and (is_negated(verb) or _negative(clause_subject(verb), lex))


def polar_question(lex: BlameLexicon, first) -> bool:
    """A yes/no question with no negation in it, about an unnamed someone or answered
    "No" on the spot, asks whether the judgment holds ("Q: Is anyone going to be
    disciplined?", "*Was the on-call engineer negligent?* No."). A negated one is
    rhetorical and says it ("Did nobody bother to look?"), and one that names its
    target still points at them ("Was this the DBA's fault?")."""
    sent = first.sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    question = next((t for t in sent[first.i - sent.start :] if t.text == "?"), None)
    if not words or question is None:
        return False
    opening = words[0]
    if opening.i + 1 < len(opening.doc) and opening.doc[opening.i + 1].text == ":":
        # "Q: Is anyone ...", "Ana: Was it ...": the label is not the question
        rest = [t for t in words if t.i > opening.i + 1]
        opening = rest[0] if rest else opening
    if opening.pos_ != "AUX" or opening.dep_ not in ("aux", "auxpass", "ROOT"):
        return False
    asked = sent.doc[opening.i : question.i]
    if any(t.dep_ == "neg" or t.lower_ in ("never", "no") or negative_subject(t) for t in asked):
        return False
    # the answer may be parsed as a sentence of its own ("... negligent?* No.")
    answer = next((t for t in sent.doc[question.i + 1 : question.i + 4] if not t.is_punct), None)
    return any(t.lower_ in lex.people.someone for t in asked) or (
        answer is not None and answer.lower_ == "no"
    )


def in_negated_scope(lex: BlameLexicon, first) -> bool:
    """A negated act that denies the judgment in it: the object of a negated verb of
    doing ("Bastien didn't do anything careless", "did not make a careless mistake",
    "will not take any disciplinary action") or a reason given to a negated verb ("did
    not miss the problem through inattention", "didn't skip it out of laziness"). Not a
    reason set off by a comma ("didn't run the tests, out of sheer laziness"), and not
    another verb's object ("did not notice the sloppy change" still calls it sloppy):
    doing_verbs, reason_prepositions."""
    noun = first if first.pos_ == "NOUN" else None
    if first.dep_ == "amod":
        noun = first.head  # "a careless mistake", "anything careless" (tagged a verb at times)
    if noun is None:
        return False  # (an adverb on the verb is the judgment of the negation: "clearly didn't read it")
    if noun.dep_ == "dobj":
        verb = noun.head
        if verb.lemma_.lower() not in lex.data.doing_verbs:
            return False
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        prep = noun.head
        if prep.lower_ == "of" and prep.head.lower_ == "out" and prep.head.dep_ == "prep":
            prep = prep.head  # "out of laziness"
        elif prep.lower_ not in lex.data.reason_prepositions:
            return False
        if prep.i > 0 and prep.doc[prep.i - 1].text == ",":
            return False
        verb = prep.head
    else:
        return False
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_ != "be" and is_negated(verb)


def denied_by_object(first, last) -> bool:
    """The act of the words is done to a negative pronoun (people.yaml no_people and
    other_negatives, as ``negative_subject`` reads them): "Kofi fat-fingered nothing",
    "Our fault desk ignored nothing" (also where the parser hangs the verb on the pronoun and
    reads "fat-fingered nothing" as a noun phrase)."""
    doc = last.doc
    if last.lemma_ in NOTHING_DONE:
        return False  # "has done precisely nothing about it", "had no idea": the nothing is the judgment
    if last.tag_ in ("VBD", "VBN") and last.i + 1 < len(doc) and negative_subject(doc[last.i + 1]):
        return not _excepting(doc[last.i + 1])
    if last.pos_ != "VERB":
        return False  # (a marker hung on the verb, "as usual", is not the act)
    return any(obj.dep_ == "dobj" and negative_subject(obj) and not _excepting(obj) for obj in last.children)


NOTHING_DONE = frozenset({"be", "do", "have", "say", "tell"})
"""Verbs whose "nothing" is itself the fault ("did nothing", "told us nothing")."""


def _excepting(obj) -> bool:
    """ "ignored nothing but the lint warnings": the exception is what was done."""
    doc = obj.doc
    return obj.i + 1 < len(doc) and doc[obj.i + 1].lower_ in ("but", "except", "besides")


def negative_pronoun_before(lex: BlameLexicon, first) -> bool:
    """A negative pronoun right before the words, where the parser found no clause
    ("Nobody rubber-stamped anything", read as one noun phrase)."""
    if first.i == 0 or (first.pos_ in ("VERB", "AUX") and clause_subject(first) is not None):
        return False
    before = first.doc[first.i - 1]
    return before.lower_ in lex.people.nobody and before.i == before.sent.start


def misread_complement(first) -> bool:
    """A judging adjective the parser hung on the subject of a negated "be" that has no
    complement of its own: "Nor was the on-call engineer slow to act" (read as "the
    on-call engineer slow")."""
    if first.pos_ != "ADJ" or first.dep_ != "amod":
        return False
    noun = first.head
    if noun.dep_ != "nsubj" or first.i < noun.i:
        return False
    be = noun.head
    return be.lemma_ == "be" and is_negated(be) and not any(c.dep_ in ("acomp", "attr") for c in be.children)


def not_before_clause(first) -> bool:
    """A clause on a noun set aside by the "not" right before it: "a process gap, not a
    person being slow", "an ordinary bug, not someone acting carelessly"."""
    tok = first
    for _ in range(3):
        if tok.dep_ == "acl":
            doc, noun = tok.doc, tok.head
            starts = (tok.left_edge.i, noun.left_edge.i)
            return any(i > 0 and doc[i - 1].lower_ == "not" for i in starts) or any(
                c.dep_ == "neg" and c.i < noun.i for c in noun.children
            )
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def framed_quotation(first, last) -> bool:
    """Quoted words inside a sentence that says something about them."""
    if not in_quotes(first, last):
        return False
    sent = first.sent
    inside = False
    outside_words = 0
    for tok in sent:
        if tok.text in QUOTES:
            inside = not inside
            continue
        if not inside and tok.is_alpha:
            outside_words += 1
    return outside_words >= 3


def said_of_a_system(lex: BlameLexicon, first) -> bool:
    """A judgment word predicated of a system or of a system's part or behaviour:
    "The renewal job was careless with the credentials", "cert-manager was sloppy
    about retries", "the worker's error handling is sloppy", "sloppy API
    behaviour" (a system noun, a service's hyphenated or code name, or a name
    the document calls software); also a judging adverb of what a system does ("the
    dunning job trusts the invoice status blindly", "FleetCtl trusts the WMS
    blindly": a name with a capital inside is a product's, and so is an acronym
    that is no team, "the ORM blindly trusted the cached schema")."""
    if first.pos_ == "ADV" and first.dep_ == "advmod" and first.lower_ in lex.data.judgments:
        verb = first.head
        subj = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is None or lex.person(subj):
            return False
        return _system_owner(lex, subj) is not None or spelled_as_product(subj)
    if first.pos_ != "ADJ":
        return False
    if first.dep_ == "amod":
        owner = _system_owner(lex, first.head)  # "sloppy API behaviour"; but "a sloppy job" is people's work
        return owner is not None and owner != first.head
    if first.dep_ not in ("acomp", "attr"):
        return False
    subj = clause_subject(predicate(first))
    return subj is not None and _system_owner(lex, subj) is not None


def _system_owner(lex: BlameLexicon, noun):
    """The system ``noun`` is, or whose part it is ("the worker's error handling",
    "the SDK's retry loop", "API behaviour"); None when it is a person's or nobody's."""
    people = lex.people
    if lex.person(noun) or noun.tag_ == "VBG" or noun.dep_ in ("csubj", "csubjpass"):
        return None  # (a gerund is someone's act: "switching off the check was careless")
    if people.hyphenated(noun) is not None:
        return noun  # "cert-manager", "the sync-worker"
    for tok in (noun, *(c for c in noun.children if c.dep_ in ("poss", "compound", "appos"))):
        if people.is_person(tok):
            return None
        if (
            tok.lemma_.lower() in people.system_nouns
            or people.cast.says_system(tok.lower_)
            or (tok.i > 0 and tok.doc[tok.i - 1].text == "`")
        ):
            return tok
    return None


def hypothetical_act(first) -> bool:
    """A judgment of an act that only might be done, said with "would" and no perfect:
    "Calling it human error would be lazy", "Skipping the canary would be reckless"
    (but "Skipping the canary was reckless" and "would have been reckless" judge what
    someone did)."""
    if first.pos_ != "ADJ" or first.dep_ not in ("acomp", "attr"):
        return False
    verb = predicate(first)
    subject = clause_subject(verb)
    if subject is None or not (subject.tag_ == "VBG" or subject.dep_ == "csubj"):
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return modals.first_modal(auxes) == "would" and not modals.has_perfect(verb)


NEGATED_IDIOM_KINDS = frozenset({"judgment"})
BEING_EDGES = frozenset({"acomp", "xcomp", "ccomp", "attr", "prep", "pobj", "pcomp", "acl"})
"""Edges from a "being" clause up to the copula that denies it ("not a case of X being careless")."""


def negated_idiom(first, last) -> bool:
    """A judgment idiom led by its verb, the verb negated: "Support did not
    drop the ball", "nobody here cut corners" is read by ``denied_subject``."""
    return first.pos_ == "VERB" and last.i > first.i and is_negated(first)


def denied_being(first) -> bool:
    """ "This was not the reviewer being careless", "It wasn't a case of
    anyone being lazy": a judgment in a gerund "being" clause that a negated
    copula above it denies (not through a relative clause: "It is not the
    first time he has been careless" stays)."""
    tok = first
    seen_being = False
    for _ in range(6):
        if tok.head == tok or tok.dep_ not in BEING_EDGES:
            return False
        tok = tok.head
        if tok.lemma_ == "be" and tok.tag_ == "VBG":
            seen_being = True
        elif tok.lemma_ == "be" and seen_being:
            return is_negated(tok)
    return False


NOUN_PHRASE_EDGES = frozenset({"compound", "amod", "poss", "det", "case"})
"""Edges inside a noun phrase: "operator error", "the engineer's carelessness"."""


def _rejects(lex: BlameLexicon, verb) -> bool:
    return is_negated(verb) or _negative(clause_subject(verb), lex)


def refused_assent(lex: BlameLexicon, first, last) -> bool:
    """A negated verb of assent over the clause of the words ("I don't accept that
    this was sloppiness", "nobody agreed that the on-call was careless"), or a
    negated verb that ascribes them with "as" or "to" ("we do not regard this as
    carelessness", "does not accept the classification as human error"). Only the
    clause or the ascribed noun phrase itself: not "does not accept responsibility for
    the contractor's carelessness"."""
    data = lex.data
    tok = first
    while tok.dep_ in NOUN_PHRASE_EDGES and tok.head != tok:
        tok = tok.head
    prep = tok.head
    verb = prep.head
    if prep.lower_ == "as" and verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "does not accept [the description of the outage as operator error]"
    if tok.dep_ == "pobj" and prep.lower_ in ("as", "to") and prep.dep_ == "prep" and verb.pos_ == "VERB":
        lemma = verb.lemma_.lower()
        ascribes = lemma in data.ascribing_verbs or (prep.lower_ == "as" and lemma in data.assenting_verbs)
        if ascribes and _rejects(lex, verb):
            return True  # "does not accept the classification of this event as human error"
    for anc, edge in _ancestors(first):
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in data.assenting_verbs:
            return edge == "ccomp" and anc.i < first.i and _rejects(lex, anc)
        if edge not in FRAME_EDGES:
            return False
    return False


def not_blame(lex: BlameLexicon, kind: str, first, last) -> bool:
    """The words first..last are named, reported, denied or rejected. A
    failure with a negative subject stays blame when the negation is what makes
    it one ("nobody could be bothered to look", "nobody bothered to check"); a
    verb that says the failure itself is denied by it ("Nobody failed to do
    their job", "no one neglected to page")."""
    return (
        ((kind != "failure" or _denies_failure(lex, first)) and denied_subject(first, last, lex))
        or asked(first, last)
        or asked_of_anyone(lex, first, last)
        or named_by_wording_noun(lex, first)
        or said_of_a_system(lex, first)
        or framed(lex, first, last)
        or refused_assent(lex, first, last)
        or negated_in_place(first, last)
        or contrasted_away(first, last)
        or anyone_under_negation(lex, first)
        or polar_question(lex, first)
        or (kind == "judgment" and in_negated_scope(lex, first))
        or framed_quotation(first, last)
        or (kind == "fault" and duty_to_act(first))
        or question_set_aside(first, last)
        or (kind in NEGATED_IDIOM_KINDS and (negated_idiom(first, last) or denied_being(first)))
        or (kind == "judgment" and hypothetical_act(first))
        or denied_by_object(first, last)
        or ((kind != "failure" or _denies_failure(lex, first)) and negative_pronoun_before(lex, first))
        or misread_complement(first)
        or not_before_clause(first)
    )
