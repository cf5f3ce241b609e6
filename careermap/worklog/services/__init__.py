"""Every write to the work log. Views, the API and the importer all come through here.

Rules: each function takes the acting `user` and only touches that user's rows; input passes the same
normalisation (`rules.py`) on every path; edits lock the row (`select_for_update`) and bump `version`,
so two devices editing at once never silently lose a change. Nothing here logs entry content.

By job: `records.py` (entries and payments one at a time), `imports.py` (CSV imports), `restore.py` (a
JSON export restored). Callers import from `careermap.worklog.services`.
"""

from __future__ import annotations

from careermap.worklog.services.imports import (
    IMPORT_BATCH_SIZE,
    KEPT_ERRORS,
    RESTORE_MAX_ERRORS,
    default_mapping,
    import_batch_create,
    import_batch_discard,
    import_batch_set_mapping,
    import_batch_undo,
    import_batch_use_note_statuses,
    worklog_csv_import,
)
from careermap.worklog.services.records import (
    ENTRY_FIELDS,
    PAYMENT_FIELDS,
    entry_bulk_set_status,
    entry_create,
    entry_delete,
    entry_fields_clean,
    entry_update,
    payment_create,
    payment_delete,
    payment_fields_clean,
    payment_match,
    payment_unmatch,
    payment_update,
)
from careermap.worklog.services.restore import worklog_json_restore
from careermap.worklog.versioned import ConflictError

__all__ = [
    "ENTRY_FIELDS",
    "IMPORT_BATCH_SIZE",
    "KEPT_ERRORS",
    "PAYMENT_FIELDS",
    "RESTORE_MAX_ERRORS",
    "ConflictError",
    "default_mapping",
    "entry_bulk_set_status",
    "entry_create",
    "entry_delete",
    "entry_fields_clean",
    "entry_update",
    "import_batch_create",
    "import_batch_discard",
    "import_batch_set_mapping",
    "import_batch_undo",
    "import_batch_use_note_statuses",
    "payment_create",
    "payment_delete",
    "payment_fields_clean",
    "payment_match",
    "payment_unmatch",
    "payment_update",
    "worklog_csv_import",
    "worklog_json_restore",
]
