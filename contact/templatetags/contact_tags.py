"""The team and the main contact, wherever a page shows them (the team list block of a
page's body, the "Questions?" box)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from contact.models import main_contact as find_main_contact
from contact.models import team_with_projects
from delivery import lookups
from delivery.cache import kept_in_process

register = template.Library()


@register.simple_tag(takes_context=True)
def team_list(context, level: int = 3) -> SafeString:
    """The team, each with the projects they are the contact of: the same on the home and
    the contact page, so rendered once per language in each process and generation."""
    request = context.get("request")
    locale = lookups.active_locale()

    def render() -> SafeString:
        # The request goes along: pageurl finds the site by it, from the shared lookups.
        team = {"team": team_with_projects(locale), "level": level, "request": request}
        return render_to_string("contact/team_list.html", team)

    host = request.get_host() if request else None
    return kept_in_process(render, "team-html", host, locale.pk, level)


@register.simple_tag(takes_context=True)
def main_contact(context) -> dict | None:
    """Whom readers reach (contact.models.main_contact), for boxes beside a page."""
    return find_main_contact(context["request"])
