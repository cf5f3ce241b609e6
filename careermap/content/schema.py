"""The read format: YAML front matter of content/reads/<slug>.md, validated strictly.

Every model forbids unknown fields, so a typo in a key is an error, not a silently
ignored line. Enumerations are plain string literals so YAML 1.1 surprises (`no`
parsed as False) are rejected rather than coerced.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    computed_field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from careermap.content.labels import PAY_BASIS_LABELS, PAY_UNIT_LABELS, UNPAID_TIME_LABELS
from careermap.lib.vocab import (
    EDUCATION_LABELS,
    EDUCATION_ORDER,
    Band,
    EducationLevel,
    Riasec,
)

Collection = Literal["gigwatch", "careers", "own-business"]
Tone = Literal["good", "mixed", "poor"]
FirstDollarBand = Band
SourceKind = Literal[
    "official-data", "research", "journalism", "worker-reports", "platform-terms", "company", "aggregator"
]
# Kinds that speak for themselves or repeat others: the source's note must say what it is.
NOTED_KINDS = {"company", "aggregator"}
ReadPart = Literal[
    "quick-facts",
    "what-this-is",
    "what-it-pays",
    "durability",
    "lens-gig",
    "lens-hired",
    "lens-business",
    "editors-read",
    "before-you-commit",
    "whats-changed",
]
PayUnit = Literal["hour", "task", "test", "order", "trip", "session", "month", "year"]
PayBasis = Literal["gross", "net_of_expenses", "employee_equivalent"]
UnpaidTime = Literal["counted", "not_counted", "not_stated", "all_hours_paid"]

ONET_SOC_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
NonEmpty = Annotated[StrictStr, Field(min_length=1)]


def _refuse(at: tuple[str | int, ...], message: str) -> PydanticCustomError:
    """A rule broken across fields, reported at the field `at` (parsing adds it to the error's location)."""
    return PydanticCustomError("read_rule", "{message}", {"message": message, "at": at})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


ESTIMATE_PREFIX = "our estimate from "
CostCovers = Literal["education", "licence"]
PUBLISHED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def is_estimate(basis: str) -> bool:
    """A basis that is not a source url says it is our estimate, and from what."""
    return basis.lower().startswith(ESTIMATE_PREFIX) and len(basis) > len(ESTIMATE_PREFIX) + 3


class CostItem(Strict):
    """One thing a person pays for to start, with where its price comes from."""

    what: NonEmpty
    low_usd: StrictInt = Field(ge=0)
    high_usd: StrictInt = Field(ge=0)
    required: StrictBool
    basis: NonEmpty = Field(description="The url of one of the read's sources, or 'our estimate from …'.")
    covers: list[CostCovers] = Field(default=[], description="The required credential this item pays for.")

    @model_validator(mode="after")
    def _range_in_order(self) -> CostItem:
        if self.high_usd < self.low_usd:
            raise _refuse(("high_usd",), f"high_usd ({self.high_usd}) is below low_usd ({self.low_usd})")
        return self


class StartCost(Strict):
    """The start cost as a list of items; the range shown and filtered on is the sum of the required ones."""

    words: NonEmpty
    items: list[CostItem] = Field(min_length=1)
    excluded_reason: StrictStr = Field(
        default="", description="Why a credential the read calls required is not counted as an item."
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def min_usd(self) -> int:
        return sum(item.low_usd for item in self.items if item.required)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def max_usd(self) -> int:
        return sum(item.high_usd for item in self.items if item.required)


class FirstDollar(Strict):
    band: FirstDollarBand
    caveat: NonEmpty
    basis: NonEmpty = Field(description="The url of one of the read's sources, or 'our estimate from …'.")


class AgeRequirement(Strict):
    years: StrictInt = Field(ge=14, le=25)
    required_by: NonEmpty


class WorkAuthorization(Strict):
    required: StrictBool
    required_by: NonEmpty


class EducationRequirement(Strict):
    level: EducationLevel
    credential: StrictStr = ""
    required_by: NonEmpty


class OtherRequirement(Strict):
    text: NonEmpty
    required_by: NonEmpty
    licence: StrictBool = False


class Requirements(Strict):
    min_age: AgeRequirement
    work_authorization: WorkAuthorization
    education: EducationRequirement
    other: list[OtherRequirement] = []
    summary: NonEmpty = Field(description="The short line shown in quick facts, e.g. '18+, work authorization'.")


class QuickFacts(Strict):
    start_cost: StartCost
    first_dollar: FirstDollar
    requirements: Requirements


class WhatThisIs(Strict):
    headline: NonEmpty
    summary: NonEmpty


class Durability(Strict):
    """Either a score (computed from the linked occupations' data) or an explicit no-score."""

    scored: StrictBool
    no_score_reason: StrictStr = ""
    basis: StrictStr = ""
    editorial_score: StrictInt | None = Field(default=None, ge=0, le=100)
    editorial_reason: StrictStr = ""

    @model_validator(mode="after")
    def _explained(self) -> Durability:
        if not self.scored and not self.no_score_reason:
            raise ValueError("an unscored read needs no_score_reason")
        if self.scored and self.no_score_reason:
            raise ValueError("a scored read cannot also give no_score_reason")
        if self.scored and not self.basis:
            raise ValueError("a scored read needs basis: what the score is computed from")
        if (self.editorial_score is None) != (not self.editorial_reason):
            raise ValueError("editorial_score and editorial_reason go together")
        if not self.scored and self.editorial_score is not None:
            raise ValueError("an unscored read cannot carry an editorial score")
        return self


class Lens(Strict):
    verdict: NonEmpty
    tone: Tone
    text: NonEmpty


class Lenses(Strict):
    gig: Lens
    hired: Lens
    business: Lens


class Source(Strict):
    title: NonEmpty
    publisher: NonEmpty
    url: NonEmpty
    published: StrictStr = Field(description="The date on the source: YYYY, YYYY-MM or YYYY-MM-DD, or 'undated'.")
    published_note: StrictStr = Field(default="", description="Why undated, or where the date comes from.")
    accessed: dt.date = Field(description="When we last checked the source.")
    kind: SourceKind
    note: StrictStr = Field(
        default="",
        description="What the source is, shown with it: say so when it speaks for itself ('the platform's own account').",
    )
    backs: list[ReadPart] = Field(min_length=1)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            raise ValueError("must be an http(s) URL")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _published_as_text(cls, value: object) -> object:
        # YAML reads 2023-05-02 as a date and 2023 as a number: accept both as the text they were.
        if isinstance(value, dt.date | int) and not isinstance(value, bool):
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        return value

    @field_validator("published")
    @classmethod
    def _published_format(cls, value: str) -> str:
        if value == "undated":
            return value
        if not PUBLISHED.match(value):
            raise ValueError("must be YYYY, YYYY-MM or YYYY-MM-DD (the date on the source), or 'undated'")
        parts = [int(part) for part in value.split("-")]
        try:
            dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date") from exc
        return value

    @model_validator(mode="after")
    def _company_says_so(self) -> Source:
        if self.kind in NOTED_KINDS and not self.note.strip():
            raise _refuse(
                ("note",),
                f"a source of kind {self.kind} needs a note saying what it is, e.g. 'the platform's own account'",
            )
        return self

    @model_validator(mode="after")
    def _dated_or_explained(self) -> Source:
        if self.published == "undated" and not self.published_note.strip():
            raise _refuse(("published_note",), "an undated source needs published_note saying why")
        if self.published != "undated" and self.published > self.accessed.isoformat()[: len(self.published)]:
            raise _refuse(("published",), f"published ({self.published}) is after accessed ({self.accessed})")
        return self

    @property
    def published_start(self) -> dt.date | None:
        """The earliest day the published date can mean (None when undated)."""
        if self.published == "undated":
            return None
        parts = [int(part) for part in self.published.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


Dollars = Annotated[float, Field(ge=0, strict=True)]


class PayFigure(Strict):
    """One pay figure that others measured or published for people doing this work."""

    amount_usd: Dollars | None = None
    low_usd: Dollars | None = None
    high_usd: Dollars | None = None
    unit: PayUnit
    basis: PayBasis
    unpaid_time: UnpaidTime
    population: NonEmpty = Field(description="Who was measured, e.g. 'U.S. Uber drivers'.")
    place: NonEmpty
    measured: NonEmpty = Field(description="When: a year or period, e.g. '2018' or '2023-Q2' (quoted in YAML).")
    source: NonEmpty = Field(description="The url of one of the read's own sources.")
    note: StrictStr = ""

    @model_validator(mode="after")
    def _one_amount(self) -> PayFigure:
        has_range = self.low_usd is not None or self.high_usd is not None
        if self.amount_usd is not None and has_range:
            raise ValueError("give amount_usd or low_usd and high_usd, not both")
        if self.amount_usd is None and not has_range:
            raise ValueError("a figure needs amount_usd, or low_usd and high_usd for a range")
        if has_range:
            if self.low_usd is None or self.high_usd is None:
                raise ValueError("a range needs both low_usd and high_usd")
            if self.high_usd < self.low_usd:
                raise _refuse(("high_usd",), f"high_usd ({self.high_usd:g}) is below low_usd ({self.low_usd:g})")
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def amount_display(self) -> str:
        values = [self.amount_usd] if self.amount_usd is not None else [self.low_usd, self.high_usd]
        amounts = [value for value in values if value is not None]
        cents = any(round(value * 100) % 100 for value in amounts)
        return "–".join(f"${value:,.2f}" if cents else f"${value:,.0f}" for value in amounts)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def unit_label(self) -> str:
        return PAY_UNIT_LABELS[self.unit]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def basis_label(self) -> str:
        return PAY_BASIS_LABELS[self.basis]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def unpaid_time_label(self) -> str:
        return UNPAID_TIME_LABELS[self.unpaid_time]


class Pay(Strict):
    """What a gig pays: figures measured by others, or why no trustworthy figure exists."""

    figures: list[PayFigure] = []
    no_figure_reason: StrictStr = ""

    @model_validator(mode="after")
    def _figures_or_reason(self) -> Pay:
        if not self.figures and not self.no_figure_reason.strip():
            raise ValueError("give at least one figure, or a no_figure_reason saying why there is none")
        if self.figures and self.no_figure_reason:
            raise ValueError("give figures or a no_figure_reason, not both")
        return self


class Change(Strict):
    """One dated event in a gig's world: a pay change, a ruling, a deactivation wave, a new rule."""

    date: dt.date = Field(description="The day it happened or was announced.")
    what: NonEmpty = Field(description="One or two plain sentences: what changed and what it means for a worker.")
    source: NonEmpty = Field(description="The url of one of the read's sources.")


class ChangeLogEntry(Strict):
    date: dt.date
    note: NonEmpty


class ReadFrontMatter(Strict):
    title: NonEmpty
    description: NonEmpty
    collection: Collection
    occupations: list[StrictStr] = []
    interests: list[Riasec] = Field(min_length=1, max_length=3)
    quick_facts: QuickFacts
    what_this_is: WhatThisIs
    pay: Pay | None = None
    durability: Durability
    lenses: Lenses
    sources: list[Source] = Field(min_length=1)
    reviewed: dt.date
    next_review: dt.date
    changelog: list[ChangeLogEntry] = Field(min_length=1)
    changes: list[Change] = Field(default=[], description="What's changed: required (one or more) for GigWatch.")

    @field_validator("occupations")
    @classmethod
    def _onet_codes(cls, value: list[str]) -> list[str]:
        for code in value:
            if not ONET_SOC_CODE.match(code):
                raise ValueError(f"{code!r} is not an O*NET-SOC code like 15-1252.00")
        if len(set(value)) != len(value):
            raise ValueError("lists an occupation twice")
        return value

    @field_validator("interests")
    @classmethod
    def _distinct_interests(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("lists an interest code twice")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ReadFrontMatter:
        if self.next_review <= self.reviewed:
            raise ValueError(f"next_review ({self.next_review}) must come after reviewed ({self.reviewed})")
        if self.collection == "gigwatch" and self.durability.scored:
            raise ValueError("a GigWatch gig carries no durability score: set scored: false with its reason")
        if self.durability.scored and not self.occupations:
            raise ValueError("a scored read needs occupations to compute its score from")
        if max(entry.date for entry in self.changelog) > self.reviewed:
            raise ValueError("a changelog entry is dated after the read's reviewed date")
        return self

    @model_validator(mode="after")
    def _quick_facts_have_a_basis(self) -> ReadFrontMatter:
        urls = {source.url for source in self.sources}
        cost = self.quick_facts.start_cost
        for index, item in enumerate(cost.items):
            if item.basis not in urls and not is_estimate(item.basis):
                raise _refuse(
                    ("quick_facts", "start_cost", "items", index, "basis"),
                    "give the url of one of this read's sources, or say 'our estimate from …' and from what",
                )
        basis = self.quick_facts.first_dollar.basis
        if basis not in urls and not is_estimate(basis):
            raise _refuse(
                ("quick_facts", "first_dollar", "basis"),
                "give the url of one of this read's sources, or say 'our estimate from …' and from what",
            )
        covered = {kind for item in cost.items if item.required for kind in item.covers}
        needs = self.quick_facts.requirements
        missing = []
        if EDUCATION_ORDER[needs.education.level] > EDUCATION_ORDER["high-school"] and "education" not in covered:
            missing.append(f"the {EDUCATION_LABELS[needs.education.level].lower()} this read requires")
        if any(other.licence for other in needs.other) and "licence" not in covered:
            missing.append("the licence this read requires")
        if missing and not cost.excluded_reason.strip():
            raise _refuse(
                ("quick_facts", "start_cost", "items"),
                f"{' and '.join(missing)} is not a required item (covers: [education] or [licence]):"
                " count it, or give excluded_reason saying why it is left out",
            )
        return self

    @model_validator(mode="after")
    def _changes_are_sourced(self) -> ReadFrontMatter:
        if self.collection == "gigwatch" and not self.changes:
            raise _refuse(
                ("changes",),
                "a GigWatch read needs changes: at least one dated event (date, what, source) such as a pay change,"
                " a ruling, a deactivation wave or a new rule",
            )
        urls = {source.url for source in self.sources}
        for index, change in enumerate(self.changes):
            if change.source not in urls:
                raise _refuse(
                    ("changes", index, "source"),
                    f"{change.source!r} is not one of this read's sources: cite the url of an entry in sources",
                )
            if change.date > self.reviewed:
                raise _refuse(
                    ("changes", index, "date"),
                    f"dated {change.date}, after the read's review ({self.reviewed}): we can only list what we checked",
                )
        return self

    @model_validator(mode="after")
    def _pay_for_gigs_only(self) -> ReadFrontMatter:
        if self.collection == "gigwatch" and self.pay is None:
            raise _refuse(
                ("pay",),
                "a GigWatch read needs pay: figures measured by others, or a no_figure_reason saying why there is none",
            )
        if self.collection != "gigwatch" and self.pay is not None:
            raise _refuse(("pay",), "only GigWatch reads carry pay; a career's employee pay comes from the public data")
        if self.pay is None:
            return self
        by_url = {source.url: index for index, source in enumerate(self.sources)}
        for index, figure in enumerate(self.pay.figures):
            if figure.source not in by_url:
                raise _refuse(
                    ("pay", "figures", index, "source"),
                    f"{figure.source!r} is not one of this read's sources: cite the url of an entry in sources",
                )
            source_index = by_url[figure.source]
            if "what-it-pays" not in self.sources[source_index].backs:
                raise _refuse(
                    ("sources", source_index, "backs"),
                    "this source backs a pay figure: add what-it-pays to its backs",
                )
        return self


BODY_SECTIONS: dict[str, str] = {
    "editors-read": "Editor's read",
    "before-you-commit": "Before you commit",
}
