"""Errors raised by the rules: always name the input field and say what is wrong."""

from __future__ import annotations

from collections.abc import Mapping


class LawInputError(ValueError):
    """Input the rules cannot use, or a figure they need and do not have.

    `field` is the dotted path of the offending input (``victim.age``,
    ``offences[0].article``, ``parameters.urban_disposable_income_per_capita``).
    `message` is one plain English sentence; `code` and `params` let a user
    interface say the same thing in another language.
    """

    def __init__(
        self,
        field: str,
        message: str,
        *,
        code: str = "invalid",
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.field = field
        self.message = message
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        super().__init__(f"{field}: {message}")

    def to_dict(self) -> dict[str, object]:
        """Return the error as a JSON-ready mapping."""
        return {
            "field": self.field,
            "code": self.code,
            "message": self.message,
            "params": {k: str(v) for k, v in self.params.items()},
        }


class MissingParameterError(LawInputError):
    """A figure the calculation needs has no value for this date, region or series."""

    def __init__(self, name: str, on: object, keys: Mapping[str, object]) -> None:
        short = name.rsplit(".", 1)[-1]
        where = ", ".join(f"{k} {v}" for k, v in keys.items())
        where = f" for {where}" if where else ""
        super().__init__(
            f"parameters.{short}",
            f"no value of {name}{where} in force on {on} in the parameter data; "
            f'supply it in the input as "parameters": {{"{short}": "..."}} '
            "or add it to a parameter file with its source",
            code="parameter_missing",
            params={"parameter": name, "on": on, **keys},
        )
        self.parameter = name
