"""The ``shelfwise`` command: ``python3 -m shelfwise.cli checkout --member 12 --barcode 000123``."""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from typing import List, Optional

from shelfwise import __version__
from shelfwise.catalog import CatalogIndex
from shelfwise.circulation import CirculationDesk, CirculationError
from shelfwise.config import ConfigError, load_settings
from shelfwise.holds import HoldQueue
from shelfwise.notifications import EmailSender, MemorySender, Notifier
from shelfwise.storage import Repository
from shelfwise.utils.dates import parse_date
from shelfwise.utils.text import format_money

EXIT_OK = 0
EXIT_REFUSED = 2
EXIT_CONFIG = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shelfwise", description="Community library lending service")
    parser.add_argument("--config", help="path to settings.json")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("init-db", help="create the database schema")

    co = sub.add_parser("checkout", help="lend an item to a member")
    co.add_argument("--member", type=int, required=True)
    co.add_argument("--barcode", required=True)

    ret = sub.add_parser("return", help="check an item back in")
    ret.add_argument("--barcode", required=True)
    ret.add_argument("--date", type=parse_date, help="return date (default: today)")

    ren = sub.add_parser("renew", help="renew a loan")
    ren.add_argument("--loan", type=int, required=True)

    notices = sub.add_parser("notices", help="send today's reminders")
    notices.add_argument("--dry-run", action="store_true")
    notices.add_argument("--date", type=parse_date)

    sub.add_parser("serve", help="run the JSON API")
    return parser


def cmd_return(desk: CirculationDesk, args: argparse.Namespace, currency: str) -> int:
    receipt = desk.check_in(args.barcode, args.date)
    print(f"Returned {receipt.item.title!r}")
    for charge in receipt.charges:
        print(f"  charge: {format_money(charge.amount, currency)}  {charge.reason}")
    if receipt.routed_to_hold:
        print(f"  -> put on the hold shelf (hold {receipt.routed_to_hold})")
    return EXIT_OK


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(levelname)s %(message)s")
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG

    repo = Repository(settings.database_path)
    holds = HoldQueue(repo, settings)
    desk = CirculationDesk(repo, settings, holds)
    try:
        if args.command == "init-db":
            repo.migrate()
            print(f"database ready at {settings.database_path}")
        elif args.command == "checkout":
            loan = desk.checkout(args.member, args.barcode)
            print(f"Loan {loan.loan_id}: due {loan.due_on:%A %d %B %Y}")
        elif args.command == "return":
            return cmd_return(desk, args, settings.currency)
        elif args.command == "renew":
            loan = desk.renew(args.loan)
            print(f"Loan {loan.loan_id} renewed, now due {loan.due_on}")
        elif args.command == "notices":
            sender = MemorySender() if args.dry_run or not settings.smtp_host else EmailSender(settings.smtp_host)
            sent = Notifier(repo, settings, sender).run_daily(args.date or date.today(), dry_run=args.dry_run)
            print(f"{len(sent)} notice(s)")
        elif args.command == "serve":
            from wsgiref.simple_server import make_server

            from shelfwise.http.handlers import Api

            index = CatalogIndex()
            index.add_all(repo.all_items())
            with make_server(settings.http_host, settings.http_port, Api(repo, desk, holds, index)) as httpd:
                print(f"listening on http://{settings.http_host}:{settings.http_port}")
                httpd.serve_forever()
    except CirculationError as exc:
        print(f"refused ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        repo.close()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
