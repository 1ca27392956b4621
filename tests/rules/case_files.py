"""Rule cases kept as data (tests/rules/cases/<rule-id>.yaml, sqlfluff style).

A case file names its rule and lists cases; each case is a text and the exact
findings the rule gives on it, in order::

    rule: blame
    context: "## Action items\\n\\n- {text}\\n"   # optional: where each text sits
    cases:
      - name: human-error                       # unique in the file; the test id is blame:human-error
        text: The outage was a classic case of human error.
        flags: [human error]                    # the flagged words; [] for a clean case
        suggestions: [...]                      # optional, one per flag, exact (null: no rewrite)
        messages: [...]                         # optional, one per flag, exact
        path: t.md                              # optional: the file name the text is linted as
        note: why this case is here             # optional

A file that does not fit this shape fails loudly, naming the file, the case
index and the field.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

CASES_DIR = Path(__file__).resolve().parent / "cases"
PLACEHOLDER = "{text}"


class CaseFileError(Exception):
    """A case file that cannot be read or does not fit the schema."""


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    text: str = Field(min_length=1)
    flags: list[str]
    suggestions: list[str | None] | None = None
    messages: list[str] | None = None
    context: str | None = None
    path: str = "t.md"
    note: str | None = None

    @field_validator("flags")
    @classmethod
    def _flags_are_words(cls, flags: list[str]) -> list[str]:
        if any(not flag.strip() for flag in flags):
            raise ValueError("a flag must be the flagged words, not empty")
        return flags

    @field_validator("context")
    @classmethod
    def _context_has_placeholder(cls, context: str | None) -> str | None:
        if context is not None and PLACEHOLDER not in context:
            raise ValueError(f"context must contain {PLACEHOLDER}")
        return context

    @model_validator(mode="after")
    def _one_per_flag(self) -> Case:
        for field in ("suggestions", "messages"):
            values = getattr(self, field)
            if values is not None and len(values) != len(self.flags):
                raise ValueError(f"{field}: {len(values)} given for {len(self.flags)} flags (one per flag)")
        return self


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    context: str | None = None
    cases: list[Case] = Field(min_length=1)

    @field_validator("context")
    @classmethod
    def _context_has_placeholder(cls, context: str | None) -> str | None:
        return Case._context_has_placeholder(context)


def document(case_file: CaseFile, case: Case) -> str:
    """The text the rule is run on: the case's text in its context, if any."""
    context = case.context or case_file.context
    return context.replace(PLACEHOLDER, case.text) if context else case.text


def _where(loc: tuple, data) -> str:
    """ "case 3 (name), field 'flags'" from a pydantic error location."""
    if len(loc) >= 2 and loc[0] == "cases" and isinstance(loc[1], int):
        index = loc[1]
        name = ""
        cases = data.get("cases") if isinstance(data, dict) else None
        if isinstance(cases, list) and index < len(cases) and isinstance(cases[index], dict):
            name = f" ({cases[index].get('name')})" if cases[index].get("name") else ""
        rest = ".".join(str(part) for part in loc[2:])
        return f"case {index}{name}" + (f", field '{rest}'" if rest else "")
    return "field '" + ".".join(str(part) for part in loc) + "'" if loc else "top level"


def load_case_file(path: Path) -> CaseFile:
    """Read and validate one case file; CaseFileError names the file, case and field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CaseFileError(f"{path}: cannot read: {exc}") from None
    try:
        case_file = CaseFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{_where(tuple(err['loc']), data)}: {err['msg']}" for err in exc.errors())
        raise CaseFileError(f"{path}: {problems}") from None
    if case_file.rule != path.stem:
        raise CaseFileError(f"{path}: rule '{case_file.rule}' does not match the file name '{path.stem}'")
    seen: dict[str, int] = {}
    for index, case in enumerate(case_file.cases):
        if case.name in seen:
            raise CaseFileError(
                f"{path}: case {index} ({case.name}): name already used by case {seen[case.name]}"
            )
        seen[case.name] = index
    return case_file


def case_paths(directory: Path = CASES_DIR) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


def all_cases(directory: Path = CASES_DIR) -> list[tuple[CaseFile, Case]]:
    """Every (case file, case) pair, in file order."""
    return [
        (case_file, case)
        for path in case_paths(directory)
        for case_file in [load_case_file(path)]
        for case in case_file.cases
    ]
