"""Loading and validating the service configuration.

Settings come from ``config/settings.json`` and can be overridden with
environment variables prefixed ``SHELFWISE_`` (for example
``SHELFWISE_DATABASE_PATH=/tmp/test.db``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Dict, List, Optional

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "config" / "settings.json"
ENV_PREFIX = "SHELFWISE_"


class ConfigError(ValueError):
    """Raised when the configuration file is missing a key or has a bad value."""


@dataclass
class Settings:
    """Runtime settings for one branch of the library."""

    branch_code: str = "MAIN"
    database_path: str = "shelfwise.db"
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    max_active_loans: int = 12
    max_renewals: int = 2
    hold_pickup_days: int = 5
    reminder_days_before_due: int = 2
    closed_weekdays: List[int] = field(default_factory=lambda: [6])
    holidays: List[str] = field(default_factory=list)
    smtp_host: Optional[str] = None
    sms_gateway_url: Optional[str] = None
    currency: str = "EUR"

    def is_closed_weekday(self, weekday: int) -> bool:
        """Return True if the branch is closed on ``weekday`` (Monday is 0)."""
        return weekday in self.closed_weekdays


def _apply_env_overrides(settings: Settings, environ: Dict[str, str]) -> None:
    """Override scalar settings from ``SHELFWISE_*`` variables (ints are parsed)."""
    for f in fields(settings):
        key = ENV_PREFIX + f.name.upper()
        if key in environ:
            current = getattr(settings, f.name)
            try:
                setattr(settings, f.name, int(environ[key]) if isinstance(current, int) else environ[key])
            except ValueError as exc:
                raise ConfigError(f"{key}: {exc}") from exc


def validate(settings: Settings) -> None:
    """Check ranges that would otherwise fail much later and less clearly."""
    if not 1 <= settings.http_port <= 65535:
        raise ConfigError(f"http_port out of range: {settings.http_port}")
    if settings.max_active_loans < 1:
        raise ConfigError("max_active_loans must be at least 1")
    for day in settings.closed_weekdays:
        if not 0 <= int(day) <= 6:
            raise ConfigError(f"closed_weekdays has an invalid day: {day}")
    if len(settings.currency) != 3:
        raise ConfigError("currency must be an ISO 4217 code such as EUR")


def load_settings(path: Optional[Path] = None, environ: Optional[Dict[str, str]] = None) -> Settings:
    """Read settings from ``path`` (JSON) and apply environment overrides."""
    path = Path(path) if path else DEFAULT_CONFIG_PATH
    environ = dict(os.environ if environ is None else environ)
    settings = Settings()
    if path.exists():
        with path.open("r", encoding="utf-8") as handle:
            raw = json.load(handle)
        known = {f.name for f in fields(Settings)}
        unknown = sorted(set(raw) - known - {"_comment"})
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(unknown)}")
        for key, value in raw.items():
            if key in known:
                setattr(settings, key, value)
    _apply_env_overrides(settings, environ)
    validate(settings)
    return settings
