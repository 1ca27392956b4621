"""vague-action-item: the three shapes, and concrete items left alone."""
import pytest

from blamelint.data import load
from blamelint.data.models import VagueActionItemsData
from blamelint.rules.checks.vague_action_item import shapes
from blamelint.postmortem.sections import words


@pytest.mark.parametrize("action", [
    "Be more careful when applying Terraform changes.",
    "Tyler should be more careful with production migrations.",
    "Engineers need to pay more attention to alerts",
    "Retrain the team.",
    "Retrain the team on reading Terraform plans",
    "Remind everyone to check the dashboard before deploying",
    "Be aware of the config freeze",
    "Double-check configs before deploying",
    "Improve monitoring.",
    "Improve monitoring and alerting",
    "Enhance our testing",
    "We should improve test coverage",
    "Better monitoring",
    "More tests",
    "Review the other cron jobs.",
    "Review logging practices",
    "Revisit the process",
    "Look into it",
    "Communicate better during incidents",
    "Update the runbook",
])
def test_vague(action):
    assert shapes().reason(action), action


@pytest.mark.parametrize("action", [
    "Add a synthetic DNS check for svc.internal in every VPC",
    "Require two approvals, one from networking, on the prod-network workspace",
    "Improve alerting for disk usage on the Elasticsearch data nodes",
    "Improve DNS monitoring",
    "Audit the other services for YYYY patterns",
    "Audit Pingdom, Datadog and Grafana for alert integrations that point at archived channels",
    "Investigate why the replica lagged behind the primary",
    "Review the runbook against the new failover steps",
    "Add a double-check step to the deploy pipeline",
    "Raise the image origin autoscaling maximum to 12 and review it every quarter",
    "Move the revenue report to the Airflow scheduler",
    "Alert at 75% and page at 85% disk usage",
    "Train on-call engineers on the new failover runbook",
    "Update the runbook with the PgBouncer reload steps",
    "Add an alert",
])
def test_concrete(action):
    assert shapes().reason(action) is None, action


def test_vague_data_is_clean():
    data = load(VagueActionItemsData)  # the model takes strings only: bare on/no (booleans) fail
    for key, values in data:
        keys = [words(v) for v in values]
        assert len(keys) == len(set(keys)), f"{key}: duplicates"
    improve = {words(v) for v in data.improve_verbs}
    review = {words(v) for v in data.review_verbs}
    assert not improve & review
    assert not {v for v in improve if len(v) == 1} & {words(b) for b in data.builder_verbs}
