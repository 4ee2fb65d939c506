"""The review's state and actions for the translation editor's bar (editorial.review)."""

from django import template
from wagtail.models import Page

from editorial.review import review_actions

register = template.Library()


@register.simple_tag(takes_context=True)
def review_step(context, page: Page) -> dict | None:
    """The page's current review step and what the signed-in user may do on it; None when
    it is not in review."""
    task = page.current_workflow_task
    if task is None:
        return None
    return {"name": task.name, "actions": review_actions(page, context["request"].user)}
