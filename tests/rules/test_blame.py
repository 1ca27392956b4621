"""blame: named pass and fail cases (written for these tests)."""
import pytest

from tests.rules.cases import check_case, fires, params

FAIL = [
    "For two quarters the platform team neglected the restore drills.",
    "Leadership turned a blind eye to the growing on-call load.",
    "The migration itself was rushed.",
    "The team rushed the migration before the freeze.",
    "It was a rushed rollout with no canary.",
    "Leon restarted the primary without checking which node was the leader.",
    "Our intern has a habit of skipping the canary stage.",
    "Ops had a tendency to merge hotfixes and not tell anyone.",
    "Losing the audit logs was an oversight on our part.",
    "Sorry, that one was my bad.",
    "Developer C is to blame for the corrupted index.",
    "Action item: Operator B will be more careful with the failover script.",
    "The vice president's decision was hasty.",
    "Frankly there is no excuse for skipping the backup.",
    "Our CTO messed up the DNS cut-over.",
    "The outage was a classic case of human error.",
    "Operator error during the failover extended the outage.",
    "Marta was careless when she edited the zone file.",
    "The release engineer failed to run the smoke tests.",
    "We failed to notice the disk filling up.",
    "The DBA neglected to take a snapshot before the resize.",
    "The on-call engineer simply ignored the first three pages.",
    "Olusegun ignored the capacity warning.",
    "The alert was brushed aside as a false positive.",
    "Repeated warnings from the storage team were waved off.",
    "Tomasz panicked and deleted the wrong namespace.",
    "Someone fat-fingered the CIDR range.",
    "The platform team dropped the ball on the certificate renewal.",
    "Engineers must be more careful when editing production configs.",
    "Everyone should pay more attention to the deploy checklist.",
    "It was entirely the network team's fault.",
    "The contractor was at fault for the data loss.",
    "The new hire's mistake took down the billing API.",
    "This was a sloppy change from the start.",
    "Kenji didn't bother to check the replication lag.",
    "The reviewer obviously didn't read the diff.",
    "An experienced engineer would have spotted the typo.",
    "Once again, the mobile team shipped on a Friday.",
    "The support staff were useless during the incident.",
    "The on-call was slow to acknowledge the page.",
    "The blame lies with the infrastructure team.",
    "This one is on the release managers.",
    "Developers need to stop skipping code review.",
    "Hold the engineer who ran the script accountable.",
    "Priya wasn't careful with the production credentials.",
    "The reviewer approved the change without being thorough.",
    "@dana merged it without being careful.",
    "We hastily pushed an untested hotfix.",
    "It was a misguided attempt to speed up the rollout.",
    "A fat finger on the load balancer console dropped all traffic.",
    "The escalation ticket is ignored for two days.",
    "Whoever approved the change is not competent to review database migrations.",
    "The cutover plan was amateur hour.",
    "The contractor who ran the script has been spoken to.",
    "Whoever signed off on this rollout should be ashamed.",
]
PASS = [
    "The cron job neglected the stale lock file and exited.",
    "We rushed to page the database team once the errors started.",
    "The retry loop resends without checking the response status.",
    "The scheduler has a tendency to pile jobs onto the newest node.",
    "We have a habit of writing a postmortem for every paging incident.",
    "Our bad config push was reverted at 14:10.",
    "No excuse code was returned by the gateway for the rejected requests.",
    "Engineer A restarted the replica at 09:12.",
    "The CTO approved the extra capacity within the hour.",
    "I ran the cleanup job against the production bucket instead of the staging one.",
    "Ana restarted the primary instead of the replica.",
    "I didn't run the smoke tests because the pipeline reported them as passed.",
    "The health check failed to detect the hung worker.",
    "The load balancer failed to drain the node before the restart.",
    "Twilio failed to deliver the verification codes.",
    "The client ignored the Retry-After header and retried at once.",
    "The kernel panicked on two of the hypervisors.",
    "Haruto mistakenly assumed the flag was already off.",
    "I accidentally scaled the wrong deployment to zero.",
    "We ran git blame to find when the timeout changed.",
    "This is a blameless review.",
    "This was not human error; the tool accepted an invalid input.",
    "Nobody was at fault for following the documented procedure.",
    "Our monitoring was at fault: it averaged over ten minutes.",
    "The dashboard was useless for spotting per-region spikes.",
    "The database was slow to respond under load.",
    "The service uses lazy loading for its plugins.",
    "Cassandra uses a sloppy quorum for hinted handoff.",
    "We don't use the phrase \"human error\" in our reviews.",
    "The migration tool needs to be more careful about locks.",
    "Errors from the cache were ignored, so stale entries were served.",
    "The parser's failure to handle the new header caused the crash.",
    "The on-call acknowledged the page four minutes after it fired.",
    "We need to stop deploying during the peak sales window.",
    "We want to be more thorough with release notes next time.",
    "We simply were not prepared for that much traffic.",
    "After every incident we try to learn from our mistakes.",
    "The SDK lazy-loads the recorder extension.",
    "We test lazy loaded extensions against old SDK versions.",
    "The engineer was careful not to restart the primary.",
    "The alert is ignored if the node is draining.",
    "I am sorry and embarrassed that this outage happened.",
    "Stale worker processes were let go by the supervisor.",
]


@pytest.mark.parametrize("expect, text", params(FAIL, PASS))
def test_blame_cases(lint, expect, text):
    check_case(lint, "blame", expect, text)


def test_failure_message_asks_for_the_action_and_context(lint):
    (finding,) = fires(lint, "blame", "The engineer failed to follow the runbook.")
    assert finding.text == "failed to follow"
    assert "why it made sense" in finding.suggestion


def test_dismissive_message_asks_what_they_saw(lint):
    (finding,) = fires(lint, "blame", "The on-call ignored the escalation.")
    assert "what they saw" in finding.suggestion
