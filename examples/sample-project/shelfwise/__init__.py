"""Shelfwise: a small lending service for community libraries."""

from shelfwise.config import Settings, load_settings

__all__ = ["Settings", "load_settings", "__version__"]

__version__ = "0.4.2"
