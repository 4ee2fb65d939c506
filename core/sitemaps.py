"""/sitemap.xml: every live page in every language, each with its translations."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self) -> QuerySet:
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_home = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        return (
            Page.objects.filter(under_a_home)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Wagtail's URL entries, each with xhtml:link alternates for its translations."""
        urls = {url["location"]: url for url in super()._urls(page, protocol, domain)}
        for item in self.paginator.page(page).object_list:
            url = urls.get(item.get_full_url(self.request))
            translations = item.get_translations(inclusive=True).live().select_related("locale")
            alternates = [
                {"lang_code": t.locale.language_code, "location": t.get_full_url(self.request)}
                for t in translations
            ]
            if url is None or len(alternates) < 2:
                continue
            default = [a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE]
            url["alternates"] = alternates + [
                {"lang_code": "x-default", "location": a["location"]} for a in default
            ]
        return list(urls.values())
