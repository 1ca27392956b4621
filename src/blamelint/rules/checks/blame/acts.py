"""Acts judged as failings when a person did them: ignoring a page, failing to
follow a runbook, breaking things again, rushing, merging without checking.

Each detector takes the blame lexicon and one token and returns
``(kind, first, last)`` or None; the grammar readings come from
``blamelint.grammar.clauses`` and the lexicon's person tests.
"""

from __future__ import annotations

from blamelint.grammar import modals
from blamelint.grammar.clauses import (
    agent_noun,
    clause_subject,
    is_negated,
    is_passive,
    negative_subject,
    neither,
)
from blamelint.grammar.passive import FRAGMENT, find_passives
from blamelint.rules.checks.blame.lexicon import PAST_TAGS, SELF, BlameLexicon


def person_verb(lex: BlameLexicon, tok):
    """ "ignored", "brushed off", "panicked", "mishandled": by a person, or a past
    passive with no non-human agent."""
    if tok.pos_ != "VERB":
        return None
    tails = lex.person_verbs.get(tok.lemma_.lower())
    if tails is None:
        return None
    last = tok
    for tail in tails:
        if not tail:
            break
        parts = [c for c in tok.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == tail[0]]
        if parts:
            last = parts[0]
            break
    else:
        return None
    person_did = not is_passive(tok) and lex.person(lex.subject(tok))
    fragment = None if is_passive(tok) or person_did else _fragment_passive(tok)
    if is_passive(tok) or fragment is not None:
        agent = agent_noun(tok)
        if agent is None:
            target = fragment.subject if fragment is not None else clause_subject(tok)
            target = lex.group_of(target) or target  # "every one of those warnings was ignored"
            target = _antecedent(target) if target is not None and target.lower_ == "it" else target
            if target is None or target.lemma_.lower() not in lex.data.signal_nouns:
                return None
            if fragment is not None and (lex.conditional(tok) or any(t.lower_ == "by" for t in tok.subtree)):
                return None  # "Warnings ignored if the node is draining", "ignored by design": a rule
            if fragment is None and (
                tok.tag_ not in PAST_TAGS or not (lex.past_passive(tok) or lex.narrated(tok, target))
            ):
                return None
        elif not lex.person(agent):
            return None
    elif not person_did:
        return None
    if is_negated(tok):
        return None
    return ("judgment" if tok.lemma_.lower() in lex.data.mishandling_verbs else "dismissive"), tok, last


def _fragment_passive(verb):
    """The passive fragment ``verb`` heads, without its "was" ("14:05 crash alert
    ignored for four hours"), or None."""
    return next((c for c in find_passives(verb.sent) if c.verb == verb and c.kind == FRAGMENT), None)


ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _antecedent(it):
    """What "it" refers to, read simply: the nearest subject or object noun before
    it, in its sentence or the one before ("The change policy exists, it is on the
    intranet, and it was ignored"; "The CA mailed a warning. It was ignored."); None
    when there is none."""
    doc = it.doc
    start = doc[it.sent.start - 1].sent.start if it.sent.start > 0 else it.sent.start
    for tok in reversed(doc[start : it.i]):
        if tok.dep_ in ANTECEDENT_DEPS and tok.pos_ in ("NOUN", "PROPN"):
            return tok
    return None


def belittled(lex: BlameLexicon, tok):
    """ "could easily have checked", "could have just looked": the ease of what
    nobody did belittles whoever did not do it, named ("Kwame could easily have
    spotted it"), a pronoun ("They could have just asked us"), left out ("Could
    easily have avoided the whole thing") or hidden in a passive of averting ("This
    could easily have been avoided"); but "could easily have been worse" and "the
    data could easily have been lost" weigh a possibility."""
    if tok.dep_ != "advmod" or tok.lower_ not in lex.data.belittling_adverbs:
        return None
    verb = tok.head
    kids = list(verb.children)
    modal = any(c.dep_ == "aux" and modals.modal(c) in ("could", "should", "might") for c in kids)
    if not (modal and modals.has_perfect(verb)) or is_negated(verb):
        return None
    subject = clause_subject(verb)
    if is_passive(verb):
        blamed = verb.lemma_.lower() in lex.data.averting_verbs
    elif verb.lemma_ == "be":
        blamed = False
    elif subject is None:
        blamed = verb.dep_ == "ROOT"
    else:
        blamed = lex.person(subject) or subject.lower_ in ("they", "you")
    return ("judgment", tok, verb) if blamed else None


