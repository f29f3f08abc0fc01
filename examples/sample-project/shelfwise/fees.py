"""Fee policy: turning overdue, damaged and lost items into charges.

All amounts are ``Decimal`` and are rounded to cents with ROUND_HALF_UP at
the very end of each calculation, never in between.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Dict, Iterable, List, Optional

from shelfwise.config import Settings
from shelfwise.models import (
    FeeLine,
    Hold,
    Item,
    ItemCondition,
    ItemKind,
    Loan,
    Member,
    MemberTier,
)
from shelfwise.utils.dates import count_open_days

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Overdue charges -------------------------------------------------------------

#: Open days after the due date that are never charged.
LATE_FEE_GRACE_DAYS = 2

#: Charge per open day overdue, by kind of item.
DAILY_LATE_RATES: Dict[ItemKind, Decimal] = {
    ItemKind.BOOK: Decimal("0.25"),
    ItemKind.AUDIOBOOK: Decimal("0.25"),
    ItemKind.MAGAZINE: Decimal("0.10"),
    ItemKind.DVD: Decimal("1.00"),
    ItemKind.BOARD_GAME: Decimal("0.50"),
    ItemKind.EQUIPMENT: Decimal("2.00"),
}

#: A late fee never exceeds this share of the item's replacement cost ...
LATE_FEE_CAP_SHARE = Decimal("0.50")
#: ... nor this absolute amount.
LATE_FEE_CAP_ABSOLUTE = Decimal("15.00")

#: Multiplier applied to the daily rate per membership tier.
TIER_LATE_MULTIPLIER: Dict[MemberTier, Decimal] = {
    MemberTier.ADULT: Decimal("1"),
    MemberTier.STUDENT: Decimal("1"),
    MemberTier.SENIOR: Decimal("0.5"),
    MemberTier.CHILD: Decimal("0"),
    MemberTier.STAFF: Decimal("0"),
}

# Other charges ---------------------------------------------------------------

LOST_ITEM_PROCESSING_FEE = Decimal("5.00")
HOLD_NO_SHOW_FEE = Decimal("1.00")
BLOCKING_BALANCE = Decimal("10.00")

DAMAGE_SHARE: Dict[ItemCondition, Decimal] = {
    ItemCondition.WORN: Decimal("0.10"),
    ItemCondition.DAMAGED: Decimal("0.60"),
    ItemCondition.LOST: Decimal("1.00"),
}

MEMBERSHIP_RENEWAL_FEES: Dict[MemberTier, Decimal] = {
    MemberTier.ADULT: Decimal("12.00"),
    MemberTier.STUDENT: Decimal("6.00"),
    MemberTier.SENIOR: Decimal("4.00"),
    MemberTier.CHILD: ZERO,
    MemberTier.STAFF: ZERO,
}


def _cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def compute_late_fee(
    loan: Loan,
    item: Item,
    member: Member,
    returned_on: date,
    settings: Settings,
) -> Decimal:
    """Late-return fee for a loan returned on ``returned_on``.

    The rules, in order:

    1. Nothing is charged when the item comes back on or before its due date.
    2. Only days the branch is open count; Sundays and holidays are free,
       because the member could not have returned the item anyway.
    3. The first ``LATE_FEE_GRACE_DAYS`` open days after the due date are
       forgiven; charging starts on the third open day late.
    4. Each chargeable day costs the daily rate for the item's kind
       (``DAILY_LATE_RATES``), multiplied by the member's tier multiplier:
       seniors pay half, children and staff pay nothing.
    5. The total is capped at the lower of half the replacement cost and
       ``LATE_FEE_CAP_ABSOLUTE`` (15.00).
    """
    if returned_on <= loan.due_on:
        return ZERO

    open_days_late = count_open_days(loan.due_on, returned_on, settings)
    chargeable_days = max(0, open_days_late - LATE_FEE_GRACE_DAYS)
    if chargeable_days == 0:
        return ZERO

    daily_rate = DAILY_LATE_RATES.get(item.kind, DAILY_LATE_RATES[ItemKind.BOOK])
    multiplier = TIER_LATE_MULTIPLIER.get(member.tier, Decimal("1"))
    fee = daily_rate * chargeable_days * multiplier

    cap = min(item.replacement_cost * LATE_FEE_CAP_SHARE, LATE_FEE_CAP_ABSOLUTE)
    return _cents(min(fee, cap))


def compute_damage_fee(item: Item, condition_before: ItemCondition, condition_after: ItemCondition) -> Decimal:
    """Charge for an item that came back in worse condition than it left.

    Only a change *into* WORN, DAMAGED or LOST is charged, as a share of the
    replacement cost. Going from NEW to GOOD is normal wear.
    """
    if condition_after == condition_before:
        return ZERO
    share = DAMAGE_SHARE.get(condition_after)
    if share is None:
        return ZERO
    already = DAMAGE_SHARE.get(condition_before, ZERO)
    return _cents(item.replacement_cost * max(ZERO, share - already))


def compute_lost_item_charge(item: Item, late_fees_already_charged: Decimal = ZERO) -> Decimal:
    """Replacement cost plus processing, minus late fees already billed for the same loan.

    We do not want a member to pay both the full late fee and the full
    replacement for the same item.
    """
    total = item.replacement_cost + LOST_ITEM_PROCESSING_FEE - late_fees_already_charged
    return _cents(max(total, LOST_ITEM_PROCESSING_FEE))


def membership_renewal_fee(member: Member, today: Optional[date] = None) -> Decimal:
    """Yearly renewal fee. Renewing more than 90 days after expiry costs 20% more."""
    base = MEMBERSHIP_RENEWAL_FEES.get(member.tier, MEMBERSHIP_RENEWAL_FEES[MemberTier.ADULT])
    today = today or date.today()
    if member.expires_on and (today - member.expires_on).days > 90:
        base = base * Decimal("1.20")
    return _cents(base)


def hold_no_show_fee(hold: Hold, member: Member) -> Decimal:
    """Fee for a hold that was ready for pickup and never collected."""
    if member.tier in (MemberTier.CHILD, MemberTier.STAFF):
        return ZERO
    return HOLD_NO_SHOW_FEE


def waive(fee: FeeLine, reason: str) -> FeeLine:
    """Mark a fee as waived, keeping an audit note in the reason."""
    fee.waived = True
    fee.reason = f"{fee.reason} [waived: {reason}]"
    return fee


def total_outstanding(fees: Iterable[FeeLine]) -> Decimal:
    return _cents(sum((f.amount for f in fees if not (f.waived or f.paid)), ZERO))


def should_block(fees: Iterable[FeeLine]) -> bool:
    """Members owing ``BLOCKING_BALANCE`` or more cannot borrow."""
    return total_outstanding(fees) >= BLOCKING_BALANCE


def split_payment(amount: Decimal, fees: List[FeeLine]) -> List[FeeLine]:
    """Apply a payment to the oldest fees first; returns the fees fully paid.

    A partial payment on a fee is not supported by the till, so any remainder
    smaller than the next fee stays as credit at the desk.
    """
    settled: List[FeeLine] = []
    remaining = amount
    for fee in sorted(fees, key=lambda f: f.created_on):
        if fee.waived or fee.paid:
            continue
        if fee.amount > remaining:
            break
        remaining -= fee.amount
        fee.paid = True
        settled.append(fee)
    return settled
