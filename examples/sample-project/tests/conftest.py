"""Shared fixtures: an in-memory repository with a few members and items."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from shelfwise.circulation import CirculationDesk
from shelfwise.config import Settings
from shelfwise.holds import HoldQueue
from shelfwise.models import Item, ItemKind, Member, MemberTier
from shelfwise.storage import Repository


@pytest.fixture
def settings() -> Settings:
    # Closed on Sundays, plus one public holiday in the test month.
    return Settings(database_path=":memory:", closed_weekdays=[6], holidays=["2024-04-25"], max_renewals=2)


@pytest.fixture
def repo() -> Repository:
    repository = Repository(":memory:")
    repository.migrate()
    yield repository
    repository.close()


@pytest.fixture
def members(repo):
    ana = repo.add_member(Member(0, "Ana Ferreira", "ana@example.org", MemberTier.ADULT, joined_on=date(2020, 1, 5)))
    rui = repo.add_member(Member(0, "Rui Costa", "rui@example.org", MemberTier.SENIOR, joined_on=date(2019, 6, 1)))
    ines = repo.add_member(Member(0, "Ines Lopes", "ines@example.org", MemberTier.CHILD, joined_on=date(2023, 9, 9)))
    return {"ana": ana, "rui": rui, "ines": ines}


@pytest.fixture
def items(repo):
    novel = repo.add_item(
        Item(0, "000101", "Memorial do Convento", ItemKind.BOOK, "9789720046710", "Jose Saramago", Decimal("18.00"))
    )
    novel_copy = repo.add_item(
        Item(0, "000102", "Memorial do Convento", ItemKind.BOOK, "9789720046710", "Jose Saramago", Decimal("18.00"))
    )
    film = repo.add_item(Item(0, "000201", "Aniki-Bobo", ItemKind.DVD, None, "Manoel de Oliveira", Decimal("12.00")))
    drill = repo.add_item(Item(0, "000301", "Cordless drill", ItemKind.EQUIPMENT, replacement_cost=Decimal("90.00")))
    return {"novel": novel, "novel_copy": novel_copy, "film": film, "drill": drill}


@pytest.fixture
def desk(repo, settings) -> CirculationDesk:
    return CirculationDesk(repo, settings, HoldQueue(repo, settings))
