"""Build the migraUp! Pankow site tree from the seed texts (the demo content module).

Idempotent: every record is keyed on a stable translation key (pages, team members) or
title (documents, images). Missing records are created and published; existing ones are
left as editors made them, unless --update is given, in which case records whose content
differs from the seeds are brought back to it (one new revision each). Nothing is ever
deleted or duplicated.
"""

import hashlib
import io
import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.translation import get_language_info
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import TranslationSource

from archive.models import ArchiveEntryPage, ArchiveIndexPage
from contact.models import ContactPage, FormField
from core.models import StandardPage
from demo import content, snapshot, translations
from demo.flyer import FLYER_LANGUAGES, build_cover_png, build_flyer_pdf, flyer_languages
from easy_language.models import EasyLanguagePage
from editorial.models import SecondPersonApprovalTask
from glossary.models import GlossaryPage, GlossaryTerm
from home.models import HomePage
from materials.models import MaterialFile, MaterialIndexPage, MaterialPage
from materials.signals import refresh_materials_text
from multilingual.languages import translation_languages
from networks.models import NetworkIndexPage, NetworkPage
from partners.models import PartnerIndexPage, PartnerPage
from projects.models import ProjectIndexPage, ProjectPage, ProjectPartner
from team.models import TeamMember

# All demo records derive their translation keys from this namespace and their content key,
# so translations made later (by wagtail-localize) share the key with their German source.
KEY_NAMESPACE = uuid.UUID("6f1d8c62-2f0e-4a8e-9d3b-6b7d0c1a2e55")


def translation_key(key: str) -> uuid.UUID:
    return uuid.uuid5(KEY_NAMESPACE, key)


def with_ids(data: Any, prefix: str) -> Any:
    """Stream data with deterministic block ids (list items in block format too).

    wagtail-localize names a block's segments by its id, so fixed ids keep the demo
    translation files valid for every fresh database.
    """
    if isinstance(data, list):
        result = []
        for i, item in enumerate(data):
            item_id = str(uuid.uuid5(KEY_NAMESPACE, f"{prefix}.{i}"))
            if isinstance(item, dict) and "type" in item and "value" in item:
                value = with_ids(item["value"], f"{prefix}.{i}")
                result.append({"type": item["type"], "value": value, "id": item_id})
            elif isinstance(item, dict):  # a plain ListBlock item
                value = with_ids(item, f"{prefix}.{i}")
                result.append({"type": "item", "value": value, "id": item_id})
            else:
                result.append(item)
        return result
    if isinstance(data, dict):
        return {k: with_ids(v, f"{prefix}.{k}") for k, v in data.items()}
    return data


