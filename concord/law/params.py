"""Dated, cited parameters loaded from YAML files.

Each file under ``parameters/<area>/<name>.yaml`` is one parameter. Its values
each carry an effective period (``from``, ``to``; ``to`` may be null), a value,
a citation and a mark (V verified in the primary text, S secondary source,
U unverified). A parameter may be keyed (``keys: [region]``); then every value
names its key fields. Extra directories with the same layout add values, so a
new year's statistics is a data change only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import MissingParameterError

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DIR = PACKAGE_DIR / "parameters"
ENV_VAR = "CONCORD_LAW_PARAMETERS_DIR"
MARKS = ("V", "S", "U")

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(frozen=True, slots=True, eq=False)
class ParamValue:
    """One value of a parameter, with the period it applies to and its source.

    Compared and hashed by identity: values are loaded once and shared.
    """

    name: str
    value: Any
    start: dt.date
    end: dt.date | None
    citation: str
    mark: str
    keys: tuple[tuple[str, str], ...] = ()
    url: str = ""
    note: str = ""
    extra: tuple[tuple[str, str], ...] = ()
    description: Mapping[str, str] = field(default_factory=dict, repr=False)  # the parameter's

    def cite(self) -> str:
        """Return the citation with its mark, as shown in traces."""
        link = f" <{self.url}>" if self.url else ""
        return f"{self.citation}{link} [{self.mark}]"

    def to_dict(self) -> dict[str, Any]:
        """Return the value as a JSON-ready mapping (for listings and results)."""
        return {
            "name": self.name,
            **dict(self.keys),
            "value": _jsonable(self.value),
            "from": self.start.isoformat(),
            "to": self.end.isoformat() if self.end else None,
            "source": self.citation,
            "url": self.url,
            "mark": self.mark,
            "note": self.note,
            **dict(self.extra),
        }


@dataclass(slots=True)
class Parameter:
    """A named parameter: description, unit, key fields and dated values."""

    name: str
    description: Mapping[str, str]
    unit: str
    keys: tuple[str, ...]
    values: list[ParamValue] = field(default_factory=list)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _date(raw: Any, where: str) -> dt.date | None:
    if raw is None:
        return None
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError as exc:
        raise ValueError(f"{where}: {raw!r} is not an ISO date") from exc


def _parse_value(
    name: str,
    keys: tuple[str, ...],
    raw: Mapping[str, Any],
    where: str,
    description: Mapping[str, str] | None = None,
) -> ParamValue:
    start = _date(raw.get("from"), where)
    if start is None:
        raise ValueError(f"{where}: every value needs a 'from' date")
    mark = str(raw.get("mark", ""))
    if mark not in MARKS:
        raise ValueError(f"{where}: mark must be one of {MARKS}, not {mark!r}")
    if not raw.get("citation"):
        raise ValueError(f"{where}: every value needs a citation")
    known = {"from", "to", "value", "citation", "mark", "url", "note", *keys}
    return ParamValue(
        name=name,
        value=raw.get("value"),
        start=start,
        end=_date(raw.get("to"), where),
        citation=str(raw["citation"]),
        mark=mark,
        keys=tuple((k, str(raw[k])) for k in keys),
        url=str(raw.get("url") or ""),
        note=str(raw.get("note") or "").strip(),
        extra=tuple((str(k), str(v)) for k, v in raw.items() if k not in known),
        description=description or {},
    )


class Registry:
    """All parameters from one or more directories, looked up by name and date."""

    def __init__(self, directories: Iterable[Path]) -> None:
        self.directories = tuple(Path(d) for d in directories)
        self.parameters: dict[str, Parameter] = {}
        digest = hashlib.sha256()
        for directory in self.directories:
            for path in sorted(directory.rglob("*.yaml")):
                rel = path.relative_to(directory).with_suffix("").as_posix()
                content = path.read_bytes()
                digest.update(rel.encode() + b"\0" + content + b"\0")
                doc = yaml.load(content, Loader=_Loader)  # noqa: S506 — a SafeLoader
                self._add_file(rel.replace("/", "."), doc, path)
        self.data_digest = digest.hexdigest()
        self.version = ""
        self.memo: dict[Any, Any] = {}  # values derived once per registry
        self.get = lru_cache(maxsize=65536)(self._get)

    def _add_file(self, name: str, doc: Mapping[str, Any], path: Path) -> None:
        keys = tuple(doc.get("keys") or ())
        param = self.parameters.get(name)
        if param is None:
            param = Parameter(name, doc.get("description") or {}, str(doc.get("unit", "")), keys)
            self.parameters[name] = param
        elif param.keys != keys:
            raise ValueError(f"{path}: keys {keys} differ from {param.keys} for {name}")
        for i, raw in enumerate(doc.get("values") or ()):
            value = _parse_value(name, keys, raw, f"{path} value {i}", param.description)
            for other in param.values:
                if other.keys == value.keys and _overlap(other, value):
                    raise ValueError(f"{path} value {i}: period overlaps another value of {name}")
            param.values.append(value)

    def short_names(self) -> dict[str, str]:
        """Map each parameter's last name component to its full name."""
        return {name.rsplit(".", 1)[-1]: name for name in self.parameters}

    def _get(self, name: str, on: dt.date, **keys: str) -> ParamValue:
        param = self.parameters.get(name)
        wanted = tuple((k, str(keys[k])) for k in param.keys) if param else ()
        if param is not None:
            for value in param.values:
                if (
                    value.keys == wanted
                    and value.start <= on
                    and (value.end is None or on <= value.end)
                ):
                    return value
        raise MissingParameterError(name, on.isoformat(), dict(wanted or keys.items()))

    def listing(self) -> list[dict[str, Any]]:
        """Return every parameter with its description, unit and all dated values."""
        out = []
        for name in sorted(self.parameters):
            param = self.parameters[name]
            values = sorted(param.values, key=lambda v: (v.keys, v.start))
            out.append(
                {
                    "name": name,
                    "description": dict(param.description),
                    "unit": param.unit,
                    "keys": list(param.keys),
                    "values": [v.to_dict() for v in values],
                }
            )
        return out


def _overlap(a: ParamValue, b: ParamValue) -> bool:
    a_end = a.end or dt.date.max
    b_end = b.end or dt.date.max
    return a.start <= b_end and b.start <= a_end


def default_directories() -> list[Path]:
    """Return the package's parameter directory plus any in CONCORD_LAW_PARAMETERS_DIR."""
    dirs = [DEFAULT_DIR]
    extra = os.environ.get(ENV_VAR, "")
    dirs.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return dirs


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Return a digest of the package's Python sources (rule code is part of the rules).

    Computed once per process: the code cannot change under a running process.
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


_registry: Registry | None = None


def registry() -> Registry:
    """Return the process-wide registry, loading it on first use."""
    global _registry
    if _registry is None:
        _registry = Registry(default_directories())
    return _registry


def load(directories: Iterable[str | Path] | None = None, *, replace: bool = True) -> Registry:
    """Load parameters from the package and extra directories, and make them current."""
    global _registry
    dirs = [DEFAULT_DIR, *(Path(d) for d in directories)] if directories else default_directories()
    reg = Registry(dirs)
    if replace:
        _registry = reg
    return reg


def rules_version(reg: Registry | None = None) -> str:
    """Return a short version string that changes when rule code or parameter data change."""
    reg = reg or registry()
    if not reg.version:
        combined = hashlib.sha256((code_digest() + reg.data_digest).encode()).hexdigest()
        reg.version = f"law-{combined[:16]}"
    return reg.version


def list_parameters(reg: Registry | None = None) -> list[dict[str, Any]]:
    """Return every parameter, its values, periods, sources and marks (for an admin page)."""
    return (reg or registry()).listing()
