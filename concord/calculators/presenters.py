"""Shape a calculator's output for the templates: labels in the user's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .labels import FACTS, ITEMS, PATHS, SCENARIOS
from .runner import Evaluation


def present(evaluation: Evaluation) -> dict[str, Any]:
    output = dict(evaluation.output)
    view: dict[str, Any] = {
        "kind": evaluation.kind,
        "output": output,
        "trace_text": evaluation.trace_text,
    }
    if evaluation.kind == "eligibility":
        view["recommended_label"] = PATHS.get(output["recommended"], output["recommended"])
        view["needs_labels"] = [FACTS.get(n, n) for n in output.get("needs", [])]
        view["needs_text"] = str(_("、")).join(str(label) for label in view["needs_labels"])
        view["paths"] = [
            p
            | {
                "label": PATHS.get(p["path"], p["path"]),
                "needs_labels": [FACTS.get(n, n) for n in p.get("needs", [])],
            }
            for p in output["paths"]
        ]
    elif evaluation.kind == "compensation":
        view["items"] = [i | {"label": ITEMS.get(i["code"], i["code"])} for i in output["items"]]
        view["excluded"] = [
            e | {"label": ITEMS.get(e["code"], e["code"])} for e in output.get("excluded", [])
        ]
    elif evaluation.kind == "sentence":
        view["scenarios"] = [
            {"code": code, "label": SCENARIOS.get(code, code), **scenario}
            for code, scenario in output["scenarios"].items()
        ]
    return view
