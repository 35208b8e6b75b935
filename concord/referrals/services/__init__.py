"""Every write on a referral, one module per step of its journey; re-exported here."""

from .aid import legal_aid_apply
from .conclusion import referral_decide, referral_feedback, referral_outcome
from .sending import referral_consent, referral_send
from .triage import referral_assign, referral_triage

__all__ = [
    "legal_aid_apply",
    "referral_assign",
    "referral_consent",
    "referral_decide",
    "referral_feedback",
    "referral_outcome",
    "referral_send",
    "referral_triage",
]
