"""The team and the main contact, wherever a page shows them (the team list block of a
page's body, the "Questions?" box)."""

from django import template

from contact.models import main_contact as find_main_contact
from contact.models import team_with_projects
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


@register.simple_tag(takes_context=True)
def main_contact(context) -> dict | None:
    """Whom readers reach (contact.models.main_contact), for boxes beside a page."""
    return find_main_contact(context["request"])
