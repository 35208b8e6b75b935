"""The calculators on the web: a public page in plain language, and the parameters with sources."""

from __future__ import annotations

import json

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from concord.core.errors import InvalidInput
from concord.law import list_parameters, rules_version

from .forms import FORMS
from .presenters import present
from .runner import evaluate


@require_http_methods(["GET", "POST"])
def calculators_page(request):
    """Screening, compensation and the leniency estimate for anyone, without logging in."""
    language = get_language()
    kind = request.POST.get("kind") if request.method == "POST" else None
    forms = {}
    for name, form_class in FORMS.items():
        bound = request.POST if kind == name else None
        kwargs = {} if name == "compensation" else {"language": language}
        forms[name] = form_class(bound, prefix=name, **kwargs)
    result = error = None
    if kind in FORMS and forms[kind].is_valid():
        try:
            result = present(evaluate(kind, forms[kind].to_input()))
        except InvalidInput as exc:
            error = exc
    status = 422 if kind in FORMS and (error or not forms[kind].is_valid()) else 200
    return render(
        request,
        "calculators/page.html",
        {
            "forms": forms,
            "active": kind or "eligibility",
            "result": result,
            "error": error,
        },
        status=status,
    )


@require_GET
def parameters_page(request):
    """Every legal figure the rules use, with its period, source and verification mark."""
    parameters = []
    for parameter in list_parameters():
        values = []
        for value in parameter["values"]:
            keys = value.get("keys") or {k: value[k] for k in parameter["keys"] if k in value}
            shown = value["value"]
            text = (
                shown
                if isinstance(shown, str | int | float)
                else json.dumps(shown, ensure_ascii=False, default=str)
            )
            values.append(
                value | {"scope": " · ".join(str(v) for v in dict(keys).values()), "display": text}
            )
        parameters.append(parameter | {"values": values})
    return render(
        request,
        "calculators/parameters.html",
        {
            "parameters": parameters,
            "rules_version": rules_version(),
        },
    )
