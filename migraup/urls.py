import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.robots import robots_txt
from core.sitemaps import MultilingualSitemap
from feedback.views import page_feedback
from operations.health import healthz
from operations.media import serve_media
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The headless API has no language prefix: it selects languages with ?locale=.
    path("api/v3/", api.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # For load balancers and monitoring, no language prefix.
    path("healthz", healthz, name="healthz"),
]

# A 503 page while the database is unreachable, the 500 page otherwise; both localized.
# Under /api/ these and refused requests (400, 413 for a large body) are problem
# descriptions, also when they arise before the API's middleware.
handler500 = "api.errors.server_error"
handler400 = "api.errors.bad_request"

if settings.SERVE_MEDIA:
    # Image originals and renditions only; documents go through /documents/ (their privacy).
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_media),
    ]

# Every public page lives under its language prefix: /de/, /en/, /es/, /it/, /tr/, /ar/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feedback/<int:page_id>/", page_feedback, name="page-feedback"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
