"""How the API shows a partner's projects and its role in each."""

from typing import Any

from django.utils import translation
from typing_extensions import TypedDict

from core.api_fields import PageLinkDict, WholePageField, page_link


class ProjectRoleDict(TypedDict):
    role: str
    role_label: str
    project: PageLinkDict


class ProjectRolesField(WholePageField):
    """A partner's projects and its role in each (derived from the projects)."""

    def to_representation(self, page: Any) -> list[ProjectRoleDict]:
        with translation.override(page.locale.language_code):
            return [
                ProjectRoleDict(
                    role=role.role,
                    role_label=str(role.get_role_display()),
                    project=page_link(role.project),
                )
                for role in page.get_project_roles()
            ]
