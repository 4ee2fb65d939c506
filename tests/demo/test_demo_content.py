"""The demo content command: complete, faithful to the seeds, idempotent."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from demo import content
from materials.models import MaterialPage
from projects.models import ProjectPage
from team.models import TeamMember
from tests.reading import visible_text

pytestmark = pytest.mark.django_db

SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"


def snapshot() -> dict:
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "title", "live")),
        "revisions": Revision.objects.count(),
        "documents": sorted(get_document_model().objects.values_list("pk", "file", "file_hash")),
        "images": sorted(get_image_model().objects.values_list("pk", "file")),
        "team": sorted(TeamMember.objects.values_list("pk", "name", "email")),
    }


def test_running_the_command_again_changes_nothing():
    before = snapshot()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    call_command("load_demo_content", "--update", stdout=out)
    assert snapshot() == before


def test_update_restores_a_changed_page_and_default_run_keeps_editors_changes():
    project = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    project.subtitle = "Von einer Redakteurin geändert"
    project.save_revision().publish()
    call_command("load_demo_content", stdout=io.StringIO())
    project.refresh_from_db()
    assert project.subtitle == "Von einer Redakteurin geändert"
    call_command("load_demo_content", "--update", stdout=io.StringIO())
    project.refresh_from_db()
    assert project.subtitle == "Fachberatung für Migrant*innenorganisationen"


def test_the_whole_tree_exists_and_is_live():
    titles = set(Page.objects.live().values_list("title", flat=True))
    expected = {
        "Fachvernetzung für die Migrationsgesellschaft",
        "MigraPower",
        "Kommune Interkulturell",
        "Willkommen in Berlin",
        "Lingua Pankow",
        "AK Diversity",
        "AG Frauen in Trennung",
        "BEFaN",
        "MaMis en Movimiento e.V.",
        "VIA Regionalverband Berlin/Brandenburg e.V.",
        "IQ Netzwerk Berlin",
        "Bezirksamt Pankow",
        "Flyer: Willkommen in Berlin",
        "Kontakt",
        "Impressum",
        "Datenschutzerklärung",
    }
    assert expected <= titles
    assert sorted(
        Page.objects.filter(depth=4, url_path__startswith="/start/archiv/").values_list(
            "archiveentrypage__year", flat=True
        )
    ) == [2015, 2017, 2025, 2025]


def _texts(value) -> list[str]:
    """All strings of a content spec, recursively."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if value.get("source") == content.EDITORIAL:
            return []
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    return []


def _normalise(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("„", '"').replace("“", '"').replace("”", '"')
    return re.sub(r"[\s•\-–]+", " ", text).strip().casefold()


def test_every_text_comes_from_the_seeds():
    """No invented content: every longer text is in a seed (after the listed typo fixes)."""
    seeds = "\n".join(path.read_text() for path in sorted(SEEDS_DIR.glob("*.txt")))
    for wrong, right in content.SEED_CORRECTIONS.items():
        assert wrong in seeds, f"correction {wrong!r} no longer matches the seeds"
        seeds = seeds.replace(wrong, right)
    corpus = _normalise(seeds)
    specs = [
        content.HOME,
        content.home_body(0),
        content.NETWORK_INDEX,
        content.NETWORKS,
        content.PARTNERS,
        content.PROJECTS,
        content.FLYER,
        content.ARCHIVE_INDEX,
        content.TEAM,
        content.LEGAL_PAGES,
    ]
    sentences = [
        sentence
        for text in _texts(specs)
        if len(text) >= 40 and not text.startswith("http")
        for sentence in re.split(r"(?<=[.:!])\s+", _normalise(text))
    ]
    assert len(sentences) > 60
    assert [s for s in sentences if s not in corpus] == []


def test_flyer_is_a_real_pdf_with_the_seed_text(client):
    document = get_document_model().objects.get(title=content.FLYER["document_title"])
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert data.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    text = " ".join(text.split())
    for phrase in [
        "Willkommen in Berlin",
        "Anerkennung von beruflichen Qualifikationen aus dem Ausland",
        "Maria Oikonomidou",
        "Petersburger Str. 92",
    ]:
        assert phrase in text


def test_the_flyer_says_in_every_language_that_the_site_made_it_not_via(client):
    """On the material page, on the PDF's first page and in the PDF's metadata: a summary of
    this site's texts, not VIA's original flyer (which the sources do not contain)."""
    from demo.translations import load_po

    material = MaterialPage.objects.get(locale__language_code="de", slug=content.FLYER["slug"])
    notes = {"de": content.FLYER_NOTE}
    for language in ("en", "es", "it", "tr", "ar"):
        (entry,) = [e for e in load_po(language) if e.msgctxt == f"{content.FLYER['key']}::intro"]
        notes[language] = entry.msgstr
    for translation in MaterialPage.objects.filter(translation_key=material.translation_key):
        page = visible_text(client.get(translation.url).content)
        assert notes[translation.locale.language_code] in page, translation.url
    files = {file.language: file.document for file in material.files.all()}
    assert sorted(files) == ["ar", "de", "en", "tr"]
    for language, document in files.items():
        response = client.get(document.url)
        data = b"".join(response.streaming_content) if response.streaming else response.content
        pdf = PdfReader(io.BytesIO(data))
        assert pdf.metadata.author == "Website migraUp! Pankow", language
        assert pdf.metadata.subject == notes[language], language
        assert "VIA" not in pdf.metadata.author
        if language != "ar":  # Arabic is stored shaped, in display order
            first_page = " ".join(pdf.pages[0].extract_text().split())
            assert notes[language] in first_page, language


def test_project_downloads_are_derived_from_the_materials():
    project = ProjectPage.objects.get(locale__language_code="de", slug="willkommen-in-berlin")
    assert [m.title for m in project.get_downloads()] == ["Flyer: Willkommen in Berlin"]
    assert not ProjectPage.objects.get(
        locale__language_code="de", slug="migrapower"
    ).get_downloads()


def test_funder_is_shown_as_funder():
    project = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    assert [o.partner.title for o in project.funders] == ["Bezirksamt Pankow"]
    assert {o.partner.title for o in project.lead_organisations} == {
        "MaMis en Movimiento e.V.",
        "VIA Regionalverband Berlin/Brandenburg e.V.",
    }


def test_stream_blocks_have_deterministic_ids_for_translation_files():
    """wagtail-localize names segments by block id: fresh databases must get the same ids."""
    from demo.management.commands.load_demo_content import translation_key, with_ids

    project = ProjectPage.objects.get(locale__language_code="de", slug="migrapower")
    expected = with_ids(
        next(p for p in content.PROJECTS if p["key"] == "projects/migrapower")["goals"],
        f"{translation_key('projects/migrapower')}.goals",
    )
    stored = project.goals.raw_data
    assert [b["id"] for b in stored] == [b["id"] for b in expected]
    assert [i["id"] for i in stored[1]["value"]["items"]] == [
        i["id"] for i in expected[1]["value"]["items"]
    ]
