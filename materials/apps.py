from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = "Materialien"

    def ready(self) -> None:
        from . import signals  # noqa: F401
