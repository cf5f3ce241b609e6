"""A quiz result's link holds its answers: nothing is stored on the server.

The token is the answers themselves, packed: the 48 interest answers (0 for skipped, 1–5) and the
index of each practical answer among its question's choices, as one mixed-radix number. In front of
it, a fingerprint of the practical questions (ids and choice values, in order), so a link made
before an editor changed them reads as "made with questions that have since changed" instead of
being decoded into the wrong answers; behind it, a checksum, so a mistyped or made-up token is
simply no result. 33 URL-safe characters with today's questions.

Layouts: "b" (since issue 23) also holds the current job (an O*NET code) and a stamp: the day the
result was first computed, a short hash of the data version then and of the matches it gave, so a
later view can say when recomputed results differ. "a" links (before) decode with the practical
questions as they were then (`LEGACY_A`) and defaults for the questions added since.

Pure functions of the answers and the question definitions: no database, no Django.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careermap.quiz.questions import PracticalQuestion

PREFIX = "b"  # the layout's version: a different layout gets a different first character
LEGACY_PREFIX = "a"
# The practical questions as "a" links knew them (ids and values in order), and what the questions
# added since default to when such a link is opened.
LEGACY_A: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("urgency", ("week", "month", "year")),
    ("budget", ("nothing", "up-to-100", "up-to-500", "up-to-2000", "up-to-10000", "more")),
    (
        "education",
        ("none", "high-school", "postsecondary-certificate", "associate", "bachelor", "master", "doctoral"),
    ),
    ("train", ("any", "short", "none")),
    ("age", ("18-plus", "under-18")),
    ("work_authorization", ("authorized", "not-authorized")),
    ("licence", ("willing", "not-willing")),
    ("setting", ("remote", "in-person", "either")),
    ("hours", ("under-10", "10-20", "20-35", "full-time")),
    ("goal", ("cash", "hired", "business")),
    ("durability", ("a-lot", "some", "not-much")),
)
DEFAULTS = {"years": "none", "pay_floor": "none"}
JOB = re.compile(r"[0-9]{2}-[0-9]{4}\.[0-9]{2}")  # an O*NET code; the "job" answer
_JOBS = 10**8 + 1  # 0: no job given; else the code's eight digits + 1
_EPOCH = dt.date(2026, 1, 1)
_STAMP = 2**16  # days since _EPOCH, data-version hash, matches hash: 16 bits each
# The RIASEC Markers ids, in a fixed order (they are the instrument's, not ours to change).
ITEM_IDS = tuple(f"{letter}{n}" for letter in "RIASEC" for n in range(1, 9))
_SCALE = 6  # 0 = skipped, 1..5 = Dislike..Enjoy
_FINGERPRINT = 3
_CHECKSUM = 3
_TOKEN = re.compile(r"[ab](?:[A-Za-z0-9_-]{4})+")  # whole base64 groups, no padding


@dataclasses.dataclass(frozen=True)
class Stamp:
    """When a result was first computed, and short hashes of the data version and of its matches."""

    day: dt.date
    data: int
    matches: int

    @classmethod
    def of(cls, *, day: dt.date, data_version: str, keys: Sequence[str]) -> Stamp:
        return cls(day=day, data=short_hash(data_version), matches=short_hash("|".join(keys)))

    @property
    def data_code(self) -> str:
        return f"{self.data:04x}"


def short_hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:2], "big")


class NotAnAnswerCode(ValueError):
    """The token was never made by `answers_encode` (an older stored token, or a typo)."""


def _layout(practical: Iterable[PracticalQuestion]) -> tuple[bytes, list[tuple[str, list[str]]], int]:
    return _layout_of([(q.id, [c.value for c in q.choices]) for q in practical], extra=_JOBS * _STAMP**3)


def _layout_of(
    questions: list[tuple[str, list[str]]], *, extra: int = 1
) -> tuple[bytes, list[tuple[str, list[str]]], int]:
    digest = hashlib.sha256()
    for qid, values in questions:
        digest.update(qid.encode() + b"\x00" + b"\x01".join(v.encode() for v in values) + b"\x02")
    capacity = _SCALE ** len(ITEM_IDS) * extra
    for _, values in questions:
        capacity *= len(values)
    size = (capacity - 1).bit_length() // 8 + 1
    size += -(_FINGERPRINT + size + _CHECKSUM) % 3  # whole base64 groups: every character counts
    return digest.digest()[:_FINGERPRINT], questions, size


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()[:_CHECKSUM]


def answers_encode(
    answers: Mapping[str, Any], practical: Iterable[PracticalQuestion], stamp: Stamp | None = None
) -> str:
    """The token for answers that `questions.parse_answers` accepted (every practical question
    answered with one of its choices, or absent for those in DEFAULTS; interest answers 1–5 or
    absent; "job" an O*NET code or absent)."""
    fingerprint, questions, size = _layout(practical)
    number = 0
    for item in ITEM_IDS:
        number = number * _SCALE + int(answers.get(item, 0))
    for qid, values in questions:
        number = number * len(values) + values.index(answers.get(qid, DEFAULTS.get(qid)))
    job = str(answers.get("job") or "")
    number = number * _JOBS + (int(job.replace("-", "").replace(".", "")) + 1 if JOB.fullmatch(job) else 0)
    stamp = stamp or Stamp(day=_EPOCH, data=0, matches=0)
    day = min(max((stamp.day - _EPOCH).days, 0), _STAMP - 1)
    for part in (day, stamp.data, stamp.matches):
        number = number * _STAMP + part
    body = fingerprint + number.to_bytes(size, "big")
    return PREFIX + base64.urlsafe_b64encode(body + _checksum(body)).decode().rstrip("=")


def answers_decode(token: str, practical: Iterable[PracticalQuestion]) -> tuple[dict[str, Any] | None, Stamp | None]:
    """The answers a token holds (None when it was made with practical questions that have since
    changed) and its stamp (None for "a" links, which had none). Raises NotAnAnswerCode for anything
    `answers_encode` did not make."""
    # Exactly the form answers_encode writes: the decoder alone would skip stray characters and
    # read "+/" as "-_", so one result would have many spellings.
    if len(token) > 96 or not _TOKEN.fullmatch(token):
        raise NotAnAnswerCode(token)
    try:
        raw = base64.b64decode(token[1:], altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise NotAnAnswerCode(token) from None
    body, checksum = raw[:-_CHECKSUM], raw[-_CHECKSUM:]
    if len(body) <= _FINGERPRINT or _checksum(body) != checksum:
        raise NotAnAnswerCode(token)
    legacy = token[0] == LEGACY_PREFIX
    if legacy:
        fingerprint, questions, size = _layout_of([(qid, list(values)) for qid, values in LEGACY_A])
    else:
        fingerprint, questions, size = _layout(practical)
    if body[:_FINGERPRINT] != fingerprint or len(body) != _FINGERPRINT + size:
        return None, None
    number = int.from_bytes(body[_FINGERPRINT:], "big")
    chosen: dict[str, Any] = {}
    stamp = None
    if not legacy:
        parts = []
        for _ in range(3):
            number, part = divmod(number, _STAMP)
            parts.append(part)
        matches, data, day = parts
        stamp = Stamp(day=_EPOCH + dt.timedelta(days=day), data=data, matches=matches) if day or data else None
        number, job = divmod(number, _JOBS)
        if job:
            digits = f"{job - 1:08d}"
            chosen["job"] = f"{digits[:2]}-{digits[2:6]}.{digits[6:]}"
    for qid, values in reversed(questions):
        number, index = divmod(number, len(values))
        chosen[qid] = values[index]
    interests: dict[str, Any] = {}
    for item in reversed(ITEM_IDS):
        number, value = divmod(number, _SCALE)
        if value:
            interests[item] = value
    if number:  # more than the layout can hold: not a code we made
        raise NotAnAnswerCode(token)
    if legacy:
        chosen = DEFAULTS | chosen
    return dict(sorted((interests | chosen).items())), stamp
