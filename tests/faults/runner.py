"""A child process for the fault tests: runs one management command (or GETs pages) against the
SQLite database named by DATABASE_URL, with an optional hook that breaks it in a known place.

    python tests/faults/runner.py MODE MARKER ARGS...

MODE is one of:
  plain          run `manage.py ARGS`
  hang-content   content_load, held inside its transaction just before it records the release
  hang-import    import_data, held inside its transaction after the occupations and titles are written
  full-disk      `manage.py ARGS` with the database unable to grow by a single page (SQLITE_FULL,
                 what SQLite reports on a full disk)
  read-only      `manage.py ARGS` with the database opened read-only (SQLITE_READONLY, what an
                 unwritable data directory gives)
  get            GET each path in ARGS with Django's test client; print {path: status} as JSON
A held command touches MARKER once it is inside its transaction, then sleeps until it is killed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careermap.settings")


def _hold(marker: Path) -> Any:
    def hook(*args: Any, **kwargs: Any) -> Any:
        marker.write_text("inside the transaction")
        time.sleep(300)
        raise SystemExit("not killed in time")

    return hook


def main() -> None:
    mode, marker, *args = sys.argv[1:]
    from django.conf import settings

    if mode == "read-only":
        settings.DATABASES["default"]["NAME"] = f"file:{settings.DATABASES['default']['NAME']}?mode=ro"
    import django

    django.setup()
    if mode == "hang-content":
        from careermap.content.models import ContentRelease

        ContentRelease.objects.create = _hold(Path(marker))  # type: ignore[method-assign]
    elif mode == "hang-import":
        from careermap.occupations.models import Task

        Task.objects.bulk_create = _hold(Path(marker))  # type: ignore[method-assign]
    elif mode == "full-disk":
        from django.db.backends.signals import connection_created

        def no_room(sender: Any, connection: Any, **kwargs: Any) -> None:
            with connection.cursor() as cursor:
                pages = cursor.execute("PRAGMA page_count").fetchone()[0]
                cursor.execute(f"PRAGMA max_page_count = {pages}")

        connection_created.connect(no_room)
    elif mode == "get":
        from django.test import Client

        client = Client()
        print(json.dumps({path: client.get(path).status_code for path in args}))
        return

    from django.core.management import execute_from_command_line

    execute_from_command_line(["manage.py", *args])


if __name__ == "__main__":
    main()
