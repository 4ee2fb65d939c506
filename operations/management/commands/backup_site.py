"""manage.py backup_site ARCHIVE: database and media files in one .tar.gz."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the whole site (database as a portable dump, and every file under MEDIA_ROOT "
        "but image renditions) to one .tar.gz archive; restore it with restore_site."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="the archive to write, e.g. site.tar.gz")

    def handle(self, *args, archive: Path, **options) -> None:
        started = time.monotonic()
        try:
            result = create_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in result.skipped:
            self.stderr.write(self.style.WARNING(f"Skipped {name}: not a regular file."))
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {result.objects} objects and {result.files} files to {result.path} "
                f"({result.size / 1_000_000:.1f} MB, {time.monotonic() - started:.1f} s)."
            )
        )
