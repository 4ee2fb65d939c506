from django.apps import AppConfig
from django.http import HttpRequest, HttpResponse


def search_unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
    """?search= while the search engine is down and no backend stands in for it: a 503
    problem to retry later, not a 500 (the engine's backend falls back when it can)."""
    from wagtail.api.v3.errors import problem_response

    from core.views import RETRY_AFTER_SECONDS

    response = problem_response(status=503, detail="Search is unavailable; try again later.")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class APIConfig(AppConfig):
    name = "api"
    verbose_name = "Headless API"

    def ready(self) -> None:
        # Routers must be added before the URLconf first reads api.urls.
        from wagtail.api.v3.api import api

        from search.backends import SearchUnavailable

        from .openapi import install_openapi_fixes
        from .routers import materials_router, team_members_router

        api.add_router("/team-members/", team_members_router)
        api.add_router("/materials/", materials_router)
        api.add_exception_handler(SearchUnavailable, search_unavailable)
        install_openapi_fixes(api)
