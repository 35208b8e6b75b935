"""Pages of an agreement: the mediator's editor with its legal checks, the party's "read and
sign" page, the signed state with its verification, and the PDF copies."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from concord.cases.selectors import access_case
from concord.core.errors import ServiceError
from concord.core.storage import blob_path
from concord.referrals.choices import ReferralState

from . import selectors, services
from .forms import AgreementForm, InstalmentFormSet, ItemFormSet, SignForm, VoidForm, rows


@require_GET
@login_required
def case_agreement(request, case_id):
    case = access_case(request.user, case_id)
    agreement = selectors.agreement_for(request.user, case)
    if agreement is not None:
        return redirect("agreements:detail", agreement.pk)
    return render(request, "agreements/none.html", {"case": case})


@require_POST
@login_required
def agreement_new(request, case_id):
    case = access_case(request.user, case_id)
    referral = case.referrals.filter(state=ReferralState.ASSIGNED).first()
    try:
        agreement = services.agreement_draft(actor=request.user, case=case, referral=referral)
    except ServiceError as exc:
        messages.error(request, str(exc.message))
        return redirect("agreements:case", case.pk)
    return redirect("agreements:detail", agreement.pk)


def _editor(agreement, data=None):
    """The editor's forms; once posted, the rows sent are the whole truth (no initial rows)."""
    if data is not None:
        return (
            AgreementForm(data, instance=agreement, initial={"version": agreement.version}),
            ItemFormSet(data, prefix="items"),
            InstalmentFormSet(data, prefix="instalments"),
        )
    items = [{"code": i.code, "label": i.label, "amount": i.amount} for i in agreement.items.all()]
    schedule = [{"due_on": i.due_on, "amount": i.amount} for i in agreement.instalments.all()]
    return (
        AgreementForm(data, instance=agreement, initial={"version": agreement.version}),
        ItemFormSet(data, initial=items, prefix="items"),
        InstalmentFormSet(data, initial=schedule, prefix="instalments"),
    )


def _page(request, agreement, *, editor=None, sign_form=None, status=200):
    page = selectors.agreement_page(request.user, agreement)
    form, items, schedule = editor or _editor(agreement)
    return render(
        request,
        "agreements/detail.html",
        {
            "page": page,
            "agreement": agreement,
            "form": form,
            "items": items,
            "schedule": schedule,
            "sign_form": sign_form or SignForm(),
            "void_form": VoidForm(),
        },
        status=status,
    )


@require_GET
@login_required
def agreement_detail(request, agreement_id):
    return _page(request, selectors.access_agreement(request.user, agreement_id))


@require_POST
@login_required
def agreement_edit(request, agreement_id):
    agreement = selectors.access_agreement(request.user, agreement_id)
    form, items, schedule = editor = _editor(agreement, request.POST)
    if not (form.is_valid() and items.is_valid() and schedule.is_valid()):
        return _page(request, agreement, editor=editor, status=422)
    content = {k: v for k, v in form.cleaned_data.items() if k != "version"}
    try:
        services.agreement_update(
            actor=request.user,
            agreement=agreement,
            expected_version=form.cleaned_data["version"],
            items=rows(items),
            instalments=rows(schedule),
            **content,
        )
    except ServiceError as exc:
        messages.error(request, str(exc.message))
        return _page(request, agreement, editor=editor, status=exc.status)
    messages.success(request, _("协议已保存。"))
    return redirect("agreements:detail", agreement.pk)


@require_POST
@login_required
def agreement_ready(request, agreement_id):
    agreement = selectors.access_agreement(request.user, agreement_id)
    try:
        services.agreement_ready(
            actor=request.user,
            agreement=agreement,
            expected_version=int(request.POST.get("version", 0)),
        )
    except (ServiceError, ValueError) as exc:
        messages.error(request, str(getattr(exc, "message", exc)))
    else:
        messages.success(request, _("协议已提交各方签署。"))
    return redirect("agreements:detail", agreement.pk)


@require_POST
@login_required
def agreement_sign(request, agreement_id):
    agreement = selectors.access_agreement(request.user, agreement_id)
    form = SignForm(request.POST)
    if not form.is_valid():
        return _page(request, agreement, sign_form=form, status=422)
    try:
        services.agreement_sign(
            actor=request.user,
            agreement=agreement,
            password=form.cleaned_data["password"],
            id_last4=form.cleaned_data["id_last4"],
            request_meta={
                "ip": request.META.get("REMOTE_ADDR", ""),
                "user_agent": request.META.get("HTTP_USER_AGENT", ""),
            },
        )
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        return _page(request, agreement, sign_form=form, status=exc.status)
    messages.success(request, _("您已签署本协议。"))
    return redirect("agreements:detail", agreement.pk)


@require_POST
@login_required
def agreement_void(request, agreement_id):
    agreement = selectors.access_agreement(request.user, agreement_id)
    form = VoidForm(request.POST)
    try:
        services.agreement_void(
            actor=request.user,
            agreement=agreement,
            reason=form.data.get("reason", ""),
        )
    except ServiceError as exc:
        messages.error(request, str(exc.message))
    return redirect("agreements:detail", agreement.pk)


@require_GET
@login_required
def agreement_pdf(request, agreement_id, copy):
    agreement = selectors.access_agreement(request.user, agreement_id)
    digest = selectors.agreement_copy(agreement, copy)
    services.agreement_read_recorded(actor=request.user, agreement=agreement, copy=copy)
    return FileResponse(
        blob_path(digest).open("rb"),
        as_attachment=False,
        filename=f"agreement-{agreement.case.number}-{copy}.pdf",
        content_type="application/pdf",
    )
