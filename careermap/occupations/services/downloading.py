"""`import_data --download`: fetch the releases listed in downloads.MANIFEST and check them."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from careermap.occupations import downloads
from careermap.occupations.importers.xlsx import XlsxError, read_sheet, sheet_table


class DownloadError(Exception):
    pass


def _http_get(url: str) -> bytes:
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "careermap-import/1.0 (data download)"})
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - fixed https URLs
        return response.read()


def data_download(
    *, dest: Path, fetch: Callable[[str], bytes] = _http_get, log: Callable[[str], None] | None = None
) -> list[Path]:
    """Fetch every file of downloads.MANIFEST into `dest`, laid out like the shared data folder.

    Files pinned by sha256 must match; unpinned official files get their digest printed and
    written to dest/SHA256SUMS. Returns the files written.
    """
    say = log or (lambda message: None)
    written: list[Path] = []
    sums: list[str] = []
    for item in downloads.MANIFEST:
        say(f"Fetching {item.url}")
        try:
            data = fetch(item.url)
        except OSError as exc:
            raise DownloadError(f"{item.url}: download failed: {exc}") from exc
        digest = hashlib.sha256(data).hexdigest()
        if item.sha256 is not None and digest != item.sha256:
            raise DownloadError(f"{item.url}: sha256 {digest} does not match the pinned {item.sha256}")
        sums.append(f"{digest}  {item.url}{'' if item.sha256 else '  (official file, not pinned)'}")
        folder = dest / item.folder
        folder.mkdir(parents=True, exist_ok=True)
        outputs: dict[str, bytes] = {}
        try:
            if item.kind == "file":
                outputs[item.target] = data
            elif item.kind == "zip":
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for member, name in item.members:
                        outputs[name] = archive.read(member)
            else:
                for sheet, name, first_cell in item.sheets:
                    buffer = io.StringIO()
                    csv.writer(buffer).writerows(sheet_table(read_sheet(data, sheet), first_cell))
                    outputs[name] = buffer.getvalue().encode("utf-8")
        except (zipfile.BadZipFile, KeyError, XlsxError) as exc:
            raise DownloadError(f"{item.url}: unexpected contents: {exc}") from exc
        for name, content in outputs.items():
            path = folder / name
            path.write_bytes(content)
            written.append(path)
            say(f"  wrote {path} ({len(content):,} bytes)")
    (dest / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    return written
