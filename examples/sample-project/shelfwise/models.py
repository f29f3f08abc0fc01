"""Domain objects: plain dataclasses; the business rules live elsewhere."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Optional


class MemberTier(str, enum.Enum):
    """Membership categories. The tier drives loan limits and some fees."""

    ADULT = "adult"
    CHILD = "child"
    SENIOR = "senior"
    STUDENT = "student"
    STAFF = "staff"


class ItemKind(str, enum.Enum):
    BOOK = "book"
    AUDIOBOOK = "audiobook"
    DVD = "dvd"
    MAGAZINE = "magazine"
    BOARD_GAME = "board_game"
    EQUIPMENT = "equipment"


class ItemCondition(str, enum.Enum):
    NEW = "new"
    GOOD = "good"
    WORN = "worn"
    DAMAGED = "damaged"
    LOST = "lost"


class LoanStatus(str, enum.Enum):
    ACTIVE = "active"
    RETURNED = "returned"
    LOST = "lost"
    CLAIMED_RETURNED = "claimed_returned"


class HoldStatus(str, enum.Enum):
    WAITING = "waiting"
    READY = "ready"
    FULFILLED = "fulfilled"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


@dataclass
class Member:
    member_id: int
    name: str
    email: str
    tier: MemberTier = MemberTier.ADULT
    phone: Optional[str] = None
    joined_on: date = field(default_factory=date.today)
    expires_on: Optional[date] = None
    blocked: bool = False
    prefers_sms: bool = False

    def is_expired(self, today: Optional[date] = None) -> bool:
        today = today or date.today()
        return self.expires_on is not None and self.expires_on < today

    @property
    def display_name(self) -> str:
        first, _, rest = self.name.partition(" ")
        return f"{first} {rest[:1]}." if rest else first


@dataclass
class Item:
    """One physical copy. Several items can share a title (same ISBN)."""

    item_id: int
    barcode: str
    title: str
    kind: ItemKind = ItemKind.BOOK
    isbn: Optional[str] = None
    author: Optional[str] = None
    replacement_cost: Decimal = Decimal("25.00")
    condition: ItemCondition = ItemCondition.GOOD
    shelf_location: str = ""
    reference_only: bool = False

    @property
    def is_lendable(self) -> bool:
        return not self.reference_only and self.condition not in (
            ItemCondition.DAMAGED,
            ItemCondition.LOST,
        )


@dataclass
class Loan:
    loan_id: int
    item_id: int
    member_id: int
    checked_out_at: datetime
    due_on: date
    returned_on: Optional[date] = None
    renewals: int = 0
    status: LoanStatus = LoanStatus.ACTIVE

    def is_overdue(self, today: Optional[date] = None) -> bool:
        if self.status is not LoanStatus.ACTIVE:
            return False
        return (today or date.today()) > self.due_on

    def days_out(self, today: Optional[date] = None) -> int:
        end = self.returned_on or today or date.today()
        return (end - self.checked_out_at.date()).days


@dataclass
class Hold:
    hold_id: int
    member_id: int
    isbn: str
    placed_at: datetime
    status: HoldStatus = HoldStatus.WAITING
    pickup_branch: str = "MAIN"
    ready_until: Optional[date] = None
    item_id: Optional[int] = None


@dataclass
class FeeLine:
    """A single charge on a member's account."""

    member_id: int
    amount: Decimal
    reason: str
    loan_id: Optional[int] = None
    created_on: date = field(default_factory=date.today)
    waived: bool = False
    paid: bool = False
