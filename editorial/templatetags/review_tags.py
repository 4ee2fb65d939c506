"""The review's state and actions for the translation editor's bar (editorial.review)."""

from django import template
from wagtail.models import Page

from editorial.review import review_actions

register = template.Library()


@register.simple_tag(takes_context=True)
def review_step(context, page: Page) -> dict | None:
    """The page's review step now ("name"), whether its reviewers asked for changes
    ("needs_changes") and what the signed-in user may do on it ("actions"); None when the
    page is not in review."""
    state = page.current_workflow_state
    if state is None or state.current_task_state is None:
        return None
    return {
        "name": state.current_task_state.task.name,
        "needs_changes": state.status == state.STATUS_NEEDS_CHANGES,
        "actions": review_actions(page, context["request"].user),
    }
