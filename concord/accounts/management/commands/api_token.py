"""``concord api_token USERNAME NAME``: issue an API token; it is printed once and never stored."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from concord.accounts.models import User
from concord.accounts.services import api_token_issue


class Command(BaseCommand):
    help = "Issue an API bearer token for a user (printed once; only its digest is stored)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="what the token is for, e.g. 'court case system'")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"username: no active user {options['username']!r}")
        _token, plain = api_token_issue(actor=None, user=user, name=options["name"])
        self.stdout.write(plain)
