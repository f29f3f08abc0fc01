"""Member notices: due-date reminders and overdue notices.

Messages are built as plain data (``Notice``) and handed to a ``Sender``.
Production uses e-mail or an SMS gateway; tests use ``MemorySender``.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage
from string import Template
from typing import Dict, List, Optional, Protocol

from shelfwise.config import Settings
from shelfwise.models import Item, Loan, Member
from shelfwise.storage import Repository
from shelfwise.utils.dates import format_relative
from shelfwise.utils.text import mask_email

log = logging.getLogger(__name__)

FROM_ADDRESS = "no-reply@shelfwise.example"

TEMPLATES: Dict[str, Template] = {
    "due_soon": Template(
        "Hello $name,\n\n\"$title\" is due back $when ($due). "
        "You can renew it online unless someone else is waiting for it.\n"
    ),
    "overdue": Template(
        "Hello $name,\n\n\"$title\" was due on $due and is now $days day(s) overdue. "
        "Please return it as soon as you can; late fees apply after a short grace period.\n"
    ),
}


@dataclass
class Notice:
    member: Member
    kind: str
    subject: str
    body: str


class Sender(Protocol):
    def send(self, notice: Notice) -> None: ...


class MemorySender:
    """Collects notices in a list; used by tests and ``--dry-run``."""

    def __init__(self) -> None:
        self.sent: List[Notice] = []

    def send(self, notice: Notice) -> None:
        self.sent.append(notice)


class EmailSender:
    def __init__(self, host: str, port: int = 25) -> None:
        self.host = host
        self.port = port

    def send(self, notice: Notice) -> None:
        message = EmailMessage()
        message["From"] = FROM_ADDRESS
        message["To"] = notice.member.email
        message["Subject"] = notice.subject
        message.set_content(notice.body)
        with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
            smtp.send_message(message)
        log.info("mailed %s notice to %s", notice.kind, mask_email(notice.member.email))


def build_due_soon(member: Member, item: Item, loan: Loan, today: date) -> Notice:
    body = TEMPLATES["due_soon"].substitute(
        name=member.display_name, title=item.title, when=format_relative(loan.due_on, today), due=loan.due_on
    )
    return Notice(member, "due_soon", f"Due {format_relative(loan.due_on, today)}: {item.title}", body)


def build_overdue(member: Member, item: Item, loan: Loan, today: date) -> Notice:
    days = (today - loan.due_on).days
    body = TEMPLATES["overdue"].substitute(name=member.display_name, title=item.title, due=loan.due_on, days=days)
    return Notice(member, "overdue", f"Overdue: {item.title}", body)


class Notifier:
    """Decides who gets which notice on a given day."""

    #: Overdue notices go out on these days past the due date, not daily.
    OVERDUE_NOTICE_DAYS = (1, 7, 21)

    def __init__(self, repo: Repository, settings: Settings, sender: Sender, sms_sender: Optional[Sender] = None) -> None:
        # ``sms_sender`` is optional: members who prefer SMS get e-mail when it is missing.
        self.repo = repo
        self.settings = settings
        self.sender = sender
        self.sms_sender = sms_sender

    def _dispatch(self, notice: Notice) -> None:
        if notice.member.prefers_sms and self.sms_sender and notice.member.phone:
            self.sms_sender.send(notice)
        else:
            self.sender.send(notice)

    def due_soon_notices(self, today: date) -> List[Notice]:
        target = today + timedelta(days=self.settings.reminder_days_before_due)
        notices = []
        for loan in self.repo.loans_due_on(target):
            member = self.repo.get_member(loan.member_id)
            notices.append(build_due_soon(member, self.repo.get_item(loan.item_id), loan, today))
        return notices

    def overdue_notices(self, today: date) -> List[Notice]:
        notices = []
        for loan in self.repo.overdue_loans(today):
            if (today - loan.due_on).days in self.OVERDUE_NOTICE_DAYS:
                member = self.repo.get_member(loan.member_id)
                notices.append(build_overdue(member, self.repo.get_item(loan.item_id), loan, today))
        return notices

    def run_daily(self, today: date, dry_run: bool = False) -> List[Notice]:
        """Build and (unless ``dry_run``) send all of today's notices."""
        notices = self.due_soon_notices(today) + self.overdue_notices(today)
        if not dry_run:
            for notice in notices:
                try:
                    self._dispatch(notice)
                except Exception:  # one bad address must not stop the batch
                    log.exception("could not send %s notice to member %s", notice.kind, notice.member.member_id)
        return notices
