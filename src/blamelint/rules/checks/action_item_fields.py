"""action-item-without-owner and action-item-without-due-date.

Both read the items parsed by blamelint.postmortem.action_items and point at the item's
first line (for a table, its action cell). Options (``[tool.blamelint.rules.<id>]``):

- ``include-done`` (both, default true): also report items marked done (a
  checked box, a Done status). Set it to false to hold only open items to the rule.
- ``ticket-counts`` (due date only, default false): a linked ticket (ABC-123,
  #123, an issue-tracker URL) counts as tracking in place of a date.
"""

from __future__ import annotations

from collections.abc import Iterable

from blamelint.data.models import NoCardData
from blamelint.postmortem.action_items import ActionItem, action_items
from blamelint.rules.base import Match
from blamelint.rules.document_rule import DocumentRule


class _ActionItemRule(DocumentRule):
    data_model = NoCardData
    OPTIONS = {"include-done": (bool, True)}

    def check_postmortem(self, document, context) -> Iterable[Match]:
        for item in action_items(document):
            if item.done and not self.settings["include-done"]:
                continue
            message = self.problem(item)
            if message:
                start, end = item.span()
                yield Match(start, end, message, self.card.suggestion)

    def problem(self, item: ActionItem):
        raise NotImplementedError


class ActionItemWithoutOwner(_ActionItemRule):
    def problem(self, item: ActionItem):
        if item.owner is None:
            return (
                "Action item has no owner: name one person or team "
                "(@handle, 'Owner: Name', or an owner column)."
            )
        return None


class ActionItemWithoutDueDate(_ActionItemRule):
    OPTIONS = {"include-done": (bool, True), "ticket-counts": (bool, False)}

    def problem(self, item: ActionItem):
        if item.due is not None or (item.ticket and self.settings["ticket-counts"]):
            return None
        return "Action item has no due date: add one ('due 2027-01-15', 'by Q3', or a due column)."
