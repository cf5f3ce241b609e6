"""The one answer to "has the data changed?" (careermap/lib/versions.py)."""

from __future__ import annotations

import threading
import time
from typing import Any

from django.core.cache import cache

from careermap.lib.versions import HELD_SECONDS, TRUST_SECONDS, DataVersion, PerVersion, current_all, joined


class Newest:
    """Stands in for "the pk of the newest row", counting how often the database is asked."""

    def __init__(self, value: int | None) -> None:
        self.value = value
        self.asked = 0

    def __call__(self) -> int | None:
        self.asked += 1
        return self.value


def test_no_row_yet_is_version_0() -> None:
    assert DataVersion("t:empty", Newest(None)).current() == 0


def test_a_version_is_read_once_then_trusted_until_it_expires() -> None:
    newest = Newest(3)
    version = DataVersion("t:v", newest)
    assert version.current() == 3
    newest.value = 4  # another process wrote a row; this one has not heard yet
    assert version.current() == 3
    assert newest.asked == 1
    cache.delete("t:v")  # what TRUST_SECONDS expiring does
    version._held = None  # and HELD_SECONDS passing
    assert version.current() == 4


def test_a_version_read_is_held_for_a_second_then_asked_of_the_cache_again(monkeypatch: Any) -> None:
    clock = [1000.0]
    monkeypatch.setattr("careermap.lib.versions.time.monotonic", lambda: clock[0])
    version = DataVersion("t:h", Newest(3))
    assert version.current() == 3
    cache.set("t:h", 7)  # another process bumped it in the shared cache
    assert version.current() == 3 and current_all(version) == (3,)  # held: no round trip
    clock[0] += HELD_SECONDS
    assert current_all(version) == (7,)
    version.bump(8)  # a bump in this process is seen here at once
    assert version.current() == 8


def test_a_bump_is_seen_at_once_and_forget_asks_the_database_again() -> None:
    newest = Newest(3)
    version = DataVersion("t:b", newest)
    assert version.current() == 3
    version.bump(9)
    assert version.current() == 9
    version.forget()
    assert version.current() == 3


def test_the_trust_window_is_the_one_the_docs_state() -> None:
    assert TRUST_SECONDS == 30  # docs/search.md and the module docstring say 30 s


def test_joined_versions_change_when_any_one_changes() -> None:
    a, b = DataVersion("t:a", Newest(1)), DataVersion("t:c", Newest(2))
    before = joined((a, b))
    assert before == "1:2"
    b.bump(5)
    assert joined((a, b)) != before


def test_a_value_is_built_once_per_version_and_rebuilt_when_it_changes() -> None:
    version = DataVersion("t:p", Newest(1))
    built: list[str] = []

    def build(v: str) -> str:
        built.append(v)
        return f"index@{v}"

    held = PerVersion(build, version)
    assert held.get() == "index@1"
    assert held.get() == "index@1"
    assert built == ["1"]
    version.bump(2)
    assert held.get() == "index@2"
    held.forget()
    assert held.get() == "index@2"
    assert built == ["1", "2", "2"]


def test_readers_arriving_during_a_build_wait_for_it_instead_of_building_again() -> None:
    version = DataVersion("t:r", Newest(1))
    builds: list[str] = []

    def slow_build(v: str) -> str:
        builds.append(v)
        time.sleep(0.05)
        return v

    held = PerVersion(slow_build, version)
    version.current()  # the cache is per process: read it before the threads start
    threads = [threading.Thread(target=held.get) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builds == ["1"]
