from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import Document
from wagtail.models import Page


class PageConfirmation(models.Model):
    """An editor's statement that a page (in one language) is still accurate, made without
    editing it: no new revision, nothing published."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name=_("page")
    )
    confirmed_on = models.DateField(_("confirmed on"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    class Meta:
        verbose_name = _("page confirmation")
        verbose_name_plural = _("page confirmations")

    def __str__(self) -> str:
        return f"{self.page_id} {self.confirmed_on}"


class ExternalLink(models.Model):
    """An address outside the site that content or a document links to, and the answer of
    its last check."""

    url = models.CharField(_("address"), max_length=2000, unique=True)
    pages = models.ManyToManyField(Page, related_name="+", blank=True, verbose_name=_("pages"))
    documents = models.ManyToManyField(
        Document, related_name="+", blank=True, verbose_name=_("documents")
    )
    status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)
    broken = models.BooleanField(_("broken"), default=False)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("external link")
        verbose_name_plural = _("external links")
        ordering = ["url"]

    def __str__(self) -> str:
        return self.url

    @property
    def problem(self) -> str:
        return self.error or (f"HTTP {self.status}" if self.status else "")


class LinkCheckRun(models.Model):
    """One run of the link check: the worker starts the next a week after the last began."""

    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    checked = models.PositiveIntegerField(_("links checked"), default=0)
    broken = models.PositiveIntegerField(_("broken links"), default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.checked})"
