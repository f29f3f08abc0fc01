"""Catalogue records: ISBN handling and a small in-memory search index."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Set

from shelfwise.models import Item, ItemKind
from shelfwise.utils.text import fold, tokenize

#: Title words count more than author words when ranking search results.
TITLE_WEIGHT = 2.0
AUTHOR_WEIGHT = 1.0
MAX_RESULTS = 25


class InvalidIsbn(ValueError):
    pass


def normalize_isbn(raw: str) -> str:
    """Strip hyphens and spaces."""
    return raw.replace("-", "").replace(" ", "")


def isbn13_check_digit(first_twelve: str) -> str:
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(first_twelve))
    return str((10 - total % 10) % 10)


def validate_isbn(raw: str) -> str:
    """Return the normalised ISBN-13 or raise ``InvalidIsbn``."""
    isbn = normalize_isbn(raw)
    if len(isbn) == 13 and isbn.isdigit():
        if isbn13_check_digit(isbn[:12]) != isbn[12]:
            raise InvalidIsbn(f"bad ISBN-13 check digit: {raw}")
        return isbn
    raise InvalidIsbn(f"not an ISBN: {raw}")


@dataclass
class SearchHit:
    item: Item
    score: float


class CatalogIndex:
    """A tiny TF-IDF style index over titles and authors.

    The catalogue of a community branch is a few thousand titles, so the
    whole index lives in memory and is rebuilt at start-up.
    """

    def __init__(self) -> None:
        self._items: Dict[int, Item] = {}
        self._postings: Dict[str, Dict[int, float]] = defaultdict(dict)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, item: Item) -> None:
        self._items[item.item_id] = item
        weights: Counter = Counter()
        for word in tokenize(item.title):
            weights[word] += TITLE_WEIGHT
        for word in tokenize(item.author or ""):
            weights[word] += AUTHOR_WEIGHT
        for word, weight in weights.items():
            self._postings[word][item.item_id] = weight

    def add_all(self, items: Iterable[Item]) -> None:
        for item in items:
            self.add(item)

    def _idf(self, word: str) -> float:
        df = len(self._postings.get(word, {}))
        return math.log((1 + len(self._items)) / (1 + df)) + 1.0

    def search(self, query: str, kinds: Optional[Set[ItemKind]] = None, limit: int = MAX_RESULTS) -> List[SearchHit]:
        """Rank items by summed weight * idf of the query words they contain."""
        scores: Dict[int, float] = defaultdict(float)
        for word in tokenize(query):
            idf = self._idf(word)
            for item_id, weight in self._postings.get(word, {}).items():
                scores[item_id] += weight * idf
        hits = [
            SearchHit(self._items[item_id], score)
            for item_id, score in scores.items()
            if kinds is None or self._items[item_id].kind in kinds
        ]
        hits.sort(key=lambda h: (-h.score, fold(h.item.title)))
        return hits[:limit]
