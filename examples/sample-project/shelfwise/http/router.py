"""A minimal path router: ``/members/{id}/loans`` style patterns to handlers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Pattern, Tuple

Handler = Callable[..., Tuple[int, Any]]

_PARAM_RE = re.compile(r"\{([a-z_]+)(?::(int|str))?\}")


@dataclass
class Request:
    method: str
    path: str
    query: Dict[str, str] = field(default_factory=dict)
    body: Optional[Dict[str, Any]] = None
    headers: Dict[str, str] = field(default_factory=dict)


@dataclass
class Route:
    method: str
    pattern: Pattern[str]
    converters: Dict[str, Callable[[str], Any]]
    handler: Handler
    template: str


class MethodNotAllowed(Exception):
    def __init__(self, allowed: List[str]) -> None:
        super().__init__(", ".join(allowed))
        self.allowed = allowed


def compile_template(template: str) -> Tuple[Pattern[str], Dict[str, Callable[[str], Any]]]:
    """Turn ``/items/{item_id:int}`` into a regex and a converter per parameter."""
    converters: Dict[str, Callable[[str], Any]] = {}
    parts: List[str] = []
    last = 0
    for match in _PARAM_RE.finditer(template):
        parts.append(re.escape(template[last : match.start()]))
        name, kind = match.group(1), match.group(2) or "str"
        converters[name] = int if kind == "int" else str
        parts.append(rf"(?P<{name}>\d+)" if kind == "int" else rf"(?P<{name}>[^/]+)")
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("^" + "".join(parts) + "/?$"), converters


class Router:
    def __init__(self) -> None:
        self.routes: List[Route] = []

    def add(self, method: str, template: str, handler: Handler) -> None:
        pattern, converters = compile_template(template)
        self.routes.append(Route(method.upper(), pattern, converters, handler, template))

    def match(self, method: str, path: str) -> Optional[Tuple[Handler, Dict[str, Any]]]:
        allowed: List[str] = []
        for route in self.routes:
            found = route.pattern.match(path)
            if not found:
                continue
            if route.method != method.upper():
                allowed.append(route.method)
                continue
            params = {name: route.converters[name](value) for name, value in found.groupdict().items()}
            return route.handler, params
        if allowed:
            raise MethodNotAllowed(sorted(set(allowed)))
        return None
