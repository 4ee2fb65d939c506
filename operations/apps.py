from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: health checks, request logs, error pages, security headers,
    uploads and media, rate limits, the tolerant cache backends, backup and restore, and
    the commands of the worker and the deployment. Imports no other app of the project."""

    name = "operations"
    verbose_name = "Betrieb"
