"""manage.py restore_site ARCHIVE [--yes]: put back what backup_site wrote."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database content and MEDIA_ROOT with a backup_site archive, after "
        "checking it; rebuilds the search and reference indexes. Stop the application "
        "servers first and start them again afterwards."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="an archive written by backup_site")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="replace the content this site has (refused without it, saying what it is)",
        )

    def handle(self, *args, archive: Path, yes: bool, **options) -> None:
        started = time.monotonic()
        verbose = options["verbosity"] > 1
        try:
            result = restore_backup(
                archive, confirmed=yes, log=self.stdout.write if verbose else lambda message: None
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {result.objects} objects and {result.files} files from {archive} "
                f"(backup of {result.created}) in {time.monotonic() - started:.1f} s; "
                "search and reference indexes rebuilt. Restart the application servers "
                "(content type ids changed)."
            )
        )