def strip_ids(data: Any) -> Any:
    """Stream data without the random block ids, for comparing content."""
    if isinstance(data, dict):
        return {k: strip_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [strip_ids(v) for v in data]
    return data


# The editors' moderation workflow (README, "How editors work").
WORKFLOW_NAME = "Redaktion → Freigabe"


class Command(BaseCommand):
    help = "Create the migraUp! Pankow demo content from the seed texts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also bring existing demo records back to the seed texts (new revisions).",
        )
        parser.add_argument(
            "--from-snapshot",
            action="store_true",
            help=(
                "For a fresh, migrated database only (throwaway sites of the checks): restore "
                "the snapshot of the demo site this code built before (the database and the "
                "media folder are replaced), or build it and keep one."
            ),
        )

    def handle(self, *args, **options):
        if options["from_snapshot"]:
            if not self.database_is_fresh():
                raise CommandError("--from-snapshot replaces the database: it must be fresh.")

            def build() -> None:
                call_command("migrate", interactive=False, verbosity=0)
                self.load(options)

            if snapshot.load_into_fresh_database(build):
                self.stdout.write(self.style.SUCCESS("Demo content restored from its snapshot."))
            return
        self.load(options)

    @staticmethod
    def database_is_fresh() -> bool:
        """Not migrated yet, or holding no page below Wagtail's initial welcome page."""
        if Page._meta.db_table not in connection.introspection.table_names():
            return True
        return not Page.objects.filter(depth__gt=2).exists()

    def load(self, options: dict) -> None:
        self.update = options["update"]
        self.created: list[str] = []
        self.updated: list[str] = []
        with transaction.atomic():
            self.build()
        # Translations created in one transaction end with stale child counts on translated
        # section pages once the commit's background tasks have run (seen with Wagtail 8.0 and
        # wagtail-localize 1.14; menus would miss their children), so the tree bookkeeping is
        # repaired as `manage.py fixtree` does.
        bad_numchild = Page.find_problems()[4]
        if bad_numchild:
            Page.fix_tree(fix_paths=False)
        # Materials whose file text is missing or stale (made before extraction existed).
        extracted = refresh_materials_text(MaterialPage.objects.all())
        if extracted:
            self.updated.append(f"file text of {extracted} material(s)")
        for label in self.created:
            self.stdout.write(f"  created {label}")
        for label in self.updated:
            self.stdout.write(f"  updated {label}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(self.created)} created, {len(self.updated)} updated."
            )
        )

    # --- tree -------------------------------------------------------------------------

    def build(self) -> None:
        self.locale = self.ensure_locales()
        home = self.ensure_home()
        team = {spec["key"]: self.ensure_team_member(spec) for spec in content.TEAM}

        # The sections first, in the order of the main navigation.
        project_index = self.ensure_page(home, ProjectIndexPage, content.PROJECT_INDEX)
        network_index = self.ensure_page(home, NetworkIndexPage, content.NETWORK_INDEX)
        partner_index = self.ensure_page(home, PartnerIndexPage, content.PARTNER_INDEX)
        material_index = self.ensure_page(home, MaterialIndexPage, content.MATERIAL_INDEX)
        archive_index = self.ensure_page(home, ArchiveIndexPage, content.ARCHIVE_INDEX)
        contact = self.ensure_contact_page(home)

        partners = {
            spec["key"]: self.ensure_page(partner_index, PartnerPage, spec)
            for spec in content.PARTNERS
        }

        projects = {}
        for spec in content.PROJECTS:
            fields = {k: v for k, v in spec.items() if k not in {"organisations", "contact_person"}}
            if spec.get("contact_person"):
                fields["contact_person"] = team[spec["contact_person"]]
            organisations = [
                ProjectPartner(partner=partners[key], role=role, sort_order=i)
                for i, (key, role) in enumerate(spec["organisations"])
            ]
            projects[spec["key"]] = self.ensure_page(
                project_index, ProjectPage, fields, organisations=organisations
            )

        for spec in content.NETWORKS:
            self.ensure_page(network_index, NetworkPage, spec)

        self.ensure_flyer(material_index, projects)

        for spec in content.ARCHIVE_ENTRIES:
            fields = dict(spec)
            if "related_project" in fields:
                fields["related_project"] = projects[fields["related_project"]]
            self.ensure_page(archive_index, ArchiveEntryPage, fields)

        for spec in content.LEGAL_PAGES:
            self.ensure_page(home, StandardPage, spec)

        for spec in content.GLOSSARY:
            self.ensure_glossary_term(spec)
        self.ensure_page(home, GlossaryPage, content.GLOSSARY_PAGE)

        # Versions in Einfache Sprache, German only (the demo's translations leave them out).
        parents = {content.HOME["key"]: home, **projects}
        for spec in content.EASY_LANGUAGE:
            fields = {k: v for k, v in spec.items() if k not in {"parent", "seeds"}}
            self.ensure_page(parents[spec["parent"]], EasyLanguagePage, fields)

        # The home page links to the contact page, so its body is filled in last: when the
        # home page is new, or on --update.
        self.ensure_page(
            home.get_parent(),
            HomePage,
            {**content.HOME, "body": content.home_body(contact.pk)},
            sync=self.update or not home.body,
        )
        self.ensure_site(home)
        self.ensure_translations()
        self.ensure_workflow()
        if self.update:
            self.retire_pages()

    def retire_pages(self) -> None:
        """Delete, in every language, the demo pages content.RETIRED_KEYS names."""
        for key in content.RETIRED_KEYS:
            for page in Page.objects.filter(translation_key=translation_key(key)).order_by(
                "-depth"
            ):
                self.updated.append(f"deleted {page.title} ({page.locale.language_code})")
                page.delete()

    def ensure_workflow(self) -> None:
        """Pages go through "Redaktion" (an editor reviews) and then "Freigabe" (a moderator
        approves and publishes), each by someone other than who submitted the change, in
        every language: the workflow holds for the whole tree.
        Wagtail's own one-step "Moderators approval" is switched off in its favour."""
        tasks = []
        for name, group in (("Redaktion", "Editors"), ("Freigabe", "Moderators")):
            task, created = SecondPersonApprovalTask.objects.get_or_create(name=name)
            if created:
                task.groups.set([Group.objects.get(name=group)])
                self.created.append(f"workflow task {name}")
            tasks.append(task)
        workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
        if created:
            for order, task in enumerate(tasks):
                WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
            self.created.append(f"workflow {WORKFLOW_NAME}")
        root = Page.get_first_root_node()
        assignment = WorkflowPage.objects.filter(page=root).first()
        if assignment is None or (created and assignment.workflow_id != workflow.pk):
            WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
            Workflow.objects.filter(name="Moderators approval").update(active=False)

    def ensure_translations(self) -> None:
        """Translate every demo record from the demo's PO files (wagtail-localize)."""
        records = list(translations.source_records())
        for language in translation_languages():
            po = translations.load_po(language)
            if not any(entry.msgstr for entry in po):
                continue
            locale = Locale.objects.get(language_code=language)
            for key, record in records:
                if translations.translate_record(key, record, locale, po, refresh=self.update):
                    self.updated.append(f"translation {language}: {key}")

    def ensure_locales(self) -> Locale:
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        return Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    def ensure_home(self) -> HomePage:
        existing = HomePage.objects.filter(
            translation_key=translation_key(content.HOME["key"]), locale=self.locale
        ).first()
        if existing:
            return existing
        root = Page.get_first_root_node()
        # Wagtail's migrations create a placeholder "Welcome" page; our home replaces it.
        for placeholder in root.get_children().filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        ):
            if placeholder.is_leaf():
                Site.objects.filter(root_page=placeholder).update(root_page=root)
                placeholder.delete()
        return self.ensure_page(root, HomePage, content.HOME)

    def ensure_site(self, home: HomePage) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
            self.created.append("site")
        elif site.root_page_id != home.pk or site.site_name != settings.WAGTAIL_SITE_NAME:
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
            self.updated.append("site")

    # --- records ----------------------------------------------------------------------

    def ensure_page(
        self,
        parent: Page,
        model: type[Page],
        spec: dict,
        organisations: list[ProjectPartner] | None = None,
        sync: bool | None = None,
    ) -> Page:
        """Get the page with this key, or create and publish it; with --update, sync it."""
        sync = self.update if sync is None else sync
        key = spec["key"]
        fields = {
            name: value
            for name, value in spec.items()
            if name not in {"key", "source", "fields"}
            and not name.startswith(("document_", "cover_"))
        }
        page = model.objects.filter(
            translation_key=translation_key(key), locale=self.locale
        ).first()
        if page is None:
            page = model(translation_key=translation_key(key), locale=self.locale)
            self.apply(page, fields)
            if organisations is not None:
                page.organisations = organisations
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created.append(f"{model._meta.verbose_name}: {page.title}")
            return page
        changed = self.is_changed(page, fields)
        if organisations is not None:
            current = [(o.partner_id, o.role) for o in page.organisations.all()]
            wanted = [(o.partner.pk, o.role) for o in organisations]
            changed = changed or current != wanted
        if changed and sync:
            self.apply(page, fields)
            if organisations is not None:
                page.organisations = organisations
            page.save_revision().publish()
            self.updated.append(f"{model._meta.verbose_name}: {page.title}")
        return page

    def apply(self, page: Page, fields: dict) -> None:
        for name, value in fields.items():
            if isinstance(page._meta.get_field(name), StreamField):
                value = with_ids(value, f"{page.translation_key}.{name}")
            setattr(page, name, value)

    def is_changed(self, page: Page, fields: dict) -> bool:
        for name, value in fields.items():
            field = page._meta.get_field(name)
            current = getattr(page, name)
            if isinstance(field, StreamField):
                block = field.stream_block
                wanted = block.to_python(value)
                list(wanted)  # convert every child, so prep values are canonical
                list(current)
                if strip_ids(block.get_prep_value(current)) != strip_ids(
                    block.get_prep_value(wanted)
                ):
                    return True
            elif getattr(current, "pk", current) != getattr(value, "pk", value):
                return True
        return False

    def ensure_team_member(self, spec: dict) -> TeamMember:
        fields = {k: v for k, v in spec.items() if k != "key"}
        member = TeamMember.objects.filter(
            translation_key=translation_key(spec["key"]), locale=self.locale
        ).first()
        if member is None:
            member = TeamMember.objects.create(
                translation_key=translation_key(spec["key"]), locale=self.locale, **fields
            )
            self.created.append(f"team member: {member.name}")
        elif self.update and any(getattr(member, k) != v for k, v in fields.items()):
            for name, value in fields.items():
                setattr(member, name, value)
            member.save()
            self.updated.append(f"team member: {member.name}")
        return member

    def ensure_glossary_term(self, spec: dict) -> GlossaryTerm:
        # In German the term in "this language" is the German term itself: wagtail-localize
        # translates what is there (an empty field would give the translations nothing).
        fields = {k: v for k, v in spec.items() if k != "key"}
        fields["term"] = spec["german"]
        term = GlossaryTerm.objects.filter(
            translation_key=translation_key(spec["key"]), locale=self.locale
        ).first()
        if term is None:
            term = GlossaryTerm.objects.create(
                translation_key=translation_key(spec["key"]), locale=self.locale, **fields
            )
            self.created.append(f"glossary term: {term.german}")
        elif self.update and any(getattr(term, k) != v for k, v in fields.items()):
            for name, value in fields.items():
                setattr(term, name, value)
            term.save()
            self.updated.append(f"glossary term: {term.german}")
        return term

    def ensure_contact_page(self, home: HomePage) -> ContactPage:
        spec = content.CONTACT
        page = self.ensure_page(home, ContactPage, spec)
        if not page.form_fields.exists():
            for i, field in enumerate(spec["fields"]):
                FormField.objects.create(
                    page=page,
                    sort_order=i,
                    locale=page.locale,
                    translation_key=translation_key(f"{spec['key']}/field/{i}"),
                    **field,
                )
            page.save_revision().publish()
        return page

    def ensure_flyer(self, index: MaterialIndexPage, projects: dict) -> MaterialPage:
        spec = content.FLYER
        files = []
        for language in flyer_languages():
            suffix = "" if language == "de" else f"-{language}"
            name = get_language_info(language)["name_local"]
            files.append(
                (
                    language,
                    self.ensure_file(
                        get_document_model(),
                        spec["document_title"] + (f" ({name})" if suffix else ""),
                        f"flyer-willkommen-in-berlin{suffix}.pdf",
                        build_flyer_pdf(language),
                    ),
                )
            )
        missing = set(FLYER_LANGUAGES) - {language for language, _document in files}
        if missing:
            self.stdout.write(
                f"  the flyer in {', '.join(sorted(missing))} needs DejaVu Sans "
                f"(Debian: fonts-dejavu-core, `make system-packages`): left out"
            )
        cover = self.ensure_file(
            get_image_model(),
            spec["cover_title"],
            "titelseite-flyer.png",
            build_cover_png(),
        )
        fields = {
            **spec,
            "related_project": projects[spec["related_project"]],
            "cover": cover,
        }
        page = self.ensure_page(index, MaterialPage, fields)
        self.ensure_material_files(page, files)
        return page

    def ensure_material_files(self, page: MaterialPage, files: list[tuple[str, Any]]) -> None:
        """A material's files, one per language: missing languages are added; with --update,
        the files are brought back to these. Its translations are synchronised."""
        current = list(page.files.all())
        present = {file.language for file in current}
        wanted = [(language, document.pk) for language, document in files]
        if self.update and [(f.language, f.document_id) for f in current] != wanted:
            page.files = [
                MaterialFile(language=language, document=document, sort_order=i)
                for i, (language, document) in enumerate(files)
            ]
        elif present >= {language for language, _document in files}:
            return
        else:
            start = max((file.sort_order or 0 for file in current), default=-1) + 1
            added = [(lang, doc) for lang, doc in files if lang not in present]
            page.files = [
                *current,
                *(
                    MaterialFile(language=language, document=document, sort_order=start + i)
                    for i, (language, document) in enumerate(added)
                ),
            ]
        page.save_revision().publish()
        self.updated.append(f"files of {page.title}")
        # The files are synchronised into the translations (wagtail-localize): the source is
        # re-read and each existing translation saved again.
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()
        for translation in source.translations.filter(enabled=True):
            if page.get_translation_or_none(translation.target_locale) is not None:
                translation.save_target(publish=True)

    def ensure_file(self, model, title: str, filename: str, data: bytes):
        """A document or image with this title; its file is replaced when the bytes differ."""
        record = model.objects.filter(title=title).first()
        digest = hashlib.sha1(data).hexdigest()
        if record is not None and (record.file_hash == digest or not self.update):
            return record
        if record is None:
            record = model(title=title)
            self.created.append(f"{model._meta.verbose_name}: {title}")
        else:
            record.file.delete(save=False)
            self.updated.append(f"{model._meta.verbose_name}: {title}")
        record.file.save(filename, ContentFile(data), save=False)
        if hasattr(record, "width"):  # images store their dimensions
            with PILImage.open(io.BytesIO(data)) as picture:
                record.width, record.height = picture.size
        record.file_size = len(data)
        record.file_hash = digest
        record.save()
        return record