def _counted(tok) -> bool:
    """ "three times", "twice", "for the third time": a count of repeats on ``tok``."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]  # "broke the deploy three times"
    for c in [*tok.children, *(g for o in objects for g in o.children)]:
        if c.dep_ == "advmod" and c.lower_ in ("again", "twice"):
            return True
        if c.dep_ == "npadvmod" and c.lemma_ == "time" and c.tag_ == "NNS":
            if any(n.dep_ == "nummod" and n.lower_ not in ("one", "1") for n in c.children):
                return True
    return False


def again(lex: BlameLexicon, tok):
    """ "The data team broke the nightly export again", "Derek has broken
    something three times this quarter"."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.data.habitual_faults:
        return None
    if not _counted(tok):
        return None
    if lex.person(clause_subject(tok)) and not is_negated(tok):
        return "judgment", tok, tok
    return None


def failure(lex: BlameLexicon, tok):
    """ "failed to follow", "neglected to", "didn't bother to", "couldn't be
    bothered to", "without bothering to"; "the engineer's failure to ...", with a
    person as doer."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in lex.data.failure_verbs:
        comp = next(
            (
                c
                for c in tok.children
                if c.dep_ == "xcomp"
                and (any(a.lower_ == "to" for a in c.children) or (lemma == "bother" and c.tag_ == "VBG"))
            ),
            None,
        )
        if comp is None or any(c.dep_ == "prt" and c.lower_ in ("over", "back") for c in tok.children):
            return None  # "failed over to the standby" is a phrasal verb
        subj = clause_subject(tok)
        without = lemma == "bother" and tok.dep_ == "pcomp" and tok.head.lower_ == "without"
        if without and subj is None:
            subj = clause_subject(tok.head.head)  # "shipped it without bothering to test it"
        if _named_as_it(lex, subj):
            return None  # "Patroni failed to promote the replica because its limit ..."
        if subj is not None and subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
            subj = tok.head  # "people who can't be bothered to check"
        waited = tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("before", "until", "when", "once") for c in tok.children
        )  # "forty minutes before he bothered to look", "good when she bothers to try"
        negated = is_negated(tok) or negative_subject(subj) or neither(subj)
        if lemma == "bother" and not (negated or is_passive(tok) or waited or without):
            return None
        if lemma != "bother" and is_negated(tok):
            return None
        they = subj is not None and subj.lower_ == "they"
        if (
            lex.person(subj)
            or (they and lemma in lex.data.deliberate_failure_verbs)
            or (they and comp.lemma_.lower() in lex.data.telling_verbs)
        ):
            return "failure", tok, comp  # only people neglect or bother: "They neglected to run it"
        return None
    if tok.pos_ == "NOUN" and lemma in lex.data.failure_nouns:
        comp = next(
            (c for c in tok.children if c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)), None
        )
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if comp is not None and owner is not None and lex.person(owner):
            return "failure", owner, comp
    return None


def _named_as_it(lex: BlameLexicon, subj) -> bool:
    """A name (not a role noun, unless a system's name leads it: "the Redis
    operator") that its sentence refers to as a thing: "on its own",
    "itself", or "its" ("Patroni failed to promote the replica because lag
    exceeded its limit"): software, not a person."""
    if subj is None or subj.pos_ not in ("PROPN", "NOUN") or lex.people.cast_in_words(subj):
        return False  # a team the document names: "Hardware Validation failed to keep its drawings"
    if lex.people.is_role(subj) and not (
        subj.lemma_.lower() == "operator"
        and any(c.dep_ == "compound" and c.lower_ in lex.people.systems for c in subj.children)
    ):
        return False  # "the Redis team ... its runbook" is a team; "the Redis operator" is a program
    return any(t.lower_ in ("its", "itself") and t.i > subj.i for t in subj.sent)


def negated_adverb(lex: BlameLexicon, tok):
    """ "obviously didn't read", "didn't even read it", with a person doer."""
    if tok.dep_ != "advmod" or tok.lower_ not in lex.data.negation_adverbs:
        return None
    verb = tok.head
    if not is_negated(verb) or verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "be" or is_passive(verb):
        return None  # "we simply were not prepared": a state, not a judged act
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("if", "though"):
        return None  # "even if the student cannot reach the server": a concession
    doer = clause_subject(verb)
    if tok.lower_ == "simply" and doer is not None and doer.lower_ in ("i", "we"):
        return None  # "we simply did not use it": a plain account
    if doer is not None and doer.lower_ in ("who", "that"):
        doer = verb.head if verb.dep_ == "relcl" else None
    if lex.person(doer):
        return "judgment", tok, verb
    return None


def habit(lex: BlameLexicon, tok):
    """ "The SRE team keeps breaking things"."""
    if tok.lemma_ != "keep" or tok.pos_ != "VERB":
        return None
    comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if (
        comp is not None
        and comp.lemma_.lower() in lex.data.habitual_faults
        and lex.person(clause_subject(tok))
    ):
        return "judgment", tok, comp
    return None


def hasty(lex: BlameLexicon, tok):
    """ "a rushed release", "the review was rushed", "we rushed the rollout"."""
    if tok.lemma_.lower() not in lex.data.haste_verbs or tok.tag_ not in ("VBN", "VBD", "JJ"):
        return None
    if tok.dep_ == "amod":
        return ("judgment", tok, tok) if lex.people.is_action(tok.head) else None
    if is_passive(tok) or tok.dep_ == "acomp":
        subj = clause_subject(tok if is_passive(tok) else tok.head)
        return ("judgment", tok, tok) if lex.people.is_action(subj) and not is_negated(tok) else None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if (
        tok.pos_ == "VERB"
        and obj is not None
        and lex.people.is_action(obj)
        and lex.person(clause_subject(tok))
    ):
        return "judgment", tok, obj
    return None


def unchecked(lex: BlameLexicon, tok):
    """ "merged it without checking", "ran it without thinking", by a person other
    than the writer ("I approved it without asking what it touched" is the writer's
    plain account of a step left out)."""
    if tok.lower_ != "without" or tok.dep_ != "prep":
        return None
    gerund = next((c for c in tok.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    if gerund is None or gerund.lemma_.lower() not in lex.diligence:
        return None
    verb = tok.head
    doer = lex.doer(verb) or lex.subject(verb)
    if verb.pos_ not in ("VERB", "AUX") or not lex.person(doer) or getattr(doer, "lower_", doer) in SELF:
        return None
    return "judgment", tok, gerund


def sanctioned(lex: BlameLexicon, tok):
    """ "The developer responsible has been spoken to", "He was let go", "The supervisor
    has been referred to HR" (not the writer: "We were referred to the vendor's runbook")."""
    subject = clause_subject(tok)
    if tok.pos_ != "VERB" or not is_passive(tok) or not lex.person(subject) or subject.lower_ in SELF:
        return None
    if _under_negation(tok):
        return None  # "I am not asking for anyone to be fired"
    for words in lex.sanctions:
        if tok.lemma_.lower() != words[0]:
            continue
        tail = [
            c for c in tok.children if c.lower_ in words[1:] and c.dep_ in ("prep", "prt", "xcomp", "advmod")
        ]
        if len(words) == 1 or tail:
            return "fault", tok, tail[0] if tail else tok
    return None


def _under_negation(verb) -> bool:
    """A verb that ``verb``'s clause hangs from (through complements) is negated."""
    while verb.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl") and verb.head != verb:
        verb = verb.head
        if is_negated(verb):
            return True
    return False


def let_lapse(lex: BlameLexicon, tok):
    """ "The team let the certificate expire", "he let the alert sit for
    eleven minutes", "let it slide": a person letting something lapse."""
    if tok.lemma_ != "let" or tok.pos_ != "VERB" or is_negated(tok):
        return None
    lapse = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in lex.data.lapse_verbs
        ),
        None,
    )
    if lapse is None or not lex.person(clause_subject(tok)):
        return None
    if lapse.lemma_ == "run" and not any(c.lower_ == "out" for c in lapse.children):
        return None  # "let the job run" is a plain account
    return "judgment", tok, lapse


def stripped(lex: BlameLexicon, tok):
    """Sanctions that take a privilege from a person: "The team loses deploy
    rights", "Rafael will be taken off the rotation", "Marek is off the
    on-call rotation until ..."."""
    privileges = lex.data.privilege_nouns
    if tok.lemma_ == "lose" and tok.pos_ == "VERB":
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() in privileges and lex.person(clause_subject(tok)):
            return "fault", tok, obj
        return None
    if tok.dep_ in ("prep", "prt") and tok.lower_ in ("off", "from"):
        verb = tok.head
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None and tok.dep_ == "prt":  # "taken off the rotation", parsed as a particle
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in privileges or verb.pos_ not in ("VERB", "AUX"):
            return None
        passive = is_passive(verb) or (verb.dep_ == "conj" and is_passive(verb.head))
        passive_take = passive and verb.lemma_ in ("take", "remove", "pull", "kick", "drop")
        off = tok.lower_ == "off" and verb.lemma_ in ("be", "come", "go")  # "is coming off the rotation"
        if (passive_take or off) and lex.person(clause_subject(verb)) and not is_negated(verb):
            return "fault", verb, obj
        return None
    if tok.lemma_.lower() in lex.data.revoke_verbs and tok.pos_ == "VERB":
        # "Derek's write access should be revoked", "Revoke Derek's write access"
        held = (
            clause_subject(tok)
            if is_passive(tok)
            else next((c for c in tok.children if c.dep_ == "dobj"), None)
        )
        owner = next((c for c in held.children if c.dep_ == "poss"), None) if held is not None else None
        if (
            held is not None
            and held.lemma_.lower() in privileges
            and owner is not None
            and owner.lower_ not in SELF | {"my", "our"}
            and lex.person(owner)
            and not is_negated(tok)
        ):
            return "fault", held, tok
    return None


def careless_counterfactual(lex: BlameLexicon, tok):
    """ "Had anyone bothered to read the plans, ...", "If the team had glanced
    at the dashboard once, ...", "if she had actually read the report": a
    past condition that reproaches someone's care (not "If we had looked")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("advcl", "ccomp", "csubj"):
        return None
    kids = list(tok.children)
    had = next((c for c in kids if c.dep_ == "aux" and modals.is_had(c)), None)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if had is None or subj is None:
        return None
    inverted = had.i < subj.i
    conditional = any(c.dep_ == "mark" and c.lower_ == "if" for c in kids)
    if not (inverted or conditional) or subj.lower_ in SELF or not lex.person(subj) or is_negated(tok):
        return None
    cared = (
        tok.lemma_.lower() in lex.data.care_verbs
        or any(c.dep_ == "advmod" and c.lower_ in lex.data.care_adverbs for c in kids)
        or any(c.lower_ == "much" and c.i > 0 and tok.doc[c.i - 1].lower_ == "so" for c in kids)
    )
    if tok.lemma_ == "do" and any(c.dep_ == "dobj" and c.lemma_ == "job" for c in kids):
        cared = True  # "if anyone had done their job"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in lex.data.moment_nouns for c in kids):
        cared = True  # "if the team had taken thirty seconds to search", "spent a minute reading"
    if any(t.lower_ == "even" and t.dep_ == "advmod" for t in _clause_words(tok)):
        cared = True  # "if ops had shown up to even one of those reviews"
    if any(c.dep_ == "amod" and c.lower_ == "single" for c in subj.children):
        cared = True  # "if a single person on that team had opened one email"
    if tok.lemma_ == "be" or (tok.tag_ == "VBG" and any(c.lower_ == "been" for c in kids)):
        cared = cared or tok.lemma_.lower() in lex.data.attention_verbs  # "had been paying attention"
    return ("judgment", had, tok) if cared else None


def whoever_had(lex: BlameLexicon, tok):
    """ "Anyone who had looked at the log for thirty seconds would have seen it",
    "Anybody who had spent one morning on the floor would have caught it": whoever
    did what nobody did, in a counterfactual (the past perfect of the relative
    clause is its condition), says the people who were there did not."""
    anyone = tok.head
    if tok.dep_ != "relcl" or anyone.lower_ not in lex.people.any_people:
        return None
    if anyone.dep_ not in ("nsubj", "pobj") or not modals.past_perfect_relative(anyone) or is_negated(tok):
        return None
    main = anyone.head if anyone.dep_ == "nsubj" else anyone.head.head
    kids = list(main.children)
    modal = any(c.dep_ == "aux" and modals.modal(c) in ("would", "could") for c in kids)
    return ("judgment", anyone, tok) if modal and modals.has_perfect(main) else None


def _clause_words(verb):
    """The words of ``verb``'s own clause, not of clauses inside it."""
    stack = [verb]
    while stack:
        tok = stack.pop()
        yield tok
        stack.extend(c for c in tok.children if c.dep_ not in ("advcl", "ccomp", "relcl", "csubj"))


def not_serious(lex: BlameLexicon, tok):
    """ "Nobody took that promise seriously", "a team that does not take flag
    hygiene seriously": a person who does not take something seriously."""
    if tok.lemma_ != "take" or tok.pos_ != "VERB":
        return None
    serious = next((c for c in tok.children if c.lower_ == "seriously"), None)
    if serious is None:
        return None
    subj = clause_subject(tok)
    if subj is not None and subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
        subj = tok.head
    negative = negative_subject(subj)
    if not (is_negated(tok) or negative) or subj is None or subj.lower_ in SELF:
        return None
    return ("failure", tok, serious) if lex.person(subj) else None  # "nobody ..." stays blame


def stopped_caring(lex: BlameLexicon, tok):
    """ "The database team stopped caring about backups", "a team that has
    stopped caring", "does not care to test": a person who no longer cares."""
    if tok.lemma_ != "care" or tok.pos_ != "VERB":
        return None
    verb = tok
    if tok.dep_ == "xcomp" and tok.head.lemma_ in ("stop", "quit"):
        verb = tok.head
    elif not is_negated(tok):
        return None
    subj = clause_subject(verb)
    if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head
    if subj is None or subj.lower_ in SELF or negative_subject(subj):
        return None  # "I don't care", "nobody cares which replica"
    return ("judgment", verb, tok) if lex.person(subj) else None


def barred(lex: BlameLexicon, tok):
    """ "Leon will not run applies until he has paired on ten of them",
    "Dmitri should not be approving changes until he has shown ...": a named
    person barred from their work until they prove themselves (not a
    procedure: "the on-call will not page until the replica is caught up";
    and not "Marco will no longer review changes", which may be a move to
    another team)."""
    modal = next((c for c in tok.children if c.dep_ == "aux" and modals.modal(c) in ("will", "should")), None)
    if tok.pos_ != "VERB" or modal is None:
        return None
    subj = clause_subject(tok)
    if subj is None or subj.lower_ in SELF or subj.lower_ in lex.people.unnamed:
        return None
    until = next(
        (
            c
            for c in tok.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children)
        ),
        None,
    )
    same = until is not None and is_negated(tok) and _same_person(subj, clause_subject(until))
    if same and lex.person(subj):
        return "fault", tok, tok
    return None


def _same_person(subj, other) -> bool:
    if other is None:
        return False
    if other.lower_ in ("he", "she", "they"):
        return True
    return other.lower_ == subj.lower_


def trivialised(lex: BlameLexicon, tok):
    """ "The team treats production like a sandbox", "Greg treats the pager
    like a suggestion", "treated alerts as optional": a person's duty made
    light of."""
    if tok.lemma_ not in ("treat", "handle") or tok.pos_ != "VERB":
        return None
    subj = clause_subject(tok)
    if subj is not None and subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None or subj.lower_ in SELF or is_negated(tok):
        return None
    objects = [c for c in tok.children if c.dep_ == "dobj"]  # "treats the pager like a suggestion"
    for prep in [*tok.children, *(g for o in objects for g in o.children)]:
        if prep.dep_ not in ("prep", "advmod", "advcl") or prep.lower_ not in ("like", "as"):
            continue
        what = [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp", "attr", "oprd")]
        what += [prep] if prep.lower_ == "as" else []
        for word in what:
            if word.lemma_.lower() in lex.data.trivial_nouns and lex.person(subj):
                return "judgment", tok, word
    comp = next((c for c in tok.children if c.dep_ in ("oprd", "acomp") or c.lower_ == "optional"), None)
    if comp is not None and comp.lemma_.lower() in lex.data.trivial_nouns and lex.person(subj):
        return "judgment", tok, comp
    return None


def reminded(lex: BlameLexicon, tok):
    """ "We have reminded all staff to follow procedures carefully", "the team
    was reminded to double-check": people told to take care, as a remedy."""
    if tok.lemma_ != "remind" or tok.pos_ != "VERB" or is_negated(tok):
        return None
    told = next((c for c in tok.children if c.dep_ == "dobj"), None) or (
        clause_subject(tok) if is_passive(tok) else None
    )
    comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")), None)
    if told is None or comp is None or told.lower_ in SELF or not lex.person(told):
        return None
    careful = comp.lemma_.lower() in lex.diligence or any(
        c.lower_ in lex.data.care_manner_adverbs or c.lemma_.lower() in lex.data.more_adjectives
        for c in comp.subtree
    )
    return ("admonition", tok, comp) if careful else None
