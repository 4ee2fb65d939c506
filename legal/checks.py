"""``check --deploy --database default`` warns while a site's legal details are missing.

It reads the database, so, as Django's own database checks, it runs only when the command
names a database: `make serve` runs it after migrating, to warn without refusing to start
(the details are filled in through the admin of the running site).
"""

from django.core import checks
from django.db import DatabaseError
from django.utils import translation


@checks.register("legal", deploy=True)
def legal_details_filled(app_configs=None, databases=None, **kwargs) -> list[checks.CheckMessage]:
    if not databases or "default" not in databases:
        return []
    from wagtail.models import Site

    from legal.models import legal_details

    messages = []
    try:
        for site in Site.objects.order_by("pk"):
            with translation.override("en"):  # for operators, as Django's own checks
                missing = legal_details(site).missing()
            if missing:
                messages.append(
                    checks.Warning(
                        f"The legal details of the site {site} are incomplete: "
                        f"{', '.join(missing)}. The Impressum and the privacy policy tell "
                        "readers that the details will follow.",
                        hint="Fill them in once: admin → Settings → Legal details.",
                        obj=site,
                        id="legal.W001",
                    )
                )
    except DatabaseError:
        return []  # not migrated yet: `migrate` comes first
    return messages
