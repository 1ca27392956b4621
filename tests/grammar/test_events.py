"""Tense, timeline entries, and whether a passive reports an event."""

import pytest

from blamelint.grammar.events import has_moment, is_timeline_entry, tense_of, timestamp_end, why_not_event


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The flag should be removed.", dict(modal="should")),
        ("The failover was not performed.", dict(negated=True)),
        ("The migration script was never reviewed.", dict(negated=True)),
        ("The LDAP password had been changed.", dict(perfect=True)),
        ("The Jenkins agents are being replaced.", dict(progressive=True, present=True)),
        ("The nightly export kept getting cancelled.", dict(progressive=True)),
        ("Requests are routed through the mesh.", dict(present=True)),
        ("The DNS zone was edited at 11:02.", dict()),
        # the modal in full, whatever the tokenizer split off
        ("It'll be removed on Monday.", dict(modal="will")),
        ("It\u2019ll be removed on Monday.", dict(modal="will")),
        ("The old keys won't be reused.", dict(modal="will", negated=True)),
        ("The replicas can't be promoted.", dict(modal="can", negated=True)),
        ("We'd have been paged sooner.", dict(modal="would", perfect=True)),
    ],
)
def test_tense_of(passives, text, expected):
    from blamelint.grammar.events import Tense

    clause = passives(text)[1][-1]
    assert tense_of(clause) == Tense(**expected)


def test_infinitive_tense(passives):
    clause = next(c for c in passives("We asked for the queue to be paused.")[1] if c.verb.text == "paused")
    tense = tense_of(clause)
    assert tense.infinitive and not tense.plain and not tense.simple_present


def test_simple_present_and_plain():
    from blamelint.grammar.events import Tense

    assert Tense(present=True).simple_present and Tense(present=True).plain
    assert not Tense(present=True, modal="can").simple_present
    assert Tense().plain and not Tense(perfect=True).plain


@pytest.mark.parametrize(
    "text",
    [
        "14:05 — Config reverted.",
        "[13:05] Bad release identified.",
        "- 08:31 Read-only mode enabled on the primary",
        "Tue 02:10 — On-call DBA paged.",
        "T+15m: Status page updated.",
        "Jun 2-3 - Repeated OOM kills observed",
    ],
)
def test_timeline_entries(nlp, text):
    sent = next(nlp(text).sents)
    assert is_timeline_entry(sent)
    assert sent.doc[timestamp_end(sent)].is_alpha  # the first word after the stamp


def test_not_timeline_entries(nlp):
    assert not is_timeline_entry(next(nlp("The config was reverted at 14:05.").sents))
    first, second = nlp("14:05 — Config reverted. Customers notified.").sents
    assert is_timeline_entry(first)
    assert not is_timeline_entry(second)  # a second sentence on the same line


def test_timestamp_end(nlp):
    sent = next(nlp("14:05 — Config reverted.").sents)
    assert sent.doc[timestamp_end(sent)].text == "Config"
    plain = next(nlp("Config reverted at 14:05.").sents)
    assert timestamp_end(plain) == plain.start


@pytest.mark.parametrize(
    "text, reason",
    [
        ("The DNS zone was edited at 11:02.", None),
        ("The alert was silenced during the drill.", None),
        ("The pool was exhausted.", "state"),
        ("About 800 merchants were affected.", "impact"),
        ("Requests are routed through the mesh.", "generic"),
        ("Backups are taken every night at 02:00.", "generic"),
        ("The autoscaler was configured to scale at 70% CPU.", "setting"),
        ("At 16:40 the autoscaler was configured to scale at 70% CPU.", None),
    ],
)
def test_why_not_event(passives, lexicon, text, reason):
    sent, [clause] = passives(text)
    assert why_not_event(clause, lexicon, sent) == reason


def test_feelings_need_someone_to_feel_them(passives, lexicon):
    sent, clauses = passives("We were relieved when the queue drained.")
    relieved = next(c for c in clauses if c.verb.text == "relieved")
    assert why_not_event(relieved, lexicon, sent) == "feeling"


def test_simple_present_narrates_in_a_timeline(passives, lexicon):
    sent, [clause] = passives("Requests are routed through the mesh.")
    assert why_not_event(clause, lexicon, sent, in_timeline=True) is None


@pytest.mark.parametrize(
    "text, moment",
    [
        ("The DNS zone was edited at 11:02.", True),
        ("The webhook secret got rotated on Thursday.", True),
        ("Backups are taken every night at 02:00.", False),  # a schedule
        ("The certificate bundle was replaced without a ticket.", False),
    ],
)
def test_has_moment(passives, lexicon, text, moment):
    [clause] = passives(text)[1]
    assert has_moment(clause.verb, lexicon) is moment


@pytest.mark.parametrize(
    "text, verb, reason",
    [
        # contracted modals are read in full: ability ("can't") is generic ...
        ("Records can't be skipped.", "skipped", "generic"),
        # ... the consequence under "'d" / "\u2019d" imagines ...
        ("If the runbook were printed, it'd be followed.", "followed", "hypothetical"),
        ("If the runbook were printed, it\u2019d be followed.", "followed", "hypothetical"),
        # ... and a present passive under "'ll" is to be done
        ("Once the patch is merged, we'll restart the workers.", "merged", None),
    ],
)
def test_contracted_modals(passives, lexicon, text, verb, reason):
    sent, clauses = passives(text)
    clause = next(c for c in clauses if c.verb.text == verb)
    assert why_not_event(clause, lexicon, sent) == reason
