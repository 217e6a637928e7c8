"""Validation problems as data: a stable code and an exact position."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, with where it is and how to fix it."""

    file: str
    line: int | None
    record: str | None
    field: str | None
    code: str
    message: str

    def key(self) -> tuple[str, str | None, str | None, str]:
        """The stable part tests compare: (file, record, field, code)."""
        return (self.file, self.record, self.field, self.code)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = f" record `{self.record}`" if self.record else ""
        field = f" field `{self.field}`" if self.field else ""
        return f"{where}{what}{field}: {self.message} [{self.code}]"


class DataError(Exception):
    """Raised by load_dataset when the data has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.code))
        super().__init__(f"{len(self.problems)} problem(s) in the data")
