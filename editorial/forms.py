"""Wagtail's login form, with the password field labelled: Wagtail redefines the field
without a label, so Django derives "Password" from its name, untranslated, on the German
sign-in page (upstream: the field needs ``label=gettext_lazy("Password")``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
