"""One terminology in six languages: every translated segment keeps to locale/terminology.toml.

The segments are those of the demo content (demo/translations/*.po: wagtail-localize's own
segments, by page) and the UI strings (locale/*/LC_MESSAGES/django.po, whose German is the
German catalogue's translation of the same message). No database needed.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from django.conf import settings

from demo.translations import SEPARATOR, load_po
from multilingual.languages import translation_languages

ROOT = Path(settings.BASE_DIR)
TERMINOLOGY = tomllib.loads((ROOT / "locale" / "terminology.toml").read_text())
LANGUAGES = translation_languages()
# Fields that only name the page: the explanation belongs in its text.
NAMING_FIELDS = {"title", "slug", "seo_title", "search_description", "name"}


@dataclass(frozen=True)
class Segment:
    page: str  # the demo record's key, or "ui" for the site's UI strings
    field: str
    german: str
    translation: str


def demo_segments(language: str) -> list[Segment]:
    segments = []
    for entry in load_po(language):
        if entry.msgstr and entry.msgctxt and "fuzzy" not in entry.flags:
            page, field = entry.msgctxt.split(SEPARATOR, 1)
            segments.append(Segment(page, field, entry.msgid, entry.msgstr))
    return segments


def catalogue(language: str) -> dict[tuple[str | None, str], str]:
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and "fuzzy" not in entry.flags
    }


def ui_segments(language: str) -> list[Segment]:
    german = catalogue(settings.LANGUAGE_CODE)
    return [
        Segment("ui", msgid, german[(context, msgid)], text)
        for (context, msgid), text in catalogue(language).items()
        if (context, msgid) in german
    ]


def segments(language: str) -> list[Segment]:
    return demo_segments(language) + ui_segments(language)


# Arabic vowel marks (harakat, shadda, dagger alif): optional in writing, never in a rule.
VOWEL_MARKS = re.compile("[\u064b-\u0652\u0670]")


def matches(pattern: str, text: str) -> bool:
    return bool(re.search(VOWEL_MARKS.sub("", pattern), VOWEL_MARKS.sub("", text), re.IGNORECASE))


def terms_in(german: str):
    """(term, German matches) of each term the German contains; German quoted as an
    example („…“: what an editor might type) stays German in every language."""
    german = re.sub(r"„[^“]*“", "", german)
    for term in TERMINOLOGY["term"]:
        found = [m.group(0) for pattern in term["de"] for m in re.finditer(pattern, german)]
        if found:
            yield term, found


def test_the_terminology_names_every_language_and_valid_patterns():
    for term in TERMINOLOGY["term"]:
        assert term["kind"] in {"term", "abbreviation", "name"}, term["id"]
        assert term["note"], term["id"]
        for pattern in term["de"]:
            re.compile(pattern)
        if term["kind"] != "name":
            assert set(LANGUAGES) <= set(term), term["id"]
        for language in LANGUAGES:
            for key in ("check", "explain"):
                if key in term.get(language, {}):
                    re.compile(term[language][key])
            for pattern in term.get(language, {}).get("avoid", []):
                re.compile(pattern)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translated_segment_uses_the_listed_rendering(language):
    wrong = []
    for segment in segments(language):
        if segment.field == "slug":
            continue
        for term, found in terms_in(segment.german):
            rules = term.get(language, {})
            if "check" in rules:
                if not matches(rules["check"], segment.translation):
                    wrong.append((term["id"], segment.page, segment.field, segment.translation))
            elif term["kind"] == "name":
                # A proper name stays as the German writes it.
                missing = [name for name in found if name not in segment.translation]
                if missing:
                    wrong.append((term["id"], segment.page, missing, segment.translation))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_uses_a_rendering_to_avoid(language):
    avoid = [
        (term["id"], pattern)
        for term in TERMINOLOGY["term"]
        for pattern in term.get(language, {}).get("avoid", [])
    ] + [("avoid", pattern) for pattern in TERMINOLOGY["avoid"].get(language, [])]
    found = [
        (term_id, segment.page, segment.translation)
        for segment in segments(language)
        for term_id, pattern in avoid
        if matches(pattern, segment.translation)
    ]
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_and_abbreviations_are_explained_where_a_page_first_uses_them(language):
    """In the order of the page's segments (the page's own order), titles aside."""
    unexplained = []
    seen: set[tuple[str, str]] = set()
    for segment in demo_segments(language):
        if segment.field.split(".")[0] in NAMING_FIELDS:
            continue
        for term, _found in terms_in(segment.german):
            explain = term.get(language, {}).get("explain")
            if not explain or (segment.page, term["id"]) in seen:
                continue
            seen.add((segment.page, term["id"]))
            if not matches(explain, segment.translation):
                unexplained.append((term["id"], segment.page, segment.field, segment.translation))
    assert unexplained == []
    assert seen  # the demo content names some
