"""A least-recently-used map bounded in bytes, for what one process keeps of pages it rendered."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class SizedLRU(Generic[V]):
    """Values with their size in bytes; the least recently used go first when the budget is passed.

    The budget is asked for on every `put` (a callable: settings may change it, 0 keeps nothing), and
    one value may take at most an eighth of it, so a single huge page cannot push out all the others.
    Safe across the threads of one worker."""

    def __init__(self, budget: Callable[[], int]) -> None:
        self.budget = budget
        self._held: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self.size = 0
        self._lock = threading.Lock()
        _every.add(self)

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._held.get(key)
            if found is None:
                return None
            self._held.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, value: V, size: int) -> None:
        budget = self.budget()
        if size > budget // 8:
            return
        with self._lock:
            old = self._held.pop(key, None)
            if old is not None:
                self.size -= old[1]
            self._held[key] = (value, size)
            self.size += size
            while self.size > budget:
                _, (_, dropped) = self._held.popitem(last=False)
                self.size -= dropped

    def clear(self) -> None:
        with self._lock:
            self._held.clear()
            self.size = 0

    def __len__(self) -> int:
        return len(self._held)


_every: weakref.WeakSet[SizedLRU[Any]] = weakref.WeakSet()


def clear_all() -> None:
    """Empty every SizedLRU of this process (tests: ids repeat across test databases)."""
    for lru in list(_every):
        lru.clear()
