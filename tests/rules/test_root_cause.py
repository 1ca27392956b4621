"""root-cause: named pass and fail cases (written for these tests)."""
import pytest

from tests.rules.cases import check_case, fires, params

FAIL = [
    "The root cause of the checkout outage was an expired TLS certificate.",
    "Root Cause: a misconfigured BGP session on the edge routers.",
    "ROOT CAUSE ANALYSIS",
    "We root-caused the packet loss to a bad optic.",
    "Root-causing this took three days.",
    "The RCA is due on Friday.",
    "The team will write a root cause analysis for the leadership review.",
    "The primary cause of the incident was a schema change.",
    "The real reason was a missing index on the orders table.",
    "The sole culprit turned out to be a cron job.",
    "The culprit was a stale DNS record.",
    "This outage was caused by a single bad deploy.",
    "A certificate rotation caused the outage.",
    "The whole incident was due to a full disk.",
    "The outage stemmed from a config push to all regions at once.",
    "Ultimately it comes down to one missing timeout.",
    "The disruption resulted from a quota change in the cloud account.",
    "The incident was the result of an untested migration.",
    "Everything traced back to one malformed header.",
    "The outage happened because the cache cluster ran out of memory.",
    "A typo in the ACL led to the breach.",
    "The source of the outage was a leaked connection pool.",
    "At the root of the problem was an unbounded retry loop.",
    "The outage was a capacity problem, pure and simple.",
]
PASS = [
    "We ran the script as root on the bastion host.",
    "The root partition filled up at 03:10.",
    "The root CA expires in 2031.",
    "The service runs in a chroot jail.",
    "Logs were written to /root/logs by mistake.",
    "The B-tree's root page was rebuilt overnight.",
    "We do not hunt for a single root cause; several conditions had to line up.",
    "This review avoids naming a root cause.",
    "Rather than a root cause, this document lists contributing factors.",
    "There is no single root cause for an outage like this one.",
    "Our template no longer has a \"root cause\" heading.",
    "Slow disk I/O caused the timeouts on the write path.",
    "A contributing factor was the missing alert on queue depth.",
    "The retries caused a second spike at 10:40.",
    "The outage was caused by three things acting together: a bad deploy, a full disk and a missing alert.",
    "The outage was not caused by the network change.",
    "The cause of the elevated 5xx rate was connection churn.",
    "A bad config caused an outage of the internal dashboard.",
    "Tight coupling keeps causing incidents like this one.",
    "The outage lasted 40 minutes.",
    "The incident started at 09:14 UTC.",
    "The trigger was a routine certificate rotation; the impact came from the missing fallback.",
    "The main dashboard showed the spike first.",
]


@pytest.mark.parametrize("expect, text", params(FAIL, PASS))
def test_root_cause_cases(lint, expect, text):
    check_case(lint, "root-cause", expect, text)


def test_rca_message_names_the_review(lint):
    (finding,) = fires(lint, "root-cause", "The RCA document has no owner yet.")
    assert "review" in finding.message.lower()
    assert "contributing factors" in finding.suggestion


def test_whole_incident_message_points_to_contributing_factors(lint):
    (finding,) = fires(lint, "root-cause", "A bad deploy caused the outage.")
    assert finding.text == "caused the outage"
    assert "other factors" in finding.suggestion or "contributing" in finding.suggestion
