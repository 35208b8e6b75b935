"""The payment schedule of a signed agreement and how far it has been performed.

A schedule is the agreement's instalments, or, for an agreement paid at once, one line for the
whole total due on the agreed date (or on signing: SPP-2019 Art. 499, SPC-2021 Art. 593).

Rules stated here so a mediator can check them:
- A payment is allocated to the lines in order of due date, oldest first, filling each before
  the next; a partial payment leaves the rest of its line outstanding.
- Paid means paid by payments the victim side has not disputed, confirmed or not yet: the
  payer's record counts until the victim says otherwise.
- A line is overdue from the day after its due date while what is paid is less than its amount.
- The agreement is in default while any line has been overdue for more than the centre's grace
  period (practice.yaml). Default is a fact shown to people, not a legal effect: what follows
  from it is for the procuratorate, the court or the committee (see the performance page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from django.utils import timezone

from ..choices import PaymentMode
from ..models import Agreement, Instalment, PaymentAllocation

ZERO = Decimal("0.00")
PRACTICE = Path(__file__).with_name("practice.yaml")


@cache
def practice() -> dict[str, int]:
    """The centre's reminder and grace periods, in days (not legal numbers)."""
    data = yaml.safe_load(PRACTICE.read_text(encoding="utf-8"))
    return {name: int(entry["value"]) for name, entry in data.items()}


def today() -> date:
    """The centre's local date: the seam tests replace by passing ``on=``."""
    return timezone.localdate()


@dataclass(frozen=True)
class LineStatus:
    number: int
    instalment: Instalment | None
    due_on: date
    amount: Decimal
    paid: Decimal
    confirmed: Decimal
    overdue: bool
    days_overdue: int

    @property
    def outstanding(self) -> Decimal:
        return self.amount - self.paid

    @property
    def settled(self) -> bool:
        return self.paid >= self.amount

    @property
    def state(self) -> str:
        if self.confirmed >= self.amount:
            return "confirmed"
        if self.settled:
            return "paid"
        if self.overdue:
            return "overdue"
        return "partly_paid" if self.paid > ZERO else "due"

    @property
    def key(self) -> int | None:
        return self.instalment.pk if self.instalment is not None else None


@dataclass(frozen=True)
class Performance:
    on: date
    lines: tuple[LineStatus, ...]
    grace_days: int

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((line.paid for line in self.lines), ZERO)

    @property
    def outstanding(self) -> Decimal:
        return self.total - self.paid

    @property
    def default(self) -> bool:
        """Any line overdue for longer than the centre's grace period."""
        return any(line.days_overdue > self.grace_days for line in self.lines)


def schedule_lines(agreement: Agreement) -> list[tuple[Instalment | None, date, Decimal]]:
    """Return (instalment or None, due date, amount) in order of due date."""
    if agreement.payment_mode == PaymentMode.INSTALMENTS:
        return [(i, i.due_on, i.amount) for i in agreement.instalments.order_by("due_on", "id")]
    signed_on = timezone.localdate(agreement.signed_at) if agreement.signed_at else None
    due_on = agreement.pay_by or signed_on or agreement.agreement_date
    return [(None, due_on, agreement.total)]


def performance_of(agreement: Agreement, *, on: date | None = None) -> Performance:
    """How far each line of the schedule is paid and confirmed on ``on`` (default today)."""
    on = on or today()
    paid: dict[int | None, Decimal] = {}
    confirmed: dict[int | None, Decimal] = {}
    allocations = PaymentAllocation.objects.filter(
        payment__agreement=agreement, payment__disputed_at__isnull=True
    ).values_list("instalment_id", "amount", "payment__confirmed_at")
    for instalment_id, amount, confirmed_at in allocations:
        paid[instalment_id] = paid.get(instalment_id, ZERO) + amount
        if confirmed_at is not None:
            confirmed[instalment_id] = confirmed.get(instalment_id, ZERO) + amount
    lines = []
    for number, (instalment, due_on, amount) in enumerate(schedule_lines(agreement), start=1):
        key = instalment.pk if instalment is not None else None
        line_paid = paid.get(key, ZERO)
        overdue = on > due_on and line_paid < amount
        lines.append(
            LineStatus(
                number=number,
                instalment=instalment,
                due_on=due_on,
                amount=amount,
                paid=line_paid,
                confirmed=confirmed.get(key, ZERO),
                overdue=overdue,
                days_overdue=(on - due_on).days if overdue else 0,
            )
        )
    return Performance(on=on, lines=tuple(lines), grace_days=practice()["default_grace_days"])


def allocate(performance: Performance, amount: Decimal) -> list[tuple[Instalment | None, Decimal]]:
    """Split ``amount`` over the unpaid lines, oldest due date first."""
    parts = []
    left = amount
    for line in performance.lines:
        if left <= ZERO:
            break
        share = min(left, line.outstanding)
        if share > ZERO:
            parts.append((line.instalment, share))
            left -= share
    return parts


def reminder_due(line: LineStatus, on: date) -> bool:
    """Remind from ``reminder_days_before`` days before the due date until the due date."""
    window = timedelta(days=practice()["reminder_days_before"])
    return not line.settled and line.due_on - window <= on <= line.due_on


def overdue_notice_due(line: LineStatus) -> bool:
    """The overdue notice goes out from the day after the due date while unpaid."""
    return line.overdue
