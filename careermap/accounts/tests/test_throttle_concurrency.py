"""Concurrent password attempts on PostgreSQL (real row locks across connections): a burst cannot spend
more failures than a bucket holds, and pruning alongside neither blocks nor deadlocks an attempt."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from careermap.accounts.models import AttemptBucket
from careermap.accounts.throttle import Bucket, attempt_take, login_buckets

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_together(*jobs: Callable[[], object]) -> list[object]:
    """Each job in its own thread (its own connection), released at once; their results or errors."""
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


def test_a_burst_of_attempts_takes_no_more_tokens_than_the_buckets_hold() -> None:
    buckets = login_buckets(email="alice@example.com", client="203.0.113.1")  # 10 for the pair
    results = run_together(*[lambda: attempt_take(buckets, now=1000.0) for _ in range(24)])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert results.count(True) == 10 and results.count(False) == 14


def test_attempts_sharing_buckets_in_any_order_do_not_deadlock_with_each_other_or_the_prune() -> None:
    shared = [Bucket("t", f"b{n}", (50, 60)) for n in range(4)]
    for n in range(200):  # stale rows for the prune to delete
        AttemptBucket.objects.create(key=f"stale{n:04d}", tokens=1, updated=0, full_at=1)
    jobs = [lambda n=n: attempt_take(shared[n % 4 :] + shared[: n % 4], now=1000.0) for n in range(16)]
    results = run_together(*jobs)
    assert results == [True] * 16
    assert not AttemptBucket.objects.filter(key__startswith="stale").exists()
