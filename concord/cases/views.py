"""Case pages: my cases, register a case, the case page and its actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from concord.accounts.models import Agency
from concord.accounts.roles import Role
from concord.core.errors import ServiceError
from concord.core.storage import blob_path
from concord.documents.selectors import case_documents

from . import rules, selectors, services
from .choices import CaseKind, PartyRole
from .forms import CaseFilterForm, CaseRegisterForm, DocumentForm, TransitionForm
from .law_views import presented_result
from .lifecycle import CASE_PAGE_TRANSITIONS, transitions_from
from .models import CaseDocument
from .offences import offence_name
from .timeline import render_event


@require_GET
@login_required
def case_list(request):
    form = CaseFilterForm(request.GET or None, language=get_language())
    filters = selectors.CaseFilters()
    if form.is_valid():
        filters = selectors.CaseFilters(**form.cleaned_data)
    page = selectors.case_page(request.user, filters, request.GET.get("page", 1), 20)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_register": bool(_registering_memberships(request.user)),
            "offence_name": offence_name,
        },
    )


def _registering_memberships(user):
    allowed = {
        Role.POLICE_OFFICER,
        Role.PROSECUTOR,
        Role.JUDGE,
        Role.JUDGE_ASSISTANT,
        Role.COORDINATOR,
        Role.MEDIATOR,
    }
    return [m for m in user.memberships.select_related("agency") if m.role in allowed]


@require_http_methods(["GET", "POST"])
@login_required
def case_register(request):
    memberships = _registering_memberships(request.user)
    if not memberships:
        raise Http404
    agency = memberships[0].agency
    form = CaseRegisterForm(request.POST or None, language=get_language())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        is_civil = data["kind"] == CaseKind.CIVIL_DISPUTE
        parties = [
            services.PartyInput(
                role=PartyRole.APPLICANT if is_civil else PartyRole.VICTIM,
                name=data["victim_name"],
                id_number=data["victim_id_number"],
                phone=data["victim_phone"],
            ),
            services.PartyInput(
                role=PartyRole.RESPONDENT if is_civil else PartyRole.SUSPECT,
                name=data["suspect_name"],
                id_number=data["suspect_id_number"],
                phone=data["suspect_phone"],
            ),
        ]
        injuries = (
            [services.InjuryInput(grade=data["injury_grade"], victim_index=0)]
            if data["injury_grade"]
            else []
        )
        case_input = services.CaseInput(
            kind=data["kind"],
            title=data["title"],
            facts=data["facts"],
            dispute_type=data["dispute_type"],
            occurred_on=data["occurred_on"],
            place=data["place"],
            civil_dispute_origin=data["civil_dispute_origin"],
            parties=parties,
            injuries=injuries,
            offences=[(data["offence"], None)] if data["offence"] else [],
        )
        try:
            case = services.case_register(actor=request.user, agency=agency, data=case_input)
        except ServiceError as exc:
            form.add_error(_form_field(exc.field), str(exc.message))
        else:
            messages.success(request, _("案件已登记：%(number)s") % {"number": case.number})
            return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/register.html", {"form": form, "agency": agency})


def _form_field(service_field: str | None) -> str | None:
    known = {"kind", "title", "occurred_on", "offences"}
    if service_field in known:
        return "offence" if service_field == "offences" else service_field
    return None


@require_GET
@login_required
def case_detail(request, case_id):
    case = selectors.access_case(request.user, case_id)
    services.case_read_recorded(actor=request.user, case=case, channel="page")
    relations = selectors.case_relations(request.user, case)
    detail = selectors.case_detail(case)
    actions = [
        t
        for t in transitions_from(case.state)
        if t.by & relations and t.name in CASE_PAGE_TRANSITIONS
    ]
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            **detail,
            "timeline": [(event, render_event(event)) for event in detail["events"]],
            "actions": actions,
            "document_form": DocumentForm(),
            "offence_name": offence_name,
            "can_upload": bool(relations),
            "screening": presented_result(rules.current_result(case, "eligibility")),
            "referrals": list(case.referrals.select_related("centre", "committee")),
            "official_documents": case_documents(request.user, case),
            "transfer_to": services.next_stage_agencies(case) if "holder" in relations else [],
        },
    )


@require_POST
@login_required
def case_transition(request, case_id):
    case = selectors.access_case(request.user, case_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("操作无效。"))
        return redirect("cases:detail", case_id=case.pk)
    name = form.cleaned_data["transition"]
    if name not in CASE_PAGE_TRANSITIONS - {"refer"}:
        messages.error(request, _("请在委派调解页面办理此事项。"))
        return redirect("cases:detail", case_id=case.pk)
    try:
        services.case_transition(
            actor=request.user, case=case, name=name, note=form.cleaned_data["note"]
        )
    except ServiceError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("操作已完成。"))
    return redirect("cases:detail", case_id=case.pk)


@require_POST
@login_required
def case_transfer(request, case_id):
    """Move the case to the next stage's agency (police → procuratorate → court)."""
    case = selectors.access_case(request.user, case_id)
    to_agency = Agency.objects.filter(pk=request.POST.get("to_agency") or 0).first()
    if to_agency is None:
        messages.error(request, _("请选择移送的机关。"))
        return redirect("cases:detail", case_id=case.pk)
    try:
        services.case_transfer(
            actor=request.user, case=case, to_agency=to_agency, note=request.POST.get("note", "")
        )
    except ServiceError as exc:
        messages.error(request, str(exc.message))
        return redirect("cases:detail", case_id=case.pk)
    messages.success(request, _("案件已移送至%(agency)s。") % {"agency": to_agency})
    # The sender may no longer see the case once it has moved on.
    if selectors.visible_cases(request.user).filter(pk=case.pk).exists():
        return redirect("cases:detail", case_id=case.pk)
    return redirect("cases:list")


@require_POST
@login_required
def document_upload(request, case_id):
    case = selectors.access_case(request.user, case_id)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要上传的文件。"))
        return redirect("cases:detail", case_id=case.pk)
    try:
        services.document_attach(
            actor=request.user,
            case=case,
            title=form.cleaned_data["title"],
            uploaded=form.cleaned_data["file"],
        )
    except ServiceError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("材料已上传。"))
    return redirect("cases:detail", case_id=case.pk)


@require_GET
@login_required
def document_download(request, case_id, document_id):
    case = selectors.access_case(request.user, case_id)
    document = CaseDocument.objects.filter(case=case, pk=document_id).first()
    if document is None:
        raise Http404
    services.document_read_recorded(actor=request.user, document=document)
    return FileResponse(
        blob_path(document.sha256).open("rb"),
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )
