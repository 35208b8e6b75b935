"""Rules as code for Concord: screening, compensation and leniency estimates.

Pure Python — never imports Django. Parameters live in dated, cited YAML files under
``parameters/``; every result carries a trace.
"""

from __future__ import annotations

from .errors import LawInputError, MissingParameterError
from .params import list_parameters, load, registry, rules_version


def __getattr__(name: str) -> str:
    # Computed lazily so importing the package does not read every file.
    if name == "RULES_VERSION":
        return rules_version()
    raise AttributeError(name)


__all__ = [
    "RULES_VERSION",
    "LawInputError",
    "MissingParameterError",
    "list_parameters",
    "load",
    "registry",
    "rules_version",
]
