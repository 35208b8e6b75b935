"""The centre's PAdES seal on a signed agreement, and its verification (pyHanko).

The seal is a PAdES baseline B-B signature (ETSI EN 319 142-1): a CAdES detached signature over
the PDF's byte range with the signing certificate and its chain embedded, the signing time in
the signature dictionary (/M), and a certification (DocMDP) that allows no later change, so an
appended revision that alters the content is reported as a modification. No timestamp
authority is used (that would be B-T); see docs/agreements.md.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from io import BytesIO

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from .signing_key import signing_files

logger = logging.getLogger(__name__)

FIELD_NAME = "CentreSeal"


@dataclass(frozen=True)
class VerificationResult:
    valid: bool
    intact: bool = False
    trusted: bool = False
    unmodified: bool = False
    signer: str = ""
    signed_at: dt.datetime | None = None
    reason: str = ""


def centre_signer() -> signers.SimpleSigner:
    files = signing_files()
    signer = signers.SimpleSigner.load(
        key_file=str(files.key),
        cert_file=str(files.cert),
        ca_chain_files=tuple(str(p) for p in files.chain),
        key_passphrase=files.passphrase,
    )
    if signer is None:
        raise RuntimeError("the centre's signing key or certificate could not be loaded")
    return signer


def trust_roots() -> list[asn1_x509.Certificate]:
    roots = []
    for path in signing_files().trust:
        data = path.read_bytes()
        if asn1_pem.detect(data):
            roots.extend(
                asn1_x509.Certificate.load(der) for _t, _h, der in asn1_pem.unarmor(data, True)
            )
        else:
            roots.append(asn1_x509.Certificate.load(data))
    return roots


def pdf_seal(pdf: bytes, *, reason: str, location: str, name: str) -> bytes:
    """Return ``pdf`` with the centre's PAdES B-B certification signature appended."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        reason=reason,
        location=location,
        name=name,
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    output = signers.sign_pdf(writer, meta, signer=centre_signer())
    return output.getvalue()


def agreement_verify(pdf: bytes) -> VerificationResult:
    """Check the centre's seal on ``pdf``: intact, by a certificate we trust, nothing changed."""
    try:
        reader = PdfFileReader(BytesIO(pdf))
        seals = [s for s in reader.embedded_signatures if s.field_name == FIELD_NAME]
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        logger.info("agreements.verify_unreadable", extra={"error": type(exc).__name__})
        return VerificationResult(valid=False, reason="unreadable")
    if not seals:
        return VerificationResult(valid=False, reason="no_seal")
    context = ValidationContext(trust_roots=trust_roots(), allow_fetching=False)
    try:
        status = validate_pdf_signature(seals[0], context)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        logger.info("agreements.verify_failed", extra={"error": type(exc).__name__})
        return VerificationResult(valid=False, reason="invalid")
    unmodified = (
        bool(status.docmdp_ok)
        and status.coverage is not None
        and (status.coverage.name == "ENTIRE_FILE")
    )
    valid = bool(status.bottom_line) and unmodified
    if not (status.intact and status.valid):
        reason = "tampered"
    elif not status.trusted:
        reason = "untrusted"
    elif not unmodified:
        reason = "modified"
    else:
        reason = ""
    return VerificationResult(
        valid=valid,
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        unmodified=unmodified,
        signer=status.signing_cert.subject.human_friendly if status.signing_cert else "",
        signed_at=status.signer_reported_dt,
        reason=reason,
    )
