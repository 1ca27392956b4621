"""Blame found by phrase lists, then checked on the parse: judgments whatever
their grammar ("human error", "careless", unless denied or excepted), fault
phrases said of a person ("at fault", "to blame"), admonitions under a modal
of obligation ("people need to be more careful") and sarcasm about people ("as
usual"). Each detector takes the lexicon and the sentence's tokens and yields
``(kind, first, last)``.
"""

from __future__ import annotations

from blamelint.grammar.clauses import (
    QUOTES,
    agent_noun,
    clause_subject,
    denied_by_copula,
    has_indefinite_article,
    in_quotes,
    is_negated,
    is_passive,
    negative_subject,
    predicate,
)
from blamelint.grammar.phrases import words_of
from blamelint.rules.checks.blame.lexicon import SELF, BlameLexicon


def judgment_phrases(lex: BlameLexicon, tokens):
    """The judgments list, anywhere, unless excepted, quoted or denied by a
    copula ("This was not human error"); a "no ..." phrase only as the
    subject or complement of "be" ("No excuse was given", not "There is no
    excuse for this")."""
    excepted = set()
    for i, j, _ in lex.exceptions.find(tokens):
        excepted.update(range(tokens[i].i, tokens[j].i + 1))
    for i, j, phrase in lex.judgments.find(tokens):
        first, last = tokens[i], tokens[j]
        if first.i in excepted or last.i in excepted or (in_quotes(first, last) and not _whole_quote(first)):
            continue  # 'the word "careless"' names it; a sentence that is all quotation says it
        if words_of(phrase)[0] == "no" and predicate(first).lemma_ != "be":
            continue  # "There is no excuse for this", not "No excuse was given"
        if (
            words_of(phrase)[0] == "no"
            or "not" in words_of(phrase)
            or not denied_by_copula(first)
            or _held_unacceptable(lex, first)
        ):
            yield "judgment", first, last


def _whole_quote(first) -> bool:
    """The sentence is one quotation (a remark quoted whole, as in a list of
    comments): nothing but punctuation outside its quotation marks."""
    inside = False
    for tok in first.sent:
        if tok.text in QUOTES:
            inside = not inside
        elif not inside and not tok.is_punct and not tok.is_space:
            return False
    return True


def _held_unacceptable(lex: BlameLexicon, first) -> bool:
    """ "That kind of sloppiness is not acceptable": the judgment is the subject
    and the negated copula's complement a standard it fails, so the negation
    asserts the judgment instead of denying it."""
    pred = predicate(first)
    tok = first
    while tok != pred and tok.head != tok and tok.head != pred:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head != pred:
        return False
    return any(c.dep_ == "acomp" and c.lemma_.lower() in lex.data.standard_adjectives for c in pred.children)


def fault_phrases(lex: BlameLexicon, tokens):
    """ "at fault", "to blame" with a person as the subject of their clause
    ("The DBA was at fault", "the guy to blame"), not denied."""
    for i, j, _ in lex.person_phrases.find(tokens):
        first = tokens[i]
        pred = predicate(first)
        subj = clause_subject(pred)
        if subj is None and pred.dep_ in ("relcl", "acl"):
            subj = pred.head  # "the guy to blame is ..."
            if subj.lower_ in lex.people.someone or has_indefinite_article(subj):
                continue  # "nobody went looking for someone to blame": a culprit sought, none named
        if pred.lemma_ == "blame" and any(c.dep_ == "dobj" for c in pred.children):
            continue  # "going to blame one engineer": the verb, not "is to blame"
        if is_negated(pred) or negative_subject(subj):
            continue  # "Rafaela is not to blame", "nobody at fault"
        if lex.person(subj) and not denied_by_copula(first):
            yield "fault", first, tokens[j]


def admonition(lex: BlameLexicon, tokens):
    """ "People need to be more careful", "Developers need to stop ..."."""
    for i, j, phrase in lex.admonitions.find(tokens):
        first, last = tokens[i], tokens[j]
        verb = first if first.pos_ in ("VERB", "AUX") else first.head
        if not lex.admonished(verb):
            continue
        subj = clause_subject(verb)
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ == "expect":
            subj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj")), subj)
        if not lex.person(subj):
            continue
        if phrase in ("stop", "start", "quit") and (
            subj.lower_ in SELF or not any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children)
        ):
            continue  # "must start treating X as production", "has to quit snoozing"
        if phrase == "learn" and (
            subj.lower_ in SELF or not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        ):
            continue  # "must learn to ...", "needs to learn that ..." (not "learn the new tool")
        yield "admonition", first, last


def omission(lex: BlameLexicon, tokens):
    """ "nobody on the team lifted a finger": an idiom of omission said of a
    person, a negative subject included."""
    for i, j, _ in lex.omissions.find(tokens):
        first = tokens[i]
        subj = clause_subject(predicate(first))
        if lex.person(subj):
            yield "failure", first, tokens[j]


def sarcasm(lex: BlameLexicon, tokens):
    """ "As usual, the frontend team shipped without testing"."""
    for i, j, phrase in lex.sarcasm.find(tokens):
        first, last = tokens[i], tokens[j]
        if j + 1 < len(tokens) and tokens[j + 1].lower_ == "than":
            continue  # "once more than ten complaints had been received": a count
        if words_of(phrase)[-1] == "for":
            # "which is more than I can say for some people": said of whom follows
            target = next((c for c in last.children if c.dep_ == "pobj"), None)
            if target is not None and lex.person(target):
                yield "judgment", first, target
        elif _others_act(lex, tokens):
            yield "judgment", first, last


