"""The shape every action view shares: validate a form, run one service, report, go back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect

from .errors import ServiceError


def perform(
    request,
    *,
    action: Callable[[dict[str, Any]], Any],
    success: str,
    redirect_to: str,
    form: forms.Form | None = None,
    invalid: str = "",
) -> HttpResponseRedirect:
    """Run ``action`` with the form's cleaned data and go back to ``redirect_to``.

    An invalid form shows ``invalid`` (or, without it, each of the form's own errors); a
    service's refusal shows its message in the user's language; success shows ``success``.
    """
    if form is not None and not form.is_valid():
        if invalid:
            messages.error(request, invalid)
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return HttpResponseRedirect(redirect_to)
    try:
        action(form.cleaned_data if form is not None else {})
    except ServiceError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, success)
    return HttpResponseRedirect(redirect_to)
