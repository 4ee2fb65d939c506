from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    """Getting pages to readers fast: the page cache, the shared cached rows every request
    looks up (site, locales, home pages, view restrictions), routing with them, gzip, the
    per-request memo, and the one place that writes Wagtail's private attributes."""

    name = "delivery"
    verbose_name = "Auslieferung"

    def ready(self) -> None:
        from delivery.cache import connect_signals

        connect_signals()
