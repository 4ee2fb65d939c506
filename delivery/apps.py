from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    """Getting pages to readers fast: the page cache, the shared cached rows every request
    looks up (site, locales, home pages, view restrictions), routing with them, gzip, the
    per-request memo, purging the shared HTTP cache in front, and the one place that
    writes Wagtail's private attributes."""

    name = "delivery"
    verbose_name = "Auslieferung"

    def ready(self) -> None:
        from delivery import cache, frontend_cache, wagtail_private

        cache.connect_signals()
        frontend_cache.connect_signals()
        wagtail_private.remember_page_urls()
