"""Writes on users, agencies and memberships; each leaves an audit entry."""

from __future__ import annotations

from django.db import transaction

from concord.audit.services import audit_record, snapshot

from .models import Agency, ApiToken, MediatorProfile, Membership, User


@transaction.atomic
def agency_create(*, actor: User | None, **fields) -> Agency:
    agency = Agency(**fields)
    agency.full_clean()
    agency.save()
    audit_record(actor=actor, action="agency.create", target=agency, after=snapshot(agency))
    return agency


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str | None,
    full_name: str = "",
    email: str = "",
    language: str = "",
) -> User:
    user = User(username=username, full_name=full_name, email=email, language=language)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    after = snapshot(user)
    after.pop("password", None)  # the hash itself never goes into the audit digest
    audit_record(actor=actor, action="user.create", target=user, after=after)
    return user


@transaction.atomic
def membership_add(*, actor: User | None, user: User, agency: Agency, role: str) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    if created:
        audit_record(
            actor=actor, action="membership.add", target=membership, after=snapshot(membership)
        )
    user.__dict__.pop("_role_codes", None)
    user.__dict__.pop("_agency_ids", None)
    return membership


@transaction.atomic
def mediator_profile_set(*, actor: User | None, user: User, **fields) -> MediatorProfile:
    profile, _ = MediatorProfile.objects.get_or_create(user=user)
    before = snapshot(profile)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    audit_record(
        actor=actor,
        action="mediator_profile.set",
        target=profile,
        before=before,
        after=snapshot(profile),
    )
    return profile


@transaction.atomic
def user_language_set(*, user: User, language: str) -> None:
    if user.language == language:
        return
    before = {"language": user.language}
    user.language = language
    user.save(update_fields=["language"])
    audit_record(
        actor=user,
        action="user.language",
        target=user,
        before=before,
        after={"language": language},
    )


@transaction.atomic
def user_password_changed(*, user: User) -> None:
    """Record a password change (Django's form does the hashing and saving)."""
    audit_record(actor=user, action="user.password_change", target=user)


@transaction.atomic
def api_token_issue(*, actor: User, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user``; return it with the plain token, which is never stored."""
    plain = ApiToken.new_token()
    token = ApiToken.objects.create(user=user, name=name, digest=ApiToken.digest_of(plain))
    audit_record(actor=actor, action="api_token.issue", target=token, detail={"name": name})
    return token, plain
