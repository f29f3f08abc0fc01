from datetime import date, datetime
from decimal import Decimal

import pytest

from shelfwise.circulation import CirculationError
from shelfwise.models import HoldStatus, LoanStatus


def test_checkout_and_return_on_time(desk, items, members):
    loan = desk.checkout(members["ana"].member_id, "000101", now=datetime(2024, 4, 1, 11, 0))
    assert loan.due_on == date(2024, 4, 22)
    receipt = desk.check_in("000101", returned_on=date(2024, 4, 20))
    assert receipt.loan.status is LoanStatus.RETURNED
    assert receipt.charges == []


def test_late_return_bills_a_fee(desk, repo, items, members):
    desk.checkout(members["ana"].member_id, "000201", now=datetime(2024, 4, 1, 11, 0))  # DVD, due 8 April
    receipt = desk.check_in("000201", returned_on=date(2024, 4, 13))
    # 9..13 April: 5 open days late, 3 charged at 1.00
    assert receipt.total_charged == Decimal("3.00")
    assert repo.outstanding_balance(members["ana"].member_id) == Decimal("3.00")


def test_renewal_extends_from_due_date(desk, members, items):
    loan = desk.checkout(members["ana"].member_id, "000101", now=datetime(2024, 4, 1))
    renewed = desk.renew(loan.loan_id, today=date(2024, 4, 15))
    assert renewed.due_on == date(2024, 5, 13)
    assert renewed.renewals == 1


def test_renewal_refused_when_someone_waits(desk, members, items):
    loan = desk.checkout(members["ana"].member_id, "000101", now=datetime(2024, 4, 1))
    desk.checkout(members["ana"].member_id, "000102", now=datetime(2024, 4, 1))
    desk.holds.place(members["rui"].member_id, "9789720046710", now=datetime(2024, 4, 3))
    with pytest.raises(CirculationError) as exc:
        desk.renew(loan.loan_id, today=date(2024, 4, 15))
    assert exc.value.code == "has_holds"


def test_returned_copy_goes_to_the_hold_shelf(desk, repo, members, items):
    desk.checkout(members["ana"].member_id, "000101", now=datetime(2024, 4, 1))
    desk.checkout(members["ana"].member_id, "000102", now=datetime(2024, 4, 1))
    hold = desk.holds.place(members["rui"].member_id, "9789720046710", now=datetime(2024, 4, 3))
    receipt = desk.check_in("000101", returned_on=date(2024, 4, 10))
    assert receipt.routed_to_hold == hold.hold_id
    ready = repo.ready_holds()
    assert ready[0].status is HoldStatus.READY and ready[0].ready_until == date(2024, 4, 16)
    with pytest.raises(CirculationError):
        desk.checkout(members["ines"].member_id, "000101", now=datetime(2024, 4, 11))
