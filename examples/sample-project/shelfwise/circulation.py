"""Checkout, renewal and return: the desk workflows."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Dict, List, Optional

from shelfwise import fees
from shelfwise.config import Settings
from shelfwise.holds import HoldQueue
from shelfwise.models import (
    FeeLine,
    Item,
    ItemCondition,
    ItemKind,
    Loan,
    LoanStatus,
    Member,
)
from shelfwise.storage import Repository

log = logging.getLogger(__name__)

#: Loan period in calendar days, by kind of item.
LOAN_PERIOD_DAYS: Dict[ItemKind, int] = {
    ItemKind.BOOK: 21,
    ItemKind.AUDIOBOOK: 21,
    ItemKind.MAGAZINE: 7,
    ItemKind.DVD: 7,
    ItemKind.BOARD_GAME: 14,
    ItemKind.EQUIPMENT: 3,
}

#: A loan more than this many days overdue can no longer be renewed.
RENEWAL_OVERDUE_LIMIT_DAYS = 14


class CirculationError(Exception):
    """A desk operation was refused; ``code`` is stable for the API."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class ReturnReceipt:
    loan: Loan
    item: Item
    charges: List[FeeLine] = field(default_factory=list)
    routed_to_hold: Optional[int] = None

    @property
    def total_charged(self) -> Decimal:
        return sum((c.amount for c in self.charges), Decimal("0.00"))


def compute_due_date(item: Item, checked_out_on: date, settings: Settings) -> date:
    """Due date for a fresh checkout: loan period for the kind, moved to an open day."""
    from shelfwise.utils.dates import next_open_day

    period = LOAN_PERIOD_DAYS.get(item.kind, LOAN_PERIOD_DAYS[ItemKind.BOOK])
    return next_open_day(checked_out_on + timedelta(days=period), settings)


class CirculationDesk:
    """Implements the rules a librarian applies at the desk."""

    def __init__(self, repo: Repository, settings: Settings, holds: Optional[HoldQueue] = None) -> None:
        self.repo = repo
        self.settings = settings
        self.holds = holds or HoldQueue(repo, settings)

    # -- checkout ----------------------------------------------------------

    def check_eligibility(self, member: Member, today: date) -> None:
        """Raise ``CirculationError`` when ``member`` may not borrow right now."""
        if member.blocked:
            raise CirculationError("member_blocked", "membership is blocked; see the desk")
        if member.is_expired(today):
            raise CirculationError("member_expired", "membership has expired")
        if fees.should_block(self.repo.fees_for_member(member.member_id)):
            raise CirculationError("balance_too_high", "outstanding fees must be paid first")
        active = self.repo.loans_for_member(member.member_id, active_only=True)
        if len(active) >= self.settings.max_active_loans:
            raise CirculationError("loan_limit", f"already borrowing {len(active)} items")

    def checkout(self, member_id: int, barcode: str, now: Optional[datetime] = None) -> Loan:
        now = now or datetime.now()
        member = self.repo.get_member(member_id)
        item = self.repo.get_item_by_barcode(barcode)
        self.check_eligibility(member, now.date())
        if not item.is_lendable:
            raise CirculationError("not_lendable", f"{item.title!r} cannot be borrowed")
        if self.repo.active_loan_for_item(item.item_id):
            raise CirculationError("already_on_loan", "item is already checked out")
        if not self.holds.may_take(item, member):
            raise CirculationError("reserved", "item is reserved for another member")

        loan = Loan(
            loan_id=0,
            item_id=item.item_id,
            member_id=member.member_id,
            checked_out_at=now,
            due_on=compute_due_date(item, now.date(), self.settings),
        )
        with self.repo.transaction():
            self.repo.add_loan(loan)
            self.holds.mark_fulfilled(item, member)
        log.info("checkout loan=%s item=%s member=%s due=%s", loan.loan_id, barcode, member_id, loan.due_on)
        return loan

    # -- renewal -----------------------------------------------------------

    def renew(self, loan_id: int, today: Optional[date] = None) -> Loan:
        """Extend a loan by one more loan period.

        A renewal is refused when the loan is not active, when the member has
        already renewed ``settings.max_renewals`` times, when another member
        is waiting on a hold for the same title, when the member is blocked,
        or when the loan is more than ``RENEWAL_OVERDUE_LIMIT_DAYS`` overdue.

        The new period starts from the later of today and the current due
        date, so renewing early never shortens a loan, and the resulting due
        date is moved forward to the next day the branch is open.
        """
        from shelfwise.utils.dates import next_open_day

        today = today or date.today()
        loan = self.repo.get_loan(loan_id)
        if loan.status is not LoanStatus.ACTIVE:
            raise CirculationError("not_active", "only active loans can be renewed")
        if loan.renewals >= self.settings.max_renewals:
            raise CirculationError("renewal_limit", "no renewals left on this loan")

        item = self.repo.get_item(loan.item_id)
        member = self.repo.get_member(loan.member_id)
        if member.blocked:
            raise CirculationError("member_blocked", "membership is blocked; see the desk")
        if item.isbn and self.repo.holds_for_isbn(item.isbn):
            raise CirculationError("has_holds", "another member is waiting for this title")
        if (today - loan.due_on).days > RENEWAL_OVERDUE_LIMIT_DAYS:
            raise CirculationError("too_overdue", "overdue too long to renew; please return it")

        period = LOAN_PERIOD_DAYS.get(item.kind, LOAN_PERIOD_DAYS[ItemKind.BOOK])
        start = max(today, loan.due_on)
        loan.due_on = next_open_day(start + timedelta(days=period), self.settings)
        loan.renewals += 1
        self.repo.save_loan(loan)
        return loan

    # -- return ------------------------------------------------------------

    def check_in(
        self,
        barcode: str,
        returned_on: Optional[date] = None,
        condition: Optional[ItemCondition] = None,
    ) -> ReturnReceipt:
        """Return an item: close the loan, bill any fees, route it to a hold."""
        returned_on = returned_on or date.today()
        item = self.repo.get_item_by_barcode(barcode)
        loan = self.repo.active_loan_for_item(item.item_id)
        if loan is None:
            raise CirculationError("not_on_loan", f"{barcode} is not checked out")
        member = self.repo.get_member(loan.member_id)
        receipt = ReturnReceipt(loan=loan, item=item)

        late_fee = fees.compute_late_fee(loan, item, member, returned_on, self.settings)
        if late_fee > 0:
            receipt.charges.append(
                FeeLine(member.member_id, late_fee, f"Late return: {item.title}", loan.loan_id, returned_on)
            )

        if condition is not None and condition != item.condition:
            damage = fees.compute_damage_fee(item, item.condition, condition)
            if damage > 0:
                receipt.charges.append(
                    FeeLine(member.member_id, damage, f"Damage: {item.title}", loan.loan_id, returned_on)
                )
            self.repo.update_item_condition(item.item_id, condition)
            item.condition = condition

        loan.returned_on = returned_on
        loan.status = LoanStatus.RETURNED
        with self.repo.transaction():
            self.repo.save_loan(loan)
            for charge in receipt.charges:
                self.repo.add_fee(charge)
            hold = self.holds.route_returned_item(item, returned_on)
            receipt.routed_to_hold = hold.hold_id if hold else None
        return receipt
