"""hindsight: what the messages ask for. The sentence cases are in
tests/rules/cases/hindsight.yaml."""


def test_should_have_message_asks_what_was_known(fires):
    (finding,) = fires("hindsight", "The engineer should have checked the dashboard.")
    assert finding.text == "should have checked"
    assert "knew" in finding.suggestion
