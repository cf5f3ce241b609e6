"""Has the data changed? One answer for every in-memory cache (issue #18 §3).

A *data version* is the primary key of the newest row written by the one step that ends a
change: a `content_load` writes a `ContentRelease`, and every `import_data` ends with a
`DurabilityRun` in the same transaction. That is the one definition of "changed"; row counts,
timestamps and file digests are not consulted.

The writer bumps the version in the Django cache when its transaction commits. With a shared
cache (REDIS_URL) every process sees the bump within `HELD_SECONDS` (a second: a process reuses
a version it has just read that long). With the per-process LocMem
cache another process trusts the version it last read for `TRUST_SECONDS`: that window is how
stale a page, the search index or the quiz's candidates can be after a change made elsewhere.

`PerVersion` is the in-memory cache itself: a value built from the database, kept in the process
until one of the versions it depends on changes, rebuilt once under a lock.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from django.core.cache import cache

TRUST_SECONDS = 30  # how long a process trusts a version it read, when the cache is not shared
HELD_SECONDS = 1.0  # how long a process reuses a version without asking the cache again

T = TypeVar("T")


class DataVersion:
    """One named version: the pk of the newest row of the step that ends a change (0 if none).

    A process reuses a version it has just read for `HELD_SECONDS` before asking the cache again:
    most requests need two or three versions, and a round trip per request is most of what a page
    served from memory costs. A bump made in this process is seen here at once."""

    def __init__(self, key: str, newest: Callable[[], int | None]) -> None:
        self.key = key
        self._newest = newest
        self._held: tuple[int, float] | None = None  # (version, until) by time.monotonic()
        _every.add(self)

    def held(self, now: float) -> int | None:
        held = self._held
        return held[0] if held is not None and now < held[1] else None

    def hold(self, version: int, now: float) -> int:
        self._held = (version, now + HELD_SECONDS)
        return version

    def current(self) -> int:
        now = time.monotonic()
        held = self.held(now)
        if held is not None:
            return held
        version = cache.get(self.key)
        if version is None:
            version = self._newest() or 0
            cache.set(self.key, version, TRUST_SECONDS)
        return self.hold(int(version), now)

    def bump(self, version: int) -> None:
        """Called by the writer on commit with the pk it just wrote."""
        cache.set(self.key, version, TRUST_SECONDS)
        self._held = None

    def forget(self) -> None:
        """Drop the cached value: the next `current()` asks the database."""
        cache.delete(self.key)
        self._held = None


_every: weakref.WeakSet[DataVersion] = weakref.WeakSet()


def forget_held() -> None:
    """Every version this process holds is asked for again (tests: ids repeat across databases)."""
    for version in list(_every):
        version._held = None


def current_all(*versions: DataVersion) -> tuple[int, ...]:
    """Several versions, those not held in one cache round trip: the HTTP validators read three on
    every public request."""
    now = time.monotonic()
    values = [version.held(now) for version in versions]
    missing = [version.key for version, value in zip(versions, values, strict=True) if value is None]
    found = cache.get_many(missing) if missing else {}
    resolved = []
    for version, value in zip(versions, values, strict=True):
        if value is None:
            cached = found.get(version.key)
            value = version.hold(int(cached), now) if cached is not None else version.current()
        resolved.append(value)
    return tuple(resolved)


def joined(versions: tuple[DataVersion, ...]) -> str:
    """The versions as one string, e.g. "12:7": equal strings mean nothing changed."""
    return ":".join(str(version) for version in current_all(*versions))


class PerVersion(Generic[T]):
    """A value built from the database and kept in this process until a version it depends on changes.

    `build` receives the joined version string it is built for. Readers never block each other:
    only a rebuild takes the lock, and a second reader arriving mid-rebuild waits for it instead
    of building the same value again.
    """

    def __init__(self, build: Callable[[str], T], *depends_on: DataVersion) -> None:
        self._build = build
        self.depends_on = depends_on
        self._lock = threading.Lock()
        self._held: tuple[str, T] | None = None

    def version(self) -> str:
        return joined(self.depends_on)

    def get(self) -> T:
        version = self.version()
        held = self._held
        if held is not None and held[0] == version:
            return held[1]
        with self._lock:
            held = self._held
            if held is None or held[0] != version:
                held = (version, self._build(version))
                self._held = held
            return held[1]

    def forget(self) -> None:
        """Drop this process's value; the next `get()` builds it again."""
        with self._lock:
            self._held = None
