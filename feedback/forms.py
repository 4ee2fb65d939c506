from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from feedback.models import COMMENT_MAX_LENGTH


def comment_help() -> str:
    return gettext(
        "At most %(count)s characters. Please write no names, addresses or phone numbers."
    ) % {"count": COMMENT_MAX_LENGTH}


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Did this page help you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("What was missing or unclear? (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=lazy(comment_help, str)(),
    )
