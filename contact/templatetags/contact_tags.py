"""The team, wherever a page shows it (the team list block of a page's body)."""

from django import template

from contact.models import ContactPage, team_with_projects
from delivery import lookups

register = template.Library()


@register.inclusion_tag("contact/team_list.html", takes_context=True)
def team_list(context, level: int = 3) -> dict:
    # The request goes along: pageurl finds the site by it, from the shared lookups.
    return {
        "team": team_with_projects(lookups.active_locale()),
        "level": level,
        "request": context.get("request"),
    }


@register.simple_tag
def contact_page() -> ContactPage | None:
    """The contact page in the reader's language, if it is live."""
    return ContactPage.objects.live().public().filter(locale=lookups.active_locale()).first()
