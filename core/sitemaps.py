"""/sitemap.xml: every live page in every language, each with its translations."""

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from multilingual.alternates import language_alternates


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
            alternates = language_alternates(item, lambda p: p.get_full_url(self.request))
            if url is not None and len(alternates) > 2:  # more than itself and x-default
                url["alternates"] = [
                    {"lang_code": code, "location": location} for code, location in alternates
                ]
        return list(urls.values())
