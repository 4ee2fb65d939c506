from django.db import models
from django.utils.translation import gettext_lazy as _


class PageWords(models.Model):
    """The distinct words of a page's text, as the search index last saw it: the site's
    vocabulary in a language (search.vocabulary) is made of those of its live pages. And the
    text a search result quotes, so that the results page need not read each page as its own
    type to find it. Derived data like the search index: written when a page is published
    and by ``update_index``."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    words = models.TextField(_("words"), blank=True)
    # The page's text without its title (multilingual.stemming.searchable_text); None until
    # the page is next published or indexed.
    text = models.TextField(_("text"), null=True)  # noqa: DJ001 - None: not recorded yet

    class Meta:
        verbose_name = _("words of a page")
        verbose_name_plural = _("words of pages")

    def __str__(self) -> str:
        return f"{self.page_id}: {len(self.words.split())} words"
