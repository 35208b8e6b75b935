"""Cases over the API: list, read, create, update — under the same permissions as the pages."""

from __future__ import annotations

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from concord.accounts.models import Agency
from concord.core.errors import InvalidInput

from . import selectors, services
from .choices import CaseKind, CaseState, DisputeType, InjuryGrade, PartyRole, Stage

router = Router(tags=["cases"])


class PartyOut(Schema):
    id: int
    role: PartyRole
    name: str
    id_number_masked: str
    phone_masked: str


class OffenceIn(Schema):
    article: str = Field(..., max_length=16, examples=["234"])
    tier: int | None = Field(None, ge=1, le=5)


class OffenceOut(OffenceIn):
    pass


class InjuryIn(Schema):
    grade: InjuryGrade
    victim_index: int | None = Field(None, ge=0)
    disability_grade: int | None = Field(None, ge=1, le=10)


class CaseSummary(Schema):
    id: int
    number: str
    kind: CaseKind
    title: str
    stage: Stage
    state: CaseState
    holding_agency: str
    occurred_on: date | None
    registered_at: datetime
    version: int


class CaseOut(CaseSummary):
    facts: str
    dispute_type: str
    place: str
    region_code: str
    civil_dispute_origin: bool | None
    public_interest_litigation: bool
    parties: list[PartyOut]
    offences: list[OffenceOut]


class PartyIn(Schema):
    role: PartyRole
    name: str = Field(..., min_length=1, max_length=100)
    id_number: str = Field("", max_length=18)
    phone: str = Field("", max_length=15)
    address: str = Field("", max_length=200)
    is_organisation: bool = False


class CaseCreate(Schema):
    agency: str = Field(..., description="Code of the registering agency; you must belong to it.")
    kind: CaseKind
    title: str = Field(..., min_length=1, max_length=200)
    facts: str = Field("", max_length=20000)
    dispute_type: DisputeType = DisputeType.INJURY
    occurred_on: date | None = None
    place: str = Field("", max_length=200)
    civil_dispute_origin: bool | None = None
    public_interest_litigation: bool = False
    parties: list[PartyIn] = Field(default_factory=list, max_length=50)
    offences: list[OffenceIn] = Field(default_factory=list, max_length=10)
    injuries: list[InjuryIn] = Field(default_factory=list, max_length=50)


class CaseUpdate(Schema):
    version: int = Field(..., description="The version you read; a stale edit is refused (409).")
    title: str | None = Field(None, min_length=1, max_length=200)
    facts: str | None = Field(None, max_length=20000)
    occurred_on: date | None = None
    place: str | None = Field(None, max_length=200)
    civil_dispute_origin: bool | None = None
    public_interest_litigation: bool | None = None


class CaseListOut(Schema):
    count: int
    page: int
    pages: int
    results: list[CaseSummary]


class ListFilters(Schema):
    q: str = ""
    stage: Stage | None = None
    state: CaseState | None = None
    offence: str = ""
    date_from: date | None = None
    date_to: date | None = None
    page: int = Field(1, ge=1)
    per_page: int = Field(20, ge=1, le=100)


def _summary(case) -> dict:
    return {
        "id": case.pk,
        "number": case.number,
        "kind": case.kind,
        "title": case.title,
        "stage": case.stage,
        "state": case.state,
        "holding_agency": case.holding_agency.name,
        "occurred_on": case.occurred_on,
        "registered_at": case.registered_at,
        "version": case.version,
    }


def _detail(case) -> dict:
    data = selectors.case_detail(case)
    return _summary(case) | {
        "facts": case.facts,
        "dispute_type": case.dispute_type,
        "place": case.place,
        "region_code": case.region_code,
        "civil_dispute_origin": case.civil_dispute_origin,
        "public_interest_litigation": case.public_interest_litigation,
        "parties": [
            {
                "id": p.pk,
                "role": p.role,
                "name": p.name,
                "id_number_masked": p.id_number_masked,
                "phone_masked": p.phone_masked,
            }
            for p in data["parties"]
        ],
        "offences": [{"article": o.article, "tier": o.tier} for o in data["offences"]],
    }


@router.get("/", response=CaseListOut, summary="List the cases you may see")
def list_cases(request, filters: Query[ListFilters]):
    page = selectors.case_page(
        request.user,
        selectors.CaseFilters(
            q=filters.q,
            stage=filters.stage or "",
            state=filters.state or "",
            offence=filters.offence,
            date_from=filters.date_from,
            date_to=filters.date_to,
        ),
        filters.page,
        filters.per_page,
    )
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": [_summary(c) for c in page.object_list],
    }


@router.get("/{case_id}", response=CaseOut, summary="Read one case")
def read_case(request, case_id: int):
    case = selectors.access_case(request.user, case_id)
    services.case_read_recorded(actor=request.user, case=case, channel="api")
    return _detail(case)


@router.post("/", response={201: CaseOut}, summary="Register a case")
def create_case(request, payload: CaseCreate):
    agency = Agency.objects.filter(code=payload.agency).first()
    if agency is None:
        raise InvalidInput("agency", _("机构代码不存在。"), field="agency")
    data = services.CaseInput(
        kind=payload.kind,
        title=payload.title,
        facts=payload.facts,
        dispute_type=payload.dispute_type,
        occurred_on=payload.occurred_on,
        place=payload.place,
        civil_dispute_origin=payload.civil_dispute_origin,
        public_interest_litigation=payload.public_interest_litigation,
        parties=[services.PartyInput(**p.dict()) for p in payload.parties],
        offences=[(o.article, o.tier) for o in payload.offences],
        injuries=[services.InjuryInput(**i.dict()) for i in payload.injuries],
    )
    case = services.case_register(actor=request.user, agency=agency, data=data)
    return Status(201, _detail(case))


@router.patch("/{case_id}", response=CaseOut, summary="Change a case's description")
def update_case(request, case_id: int, payload: CaseUpdate):
    case = selectors.access_case(request.user, case_id)
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version")
    case = services.case_update(actor=request.user, case=case, expected_version=version, **changes)
    return _detail(get_object_or_404(selectors.visible_cases(request.user), pk=case.pk))
