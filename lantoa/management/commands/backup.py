"""`manage.py backup`: a consistent copy of the database and the uploaded media, while the site
keeps running (docs/deployment.md, "Backups and restore").

SQLite: sqlite3's online backup API copies the database in one step, which in WAL mode is a
snapshot of the last committed state and does not stop writers; the copy is checked with
`PRAGMA integrity_check`. PostgreSQL: `pg_dump --format=custom`, also a snapshot. Media on
local disk (MEDIA_ROOT, and PRIVATE_MEDIA_ROOT for staff files) goes into a .tar.gz beside it;
media on object storage is backed up by the bucket's own versioning or replication, not here.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import datetime
from pathlib import Path

from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

PREFIX = "lantoa-"


def backup_sqlite(source: str, target: Path) -> None:
    """Copies a live SQLite database to `target` and checks the copy."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # pages=-1: all in one step, so one consistent snapshot
            # A plain rollback-journal file: one self-contained file to store and restore.
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise CommandError(f"Bản sao lưu bị lỗi (integrity_check: {result}).")
    partial.rename(target)


def backup_postgres(database: dict, target: Path) -> None:
    """Dumps a PostgreSQL database with pg_dump (custom format, for pg_restore)."""
    if shutil.which("pg_dump") is None:
        raise CommandError("Không tìm thấy pg_dump (gói postgresql-client).")
    env = {**os.environ}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    partial = target.with_name(target.name + ".partial")
    result = subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={partial}", database["NAME"]],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise CommandError(f"pg_dump thất bại: {result.stderr.strip()}")
    partial.rename(target)


def backup_media(roots: dict[str, Path], target: Path) -> int:
    """Archives folders, each under its own name (media/: MEDIA_ROOT, private/:
    PRIVATE_MEDIA_ROOT); returns the number of files."""
    partial = target.with_name(target.name + ".partial")
    count = 0
    with tarfile.open(partial, "w:gz") as archive:
        for folder, root in roots.items():
            if not root.is_dir():
                continue
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=str(Path(folder) / path.relative_to(root)))
                    count += 1
    partial.rename(target)
    return count


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp tải lên trong khi trang vẫn chạy."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--to",
            default=os.environ.get("BACKUP_DIR", "backups"),
            help="Thư mục chứa bản sao lưu (mặc định: BACKUP_DIR hoặc backups/).",
        )
        parser.add_argument("--no-media", action="store_true", help="Không sao lưu tệp tải lên.")
        parser.add_argument(
            "--keep", type=int, default=0, help="Chỉ giữ N bản gần nhất (0: giữ tất cả)."
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, to: str, no_media: bool, keep: int, database: str, **options):
        directory = Path(to)
        directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        connection = connections[database]
        written = []
        if connection.vendor == "sqlite":
            name = str(connection.settings_dict["NAME"])
            if name == ":memory:" or "mode=memory" in name:
                raise CommandError("Cơ sở dữ liệu trong bộ nhớ: không có gì để sao lưu.")
            target = directory / f"{PREFIX}{stamp}.sqlite3"
            backup_sqlite(name, target)
        elif connection.vendor == "postgresql":
            target = directory / f"{PREFIX}{stamp}.dump"
            backup_postgres(connection.settings_dict, target)
        else:
            raise CommandError(f"Chưa hỗ trợ sao lưu {connection.vendor}.")
        written.append(target)

        if not no_media:
            # The public media and the staff's private files, when they are on local disk.
            roots = {
                folder: Path(storages[alias].location)
                for folder, alias in (("media", "default"), ("private", "private"))
                if isinstance(storages[alias], FileSystemStorage)
            }
            if roots:
                media = directory / f"{PREFIX}{stamp}-media.tar.gz"
                files = backup_media(roots, media)
                written.append(media)
                self.stdout.write(f"{files} tệp tải lên")
            else:
                self.stdout.write(
                    "Tệp tải lên nằm trên kho lưu trữ đối tượng: sao lưu bằng phiên bản của bucket."
                )
        for path in written:
            self.stdout.write(f"{path} ({path.stat().st_size:,} byte)")
        if keep > 0:
            self._prune(directory, keep)

    def _prune(self, directory: Path, keep: int) -> None:
        """Keeps the `keep` newest backups (a database file and its media archive)."""
        stamps = sorted(
            {path.name[len(PREFIX) : len(PREFIX) + 15] for path in directory.glob(f"{PREFIX}*")},
            reverse=True,
        )
        for stamp in stamps[keep:]:
            for path in directory.glob(f"{PREFIX}{stamp}*"):
                path.unlink()
                self.stdout.write(f"đã xóa {path}")
