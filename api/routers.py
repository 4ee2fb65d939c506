"""Read-only routers the API adds to Wagtail's: the team members readers may contact.

Wagtail's own /snippets/ router needs a token (it is the editors' route); readers' tools
get the people, in each language, here.
"""

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas.params import locale_filter_q

from team.models import TeamMember

from .fields import ContactPersonSchema

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
