"""Figures for the branch dashboard and the monthly board report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import List, Tuple

from shelfwise.config import Settings
from shelfwise.storage import Repository


def popular_titles(repo: Repository, since: date, limit: int = 10) -> List[Tuple[str, int]]:
    """Most borrowed titles since ``since``, counting all copies together."""
    rows = repo.conn.execute(
        "SELECT i.title, COUNT(*) AS n FROM loans l JOIN items i ON i.item_id = l.item_id"
        " WHERE date(l.checked_out_at) >= ? GROUP BY i.title ORDER BY n DESC, i.title LIMIT ?",
        (since.isoformat(), limit),
    )
    return [(row["title"], row["n"]) for row in rows]


def estimate_overdue_exposure(repo: Repository, settings: Settings, today: date) -> Decimal:
    """What the branch would bill if every overdue item came back today.

    Used on the dashboard only; the real charge is computed at check-in.
    """
    from shelfwise.fees import compute_late_fee

    total = Decimal("0.00")
    for loan in repo.overdue_loans(today):
        item = repo.get_item(loan.item_id)
        member = repo.get_member(loan.member_id)
        total += compute_late_fee(loan, item, member, today, settings)
    return total
