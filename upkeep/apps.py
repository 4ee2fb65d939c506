from django.apps import AppConfig


class UpkeepConfig(AppConfig):
    """Keeping the content current: editors confirm a page is still accurate without
    editing it (“geprüft am”, shown to readers); the dashboard lists pages not confirmed for
    twelve months, per language; the worker checks the external links in content and
    documents weekly and Reports → Defekte Links lists the broken ones."""

    name = "upkeep"
    verbose_name = "Aktualität"
    default_auto_field = "django.db.models.BigAutoField"
