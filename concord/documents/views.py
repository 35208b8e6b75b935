"""Pages of the documents app: my documents (inbox), downloads, signing for, the outbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from concord.core.errors import ServiceError
from concord.core.storage import blob_path

from . import selectors, services
from .kinds import TITLES_EN, DocumentKind

PAGE_SIZE = 20


@require_GET
@login_required
def inbox(request):
    page = Paginator(selectors.inbox(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/inbox.html", {"page": page})


@require_GET
@login_required
def download(request, version_id, fmt):
    file = selectors.file_for(request.user, version_id, fmt, request.GET.get("lang"))
    services.document_read_recorded(actor=request.user, file=file)
    version = file.version
    kind = DocumentKind(version.document.kind)
    title = TITLES_EN[kind] if file.language == "en" else str(kind.label)
    return FileResponse(
        blob_path(file.sha256).open("rb"),
        # A PDF opens in the phone's viewer; a DOCX is saved for editing.
        as_attachment=fmt == "docx",
        filename=f"{title}-v{version.number}.{fmt}",
        content_type=file.content_type,
    )


@require_POST
@login_required
def acknowledge(request, receipt_id):
    receipt = selectors.receipt_for(request.user, receipt_id)
    try:
        services.service_acknowledge(actor=request.user, service=receipt)
    except ServiceError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("已签收。"))
    return redirect("documents:inbox")


@require_GET
@login_required
def outbox(request):
    page = Paginator(selectors.outbox(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/outbox.html", {"page": page})
