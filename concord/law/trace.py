"""The trace every result carries: ordered, cited steps, rendered in Chinese or English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from .messages import render
from .messages_values import param_parts
from .params import ParamValue


class StepDict(TypedDict):
    step: int
    rule: str
    text: str
    inputs: dict[str, str]
    output: str
    citations: list[str]


class ReasonDict(TypedDict):
    text: str
    citations: list[str]


@dataclass(frozen=True, slots=True)
class Step:
    """One applied rule or parameter: what went in, what came out, and where it is written."""

    rule: str
    inputs: tuple[tuple[str, object], ...]  # values are immutable; shown with str()
    output: object
    citations: tuple[str, ...]
    shown: tuple[tuple[str, object], ...] = ()  # for the text only, never in to_dict

    def values(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.inputs}

    def text(self, lang: str = "en") -> str:
        """Render the step as one sentence in the given language."""
        return render(
            self.rule, lang, {**dict(self.inputs), **dict(self.shown), "output": self.output}
        )

    def to_dict(self, index: int, lang: str = "en") -> StepDict:
        return {
            "step": index,
            "rule": self.rule,
            "text": self.text(lang),
            "inputs": self.values(),
            "output": str(self.output),
            "citations": list(self.citations),
        }


@dataclass(frozen=True, slots=True)
class Reason:
    """A reason for or against a path, with its citations."""

    key: str
    params: tuple[tuple[str, object], ...]
    citations: tuple[str, ...]

    def to_dict(self, lang: str = "en") -> ReasonDict:
        return {
            "text": render(self.key, lang, dict(self.params)),
            "citations": list(self.citations),
        }


def reason(key: str, citations: Iterable[str], **params: object) -> Reason:
    """Build a reason from a message key, its citations and message parameters."""
    return Reason(key, tuple(params.items()), tuple(citations))


@dataclass(slots=True)
class Trace:
    """An ordered list of steps being built by a calculation."""

    steps: list[Step] = field(default_factory=list)

    def add(self, rule: str, output: object, citations: Iterable[str], **inputs: object) -> None:
        """Record a rule applied to `inputs`, giving `output`, citing `citations`."""
        cites = tuple(citations)
        if not cites:
            raise ValueError(f"trace step {rule} has no citation")
        self.steps.append(Step(rule, tuple(inputs.items()), output, cites))

    def param(self, value: ParamValue, shown: object | None = None) -> None:
        """Record that a parameter value was read, with its period and source."""
        inputs, cites, readable = _param_parts(value)
        output = value.value if shown is None else shown
        self.steps.append(Step("parameter", inputs, output, cites, readable))

    def extend(self, steps: Iterable[Step]) -> None:
        self.steps.extend(steps)

    def to_list(self, lang: str = "en") -> list[StepDict]:
        return [s.to_dict(i, lang) for i, s in enumerate(self.steps, start=1)]

    def render(self, lang: str = "en") -> str:
        """Return the whole trace as numbered lines of readable text, each with its citations."""
        lines = []
        for i, s in enumerate(self.steps, start=1):
            lines.append(f"{i}. {s.text(lang)}")
            lines.extend(f"   — {c}" for c in s.citations)
        return "\n".join(lines)


_Pairs = tuple[tuple[str, object], ...]
_PARTS: dict[ParamValue, tuple[_Pairs, tuple[str, ...], _Pairs]] = {}


def _param_parts(value: ParamValue) -> tuple[_Pairs, tuple[str, ...], _Pairs]:
    """Return a parameter step's inputs, citation and readable parts, built once per value."""
    parts = _PARTS.get(value)
    if parts is None:
        period = f"{value.start.isoformat()}..{value.end.isoformat() if value.end else ''}"
        keys = ", ".join(f"{k}={v}" for k, v in value.keys)
        inputs = (("name", value.name), ("keys", keys), ("period", period), ("mark", value.mark))
        readable = param_parts(
            value.name, value.description, value.keys, value.start, value.end, value.mark
        )
        parts = _PARTS[value] = (inputs, (value.cite(),), readable)
    return parts
