"""Two devices editing at once lose nothing (PostgreSQL: real row locks across connections)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import connection

from careermap.worklog.models import Entry, PaymentMatch, Status
from careermap.worklog.services import ConflictError, entry_update, payment_match
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_together(*jobs: Callable[[], object]) -> list[object]:
    """Run each job in its own thread (own connection), released at the same moment; return results or errors."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def work(index: int, job: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = job()
        except Exception as error:  # noqa: BLE001 - the test inspects it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_edits_of_different_fields_from_two_devices_both_survive(alice) -> None:
    entry = EntryFactory(user=alice, notes="", status=Status.PENDING, task_type="")
    changes = [{"notes": "from the phone"}, {"status": Status.DISPUTED}, {"task_type": "Audio tagging"}] * 4
    run_together(*[lambda c=c: entry_update(user=alice, entry_id=entry.pk, changes=c) for c in changes])
    entry.refresh_from_db()
    assert (entry.notes, entry.status, entry.task_type) == ("from the phone", Status.DISPUTED, "Audio tagging")
    assert entry.version == 1 + 3  # each distinct change saved once; repeats changed nothing


def test_of_two_edits_from_the_same_stale_copy_exactly_one_wins(alice) -> None:
    entry = EntryFactory(user=alice, notes="")
    results = run_together(
        *[
            lambda n=n: entry_update(
                user=alice, entry_id=entry.pk, changes={"notes": f"device {n}"}, expected_version=1
            )
            for n in range(8)
        ]
    )
    winners = [r for r in results if isinstance(r, Entry)]
    assert len(winners) == 1
    assert all(isinstance(r, ConflictError) for r in results if r not in winners)
    entry.refresh_from_db()
    assert (entry.notes, entry.version) == (winners[0].notes, 2)


def test_concurrent_matches_never_spend_a_payment_twice(alice) -> None:
    payment = PaymentFactory(user=alice, amount=Decimal("50.00"))
    entries = EntryFactory.create_batch(10, user=alice, pay_expected=Decimal("10.00"))
    run_together(*[lambda e=e: payment_match(user=alice, payment_id=payment.pk, entry_ids=[e.pk]) for e in entries])
    matched = list(PaymentMatch.objects.filter(payment=payment).values_list("amount", flat=True))
    assert sum(matched) == Decimal("50.00") and len(matched) == 5
