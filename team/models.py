"""People readers can contact: project leads and team members."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.api_fields import ImageField
from core.phones import tel_href


class TeamMember(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("name"), max_length=200, help_text=_("Full name, as it appears on the site.")
    )
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("e.g. “Projektleitung”.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Where the person works, e.g. “VIA Regionalverband Berlin/Brandenburg e.V.”."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=50,
        blank=True,
        help_text=_("With the area code, e.g. “030 …”; phones dial it when tapped."),
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Shown as a link readers can write to.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("Optional portrait; only with the person's consent."),
    )
    sort_order = models.PositiveIntegerField(
        _("sort order"), default=0, help_text=_("Smaller numbers come first in lists of the team.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("photo"),
        FieldPanel("sort_order"),
    ]
    # Editors' tools read and write team members through /api/v3/snippets/team.TeamMember/
    # (token); readers' tools read them through /api/v3/team-members/ (the API's routers).
    api_fields = [
        APIField("name", writable=True),
        APIField("role", writable=True),
        APIField("organisation", writable=True),
        APIField("phone", writable=True),
        APIField("email", writable=True),
        APIField("photo", serializer=ImageField()),
        APIField("sort_order", writable=True),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)


register_snippet(TeamMember)
