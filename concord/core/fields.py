"""Model fields for personal data."""

from __future__ import annotations

from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Text stored encrypted (concord/core/crypto.py) and read back as plain text.

    The database never sees the plain value, so it cannot be searched or ordered on; where a
    lookup by value is needed, store a ``crypto.blind_index`` beside it.
    """

    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)
