"""How a review step reads in the admin: its reviewers' main button is "Freigeben" (in the
page editor, and in the translation editor, which has no review actions of its own), acting
on it says what happened and what comes next, and a draft saved incomplete says what must
still be filled in before it can be submitted."""

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.fields import StreamField
from wagtail.models import Page

APPROVE, REJECT = "approve", "reject"


def approve_first(menu_items: list) -> None:
    """Put the step's plain "Freigeben" first, where the main button is taken from: Wagtail
    sorts "Entwurf speichern" first and leaves the review's actions in the "…" menu."""
    for index, item in enumerate(menu_items):
        if getattr(item, "name", None) == APPROVE and not item.launch_modal:
            menu_items.insert(0, menu_items.pop(index))
            return


def confirm_review_action(request: HttpRequest, page: Page) -> None:
    """After a reviewer acted in the editor, say what their action did, instead of Wagtail's
    "Seite … wurde aktualisiert", which reads as if nothing had been approved."""
    action = request.POST.get("workflow-action-name")
    if request.POST.get("action-workflow-action") is None or action not in (APPROVE, REJECT):
        return
    page.refresh_from_db()
    # Wagtail's own words, from its catalog, to find its message among the queued ones.
    updated = _("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    _replace_message(request, updated, review_outcome(page, action))


def review_actions(page: Page, user) -> list[tuple[str, str]]:
    """The actions (name, label) the user may take on the page's current review step;
    none for whoever submitted it (editorial.models)."""
    task = page.current_workflow_task
    if task is None:
        return []
    labels: dict[str, str] = {}
    for name, label, _needs_comment in task.get_actions(page, user):
        labels.setdefault(name, label)  # "Freigeben", not also "Freigeben mit Kommentar"
    return list(labels.items())


def act_on_review(page: Page, user, action: str) -> str:
    """Take ``action`` on the page's current review step as ``user``; what happened, to
    tell them. Raises PermissionDenied for an action they may not take."""
    if action not in {name for name, _label in review_actions(page, user)}:
        raise PermissionDenied
    page.current_workflow_task.on_action(page.current_workflow_task_state, user, action)
    page.refresh_from_db()
    return review_outcome(page, action)


def review_outcome(page: Page, action: str) -> str:
    """What approving or requesting changes did, and what comes next."""
    title = page.get_admin_display_title()
    state = page.current_workflow_state
    if action == REJECT:
        return _("Changes to “%(title)s” requested: %(name)s is told and can revise it.") % {
            "title": title,
            "name": _requester_name(page),
        }
    if state is not None and state.current_task_state is not None:
        return _("“%(title)s” approved. Next: the step “%(step)s”; its reviewers are told.") % {
            "title": title,
            "step": state.current_task_state.task.name,
        }
    return _("“%(title)s” approved and published: readers see it now.") % {"title": title}


def warn_incomplete_draft(request: HttpRequest, page: Page) -> None:
    """Wagtail saves a draft without its required fields (autosave needs that) and names
    them only on "Einreichen"; say so when the editor saves, not later."""
    if not request.accepts("text/html") or any(
        name in request.POST
        for name in ("action-publish", "action-submit", "action-workflow-action")
    ):
        return  # autosave, or an action that checks everything itself
    missing = incomplete_fields(page.get_latest_revision_as_object())
    if missing:
        messages.warning(
            request,
            _(
                "Saved as a draft, but not complete yet: %(fields)s. Fill it in before you "
                "submit it for review or publish it."
            )
            % {"fields": ", ".join(missing)},
        )


def incomplete_fields(page: Page) -> list[str]:
    """The labels of the page's fields that would stop it from being submitted: the
    model's checks, and each content field's blocks (which the model's checks leave out,
    e.g. an empty required text block)."""
    names: list[str] = []
    try:
        page.full_clean()
    except ValidationError as error:
        names += list(getattr(error, "error_dict", {"__all__": None}))
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField) and field.name not in names:
            try:
                field.stream_block.clean(getattr(page, field.name))
            except ValidationError:
                names.append(field.name)
    return [_field_label(page, name) for name in names]


def _field_label(page: Page, name: str) -> str:
    try:
        return str(capfirst(page._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:  # a page-wide error ("__all__")
        return _("the page")


def _requester_name(page: Page) -> str:
    state = page.workflow_states.order_by("-created_at").first()
    user = state.requested_by if state else None
    if user is None:
        return _("the author")
    return user.get_full_name() or user.get_username()


def _replace_message(request: HttpRequest, old: str, new: str) -> None:
    """Replace the queued message ``old`` by ``new``, keeping all others. Reading the
    storage marks its messages as shown, so those kept are queued again."""
    kept = [message for message in messages.get_messages(request) if message.message != old]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(request, new)
