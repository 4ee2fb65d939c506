"""Translations of the demo content, through wagtail-localize's own machinery.

One PO file per language (in the demo's translations folder) holds every translatable
segment of every demo page and snippet. Its entries are wagtail-localize's own segments (msgid = the
German source string, msgctxt = the segment's context path), prefixed with the record's
demo key, so the same text can be exported and re-imported per page from the admin as well.
"""

from collections.abc import Iterator
from pathlib import Path

import polib
from django.db import models
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo import content
from multilingual.languages import translation_languages

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
SEPARATOR = "::"


def demo_keys() -> list[str]:
    """Content keys in an order where parents and linked records come before their users."""
    sections = [
        content.PROJECT_INDEX,
        content.NETWORK_INDEX,
        content.PARTNER_INDEX,
        content.MATERIAL_INDEX,
        content.ARCHIVE_INDEX,
        content.CONTACT,
        *content.LEGAL_PAGES,
    ]
    return [
        *(spec["key"] for spec in content.TEAM),
        content.HOME["key"],
        *(spec["key"] for spec in sections),
        *(spec["key"] for spec in content.PARTNERS),
        *(spec["key"] for spec in content.PROJECTS),
        *(spec["key"] for spec in content.NETWORKS),
        content.FLYER["key"],
        *(spec["key"] for spec in content.ARCHIVE_ENTRIES),
        *(spec["key"] for spec in content.GLOSSARY),
        content.GLOSSARY_PAGE["key"],
    ]


def source_records() -> Iterator[tuple[str, models.Model]]:
    """(key, German record) for every demo page and snippet that exists."""
    from demo.management.commands.load_demo_content import translation_key
    from glossary.models import GlossaryTerm
    from team.models import TeamMember

    snippets = {spec["key"]: TeamMember for spec in content.TEAM} | {
        spec["key"]: GlossaryTerm for spec in content.GLOSSARY
    }
    locale = Locale.get_default()
    for key in demo_keys():
        model = snippets.get(key, Page)
        record = model.objects.filter(translation_key=translation_key(key), locale=locale).first()
        if record is not None:
            yield key, record.specific if isinstance(record, Page) else record


def po_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{language}.po"


def load_po(language: str) -> polib.POFile:
    path = po_path(language)
    return polib.pofile(str(path)) if path.exists() else polib.POFile(wrapwidth=0)


def export_po_files() -> dict[str, int]:
    """Write the PO file of every language from the current German sources, keeping the
    translations already in the files. Returns the number of entries per language."""
    sources = []
    for key, record in source_records():
        source, _created = TranslationSource.get_or_create_from_instance(record)
        sources.append((key, source.export_po()))
    counts = {}
    TRANSLATIONS_DIR.mkdir(exist_ok=True)
    for language in translation_languages():
        existing = {(e.msgctxt, e.msgid): e.msgstr for e in load_po(language)}
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Project-Id-Version": "migraup-pankow demo content",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
        for key, source_po in sources:
            for entry in source_po:
                context = f"{key}{SEPARATOR}{entry.msgctxt}"
                po.append(
                    polib.POEntry(
                        msgctxt=context,
                        msgid=entry.msgid,
                        msgstr=existing.get((context, entry.msgid), ""),
                    )
                )
        po.save(str(po_path(language)))
        counts[language] = len(po)
    return counts


def translate_record(
    key: str, record: models.Model, locale: Locale, po: polib.POFile, refresh: bool = False
) -> bool:
    """Import this record's entries of the language's PO file and save the translated
    record (publishing pages). Returns True when the translation was created or changed.
    With refresh, the source's segments are first re-read from the German record."""
    source, created = TranslationSource.get_or_create_from_instance(record)
    published = getattr(record, "last_published_at", None)
    outdated = not created and published is not None and published > source.last_updated_at
    if refresh and outdated:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    own = polib.POFile()
    prefix = f"{key}{SEPARATOR}"
    for entry in po:
        if entry.msgctxt and entry.msgctxt.startswith(prefix) and entry.msgstr:
            own.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt[len(prefix) :], msgid=entry.msgid, msgstr=entry.msgstr
                )
            )
    existing = StringTranslation.objects.filter(context__object_id=source.object_id, locale=locale)
    before = set(existing.values_list("pk", "data"))
    translation.import_po(own, tool_name="demo content")
    after = set(existing.values_list("pk", "data"))
    target_exists = record.get_translation_or_none(locale) is not None
    if target_exists and before == after:
        return False
    translation.save_target(publish=True)
    return True
