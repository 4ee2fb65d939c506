"""The glossary: German words readers meet on this site, at offices and in the projects' work,
each explained in every language. Editors keep the terms as snippets and translate them with
wagtail-localize; readers find them on the glossary page (A–Z), explained where a content page
first uses them (glossary.terms), and as search synonyms ("Folleto" finds "Flyer")."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage

MIN_FORM_LENGTH = 2


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    german = models.CharField(
        _("German term"),
        max_length=120,
        help_text=_(
            "As German texts write it, e.g. “Bezirksamt”. The same in every language: readers "
            "meet the German word at offices and on letters."
        ),
    )
    german_variants = models.CharField(
        _("other German forms"),
        max_length=250,
        blank=True,
        help_text=_(
            "Abbreviations and other spellings, separated by commas, e.g. “MO, MSO, "
            "Migrantenorganisation”. They are marked and found like the term."
        ),
    )
    term = models.CharField(
        _("term in this language"),
        max_length=120,
        blank=True,
        help_text=_(
            "How this language says it, e.g. “oficina del distrito”; in German the German "
            "term again."
        ),
    )
    explanation = models.TextField(
        _("explanation"),
        max_length=600,
        help_text=_("One to three short sentences in plain language, for readers new to Germany."),
    )

    panels = [
        FieldPanel("german"),
        FieldPanel("german_variants"),
        FieldPanel("term"),
        FieldPanel("explanation"),
    ]
    # wagtail-localize: the German forms stay as they are in every language.
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("explanation"),
        SynchronizedField("german"),
        SynchronizedField("german_variants"),
    ]
    search_fields = [
        index.SearchField("german", boost=3),
        index.SearchField("term", boost=3),
        index.SearchField("explanation"),
        index.AutocompleteField("german"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["german"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return f"{self.german} – {self.term}" if self.term else self.german

    @property
    def name(self) -> str:
        """The term as readers of this language say it (the German term in German)."""
        return self.term or self.german

    @property
    def anchor(self) -> str:
        """The entry's id on the glossary page, the same in every language."""
        return slugify(self.german) or f"term-{self.pk}"

    def clean(self) -> None:
        super().clean()
        # A one-letter form would mark that letter in every text.
        short = [form for form in self.german_forms() if len(form) < MIN_FORM_LENGTH]
        if short:
            raise ValidationError(
                {
                    "german_variants": _("Each form needs at least two characters: %(forms)s")
                    % {"forms": ", ".join(short)}
                }
            )

    def german_forms(self) -> list[str]:
        variants = [form.strip() for form in self.german_variants.split(",")]
        return [self.german, *(form for form in variants if form)]


register_snippet(GlossaryTerm)


class GlossaryPage(BasePage):
    """The glossary A–Z in the page's language: every term with its German word and its
    explanation, grouped by first letter."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    # Its own terms are not marked again (glossary.terms).
    marks_glossary_terms = False

    class Meta:
        verbose_name = _("glossary page")

    def get_context(self, request, *args, **kwargs):
        from .terms import alphabet

        context = super().get_context(request, *args, **kwargs)
        context["letters"] = alphabet(self.locale.language_code)
        context["german"] = settings.LANGUAGE_CODE
        return context
