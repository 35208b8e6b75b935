"""The demo district (``concord demo``): agencies, accounts of every role, a year of cases."""

from __future__ import annotations
