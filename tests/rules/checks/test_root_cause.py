"""root-cause: what the messages ask for. The sentence cases are in
tests/rules/cases/root-cause.yaml."""


def test_rca_message_names_the_review(fires):
    (finding,) = fires("root-cause", "The RCA document has no owner yet.")
    assert "review" in finding.message.lower()
    assert "contributing factors" in finding.suggestion


def test_whole_incident_message_points_to_contributing_factors(fires):
    (finding,) = fires("root-cause", "A bad deploy caused the outage.")
    assert finding.text == "caused the outage"
    assert "other factors" in finding.suggestion or "contributing" in finding.suggestion
