from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

# A short comment: what was missing, what was unclear. Longer texts go to the contact form.
COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    """One reader's answer to “Did this page help you?”. Nothing about the reader is kept:
    no account, no address, no cookie, and the day rather than the time (which request
    logs could match)."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    # The page's language when the answer was given (a weak translation shows as a
    # language with many "no"s).
    language = models.CharField(_("language"), max_length=8)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    given_on = models.DateField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-given_on", "-pk"]
        indexes = [models.Index(fields=["page", "language"])]

    def __str__(self) -> str:
        return f"{self.page_id} {self.language} {'yes' if self.helpful else 'no'}"
