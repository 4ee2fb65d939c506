"""Forms of the admin's own pages."""

import logging

from django.conf import settings
from wagtail.admin.forms.auth import PasswordResetForm

from operations import ratelimit

logger = logging.getLogger(__name__)


class RateLimitedPasswordResetForm(PasswordResetForm):
    """At most PASSWORD_RESET_MAILS_PER_HOUR reset e-mails to one account, however often
    the form is sent: otherwise anyone can flood an editor's inbox. The page answers the
    same either way, so it tells nobody which addresses have an account."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict,
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        limit = settings.PASSWORD_RESET_MAILS_PER_HOUR
        if ratelimit.count("password-reset", to_email.lower(), limit, 3600) is not None:
            logger.warning("Password reset: e-mail withheld, too many for one account")
            return
        super().send_mail(
            subject_template_name,
            email_template_name,
            context,
            from_email,
            to_email,
            html_email_template_name,
        )
