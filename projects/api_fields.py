"""How the API shows a project's organisations (with their roles) and its materials."""

from typing import Any

from django.utils import translation
from typing_extensions import TypedDict

from core.api_fields import PageLinkDict, WholePageField, page_link
from materials.api_fields import MaterialDict, material_dict


class OrganisationDict(TypedDict):
    role: str
    role_label: str
    partner: PageLinkDict


class OrganisationsField(WholePageField):
    """A project's organisations with their roles, linked to the partner pages."""

    def to_representation(self, page: Any) -> list[OrganisationDict]:
        with translation.override(page.locale.language_code):
            return [
                OrganisationDict(
                    role=organisation.role,
                    role_label=str(organisation.get_role_display()),
                    partner=page_link(organisation.partner),
                )
                for organisation in page.localized_organisations
            ]


class DownloadsField(WholePageField):
    """A project's materials, each with its file (derived from the materials library)."""

    def to_representation(self, page: Any) -> list[MaterialDict]:
        return [material_dict(material) for material in page.get_downloads()]
