"""manage.py create_account: an account for a member of the editorial team, in one step.

    manage.py create_account ayse --email ayse@example.org --role uebersetzung --language tr

Roles: redaktion (edit, submit, review), freigabe (also publish), uebersetzung (edit only
the pages of one language; submit for review). The account gets no password: the command
prints a link, valid for PASSWORD_RESET_TIMEOUT, where its owner sets one (send it to them).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.utils import get_admin_base_url

from editorial.roles import ROLES, translator_group
from multilingual.languages import translation_languages


class Command(BaseCommand):
    help = "Create an account for the editorial team (Redaktion, Freigabe or a translator)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument(
            "--language",
            choices=translation_languages(),
            help="For --role uebersetzung: the language the translator works in.",
        )
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, **options) -> None:
        username, email, role = options["username"], options["email"], options["role"]
        language = options["language"]
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an e-mail address.") from error
        if role == "uebersetzung" and not language:
            raise CommandError(
                f"A translator needs --language (one of: {', '.join(translation_languages())})."
            )
        if role != "uebersetzung" and language:
            raise CommandError("--language is for translators (--role uebersetzung) only.")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account {username!r}; nothing changed.")
        with transaction.atomic():
            try:
                group = (
                    translator_group(language) if language else Group.objects.get(name=ROLES[role])
                )
            except (ValueError, Group.DoesNotExist) as error:
                raise CommandError(str(error)) from error
            user = User(
                username=username,
                email=email,
                first_name=options["first_name"],
                last_name=options["last_name"],
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(group)
        link = get_admin_base_url() + reverse(
            "wagtailadmin_password_reset_confirm",
            args=[
                urlsafe_base64_encode(force_bytes(user.pk)),
                default_token_generator.make_token(user),
            ],
        )
        self.stdout.write(f"Account {username!r} created in the group {group.name!r}.")
        self.stdout.write(f"Send this link to its owner to set a password:\n{link}")
