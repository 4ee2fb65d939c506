from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """“Did this page help you?” at the end of every page: readers answer yes or no, with a
    short comment if they like, without an account, a cookie or their address being kept;
    editors read the answers per page and language in the admin (Reports → Rückmeldungen)."""

    name = "feedback"
    verbose_name = "Rückmeldungen"
    default_auto_field = "django.db.models.BigAutoField"
