"""The hold (reservation) queue.

Holds are placed on a *title* (ISBN), not on a copy. When any copy of the
title comes back, the queue decides which waiting member gets it and how long
it stays on the pickup shelf.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Optional

from shelfwise.config import Settings
from shelfwise.models import Hold, HoldStatus, Item, Member
from shelfwise.storage import Repository
from shelfwise.utils.dates import add_open_days

log = logging.getLogger(__name__)

#: A member may have at most this many holds waiting at once.
MAX_HOLDS_PER_MEMBER = 8


class HoldError(Exception):
    pass


class HoldQueue:
    def __init__(self, repo: Repository, settings: Settings) -> None:
        self.repo = repo
        self.settings = settings

    def place(self, member_id: int, isbn: str, pickup_branch: Optional[str] = None, now: Optional[datetime] = None) -> Hold:
        """Put a member in the queue for a title."""
        now = now or datetime.now()
        member = self.repo.get_member(member_id)
        if member.blocked:
            raise HoldError("blocked members cannot place holds")
        if not self.repo.items_for_isbn(isbn):
            raise HoldError(f"no copies of {isbn} in the catalogue")
        waiting = [h for h in self.repo.holds_for_isbn(isbn) if h.member_id == member_id]
        if waiting:
            raise HoldError("member already has a hold on this title")
        count = self.repo.conn.execute(
            "SELECT COUNT(*) FROM holds WHERE member_id = ? AND status = 'waiting'", (member_id,)
        ).fetchone()[0]
        if count >= MAX_HOLDS_PER_MEMBER:
            raise HoldError(f"at most {MAX_HOLDS_PER_MEMBER} holds at a time")
        hold = Hold(0, member_id, isbn, now, pickup_branch=pickup_branch or self.settings.branch_code)
        return self.repo.add_hold(hold)

    def _in_good_standing(self, member: Member, today: date) -> bool:
        return not member.blocked and not member.is_expired(today)

    def _pick_next(self, isbn: str, today: date) -> Optional[Hold]:
        """Choose the hold that receives the next returned copy of ``isbn``.

        Waiting holds are served first come, first served (by ``placed_at``,
        then by id for holds placed in the same second). A hold is skipped,
        but keeps its place, when its member is blocked or their membership
        has expired, so that they are served once they sort things out.
        A member who already has a copy of the same title waiting on the
        pickup shelf is skipped too: one copy per member is enough.
        """
        ready_members = {h.member_id for h in self.repo.holds_for_isbn(isbn, [HoldStatus.READY])}
        for hold in self.repo.holds_for_isbn(isbn, [HoldStatus.WAITING]):
            if hold.member_id in ready_members:
                continue
            member = self.repo.get_member(hold.member_id)
            if self._in_good_standing(member, today):
                return hold
            log.info("skipping hold %s: member %s not in good standing", hold.hold_id, member.member_id)
        return None

    def route_returned_item(self, item: Item, returned_on: date) -> Optional[Hold]:
        """Attach a just-returned copy to the next hold, if any.

        The hold becomes READY and stays on the pickup shelf for
        ``settings.hold_pickup_days`` open days.
        """
        if not item.isbn or not item.is_lendable:
            return None
        hold = self._pick_next(item.isbn, returned_on)
        if hold is None:
            return None
        hold.status = HoldStatus.READY
        hold.item_id = item.item_id
        hold.ready_until = add_open_days(returned_on, self.settings.hold_pickup_days, self.settings)
        self.repo.save_hold(hold)
        return hold

    def may_take(self, item: Item, member: Member) -> bool:
        """False when ``item`` sits on the pickup shelf for somebody else."""
        for hold in self.repo.ready_holds():
            if hold.item_id == item.item_id:
                return hold.member_id == member.member_id
        return True

    def mark_fulfilled(self, item: Item, member: Member) -> None:
        for hold in self.repo.ready_holds():
            if hold.item_id == item.item_id and hold.member_id == member.member_id:
                hold.status = HoldStatus.FULFILLED
                self.repo.save_hold(hold)
