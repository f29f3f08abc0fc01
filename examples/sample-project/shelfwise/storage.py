"""SQLite persistence.

One ``Repository`` wraps one connection. Rows map one-to-one onto the
dataclasses in ``models``; dates, decimals and enums are stored as text.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Iterator, List, Optional, Type, TypeVar

from shelfwise.models import FeeLine, Hold, HoldStatus, Item, ItemCondition, Loan, Member

T = TypeVar("T")

SCHEMA_VERSION = 3

SCHEMA = """
CREATE TABLE IF NOT EXISTS members (
    member_id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
    tier TEXT NOT NULL, phone TEXT, joined_on TEXT NOT NULL, expires_on TEXT,
    blocked INTEGER NOT NULL DEFAULT 0, prefers_sms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS items (
    item_id INTEGER PRIMARY KEY, barcode TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    kind TEXT NOT NULL, isbn TEXT, author TEXT, replacement_cost TEXT NOT NULL,
    condition TEXT NOT NULL, shelf_location TEXT NOT NULL DEFAULT '',
    reference_only INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS items_isbn ON items (isbn);
CREATE TABLE IF NOT EXISTS loans (
    loan_id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items,
    member_id INTEGER NOT NULL REFERENCES members, checked_out_at TEXT NOT NULL,
    due_on TEXT NOT NULL, returned_on TEXT, renewals INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS loans_member ON loans (member_id, status);
CREATE TABLE IF NOT EXISTS holds (
    hold_id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES members,
    isbn TEXT NOT NULL, placed_at TEXT NOT NULL, status TEXT NOT NULL,
    pickup_branch TEXT NOT NULL, ready_until TEXT, item_id INTEGER
);
CREATE TABLE IF NOT EXISTS fees (
    fee_id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES members,
    amount TEXT NOT NULL, reason TEXT NOT NULL, loan_id INTEGER, created_on TEXT NOT NULL,
    waived INTEGER NOT NULL DEFAULT 0, paid INTEGER NOT NULL DEFAULT 0
);
"""


class NotFound(LookupError):
    """Raised when a row that the caller expected does not exist."""


def to_column(value: Any) -> Any:
    """Python value -> SQLite value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, (date, Decimal)):
        return str(value)
    if isinstance(value, bool):
        return int(value)
    return value


def from_row(cls: Type[T], row: sqlite3.Row) -> T:
    """Build a dataclass from a row, converting text back using the field types."""
    values = {}
    for f in fields(cls):
        raw = row[f.name]
        kind = f.type if isinstance(f.type, str) else f.type.__name__
        if raw is None:
            values[f.name] = None
        elif "datetime" in kind:
            values[f.name] = datetime.fromisoformat(raw)
        elif "date" in kind:
            values[f.name] = date.fromisoformat(raw)
        elif "Decimal" in kind:
            values[f.name] = Decimal(raw)
        elif kind == "bool":
            values[f.name] = bool(raw)
        else:
            values[f.name] = raw
    obj = cls(**values)
    for f in fields(cls):  # enums: the default's type tells us which one
        default = getattr(cls, f.name, None)
        if isinstance(default, Enum) and values[f.name] is not None:
            setattr(obj, f.name, type(default)(values[f.name]))
    return obj


class Repository:
    """Data access for members, items, loans, holds and fees."""

    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")

    def migrate(self) -> None:
        self.conn.executescript(SCHEMA)
        self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block atomically; rolls back on any exception."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _insert(self, table: str, obj: Any, key: str) -> Any:
        names = [f.name for f in fields(obj) if f.name != key]
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        cur = self.conn.execute(sql, [to_column(getattr(obj, n)) for n in names])
        setattr(obj, key, cur.lastrowid)
        return obj

    def _one(self, cls: Type[T], sql: str, *params: Any) -> Optional[T]:
        row = self.conn.execute(sql, params).fetchone()
        return from_row(cls, row) if row else None

    def _all(self, cls: Type[T], sql: str, *params: Any) -> List[T]:
        return [from_row(cls, row) for row in self.conn.execute(sql, params)]

    def _get(self, cls: Type[T], sql: str, *params: Any) -> T:
        found = self._one(cls, sql, *params)
        if found is None:
            raise NotFound(f"{cls.__name__.lower()} {params[0]}")
        return found

    # -- members and items -----------------------------------------------

    def add_member(self, member: Member) -> Member:
        return self._insert("members", member, "member_id")

    def get_member(self, member_id: int) -> Member:
        return self._get(Member, "SELECT * FROM members WHERE member_id = ?", member_id)

    def add_item(self, item: Item) -> Item:
        return self._insert("items", item, "item_id")

    def get_item(self, item_id: int) -> Item:
        return self._get(Item, "SELECT * FROM items WHERE item_id = ?", item_id)

    def get_item_by_barcode(self, barcode: str) -> Item:
        return self._get(Item, "SELECT * FROM items WHERE barcode = ?", barcode)

    def items_for_isbn(self, isbn: str) -> List[Item]:
        return self._all(Item, "SELECT * FROM items WHERE isbn = ? ORDER BY item_id", isbn)

    def all_items(self) -> List[Item]:
        return self._all(Item, "SELECT * FROM items ORDER BY title")

    def update_item_condition(self, item_id: int, condition: ItemCondition) -> None:
        self.conn.execute("UPDATE items SET condition = ? WHERE item_id = ?", (condition.value, item_id))

    # -- loans -----------------------------------------------------------

    def add_loan(self, loan: Loan) -> Loan:
        return self._insert("loans", loan, "loan_id")

    def save_loan(self, loan: Loan) -> None:
        self.conn.execute(
            "UPDATE loans SET due_on = ?, returned_on = ?, renewals = ?, status = ? WHERE loan_id = ?",
            [to_column(v) for v in (loan.due_on, loan.returned_on, loan.renewals, loan.status, loan.loan_id)],
        )

    def get_loan(self, loan_id: int) -> Loan:
        return self._get(Loan, "SELECT * FROM loans WHERE loan_id = ?", loan_id)

    def active_loan_for_item(self, item_id: int) -> Optional[Loan]:
        return self._one(Loan, "SELECT * FROM loans WHERE item_id = ? AND status = 'active'", item_id)

    def loans_for_member(self, member_id: int, active_only: bool = False) -> List[Loan]:
        extra = " AND status = 'active'" if active_only else ""
        return self._all(Loan, f"SELECT * FROM loans WHERE member_id = ?{extra} ORDER BY due_on", member_id)

    def loans_due_on(self, day: date) -> List[Loan]:
        return self._all(Loan, "SELECT * FROM loans WHERE status = 'active' AND due_on = ?", day.isoformat())

    def overdue_loans(self, today: date) -> List[Loan]:
        return self._all(
            Loan, "SELECT * FROM loans WHERE status = 'active' AND due_on < ? ORDER BY due_on", today.isoformat()
        )

    # -- holds -----------------------------------------------------------

    def add_hold(self, hold: Hold) -> Hold:
        return self._insert("holds", hold, "hold_id")

    def save_hold(self, hold: Hold) -> None:
        self.conn.execute(
            "UPDATE holds SET status = ?, ready_until = ?, item_id = ? WHERE hold_id = ?",
            [to_column(v) for v in (hold.status, hold.ready_until, hold.item_id, hold.hold_id)],
        )

    def holds_for_isbn(self, isbn: str, statuses: Optional[List[HoldStatus]] = None) -> List[Hold]:
        statuses = statuses or [HoldStatus.WAITING]
        marks = ", ".join("?" for _ in statuses)
        sql = f"SELECT * FROM holds WHERE isbn = ? AND status IN ({marks}) ORDER BY placed_at, hold_id"
        return self._all(Hold, sql, isbn, *[s.value for s in statuses])

    def ready_holds(self) -> List[Hold]:
        return self._all(Hold, "SELECT * FROM holds WHERE status = 'ready' ORDER BY ready_until")

    # -- fees ------------------------------------------------------------

    def add_fee(self, fee: FeeLine) -> None:
        names = [f.name for f in fields(fee)]
        self.conn.execute(
            f"INSERT INTO fees ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
            [to_column(getattr(fee, n)) for n in names],
        )

    def fees_for_member(self, member_id: int, include_settled: bool = False) -> List[FeeLine]:
        extra = "" if include_settled else " AND waived = 0 AND paid = 0"
        return self._all(FeeLine, f"SELECT * FROM fees WHERE member_id = ?{extra} ORDER BY created_on", member_id)

    def outstanding_balance(self, member_id: int) -> Decimal:
        return sum((f.amount for f in self.fees_for_member(member_id)), Decimal("0.00"))
