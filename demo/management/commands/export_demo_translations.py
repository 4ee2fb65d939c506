"""Write the demo's PO file of each language from the German demo content, keeping translations."""

from django.core.management.base import BaseCommand

from demo.translations import export_po_files


class Command(BaseCommand):
    help = "Export the demo content's translatable segments to demo/translations/<lang>.po."

    def handle(self, *args, **options):
        for language, count in export_po_files().items():
            self.stdout.write(f"  {language}: {count} entries")
        self.stdout.write(self.style.SUCCESS("PO files written to demo/translations/."))
