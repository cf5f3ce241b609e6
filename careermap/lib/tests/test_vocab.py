"""Each shared vocabulary has one key list; every wording of it covers exactly those keys."""

from __future__ import annotations

from typing import get_args

import pytest

from careermap.lib import vocab


@pytest.mark.parametrize(
    ("literal", "keys", "labels"),
    [
        (vocab.Riasec, vocab.RIASEC, [vocab.RIASEC_NAMES]),
        (vocab.EducationLevel, vocab.EDUCATION_LEVELS, [vocab.EDUCATION_LABELS, vocab.EDUCATION_IN_A_SENTENCE]),
        (vocab.Band, vocab.BANDS, [vocab.BAND_LABELS, vocab.BAND_IN_A_SENTENCE, vocab.BAND_ORDER]),
    ],
)
def test_the_type_the_keys_and_every_label_set_agree(literal: object, keys: tuple[str, ...], labels: list) -> None:
    assert set(get_args(literal)) == set(keys) and len(set(keys)) == len(keys)
    for label_set in labels:
        assert set(label_set) == set(keys)


def test_education_is_ordered_lowest_first() -> None:
    assert [vocab.EDUCATION_ORDER[key] for key in vocab.EDUCATION_LEVELS] == list(range(len(vocab.EDUCATION_LEVELS)))
    assert vocab.EDUCATION_ORDER["high-school"] < vocab.EDUCATION_ORDER["bachelor"]


def test_bands_are_listed_in_rank_order_and_uneven_ranks_with_weeks() -> None:
    ranks = [vocab.BAND_ORDER[key] for key in vocab.BANDS]
    assert ranks == sorted(ranks)
    assert vocab.BAND_ORDER["uneven"] == vocab.BAND_ORDER["weeks"]


def test_the_riasec_letters_are_in_onet_order() -> None:
    assert "".join(vocab.RIASEC) == "RIASEC"  # O*NET's interest rows are numbered in this order