def _others_act(lex: BlameLexicon, tokens) -> bool:
    """Some verb of the sentence has a person other than the writer as subject,
    or as the owner of its subject ("Their support desk, true to form, ...",
    "the vendor's response was, once again, a form letter")."""
    for t in tokens:
        if t.pos_ in ("VERB", "AUX"):
            subj = clause_subject(t)
            if subj is None or isinstance(subj, str):
                continue
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            for who in (subj, owner):
                if who is not None and who.lower_ not in SELF | {"my", "our"} and lex.person(who):
                    return True
    return False


def _negative_person(lex: BlameLexicon, subj) -> bool:
    """ "nobody", "no one on that shift", "none of the reviewers"."""
    if subj is None:
        return False
    if subj.lower_ in lex.people.nobody or (subj.lower_ == "none" and lex.person(subj)):
        return True
    return subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)


def hearsay_sarcasm(lex: BlameLexicon, tokens):
    """Sarcasm that pretends to report what people do: "apparently nobody
    reads the release notes", "because of course nobody renewed it", "the
    freeze calendar is apparently optional", "the send calendar is apparently just
    there for decoration", "apparently LGTM now counts as a code review" (but "apparently the job retried"
    and "the fix was apparently incomplete" report what a system did, and
    "of course, we rolled back first" is no sarcasm)."""
    for tok in tokens:
        if tok.lower_ == "apparently" and tok.dep_ == "advmod":
            verb = tok.head
            if verb.pos_ in ("PRON", "NOUN") and verb.dep_ == "nsubj":
                verb = verb.head  # "apparently nobody else reads ...", the adverb hung from the subject
            acted = verb.pos_ == "VERB" and verb.lemma_ != "be" and not is_passive(verb)
            if acted and _negative_person(lex, clause_subject(verb)) and not is_negated(verb):
                yield "failure", tok, verb  # the negative subject is the jibe, not a denial
            elif verb.lemma_ == "be" and any(
                c.lemma_.lower() in lex.data.trivial_nouns
                for c in [*verb.children, *_objects(verb, "for")]
                if c.dep_ in ("acomp", "attr", "pobj")
            ):
                yield "judgment", tok, verb  # a duty said to be optional, "just there for decoration"
            elif verb.tag_ in ("VBZ", "VBP") and any(
                f"{verb.lemma_.lower()} {c.lower_}" in lex.data.standard_passing
                for c in verb.children
                if c.dep_ == "prep"
            ):
                yield "judgment", tok, verb  # "apparently that counts as a win at FreightCo"
        elif tok.lower_ == "course" and tok.dep_ == "pobj" and tok.head.lower_ == "of":
            path = list(tok.ancestors)
            verb = next((a for a in path if a.pos_ in ("VERB", "AUX")), None)
            if verb is None:
                continue
            because = any(
                a.lower_ in ("because", "since") and a.dep_ == "mark" for a in [*path, *verb.children]
            )
            subj = clause_subject(verb)
            acted = not is_passive(verb)
            if (
                acted
                and because
                and (_negative_person(lex, subj) or (subj is not None and _others_act(lex, [verb])))
            ):
                yield "failure", tok.head, tok


def _objects(verb, preposition: str):
    """The objects of ``verb``'s ``preposition`` phrases ("there for decoration")."""
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition for p in c.children]


ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "nth", "umpteenth", "2nd", "3rd", "4th"})


def _undergone(time):
    """ "for the third time" on a passive verb without an agent ("gets paged
    for the third time", "was woken for the second time"): what repeats is
    done to the verb's subject, not by them."""
    prep = time.head
    if time.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    verb = prep.head
    return verb.pos_ in ("VERB", "AUX") and is_passive(verb) and agent_noun(verb) is None


def repetition(lex: BlameLexicon, tokens):
    """Fault by repetition: "the third time this quarter the team has shipped
    ...", "not the first time: she did the same in October", said while a
    person other than the writer acts in the sentence."""
    for tok in tokens:
        if lex.is_incident(tok) and tok.pos_ == "NOUN":
            # "the third schema incident from this team"
            ordinal = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ in ORDINALS), None)
            source = next(
                (
                    p
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in ("from", "by")
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            if ordinal is not None and lex.person(source):
                yield "judgment", ordinal, source
            continue
        if tok.lemma_.lower() != "time" or tok.pos_ != "NOUN":
            continue
        ordinal = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ in ORDINALS), None)
        if ordinal is None:
            first = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ == "first"), None)
            pred = predicate(tok)
            if first is None or not (is_negated(pred) or any(c.dep_ == "neg" for c in tok.children)):
                continue
            ordinal = first
        if _undergone(tok):
            continue  # "Kofi gets paged for the third time": the repeat happened to him
        if has_indefinite_article(tok):
            continue  # "restarted relay-3 a second time at 02:19": once more, not a record kept
        if _others_act(lex, tokens):
            yield "judgment", ordinal, tok
