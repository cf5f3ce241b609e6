"""Has the data changed? One answer for every in-memory cache (issue #18 §3).

A *data version* is the primary key of the newest row written by the one step that ends a
change: a `content_load` writes a `ContentRelease`, and every `import_data` ends with a
`DurabilityRun` in the same transaction. That is the one definition of "changed"; row counts,
timestamps and file digests are not consulted.

The writer bumps the version in the Django cache when its transaction commits. With a shared
cache (REDIS_URL) every process sees the bump on its next request. With the per-process LocMem
cache another process trusts the version it last read for `TRUST_SECONDS`: that window is how
stale a page, the search index or the quiz's candidates can be after a change made elsewhere.

`PerVersion` is the in-memory cache itself: a value built from the database, kept in the process
until one of the versions it depends on changes, rebuilt once under a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from django.core.cache import cache

TRUST_SECONDS = 30  # how long a process trusts a version it read, when the cache is not shared

T = TypeVar("T")


class DataVersion:
    """One named version: the pk of the newest row of the step that ends a change (0 if none)."""

    def __init__(self, key: str, newest: Callable[[], int | None]) -> None:
        self.key = key
        self._newest = newest

    def current(self) -> int:
        version = cache.get(self.key)
        if version is None:
            version = self._newest() or 0
            cache.set(self.key, version, TRUST_SECONDS)
        return int(version)

    def bump(self, version: int) -> None:
        """Called by the writer on commit with the pk it just wrote."""
        cache.set(self.key, version, TRUST_SECONDS)

    def forget(self) -> None:
        """Drop the cached value: the next `current()` asks the database."""
        cache.delete(self.key)


def current_all(*versions: DataVersion) -> tuple[int, ...]:
    """Several versions in one cache round trip: the HTTP validators read three on every public request."""
    found = cache.get_many([version.key for version in versions])
    return tuple(
        int(found[version.key]) if found.get(version.key) is not None else version.current() for version in versions
    )


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
