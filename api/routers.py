"""Read-only routers the API adds to Wagtail's.

- /team-members/: the people readers may contact. Wagtail's own /snippets/ router needs a
  token (it is the editors' route); readers' tools get the people, in each language, here.
- /materials/: the materials library as its list page shows it, filtered by the languages a
  material exists in, which Wagtail's /pages/ filters (plain fields only) cannot express.
"""

from typing import Literal

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas.params import locale_filter_q

from materials.api_fields import MaterialDict, material_dict
from materials.models import LANGUAGE_CODES, MaterialPage, filter_materials
from team.api_fields import ContactPersonSchema
from team.models import TeamMember

team_members_router = Router(tags=["team members"])
READ_AUTH = [BearerTokenAuth(), AllowAnonymous()]


class TeamMemberFilters(Schema):
    locale: str | None = None
    search: str | None = None


def team_members(filters: TeamMemberFilters) -> QuerySet:
    members = TeamMember.objects.select_related("locale", "photo").order_by(
        "locale_id", "sort_order", "name", "pk"
    )
    if filters.locale:
        members = members.filter(locale_filter_q(filters.locale))
    if filters.search:
        # Names and roles are short: a substring match finds "Gül" in "Gülay" as readers expect.
        members = members.filter(
            Q(name__icontains=filters.search) | Q(role__icontains=filters.search)
        )
    return members


@team_members_router.get(
    "/",
    response=list[ContactPersonSchema],
    url_name="list_team_members",
    summary="List team members",
    operation_id="team_members_list",
    auth=READ_AUTH,
)
@paginate(WagtailLimitOffsetPagination)
def list_team_members(
    request: HttpRequest,
    filters: TeamMemberFilters = Query(...),  # noqa: B008 (ninja's idiom)
) -> QuerySet:
    return team_members(filters)


@team_members_router.get(
    "/{member_id}/",
    response=ContactPersonSchema,
    url_name="detail_team_member",
    summary="Team member detail",
    operation_id="team_members_detail",
    auth=READ_AUTH,
)
def get_team_member(request: HttpRequest, member_id: int) -> TeamMember:
    return get_object_or_404(TeamMember.objects.select_related("locale", "photo"), pk=member_id)


materials_router = Router(tags=["materials"])
FileLanguage = Literal[tuple(LANGUAGE_CODES)]  # type: ignore[valid-type]
MaterialTypeName = Literal[tuple(MaterialPage.MaterialType.values)]  # type: ignore[valid-type]


class MaterialFilters(Schema):
    locale: str | None = Field(None, description="The language of the material's page.")
    language: FileLanguage | None = Field(
        None, description="Only materials with a file in this language."
    )
    kind: MaterialTypeName | None = Field(None, description="Only materials of this kind.")


@materials_router.get(
    "/",
    response=list[MaterialDict],
    url_name="list_materials",
    summary="List materials",
    description=(
        "The live materials with their files, one per language, as the materials list "
        "shows them; each item's page.detail_url leads to the whole page."
    ),
    operation_id="materials_list",
    auth=READ_AUTH,
)
@paginate(WagtailLimitOffsetPagination)
def list_materials(
    request: HttpRequest,
    filters: MaterialFilters = Query(...),  # noqa: B008 (ninja's idiom)
) -> "LazyMaterials":
    pages = filter_materials(MaterialPage.objects.all(), filters.kind, filters.language)
    if filters.locale:
        pages = pages.filter(locale_filter_q(filters.locale))
    pages = pages.select_related("locale", "content_type").order_by("locale_id", "path")
    return LazyMaterials(pages)


class LazyMaterials:
    """The listing as ninja's paginator reads it (a slice and len()): only the page asked for
    is serialised, and the total is one COUNT query."""

    def __init__(self, pages: QuerySet) -> None:
        self.pages = pages

    def __len__(self) -> int:
        return self.pages.count()

    def __getitem__(self, window: slice) -> list[MaterialDict]:
        return [material_dict(material) for material in self.pages[window]]
