"""``concord demo``: load the demo district and print how to log in.

``make run`` runs this before serving and relies on the output ending with the login table and
the site's address. The address is the one ``make run`` serves on: its ``HOST`` and ``PORT``
(127.0.0.1 and 8000 unless set), which reach this command as environment variables when they are
set. Running it again creates nothing new.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from django.core.management.base import BaseCommand, CommandError

from concord.demo.builder import DEFAULT_CASES, load_demo
from concord.demo.district import DEMO_PASSWORD, PARTY_LOGINS, STAFF_LOGINS
from concord.demo.plan import SEED
from concord.demo.staff import DemoConflict

# ``make run``'s defaults.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = "8000"


def site_url(environ: Mapping[str, str] = os.environ) -> str:
    """Return the address ``make run`` serves the site on, from its ``HOST`` and ``PORT``."""
    host = environ.get("HOST", "").strip() or DEFAULT_HOST
    port = environ.get("PORT", "").strip() or DEFAULT_PORT
    if ":" in host and not host.startswith("["):  # an IPv6 address goes in brackets
        host = f"[{host}]"
    return f"http://{host}:{port}/"


class Command(BaseCommand):
    help = (
        "Load the demo district (agencies, committees, mediators, one login per role and a year "
        "of cases). Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--cases",
            type=int,
            default=DEFAULT_CASES,
            help=f"cases to create when the district has none yet (default {DEFAULT_CASES})",
        )
        parser.add_argument(
            "--seed", type=int, default=SEED, help="random seed; the same seed gives the same demo"
        )

    def handle(self, *args, **options):
        if options["cases"] < 0:
            raise CommandError("--cases: must be 0 or more")
        try:
            report = load_demo(cases=options["cases"], seed=options["seed"])
        except DemoConflict as exc:
            raise CommandError(str(exc)) from exc
        write = self.stdout.write
        write(
            f"Demo district: {report.agencies_created} agencies and "
            f"{report.users_created} accounts created."
        )
        if report.passwords_reset:
            write(f"Reset {report.passwords_reset} demo passwords to the demo password.")
        if report.cases_present:
            write(f"Cases already loaded ({report.cases_present}); none added.")
        else:
            write(
                f"Created {report.cases_created} cases and {report.referrals_created} referrals; "
                f"{report.documents_issued} documents wait for the worker (`concord serve` "
                "starts it) to render them."
            )
        write(f"Done in {report.seconds:.1f} s.")
        write("")
        write(self._login_table())
        write("")
        write(f"Open {site_url()}")

    def _login_table(self) -> str:
        rows = [(login.label, login.username, DEMO_PASSWORD) for login in STAFF_LOGINS]
        rows += [(login.label, login.username, DEMO_PASSWORD) for login in PARTY_LOGINS]
        header = ("role 角色", "username", "password")
        widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(3)]
        lines = [_row(header, widths), "  ".join("-" * w for w in widths)]
        lines += [_row(row, widths) for row in rows]
        return "\n".join(lines)


def _width(text: str) -> int:
    """Return the columns ``text`` takes in a terminal: CJK characters take two."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def _row(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths, strict=True))
