"""``concord audit verify``: exit 0 on an intact chain, 1 naming the first broken entry."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from concord.audit.models import AuditEntry
from concord.audit.services import audit_verify


class Command(BaseCommand):
    help = "Audit log tools. 'verify' checks the hash chain."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"], help="verify: check the hash chain")

    def handle(self, *args, **options):
        if options["action"] != "verify":
            raise CommandError("unknown action")
        problem = audit_verify()
        if problem is not None:
            self.stderr.write(f"BROKEN: {problem}")
            sys.exit(1)
        count = AuditEntry.objects.count()
        self.stdout.write(f"OK: audit chain intact ({count} entries)")
