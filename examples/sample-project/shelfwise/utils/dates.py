"""Date helpers that know about the library's opening calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Iterator, Optional, Set

from shelfwise.config import Settings

ISO_FORMAT = "%Y-%m-%d"


def parse_date(value: str) -> date:
    """Parse ``YYYY-MM-DD``; raises ValueError with a readable message."""
    try:
        return datetime.strptime(value.strip(), ISO_FORMAT).date()
    except ValueError as exc:
        raise ValueError(f"expected a date like 2024-03-17, got {value!r}") from exc


def holiday_set(settings: Settings) -> Set[date]:
    return {parse_date(day) for day in settings.holidays}


def is_open(day: date, settings: Settings, holidays: Optional[Set[date]] = None) -> bool:
    """True when the branch is open on ``day`` (not a closed weekday or holiday)."""
    holidays = holiday_set(settings) if holidays is None else holidays
    return not settings.is_closed_weekday(day.weekday()) and day not in holidays


def next_open_day(day: date, settings: Settings) -> date:
    """Return ``day`` itself if the branch is open, otherwise the next open day."""
    holidays = holiday_set(settings)
    candidate = day
    for _ in range(30):
        if is_open(candidate, settings, holidays):
            return candidate
        candidate += timedelta(days=1)
    raise RuntimeError("no open day within 30 days; check the holiday calendar")


def days_between(start: date, end: date) -> Iterator[date]:
    """Yield each day after ``start`` up to and including ``end``."""
    current = start + timedelta(days=1)
    while current <= end:
        yield current
        current += timedelta(days=1)


def count_open_days(start: date, end: date, settings: Settings) -> int:
    """Number of open days strictly after ``start`` and up to ``end``."""
    if end <= start:
        return 0
    holidays = holiday_set(settings)
    return sum(1 for day in days_between(start, end) if is_open(day, settings, holidays))


def add_open_days(start: date, count: int, settings: Settings) -> date:
    """Move forward ``count`` open days from ``start``."""
    holidays = holiday_set(settings)
    current = start
    remaining = count
    while remaining > 0:
        current += timedelta(days=1)
        if is_open(current, settings, holidays):
            remaining -= 1
    return current


def format_relative(day: date, today: Optional[date] = None) -> str:
    """Human wording used in notices: "today", "tomorrow", "in 3 days", "2 days ago"."""
    today = today or date.today()
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    if delta > 1:
        return f"in {delta} days"
    return f"{-delta} days ago"
