from django.apps import AppConfig


class MultilingualConfig(AppConfig):
    """The site's six languages: their names, language prefixes in URLs, the alternates of
    a page, translation status, and word stemming per language (for search fields, the
    contact form's spam check and the API's search)."""

    name = "multilingual"
    verbose_name = "Mehrsprachigkeit"
