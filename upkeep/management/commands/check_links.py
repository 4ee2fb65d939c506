from typing import Any

from django.core.management.base import BaseCommand

from upkeep.linkcheck import run_check


class Command(BaseCommand):
    help = "Check the external links in content and documents now (the worker does it weekly)."

    def handle(self, *args: Any, **options: Any) -> None:
        run = run_check()
        self.stdout.write(f"{run.checked} links checked, {run.broken} broken.")
