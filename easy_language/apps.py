from django.apps import AppConfig


class EasyLanguageConfig(AppConfig):
    name = "easy_language"
    verbose_name = "Einfache Sprache"
