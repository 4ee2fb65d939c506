"""The review step of this site's workflow (Redaktion → Freigabe): approval by a member of
the step's groups who is not the person who submitted the change."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class SecondPersonApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, with four eyes: whoever submitted a change for review may
    not approve it, at any step, nor see it among the changes waiting for them (they may
    still withdraw it, or, if they may publish, publish it outright)."""

    @staticmethod
    def _submitted_by(obj, user) -> bool:
        state = getattr(obj, "current_workflow_state", None)
        return state is not None and state.requested_by_id == user.pk

    def get_actions(self, obj, user) -> list:
        if self._submitted_by(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs) -> None:
        if task_state.workflow_state.requested_by_id == user.pk:
            raise PermissionDenied  # the edit view offers no action; a crafted request
        super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs) -> models.QuerySet:
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls) -> str:
        return _(
            "Members of the chosen groups approve this step, except the person who "
            "submitted the change: it needs a second person."
        )

    class Meta:
        verbose_name = _("Approval by a second person")
        verbose_name_plural = _("Approvals by a second person")
