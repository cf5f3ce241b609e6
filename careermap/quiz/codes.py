"""A quiz result's link holds its answers: nothing is stored on the server.

The token is the answers themselves, packed: the 48 interest answers (0 for skipped, 1–5) and the
index of each practical answer among its question's choices, as one mixed-radix number. In front of
it, a fingerprint of the practical questions (ids and choice values, in order), so a link made
before an editor changed them reads as "made with questions that have since changed" instead of
being decoded into the wrong answers; behind it, a checksum, so a mistyped or made-up token is
simply no result. 33 URL-safe characters with today's questions.

Pure functions of the answers and the question definitions: no database, no Django.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careermap.quiz.questions import PracticalQuestion

PREFIX = "a"  # the layout's version: a different layout gets a different first character
# The RIASEC Markers ids, in a fixed order (they are the instrument's, not ours to change).
ITEM_IDS = tuple(f"{letter}{n}" for letter in "RIASEC" for n in range(1, 9))
_SCALE = 6  # 0 = skipped, 1..5 = Dislike..Enjoy
_FINGERPRINT = 3
_CHECKSUM = 3
_TOKEN = re.compile(re.escape(PREFIX) + r"(?:[A-Za-z0-9_-]{4})+")  # whole base64 groups, no padding


class NotAnAnswerCode(ValueError):
    """The token was never made by `answers_encode` (an older stored token, or a typo)."""


def _layout(practical: Iterable[PracticalQuestion]) -> tuple[bytes, list[tuple[str, list[str]]], int]:
    questions = [(q.id, [c.value for c in q.choices]) for q in practical]
    digest = hashlib.sha256()
    for qid, values in questions:
        digest.update(qid.encode() + b"\x00" + b"\x01".join(v.encode() for v in values) + b"\x02")
    capacity = _SCALE ** len(ITEM_IDS)
    for _, values in questions:
        capacity *= len(values)
    size = (capacity - 1).bit_length() // 8 + 1
    size += -(_FINGERPRINT + size + _CHECKSUM) % 3  # whole base64 groups: every character counts
    return digest.digest()[:_FINGERPRINT], questions, size


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()[:_CHECKSUM]


def answers_encode(answers: Mapping[str, Any], practical: Iterable[PracticalQuestion]) -> str:
    """The token for answers that `questions.parse_answers` accepted (every practical question
    answered with one of its choices; interest answers 1–5 or absent)."""
    fingerprint, questions, size = _layout(practical)
    number = 0
    for item in ITEM_IDS:
        number = number * _SCALE + int(answers.get(item, 0))
    for qid, values in questions:
        number = number * len(values) + values.index(answers[qid])
    body = fingerprint + number.to_bytes(size, "big")
    return PREFIX + base64.urlsafe_b64encode(body + _checksum(body)).decode().rstrip("=")


def answers_decode(token: str, practical: Iterable[PracticalQuestion]) -> dict[str, Any] | None:
    """The answers a token holds; None when it was made with practical questions that have since
    changed. Raises NotAnAnswerCode for anything `answers_encode` did not make."""
    # Exactly the form answers_encode writes: the decoder alone would skip stray characters and
    # read "+/" as "-_", so one result would have many spellings.
    if len(token) > 80 or not _TOKEN.fullmatch(token):
        raise NotAnAnswerCode(token)
    try:
        raw = base64.b64decode(token[len(PREFIX) :], altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise NotAnAnswerCode(token) from None
    body, checksum = raw[:-_CHECKSUM], raw[-_CHECKSUM:]
    if len(body) <= _FINGERPRINT or _checksum(body) != checksum:
        raise NotAnAnswerCode(token)
    fingerprint, questions, size = _layout(practical)
    if body[:_FINGERPRINT] != fingerprint or len(body) != _FINGERPRINT + size:
        return None
    number = int.from_bytes(body[_FINGERPRINT:], "big")
    chosen: dict[str, Any] = {}
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
    return dict(sorted((interests | chosen).items()))
