"""How the API shows a person readers can contact (a project's contact, the team members'
route)."""

from typing import Any

from ninja import Schema
from rest_framework.fields import Field
from wagtail.images.models import AbstractImage

from core.api_fields import ImageDict, image_dict


class ContactPersonSchema(Schema):
    """A person readers can contact: a project's contact, and /api/v3/team-members/.

    Named apart from Wagtail's own TeamMemberSchema of the snippets router (token only).
    """

    id: int
    locale: str
    name: str
    role: str
    organisation: str
    phone: str
    email: str
    photo: ImageDict | None = None

    # Resolvers also run when a page's schema validates an already built member
    # (TeamMemberField), whose locale is then a code and whose photo a dict.
    @staticmethod
    def resolve_locale(member: Any) -> str:
        return getattr(member.locale, "language_code", member.locale)

    @staticmethod
    def resolve_photo(member: Any) -> ImageDict | None:
        photo = member.photo
        return image_dict(photo) if isinstance(photo, AbstractImage) else photo


class TeamMemberField(Field):
    def to_representation(self, member: Any) -> ContactPersonSchema:
        return ContactPersonSchema.from_orm(member)
