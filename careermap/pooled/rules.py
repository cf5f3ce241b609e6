"""The privacy rules of the pooled figures and the figures themselves, as pure functions (no Django).

A *cell* is one platform (optionally one task type) in one calendar quarter. Each person who shares that
platform contributes one `Contribution` to it: their minutes, the minutes that earned nothing, the minutes
disputed or rejected, and the money received for that work (the work log's definitions, see
`careermap/worklog/summary.py`). The rules, in order (docs/privacy.md explains why):

1. **Enough people.** At least `MIN_PEOPLE` distinct people, and no one person more than
   `MAX_PERSON_SHARE` of the cell's minutes; otherwise nothing is published ("not enough shared logs yet").
   A task type's table is published only when it differs from its platform's table (same quarter) by
   nobody's work or by at least `K_CHANGED` people's (`complement_safe`): subtracting one from the other
   must not isolate a few people's other work.
2. **Differencing.** Figures are recomputed on a schedule, never per entry. A new figure replaces the
   one last published only when at least `K_CHANGED` people differ from the people (and data) behind it:
   joined, left, or changed their entries. With fewer:
   - if nobody behind the published figure has left, the published figure stays exactly as it was;
   - if someone left (stopped sharing or deleted their account), nothing is shown ("withheld") until
     `K_CHANGED` changes have gathered, because their data must leave at the next computation.
3. **Rounding.** Published dollar figures are rounded to `DOLLAR_STEP`, shares to whole percent, hours to
   `HOURS_STEP`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Hashable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TypeVar

MIN_PEOPLE = 10
MAX_PERSON_SHARE = Decimal("0.25")
K_CHANGED = 5
DOLLAR_STEP = Decimal("0.50")
HOURS_STEP = 10
METHOD_VERSION = "pooled-1"
Person = TypeVar("Person", bound=Hashable)  # whoever keys a table: a user id in the app, anything in tests

PUBLISHED = "published"  # new figures
HELD = "held"  # the figures published before, unchanged (fewer than K_CHANGED people changed)
WITHHELD = "withheld"  # someone behind the last figures left, and too few changes to publish new ones
TOO_FEW = "too_few"  # fewer than MIN_PEOPLE people, or one person over MAX_PERSON_SHARE of the hours
SHOWN = (PUBLISHED, HELD)


@dataclasses.dataclass(frozen=True)
class Contribution:
    """One person's work in one cell. `person` is a pseudonym (a keyed digest), never a user id."""

    person: str
    minutes: int
    unpaid_minutes: int
    disputed_minutes: int  # disputed or rejected
    received_cents: int

    @property
    def hourly(self) -> Decimal:
        """Money received per hour worked, unpaid hours included (the work log's effective hourly rate)."""
        return Decimal(self.received_cents) * 60 / 100 / self.minutes

    def fingerprint(self, key: bytes) -> str:
        text = f"{self.person}:{self.minutes}:{self.unpaid_minutes}:{self.disputed_minutes}:{self.received_cents}"
        return keyed_digest(key, text)


@dataclasses.dataclass(frozen=True)
class Figures:
    """What a published cell says. All values already rounded."""

    people: int
    hours: int
    hourly_median: Decimal
    hourly_p25: Decimal
    hourly_p75: Decimal
    unpaid_share: int  # percent of hours
    disputed_share: int  # percent of hours


@dataclasses.dataclass(frozen=True)
class Decision:
    status: str
    figures: Figures | None  # for PUBLISHED (new) and HELD (the previous ones); None otherwise
    basis: dict[str, str]  # person → fingerprint behind the figures now shown (or last shown)
    changed: int  # people who differ from the last published basis


def keyed_digest(key: bytes, text: str) -> str:
    """A keyed BLAKE2b digest (64 bits): the same text and key give the same digest; without the key, no one
    can tell which text gave it. Keys longer than BLAKE2b's 64 bytes are hashed down first."""
    if len(key) > 64:
        key = hashlib.blake2b(key).digest()
    return hashlib.blake2b(text.encode(), key=key, digest_size=8).hexdigest()


