"""The rendering steps of an agreement, run by the worker (tasks.py): the copy the parties
sign, once the agreement is ready, and the final copy sealed by the centre once all have signed.

Each step is idempotent: a retried task finds the work done and returns.
"""

from __future__ import annotations

import logging
import time

from django.db import transaction
from django.utils import timezone

from concord.audit.services import audit_record
from concord.core.storage import blob_put

from . import document, pades
from .choices import AgreementState, SignerRole, SignMethod
from .models import Agreement, Signature

logger = logging.getLogger(__name__)


def signing_copy_render(agreement_id: int, version: int) -> None:
    """Render the Chinese (signed) and English (reference) PDFs of a ready agreement."""
    agreement = Agreement.objects.select_related("case", "referral").get(pk=agreement_id)
    if agreement.state != AgreementState.READY or agreement.version != version:
        return
    if agreement.signing_pdf_sha256:
        return
    started = time.perf_counter()
    context = document.agreement_context(agreement)
    digests = {lang: blob_put(document.render_pdf(context, lang)) for lang in document.LANGUAGES}
    elapsed = time.perf_counter() - started
    with transaction.atomic():
        updated = Agreement.objects.filter(
            pk=agreement_id, version=version, state=AgreementState.READY, signing_pdf_sha256=""
        ).update(signing_pdf_sha256=digests["zh-hans"], signing_pdf_en_sha256=digests["en"])
        if updated:
            audit_record(
                actor=None,
                action="agreement.signing_copy",
                target=agreement,
                detail={"sha256": digests["zh-hans"], "en_sha256": digests["en"]},
            )
    logger.info("agreements.signing_copy", extra={"agreement": agreement_id, "seconds": elapsed})


def final_copy_seal(agreement_id: int) -> None:
    """Render the final copy with the signature record and seal it with the centre's key."""
    agreement = Agreement.objects.select_related("case", "referral").get(pk=agreement_id)
    if agreement.state != AgreementState.SIGNED or agreement.signed_pdf_sha256:
        return
    started = time.perf_counter()
    pdf = document.render_pdf(document.agreement_context(agreement, final=True), "zh-hans")
    rendered = time.perf_counter()
    organ = document.agreement_context(agreement)["committee"]
    sealed = pades.pdf_seal(
        pdf,
        reason=f"{organ} 人民调解协议电子签章",
        location=organ,
        name=organ,
    )
    digest = blob_put(sealed)
    done = time.perf_counter()
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().get(pk=agreement_id)
        if locked.signed_pdf_sha256:
            return
        now = timezone.now()
        locked.signed_pdf_sha256 = digest
        locked.sealed_at = now
        locked.save(update_fields=["signed_pdf_sha256", "sealed_at", "updated_at"])
        Signature.objects.create(
            agreement=locked,
            role=SignerRole.COMMITTEE_SEAL,
            signed_at=now,
            method=SignMethod.PADES,
            evidence={"standard": "PAdES-B-B", "field": pades.FIELD_NAME},
            pdf_sha256=digest,
        )
        audit_record(
            actor=None,
            action="agreement.seal",
            target=locked,
            detail={
                "sha256": digest,
                "render_s": round(rendered - started, 3),
                "seal_s": round(done - rendered, 3),
            },
        )
