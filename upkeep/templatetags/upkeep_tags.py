from django import template
from wagtail.models import Page

from upkeep.confirmations import checked_on, describes_its_year

register = template.Library()


@register.inclusion_tag("upkeep/checked_on.html", takes_context=True)
def page_checked_on(context: template.Context) -> dict:
    """“Checked on 6 December 2026” at the end of a page: when an editor last confirmed or
    published it. Not on archive entries, which say which year they describe."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or describes_its_year(page):
        return {}
    return {"checked_on": checked_on(page)}
