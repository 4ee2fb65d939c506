"""robots.txt: what crawlers may read, and where the sitemap is."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from delivery.cache import reads_query_parameters


@reads_query_parameters()
@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read every public page and the search page itself; the admin and
    search results (an endless space of thin pages) stay out, and the sitemap lists every
    page in every language."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # "?" is literal in robots.txt: this covers /de/search/?q=… but not /de/search/.
        *(f"Disallow: /{code}/search/?" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
