"""Benchmark issuing official documents: requests queue, a separate worker process renders.

Sets up a throw-away var/ folder (SQLite database, SQLite task queue, blob store), migrates,
creates a small district through the services, starts ``concord worker`` (Huey consumer) as a
separate process, then issues N documents of mixed kinds through ``document_issue`` the way a
request would — Huey is not in immediate mode, so no rendering happens in the issuing process.
It waits until the worker has rendered, stored, served and notified them all, and reports:

- render time per document (PDF + DOCX per language, measured in the worker), by kind;
- issue time (what a request pays: the transaction and the enqueue);
- time from issue to the document being in the recipient's inbox.

Prints a table, then one JSON line.

    .venv/bin/python bench/documents.py                   # 100 documents, one worker
    .venv/bin/python bench/documents.py -n 300 --workers 2 --languages zh-hans,en
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--documents", type=int, default=100, help="documents to issue")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--languages",
        default="zh-hans",
        help="comma-separated languages of each document (zh-hans, en); default zh-hans",
    )
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for the worker")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--consume", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def quiet() -> None:
    # WeasyPrint reports every rendering step at INFO; the bench wants its table readable.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)


def consume(workers: int) -> int:
    """Run the Huey consumer on the documents task only (the worker process of the bench).

    Like ``concord worker`` but without importing every app's tasks, so the figure measures
    document rendering and nothing another app's tasks might add.
    """
    import django

    django.setup()
    quiet()
    from huey.contrib.djhuey import HUEY

    import concord.documents.tasks  # noqa: F401 — registers the task with the queue

    HUEY.create_consumer(workers=workers, worker_type="process").run()
    return 0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.consume:
        return consume(args.workers)
    languages = tuple(x.strip() for x in args.languages.split(",") if x.strip())
    var = Path(tempfile.mkdtemp(prefix="concord-bench-documents-"))
    env = {
        **os.environ,
        "CONCORD_VAR_DIR": str(var),
        "CONCORD_ENV": "dev",
        "DJANGO_SETTINGS_MODULE": "concord.settings.dev",
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    os.environ.update({k: env[k] for k in ("CONCORD_VAR_DIR", "DJANGO_SETTINGS_MODULE")})
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)

    import django

    django.setup()
    quiet()
    from django.conf import settings
    from django.core.management import call_command

    assert not settings.HUEY.get("immediate"), "the bench needs a real queue"
    call_command("migrate", verbosity=0, skip_checks=True)
    district = make_district()

    log = (var / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, __file__, "--consume", "--workers", str(args.workers)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        issue_ms = issue_all(district, args.documents, languages)
        wall = wait_rendered(args.documents, args.timeout, worker)
        rows = collect()
    finally:
        stop(worker)
        log.close()
    report(rows, issue_ms, wall, args, languages)
    if not args.keep:
        shutil.rmtree(var, ignore_errors=True)
    else:
        print(f"kept {var}", file=sys.stderr)
    return 0


def stop(worker: subprocess.Popen) -> None:
    """Stop the worker we started (its own process group), gracefully first."""
    if worker.poll() is not None:
        return
    os.killpg(worker.pid, signal.SIGINT)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def make_district():
    from concord.accounts import services as accounts
    from concord.accounts.roles import AgencyKind, Role
    from concord.cases import services as cases

    court = accounts.agency_create(
        actor=None,
        kind=AgencyKind.COURT,
        name="松江区人民法院",
        name_en="Songjiang Court",
        code="bench-court",
        region_code="CN-SH",
    )
    committee = accounts.agency_create(
        actor=None,
        kind=AgencyKind.MEDIATION_COMMITTEE,
        name="松江区联合人民调解委员会",
        name_en="Songjiang Joint Committee",
        code="bench-joint",
        region_code="CN-SH",
    )
    judge = accounts.user_create(
        actor=None, username="bench-judge", password="x" * 12, full_name="周法官"
    )
    accounts.membership_add(actor=None, user=judge, agency=court, role=Role.JUDGE)
    mediator = accounts.user_create(
        actor=None, username="bench-mediator", password="x" * 12, full_name="郑调解员"
    )
    mediator.email = "mediator@example.org"
    mediator.save(update_fields=["email"])
    accounts.membership_add(actor=None, user=mediator, agency=committee, role=Role.MEDIATOR)
    case = cases.case_register(
        actor=judge,
        agency=court,
        data=cases.CaseInput(
            kind="minor_criminal",
            title="王强故意伤害案",
            facts="因停车纠纷发生口角，王强推搡致李明轻伤二级。",
            civil_dispute_origin=True,
            parties=[
                cases.PartyInput(role="victim", name="李明", phone="13812345678"),
                cases.PartyInput(role="suspect", name="王强"),
            ],
            offences=[("234", 1)],
        ),
    )
    return {"judge": judge, "committee": committee, "case": case}


def issue_all(district, count: int, languages: tuple[str, ...]) -> list[float]:
    from django.db import transaction

    from concord.documents.kinds import DocumentKind
    from concord.documents.samples import sample
    from concord.documents.services import Recipient, document_issue

    case = district["case"]
    victim = case.parties.get(role="victim")
    kinds = [kind.value for kind in DocumentKind]
    timings = []
    for index in range(count):
        kind = kinds[index % len(kinds)]
        context = {
            **sample(kind),
            "case_number": case.number,
            "document_number": f"〔2026〕{index + 1}号",
        }
        started = time.perf_counter()
        with transaction.atomic():
            document_issue(
                actor=district["judge"],
                case=case,
                kind=kind,
                context=context,
                recipients=[Recipient(party=victim), Recipient(agency=district["committee"])],
                languages=languages,
                subject_key=f"bench:{index}",
            )
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def wait_rendered(count: int, timeout: float, worker: subprocess.Popen) -> float:
    from concord.documents.models import ServiceReceipt

    started = time.perf_counter()
    # Done means served and notified: two receipts per document, each notified.
    while ServiceReceipt.objects.filter(notified_at__isnull=False).count() < 2 * count:
        if worker.poll() is not None:
            raise SystemExit(f"the worker exited with {worker.returncode}; see worker.log")
        if time.perf_counter() - started > timeout:
            raise SystemExit("timed out waiting for the worker")
        time.sleep(0.2)
    return time.perf_counter() - started


def collect() -> list[dict]:
    from concord.documents.models import DocumentVersion

    rows = []
    for version in DocumentVersion.objects.select_related("document"):
        rows.append(
            {
                "kind": version.document.kind,
                "render_ms": version.render_ms,
                "latency_ms": (version.rendered_at - version.issued_at).total_seconds() * 1000,
            }
        )
    return rows


def report(rows, issue_ms, wall, args, languages) -> None:
    from concord.documents.models import OutboxMessage, RenderedFile

    print(f"{'kind':<18}{'n':>5}{'median ms':>12}{'p95 ms':>10}{'max ms':>10}")
    kinds = sorted({row["kind"] for row in rows})
    for kind in kinds:
        values = [row["render_ms"] for row in rows if row["kind"] == kind]
        print(
            f"{kind:<18}{len(values):>5}{statistics.median(values):>12.0f}"
            f"{percentile(values, 0.95):>10.0f}{max(values):>10.0f}"
        )
    render = [row["render_ms"] for row in rows]
    latency = [row["latency_ms"] for row in rows]
    print(
        f"{'all':<18}{len(render):>5}{statistics.median(render):>12.0f}"
        f"{percentile(render, 0.95):>10.0f}{max(render):>10.0f}"
    )
    print(
        f"issue (request side): median {statistics.median(issue_ms):.1f} ms, "
        f"p95 {percentile(issue_ms, 0.95):.1f} ms"
    )
    print(f"issue to inbox: median {statistics.median(latency):.0f} ms (queueing included)")
    print(
        f"{len(rows)} documents in {wall:.1f} s after the last issue, "
        f"{args.workers} worker(s), languages {','.join(languages)}"
    )
    print(
        json.dumps(
            {
                "bench": "documents",
                "documents": len(rows),
                "workers": args.workers,
                "languages": list(languages),
                "median_ms": round(statistics.median(render), 1),
                "p95_ms": round(percentile(render, 0.95), 1),
                "max_ms": max(render),
                "issue_median_ms": round(statistics.median(issue_ms), 1),
                "issue_p95_ms": round(percentile(issue_ms, 0.95), 1),
                "inbox_latency_median_ms": round(statistics.median(latency)),
                "files": RenderedFile.objects.count(),
                "outbox_messages": OutboxMessage.objects.count(),
                "cpus": os.cpu_count(),
                "load_1m": round(os.getloadavg()[0], 2),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    raise SystemExit(main())
