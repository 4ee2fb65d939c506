"""The site's editorial roles and the groups that carry them.

- Redaktion: Wagtail's group "Editors" (edit every page, submit for review, approve the
  Redaktion step); Freigabe: "Moderators" (also publish, approve the Freigabe step). Their
  names stay Wagtail's own: Wagtail's migrations add permissions to them by these names.
- Übersetzung <Sprache>: one group per language, made on demand, that may sign in and edit
  and add pages below that language's home page only; translators submit their work for
  review (multilingual.review) and never publish or touch another language.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale, Page

from multilingual.languages import language_info, translation_languages

EDITORS = "Editors"
MODERATORS = "Moderators"
ROLES = {"redaktion": EDITORS, "freigabe": MODERATORS, "uebersetzung": None}
# What a translator may do below their language's home page.
TRANSLATOR_PAGE_PERMISSIONS = ("add", "change")


def translator_group_name(language: str) -> str:
    """e.g. "Übersetzung Türkisch" (the language named in German, as the admin is)."""
    with translation.override(settings.LANGUAGE_CODE):
        return f"Übersetzung {language_info(language)['name']}"


def translator_group(language: str) -> Group:
    """The language's translator group with its permissions, made or completed (idempotent).
    Raises ValueError for German or an unknown language, and while the language has no
    home page yet (nothing to translate)."""
    if language not in translation_languages():
        raise ValueError(
            f"Translators work in {', '.join(translation_languages())}, not {language!r}."
        )
    home = Page.objects.filter(
        depth=2, locale=Locale.objects.filter(language_code=language).first()
    ).first()
    if home is None:
        raise ValueError(f"The site has no home page in {language!r} yet: translate it first.")
    group, _created = Group.objects.get_or_create(name=translator_group_name(language))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for permission_type in TRANSLATOR_PAGE_PERMISSIONS:
        if not GroupPagePermission.objects.filter(
            group=group, page=home, permission__codename=f"{permission_type}_page"
        ).exists():
            GroupPagePermission.objects.create(
                group=group, page=home, permission_type=permission_type
            )
    return group
