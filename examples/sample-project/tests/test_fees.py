from datetime import date, datetime
from decimal import Decimal

from shelfwise.fees import (
    compute_damage_fee,
    compute_late_fee,
    compute_lost_item_charge,
)
from shelfwise.models import ItemCondition, Loan

DUE = date(2024, 4, 22)  # a Monday


def make_loan(item, member, due=DUE):
    return Loan(0, item.item_id, member.member_id, datetime(2024, 4, 1, 10, 30), due)


def test_no_fee_when_returned_on_time(items, members, settings):
    loan = make_loan(items["novel"], members["ana"])
    assert compute_late_fee(loan, items["novel"], members["ana"], DUE, settings) == Decimal("0.00")


def test_grace_period_is_free(items, members, settings):
    loan = make_loan(items["novel"], members["ana"])
    # Tue 23 and Wed 24 are the two grace days.
    assert compute_late_fee(loan, items["novel"], members["ana"], date(2024, 4, 24), settings) == Decimal("0.00")


def test_holiday_and_sunday_are_not_counted(items, members, settings):
    loan = make_loan(items["novel"], members["ana"])
    # 23, 24, 26, 27, 29 are open (25 is a holiday, 28 a Sunday): 5 open days, 3 charged.
    assert compute_late_fee(loan, items["novel"], members["ana"], date(2024, 4, 29), settings) == Decimal("0.75")


def test_senior_pays_half_rounded_up(items, members, settings):
    loan = make_loan(items["novel"], members["rui"])
    assert compute_late_fee(loan, items["novel"], members["rui"], date(2024, 4, 29), settings) == Decimal("0.38")


def test_children_are_never_charged_late_fees(items, members, settings):
    loan = make_loan(items["film"], members["ines"])
    assert compute_late_fee(loan, items["film"], members["ines"], date(2024, 6, 1), settings) == Decimal("0.00")


def test_fee_is_capped_at_half_the_replacement_cost(items, members, settings):
    loan = make_loan(items["film"], members["ana"])
    assert compute_late_fee(loan, items["film"], members["ana"], date(2024, 6, 1), settings) == Decimal("6.00")


def test_fee_is_capped_at_absolute_maximum(items, members, settings):
    loan = make_loan(items["drill"], members["ana"])
    assert compute_late_fee(loan, items["drill"], members["ana"], date(2024, 6, 1), settings) == Decimal("15.00")


def test_damage_fee_only_charges_the_difference(items):
    novel = items["novel"]
    assert compute_damage_fee(novel, ItemCondition.GOOD, ItemCondition.DAMAGED) == Decimal("10.80")
    assert compute_damage_fee(novel, ItemCondition.WORN, ItemCondition.DAMAGED) == Decimal("9.00")
    assert compute_damage_fee(novel, ItemCondition.NEW, ItemCondition.GOOD) == Decimal("0.00")


def test_lost_item_charge_deducts_late_fees(items):
    assert compute_lost_item_charge(items["novel"]) == Decimal("23.00")
    assert compute_lost_item_charge(items["novel"], Decimal("3.00")) == Decimal("20.00")
