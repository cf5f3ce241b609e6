"""The byte-bounded LRU behind the in-memory page stores (careermap/lib/lru.py)."""

from __future__ import annotations

from careermap.lib.lru import SizedLRU


def test_it_keeps_to_its_budget_and_drops_the_least_recently_used_first() -> None:
    lru: SizedLRU[str] = SizedLRU(lambda: 1000)
    for n in range(10):  # ten values of 100 bytes fill the budget exactly
        lru.put(n, f"value {n}", 100)
    assert lru.get(0) == "value 0"  # 0 is now the most recently used
    lru.put(10, "value 10", 100)
    assert len(lru) == 10 and lru.size == 1000
    assert lru.get(1) is None  # the least recently used went first
    assert lru.get(0) == "value 0" and lru.get(10) == "value 10"


def test_a_value_over_an_eighth_of_the_budget_is_not_kept_and_a_zero_budget_keeps_nothing() -> None:
    budget = [1000]
    lru: SizedLRU[str] = SizedLRU(lambda: budget[0])
    lru.put("big", "x", 126)
    assert lru.get("big") is None
    lru.put("fits", "x", 125)
    assert lru.get("fits") == "x"
    budget[0] = 0
    lru.put("none", "x", 1)
    assert lru.get("none") is None


def test_putting_a_key_again_replaces_it_and_counts_its_size_once() -> None:
    lru: SizedLRU[str] = SizedLRU(lambda: 1000)
    lru.put("a", "old", 100)
    lru.put("a", "new", 50)
    assert lru.get("a") == "new" and lru.size == 50 and len(lru) == 1
    lru.clear()
    assert lru.size == 0 and len(lru) == 0
