"""manage.py export_static_site DIR: the public site as static files (the static archive)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from static_export.exporter import DEFAULT_PAGEFIND, ExportError, StaticSiteExporter


class Command(BaseCommand):
    help = (
        "Write a static copy of the public site in every language to DIR: pages, filter "
        "pages, image renditions, documents, static files, sitemap, 404 pages and a "
        "Pagefind search index per language. Links are relative, so DIR works from any "
        "static host under any base path."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="an empty folder, or an earlier export")
        parser.add_argument(
            "--base-url",
            default="",
            help="where the copy will be served, e.g. https://example.org/archiv/: makes "
            "canonical, hreflang, OpenGraph and sitemap URLs absolute (search engines want "
            "them so); without it they are relative and OpenGraph URLs are left out",
        )
        parser.add_argument(
            "--pagefind",
            type=Path,
            default=DEFAULT_PAGEFIND,
            help="the Pagefind program (default: the one `make checks-tools` installs)",
        )
        parser.add_argument(
            "--no-search-index", action="store_true", help="skip Pagefind (no search)"
        )

    def handle(self, *args, directory: Path, base_url: str, **options) -> None:
        pagefind = None if options["no_search_index"] else options["pagefind"]
        exporter = StaticSiteExporter(
            directory, base_url=base_url, pagefind=pagefind, progress=self.stdout.write
        )
        try:
            report = exporter.export()
        except ExportError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 1:
            self.stdout.write(report.pagefind_output)
        for problem in report.problems():
            self.stderr.write(self.style.WARNING(problem))
        self.stdout.write(report.summary())
        self.stdout.write(self.style.SUCCESS(f"Static copy written to {report.directory}"))
