from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Kern"

    def ready(self) -> None:
        from core.cache import connect_signals

        connect_signals()
