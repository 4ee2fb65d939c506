from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """What editors get in the admin besides the page forms: this site's German guide
    (docs/redaktion.md) inside the admin, in place of Wagtail's English one; the editorial
    roles and ``create_account``; the German sign-in form. Imports no other app of the
    project."""

    name = "editorial"
    verbose_name = "Redaktion"
