"""Create or update the admin account from ADMIN_USERNAME / ADMIN_PASSWORD, or explain how."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the admin account from the environment, or tell how to log in to /admin/."

    def handle(self, *args, **options):
        User = get_user_model()
        username = settings.MIGRAUP_ADMIN_USERNAME
        password = settings.MIGRAUP_ADMIN_PASSWORD
        if username and password:
            user, created = User.objects.get_or_create(username=username)
            user.is_staff = user.is_superuser = user.is_active = True
            user.set_password(password)
            user.save()
            verb = "created" if created else "updated"
            self.stdout.write(
                self.style.SUCCESS(f"Admin account '{username}' {verb}: log in at /admin/.")
            )
        elif User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Log in at /admin/ with your admin account.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    "No admin account yet. Create one with\n"
                    "    .venv/bin/python manage.py createsuperuser\n"
                    "or start with ADMIN_USERNAME=… ADMIN_PASSWORD=… make run, "
                    "then log in at /admin/."
                )
            )