def enough(contributions: list[Contribution]) -> bool:
    """Rule 1: at least MIN_PEOPLE people with time logged, none over MAX_PERSON_SHARE of the minutes."""
    people = [c for c in contributions if c.minutes > 0]
    if len(people) < MIN_PEOPLE:
        return False
    total = sum(c.minutes for c in people)
    numerator, denominator = MAX_PERSON_SHARE.as_integer_ratio()
    return max(c.minutes for c in people) * denominator <= numerator * total


def complement_safe(task: Mapping[Person, tuple[int, int]], platform: Mapping[Person, tuple[int, int]]) -> bool:
    """Rule 1 across overlapping tables: a task type's table and its platform's table of the same quarter
    differ by people's other work on the platform. Publish the task type only when that difference is
    nobody's or at least K_CHANGED people's, so subtracting one table from the other isolates no one.
    Both map a person to (minutes, cents received)."""
    differing = sum(1 for person, work in platform.items() if task.get(person, (0, 0)) != work)
    return differing == 0 or differing >= K_CHANGED


def quantile(sorted_values: list[Decimal], q: Decimal) -> Decimal:
    """Linear interpolation between closest ranks (numpy's default, "type 7")."""
    if not sorted_values:
        raise ValueError("no values")
    position = (len(sorted_values) - 1) * q
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    fraction = position - low
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * fraction


def round_to(value: Decimal, step: Decimal) -> Decimal:
    return ((value / step).quantize(Decimal(1), rounding=ROUND_HALF_EVEN) * step).quantize(Decimal("0.01"))


def percent(part: int, whole: int) -> int:
    return int((Decimal(part) * 100 / whole).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)) if whole else 0


def figures_for(contributions: list[Contribution]) -> Figures:
    """Median and interquartile range of each person's effective hourly pay (one value per person), and the
    shares of all their hours that were unpaid and disputed or rejected; rounded for publication."""
    people = [c for c in contributions if c.minutes > 0]
    rates = sorted(c.hourly for c in people)
    minutes = sum(c.minutes for c in people)
    return Figures(
        people=len(people),
        hours=int(round_to(Decimal(minutes) / 60, Decimal(HOURS_STEP))),
        hourly_median=round_to(quantile(rates, Decimal("0.5")), DOLLAR_STEP),
        hourly_p25=round_to(quantile(rates, Decimal("0.25")), DOLLAR_STEP),
        hourly_p75=round_to(quantile(rates, Decimal("0.75")), DOLLAR_STEP),
        unpaid_share=percent(sum(c.unpaid_minutes for c in people), minutes),
        disputed_share=percent(sum(c.disputed_minutes for c in people), minutes),
    )


def decide(
    contributions: list[Contribution],
    *,
    previous: Figures | None,
    previous_basis: dict[str, str],
    key: bytes,
) -> Decision:
    """Apply the rules to one cell, given what was last published for it (`previous`, None when nothing is
    shown now) and the basis behind the last publication."""
    people = [c for c in contributions if c.minutes > 0]
    if not enough(people):
        return Decision(status=TOO_FEW, figures=None, basis=previous_basis, changed=0)
    basis = {c.person: c.fingerprint(key) for c in people}
    if not previous_basis:  # never published: the first figures need only rule 1
        return Decision(status=PUBLISHED, figures=figures_for(people), basis=basis, changed=len(basis))
    left = previous_basis.keys() - basis.keys()
    joined = basis.keys() - previous_basis.keys()
    edited = {p for p in basis.keys() & previous_basis.keys() if basis[p] != previous_basis[p]}
    changed = len(left) + len(joined) + len(edited)
    if changed >= K_CHANGED:
        return Decision(status=PUBLISHED, figures=figures_for(people), basis=basis, changed=changed)
    if changed == 0 and previous is not None:
        return Decision(status=HELD, figures=previous, basis=previous_basis, changed=0)
    if changed == 0:  # shown before, hidden since (too few for a while), and back exactly as it was
        return Decision(status=PUBLISHED, figures=figures_for(people), basis=basis, changed=0)
    if left or previous is None:
        return Decision(status=WITHHELD, figures=None, basis=previous_basis, changed=changed)
    return Decision(status=HELD, figures=previous, basis=previous_basis, changed=changed)
