"""The calculators on a case: prefilled from its records, results stored on the case."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from concord.calculators.forms import CompensationForm, SentenceForm
from concord.calculators.presenters import present
from concord.calculators.runner import Evaluation, law_language, localise
from concord.law import LawInputError

from . import rules, selectors
from .models import LawResult


def _initial_compensation(case) -> dict:
    data = rules.compensation_prefill(case)
    initial = {"region": data["region"], "proceeding": data["proceeding"]}
    if "victim" in data:
        initial["victim_age"] = data["victim"]["age"]
    if "disability" in data:
        initial["disability_grades"] = data["disability"]["grades"]
    return initial


def _initial_sentence(case) -> dict:
    data = rules.sentence_prefill(case)
    offence = data.get("offence", {})
    return {
        "offence": offence.get("article"),
        "injury_grade": offence.get("injury_grade", ""),
        "victims": offence.get("victims"),
    }


def presented_result(result: LawResult | None):
    """Return a stored result shaped for the templates, in the reader's language."""
    if result is None:
        return None
    language = get_language()
    view = present(Evaluation(result.kind, result.output(language), result.trace_text(language)))
    return view | {"stored": result}


@require_http_methods(["GET", "POST"])
@login_required
def case_law(request, case_id):
    case = selectors.access_case(request.user, case_id)
    if not selectors.case_relations(request.user, case):
        raise Http404
    language = get_language()
    kind = request.POST.get("kind") if request.method == "POST" else None
    forms = {
        "compensation": CompensationForm(
            request.POST if kind == "compensation" else None,
            prefix="compensation",
            initial=_initial_compensation(case),
        ),
        "sentence": SentenceForm(
            request.POST if kind == "sentence" else None,
            prefix="sentence",
            initial=_initial_sentence(case),
            language=language,
        ),
    }
    error = None
    if kind in forms and forms[kind].is_valid():
        try:
            rules.law_result_record(
                actor=request.user, case=case, kind=kind, data=forms[kind].to_input()
            )
        except LawInputError as exc:
            error = localise(exc)
        else:
            messages.success(request, _("测算结果已保存到案件。"))
            return redirect(f"{request.path}#{kind}")
    screening = rules.screening_refresh(actor=request.user, case=case)
    screening_error = None
    if screening is None and case.is_criminal and case.offences.exists():
        try:
            rules.run(LawResult.Kind.ELIGIBILITY, rules.eligibility_facts(case))
        except LawInputError as exc:
            screening_error = localise(exc)
    history = list(case.law_results.select_related("computed_by")[:30])
    return render(
        request,
        "cases/law.html",
        {
            "case": case,
            "forms": forms,
            "error": error,
            "active": kind,
            "screening": presented_result(screening),
            "screening_error": screening_error,
            "compensation": presented_result(rules.current_result(case, "compensation")),
            "sentence": presented_result(rules.current_result(case, "sentence")),
            "history": history,
            "law_language": law_language(),
        },
        status=422 if error or (kind in forms and not forms[kind].is_valid()) else 200,
    )


@require_GET
@login_required
def law_result_print(request, case_id, result_id):
    """One page for the mediation table: the result, its reasons and citations."""
    case = selectors.access_case(request.user, case_id)
    result = case.law_results.filter(pk=result_id).first()
    if result is None:
        raise Http404
    return render(
        request,
        "cases/law_print.html",
        {
            "case": case,
            "result": presented_result(result),
        },
    )
