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
    "The payment outage was attributed to an expired signing key.",
    "A stale feature flag was to blame for the outage.",
    "A misrouted batch job was behind the incident.",
    "A typo in the routing table was responsible for the outage.",
    "The reason the outage happened was a full inode table.",
    "The underlying issue was a race between two cron jobs.",
    "The real problem was that nobody owned the certificate.",
    "We experienced a two-hour outage due to a DNS misconfiguration.",
    "Last Tuesday we had an outage because the session store filled up.",
    "A login outage caused by a bad session cookie lasted forty minutes.",
    "Unreviewed schema migration caused outage",
    "This was due to a regression in the session middleware.",
    "It was caused by a typo in the routing table.",
    "The incident was caused due to a quota limit in the cloud account.",
    "A single bad route map took the whole network down.",
    "A malformed manifest set the whole thing off.",
    "The outage was traced back to a set of cron jobs pointed at the primary.",
    "We identified the expired certificate as the cause of the outage.",
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
    "The outage resulted from three compounding factors.",
    "It was caused by several root causes interacting.",
    "There were two root causes: an expired token and a missing alert.",
    "The immediate cause was a typo; the missing review step let it through.",
    "Reverting the fix led to the second issue.",
    "We are sorry for causing this disruption.",
    "We caused the outage when we ran the migration against production.",
    "We discovered the cause of the issue at 14:10.",
    "This is due to the pool size being set to ten.",
    "It was due to be released on Friday.",
    "By 10:00 the cluster was down to two nodes.",
    "At 10:05 we hit an issue with the deploy pipeline due to a lock.",
    "The outage was caused by a series of failures in the storage layer.",
    "The bad deploy took down one node in the cluster.",
    "We took the whole site down to run the migration.",
    "The checkout outage was partly due to a stale cache.",
    "It was also caused by the retry storm that followed the failover.",
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
