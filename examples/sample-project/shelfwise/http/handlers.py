"""API endpoints. Each handler returns ``(status, json_body)``."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from http import HTTPStatus
from typing import Any, Callable, Dict, List, Tuple
from urllib.parse import parse_qsl

from shelfwise.catalog import CatalogIndex, InvalidIsbn, validate_isbn
from shelfwise.circulation import CirculationDesk, CirculationError
from shelfwise.fees import total_outstanding
from shelfwise.holds import HoldError, HoldQueue
from shelfwise.http.router import MethodNotAllowed, Request, Router
from shelfwise.models import ItemCondition
from shelfwise.storage import NotFound, Repository
from shelfwise.utils.dates import parse_date

Response = Tuple[int, Any]

MAX_BODY_BYTES = 64 * 1024

#: HTTP status per ``CirculationError.code``; anything else is a 409 Conflict.
ERROR_STATUS = {"member_blocked": 403, "member_expired": 403, "balance_too_high": 402, "not_on_loan": 404}


def to_json(value: Any) -> Any:
    """Make dataclasses, dates, decimals and enums JSON friendly."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: to_json(v) for k, v in asdict(value).items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


def error(status: int, code: str, message: str) -> Response:
    return status, {"error": {"code": code, "message": message}}


def require(body: Dict[str, Any] | None, *keys: str) -> Dict[str, Any]:
    body = body or {}
    missing = [k for k in keys if k not in body]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    return body


class Api:
    """Binds the desk, queue and catalogue to routes."""

    def __init__(self, repo: Repository, desk: CirculationDesk, holds: HoldQueue, index: CatalogIndex) -> None:
        self.repo = repo
        self.desk = desk
        self.holds = holds
        self.index = index
        self.router = Router()
        self._register()

    def _register(self) -> None:
        r = self.router
        r.add("GET", "/search", self.search)
        r.add("GET", "/members/{member_id:int}/loans", self.member_loans)
        r.add("GET", "/members/{member_id:int}/fees", self.member_fees)
        r.add("POST", "/checkouts", self.checkout)
        r.add("POST", "/loans/{loan_id:int}/renew", self.renew)
        r.add("POST", "/returns", self.check_in)
        r.add("POST", "/holds", self.place_hold)

    def dispatch(self, request: Request) -> Response:
        try:
            found = self.router.match(request.method, request.path)
            if found is None:
                return error(404, "not_found", f"no route for {request.path}")
            handler, params = found
            return handler(request, **params)
        except CirculationError as exc:
            return error(ERROR_STATUS.get(exc.code, 409), exc.code, str(exc))
        except (HoldError, InvalidIsbn, ValueError) as exc:
            return error(400, "bad_request", str(exc))
        except NotFound as exc:
            return error(404, "not_found", str(exc))
        except MethodNotAllowed as exc:
            return error(405, "method_not_allowed", f"allowed: {exc}")

    def __call__(self, environ: Dict[str, Any], start_response: Callable) -> List[bytes]:
        """WSGI entry point, so any WSGI server can host the API."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            if length > MAX_BODY_BYTES:
                raise ValueError("request body too large")
            raw = environ["wsgi.input"].read(length) if length else b""
            request = Request(
                method=environ["REQUEST_METHOD"],
                path=environ.get("PATH_INFO") or "/",
                query=dict(parse_qsl(environ.get("QUERY_STRING", ""))),
                body=json.loads(raw) if raw else None,
            )
            status, payload = self.dispatch(request)
        except ValueError as exc:  # includes json.JSONDecodeError
            status, payload = error(400, "bad_json", str(exc))
        data = b"" if payload is None else json.dumps(payload).encode("utf-8")
        start_response(
            f"{status} {HTTPStatus(status).phrase}",
            [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(data)))],
        )
        return [data]

    # -- handlers ------------------------------------------------------------

    def search(self, request: Request) -> Response:
        query = request.query.get("q", "").strip()
        if not query:
            raise ValueError("q is required")
        hits = self.index.search(query, limit=int(request.query.get("limit", 25)))
        return 200, {"results": [{"score": round(h.score, 3), **to_json(h.item)} for h in hits]}

    def member_loans(self, request: Request, member_id: int) -> Response:
        active_only = request.query.get("active", "true") != "false"
        loans = self.repo.loans_for_member(member_id, active_only=active_only)
        return 200, {"loans": to_json(loans)}

    def member_fees(self, request: Request, member_id: int) -> Response:
        fees = self.repo.fees_for_member(member_id)
        return 200, {"fees": to_json(fees), "balance": str(total_outstanding(fees))}

    def checkout(self, request: Request) -> Response:
        body = require(request.body, "member_id", "barcode")
        loan = self.desk.checkout(int(body["member_id"]), str(body["barcode"]))
        return 201, to_json(loan)

    def renew(self, request: Request, loan_id: int) -> Response:
        return 200, to_json(self.desk.renew(loan_id))

    def check_in(self, request: Request) -> Response:
        body = require(request.body, "barcode")
        returned_on = parse_date(body["returned_on"]) if body.get("returned_on") else None
        condition = ItemCondition(body["condition"]) if body.get("condition") else None
        receipt = self.desk.check_in(str(body["barcode"]), returned_on, condition)
        return 200, {
            "loan": to_json(receipt.loan),
            "charges": to_json(receipt.charges),
            "total_charged": str(receipt.total_charged),
            "routed_to_hold": receipt.routed_to_hold,
        }

    def place_hold(self, request: Request) -> Response:
        body = require(request.body, "member_id", "isbn")
        hold = self.holds.place(int(body["member_id"]), validate_isbn(str(body["isbn"])), body.get("pickup_branch"))
        return 201, to_json(hold)
