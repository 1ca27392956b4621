"""hindsight: named pass and fail cases (written for these tests)."""
import pytest

from tests.rules.cases import check_case, fires, params

FAIL = [
    "Reading the logs afterwards, the warning signs were there for days.",
    "Frankly, the writing was on the wall once the queue passed a million messages.",
    "The on-call engineer should have escalated to the database team.",
    "We should have rolled back as soon as the error rate rose.",
    "Priya should've waited for the canary results.",
    "I should not have merged the change on a Friday.",
    "The change ought to have gone through a second review.",
    "The schema migration should never have run during peak traffic.",
    "The replica should have been promoted before the maintenance window.",
    "We could have caught the regression with a load test.",
    "This outage could have been prevented by a simple range check.",
    "A canary stage would have caught the bad build.",
    "With a dry run, the team would have seen the wrong target.",
    "Had we pinned the dependency, the build would have kept working.",
    "If the engineer had checked the target cluster, the data would still be there.",
    "If only someone had looked at the disk graph.",
    "In hindsight, the warning in the logs was clear.",
    "In retrospect the maintenance window was too short.",
    "Looking back, the flag should have defaulted to off.",
    "The whole outage was entirely preventable.",
    "This was an avoidable incident.",
    "The capacity shortfall was foreseeable.",
    "It would have been wiser to drain the region first.",
    "That spike should have been a warning sign.",
    "We might have avoided the data loss with a snapshot.",
    "They should have known the certificate was about to expire.",
    "This should never have happened.",
    "The outage should not have occurred.",
    "A smoke test would have stopped the broken image from shipping.",
    "This would have flagged the bad migration in review.",
    "Better queue monitoring would have surfaced the backlog sooner.",
    "Feature flags would have enabled a rollback without a new release.",
]
PASS = [
    "Even with the alert, the replica would still have fallen behind.",
    "Maybe the vendor would have shipped the patch anyway.",
    "We should add an alert on certificate expiry.",
    "The runbook should name the owner of each queue.",
    "Every service should have an owner by next quarter.",
    "The standby should have taken over within 30 seconds, but the lease never expired.",
    "The alert should have paged the on-call when the queue passed 10,000 messages.",
    "The rebuild should have taken about an hour according to the estimate.",
    "Without the rate limiter, the retry storm would have reached the database.",
    "If the circuit breaker had not opened, the errors would have spread to checkout.",
    "By design, the proxy would have served cached pages if the origin had failed.",
    "If the traffic had doubled instead of tripled, the autoscaler would have coped.",
    "Someone must have rotated the key by hand.",
    "The spike could have been a scraper or a retry loop.",
    "Some customers may have seen duplicate emails.",
    "We could not have known that the vendor had changed the API.",
    "We would have liked more time to test the patch.",
    "Looking back at the graphs, the first errors appear at 09:58.",
    "If the error rate stays above 5%, the deploy pipeline halts.",
    "The new dashboard will have been rolled out by Monday.",
    "The job would have retried three times before giving up.",
    "The failover should not have happened; the health check misread a slow disk.",
    "Downstream jobs should have been automatically retried once the queue drained.",
    "Customers would have seen 502 errors during the window.",
    "Users would have received the notification twice.",
    "The on-call engineer would have seen the page at 03:00.",
    "The new branch protections would not have stopped the first attack.",
]


@pytest.mark.parametrize("expect, text", params(FAIL, PASS))
def test_hindsight_cases(lint, expect, text):
    check_case(lint, "hindsight", expect, text)


def test_should_have_message_asks_what_was_known(lint):
    (finding,) = fires(lint, "hindsight", "The engineer should have checked the dashboard.")
    assert finding.text == "should have checked"
    assert "knew" in finding.suggestion


@pytest.mark.parametrize("text", [
    "The bad build should have been blocked by the canary analysis.",
    "The request should have been rejected by the admission webhook.",
])
def test_should_have_with_a_system_agent_is_designed_behaviour(lint, text):
    assert not fires(lint, "hindsight", text)


def test_should_have_with_a_person_agent_is_hindsight(lint):
    assert fires(lint, "hindsight", "The change should have been reviewed by a second engineer.")
