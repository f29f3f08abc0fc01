"""Text normalisation used by catalogue search and notices."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import List

_WORD_RE = re.compile(r"[a-z0-9]+")
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "on", "to", "for", "o", "os", "as", "de", "da", "do"})

CURRENCY_SYMBOLS = {"EUR": "\u20ac", "USD": "$", "GBP": "\u00a3"}


def fold(text: str) -> str:
    """Lower-case and strip accents so that "Saramago" matches "SARAMAGO"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def tokenize(text: str, drop_stop_words: bool = True) -> List[str]:
    words = _WORD_RE.findall(fold(text))
    if drop_stop_words:
        words = [w for w in words if w not in STOP_WORDS]
    return words


def format_money(amount: Decimal, currency: str = "EUR") -> str:
    """Format an amount for notices: ``\u20ac3.50``; unknown currencies get the code."""
    symbol = CURRENCY_SYMBOLS.get(currency)
    quantized = amount.quantize(Decimal("0.01"))
    if symbol:
        return f"{symbol}{quantized}"
    return f"{quantized} {currency}"


def mask_email(email: str) -> str:
    """Hide most of the local part of an address for logs: ``j***@example.org``."""
    local, _, domain = email.partition("@")
    if not domain:
        return "***"
    return f"{local[:1]}***@{domain}"
