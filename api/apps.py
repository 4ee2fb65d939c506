from django.apps import AppConfig


class APIConfig(AppConfig):
    name = "api"
    verbose_name = "Headless API"

    def ready(self) -> None:
        # Routers must be added before the URLconf first reads api.urls.
        from wagtail.api.v3.api import api

        from search.backends import SearchUnavailable

        from .errors import search_unavailable
        from .openapi import install_openapi_fixes
        from .routers import materials_router, team_members_router

        api.add_router("/team-members/", team_members_router)
        api.add_router("/materials/", materials_router)
        api.add_exception_handler(SearchUnavailable, search_unavailable)
        install_openapi_fixes(api)
