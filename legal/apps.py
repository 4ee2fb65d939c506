from django.apps import AppConfig


class LegalConfig(AppConfig):
    """What the law asks of the site: the required pages (Impressum, privacy policy) in
    every language, the operator's details they show (a site setting editors fill in once),
    the cookies the privacy policy declares, and the deployment check that warns while the
    details are missing. Builds on the content base (core) alone."""

    name = "legal"
    verbose_name = "Rechtliches"

    def ready(self) -> None:
        from legal import checks  # noqa: F401  (registers the deployment check)
