"""Errors a service raises for the user: a stable code and a message in the user's language."""

from __future__ import annotations


class ServiceError(Exception):
    """A business rule refused the action. ``code`` is stable; ``message`` is translatable."""

    status = 409

    def __init__(self, code: str, message, *, field: str | None = None):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


class InvalidInput(ServiceError):
    status = 422


class PermissionRefused(ServiceError):
    status = 403


class StaleEdit(ServiceError):
    """The object changed since the editor loaded it (optimistic concurrency)."""

    status = 409
