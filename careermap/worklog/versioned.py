"""Editing one row of a person's log under a row lock, with optimistic versions: the one way entries,
payments and expenses are changed, so a stale edit is refused the same way everywhere."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class ConflictError(Exception):
    """The row changed since the caller read it (its `version` moved on)."""


def lock_for_change(
    model: Any, *, user: Any, pk: int, expected_version: int | None, fields: Sequence[str], changes: Mapping[str, Any]
) -> tuple[Any, dict[str, Any]]:
    """The user's row, locked for this transaction, and its current field values.

    Raises `model.DoesNotExist` (also for another user's row), ConflictError when `expected_version`
    is given and stale, and ValueError for a field the caller may not change."""
    row = model.objects.select_for_update().get(user=user, pk=pk)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError
    unknown = set(changes) - set(fields)
    if unknown:
        raise ValueError(f"not {model._meta.verbose_name} fields: {sorted(unknown)}")
    return row, {name: getattr(row, name) for name in fields}


def save_changed(row: Any, values: Mapping[str, Any], changed: Sequence[str]) -> None:
    """Write the changed fields and move the version on, in one UPDATE of those columns."""
    for name in changed:
        setattr(row, name, values[name])
    row.version += 1
    row.full_clean()
    row.save(update_fields=[*changed, "version", "updated_at"])
