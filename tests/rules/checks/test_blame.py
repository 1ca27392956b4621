"""blame: what the messages ask for. The sentence cases are in
tests/rules/cases/blame.yaml."""


def test_failure_message_asks_for_the_action_and_context(fires):
    (finding,) = fires("blame", "The engineer failed to follow the runbook.")
    assert finding.text == "failed to follow"
    assert "why it made sense" in finding.suggestion


def test_dismissive_message_asks_what_they_saw(fires):
    (finding,) = fires("blame", "The on-call ignored the escalation.")
    assert "what they saw" in finding.suggestion


def test_a_team_the_document_names_in_several_words_is_people(make_linter):
    from blamelint.postmortem.load import parse_source

    linter = make_linter(select=["blame"], rules={"blame": {"model": "off"}})  # the detectors alone

    def found(text):
        return [f.text for f in linter.lint_document(parse_source("t.md", text))]

    said = "The Hardware Validation team owns the rig drawings.\n\n"
    failed = "Hardware Validation failed to keep its drawings current."
    assert found(said + failed) == ["failed to keep"]
    assert found(failed) == []  # without the cue, a name read as "it" is a thing
