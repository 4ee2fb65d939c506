from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.health import healthz
from core.sitemaps import MultilingualSitemap
from core.views import robots_txt
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The headless API has no language prefix: it selects languages with ?locale=.
    path("api/v3/", api.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # For load balancers and monitoring, no language prefix (core/health.py).
    path("healthz", healthz, name="healthz"),
]

# A 503 page while the database is unreachable, the 500 page otherwise; both localized.
handler500 = "core.views.server_error"

if settings.SERVE_MEDIA:
    import posixpath

    from django.http import Http404, HttpRequest, HttpResponse

    media_prefix = settings.MEDIA_URL.lstrip("/")
    # Documents only through Wagtail's view (/documents/<id>/<name>), which honours private
    # collections and sends them as downloads; pending multiple uploads not at all.
    private_media = {"documents", "wagtail_uploads"}

    def serve_media(request: HttpRequest, path: str, document_root: str) -> HttpResponse:
        # Normalised as serve_static does, so "images/../documents/x.pdf" is caught too.
        if posixpath.normpath(path).lstrip("/").split("/", 1)[0] in private_media:
            raise Http404
        return serve_static(request, path, document_root=document_root)

    urlpatterns += [
        re_path(
            rf"^{media_prefix}(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Every public page lives under its language prefix: /de/, /en/, /es/, /it/, /tr/, /ar/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
