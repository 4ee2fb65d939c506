from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The content base every page type builds on: the base page and standard page models,
    StreamField blocks, the generic API fields of pages, SEO (meta tags, JSON-LD, the
    sitemap, robots.txt) and the required legal pages.

    The app label stays "core" and so do its migrations: the tables of the standard page
    and the content types of existing databases keep their names. Running the site lives in
    the operations app, serving pages fast in delivery, languages in multilingual."""

    name = "core"
    verbose_name = "Kern"
