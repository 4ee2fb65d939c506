"""A flyer on “Willkommen in Berlin” made from this website's texts, as real PDFs and a cover.

Seed 004 offers VIA's flyer as a PDF, which the sources do not contain. This flyer is not
it: the website compiled it from its own texts on the project (seed 004), and it says so
at its top, in its metadata (author: the website) and on the material page
(content.FLYER_NOTE), in every language. Besides the German version, the
material holds the flyer in English, Turkish and Arabic, built from the same project texts
as translated for the site (the demo's PO files) and the site's own UI strings
(the site's message catalogues), so it says nothing the site does not. The output is
deterministic, so the demo content command can tell whether a stored file is current.

Turkish and Arabic need a TrueType font (DejaVu Sans, Debian's fonts-dejavu-core); Arabic
is shaped with arabic-reshaper and laid out right to left with python-bidi, line by line.
"""

import html
import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import translation
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, Paragraph, SimpleDocTemplate, Spacer

from . import content

ACCENT = colors.HexColor("#8a1c4a")
# The flyer's languages, in the order the material offers them.
FLYER_LANGUAGES = ("de", "en", "tr", "ar")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf"}
# Languages whose letters the PDF standard fonts (Helvetica) lack.
NEEDS_TRUETYPE = {"tr", "ar"}
RIGHT_TO_LEFT = {"ar"}
MARGIN = 2 * cm
TEXT_WIDTH = A4[0] - 2 * MARGIN


def _project() -> dict:
    return next(p for p in content.PROJECTS if p["key"] == "projects/willkommen-in-berlin")


def _paragraph_texts(blocks: list[dict]) -> list[tuple[str, str]]:
    """(kind, text) pairs from the project's body: headings and paragraphs."""
    result = []
    for block in blocks:
        if block["type"] == "heading":
            result.append(("heading", block["value"]["text"]))
        elif block["type"] == "paragraph":
            html = block["value"]
            for part in html.split("</p>"):
                text = part.replace("<p>", "").strip()
                if text:
                    result.append(("text", text))
    return result


@cache
def truetype_available() -> bool:
    """Whether DejaVu Sans is installed (and registered with reportlab)."""
    if not all((FONT_DIR / name).is_file() for name in FONTS.values()):
        return False
    for font, name in FONTS.items():
        pdfmetrics.registerFont(TTFont(font, str(FONT_DIR / name)))
    return True


def flyer_languages() -> list[str]:
    """The languages the flyer can be built in here (Turkish and Arabic need DejaVu Sans)."""
    return [code for code in FLYER_LANGUAGES if code not in NEEDS_TRUETYPE or truetype_available()]


class _Translations:
    """The project's texts in one language, looked up by demo key and German text in the
    demo translation files; German (and anything untranslated) as it is."""

    def __init__(self, language: str) -> None:
        from demo.translations import SEPARATOR, load_po

        self.language = language
        self.entries: dict[tuple[str, str], str] = {}
        if language != "de":
            for entry in load_po(language):
                if entry.msgstr and entry.msgctxt:
                    key = entry.msgctxt.split(SEPARATOR, 1)[0]
                    self.entries[(key, html.unescape(entry.msgid))] = entry.msgstr

    def __call__(self, key: str, german: str) -> str:
        # The files hold segments as HTML ("&amp;"), the seeds as text ("&").
        return self.entries.get((key, html.unescape(german)), german)


def build_flyer_pdf(language: str = "de") -> bytes:
    """The flyer in one of FLYER_LANGUAGES (German: from the seed's text as on the site)."""
    if language == "de":
        return _build_german_flyer()
    return _build_translated_flyer(language)


def _build_german_flyer() -> bytes:
    project = _project()
    person = next(t for t in content.TEAM if t["key"] == project["contact_person"])
    styles = getSampleStyleSheet()
    title = ParagraphStyle("FlyerTitle", parent=styles["Title"], textColor=ACCENT, fontSize=24)
    h2 = ParagraphStyle("FlyerH2", parent=styles["Heading2"], textColor=ACCENT)
    body = ParagraphStyle("FlyerBody", parent=styles["BodyText"], fontSize=10.5, leading=14)

    note = ParagraphStyle("FlyerNote", parent=body, textColor=ACCENT, borderPadding=4)
    story = [
        Paragraph(content.FLYER_NOTE, note),
        Spacer(1, 0.3 * cm),
        Paragraph(project["title"], title),
        Paragraph(project["subtitle"], styles["Heading3"]),
        Paragraph(project["intro"], body),
        Spacer(1, 0.3 * cm),
    ]
    for kind, text in _paragraph_texts(project["body"]):
        story.append(Paragraph(text, h2 if kind == "heading" else body))
    story.append(Paragraph("Qualifizierung und Beratung", h2))
    for offer in project["offers"]:
        story.append(Paragraph(offer["value"]["intro"], body))
        story.append(
            ListFlowable(
                [Paragraph(item["text"], body) for item in offer["value"]["items"]],
                bulletType="bullet",
                start="–",
            )
        )
    story += [
        Paragraph("Kontakt", h2),
        Paragraph(
            project["contact_organisation"]
            + "<br/>"
            + project["contact_address"].replace("\n", "<br/>"),
            body,
        ),
        Paragraph(f"Projektleitung: {person['name']}", body),
        Paragraph(f"Telefon: {person['phone']}", body),
        Paragraph(f"E-Mail: {person['email']}", body),
        Paragraph("Webseite: www.via-in-berlin.de", body),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=content.FLYER["document_title"],
        author=content.FLYER["document_author"],
        subject=content.FLYER_NOTE,
        lang="de-DE",
        invariant=True,  # no timestamps or random IDs: the same bytes every time
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    doc.build(story)
    return buffer.getvalue()


def _build_translated_flyer(language: str) -> bytes:
    """The same flyer from the translated project texts; each offer under its own heading
    (the German "Qualifizierung und Beratung" has no translation of its own)."""
    project = _project()
    key = project["key"]
    person = next(t for t in content.TEAM if t["key"] == project["contact_person"])
    text = _Translations(language)
    if language in NEEDS_TRUETYPE and not truetype_available():
        raise RuntimeError(f"The flyer in {language!r} needs DejaVu Sans in {FONT_DIR}")
    rtl = language in RIGHT_TO_LEFT
    styles = getSampleStyleSheet()
    regular, bold = (
        ("DejaVuSans", "DejaVuSans-Bold")
        if language in NEEDS_TRUETYPE
        else ("Helvetica", "Helvetica-Bold")
    )
    align = {"alignment": TA_RIGHT} if rtl else {}
    title = ParagraphStyle(
        "FlyerTitle", parent=styles["Title"], textColor=ACCENT, fontSize=24, fontName=bold
    )
    h2 = ParagraphStyle(
        "FlyerH2", parent=styles["Heading2"], textColor=ACCENT, fontName=bold, **align
    )
    h3 = ParagraphStyle("FlyerH3", parent=styles["Heading3"], fontName=bold, **align)
    body = ParagraphStyle(
        "FlyerBody",
        parent=styles["BodyText"],
        fontSize=10.5,
        leading=14,
        fontName=regular,
        **align,
    )

    def paragraph(markup: str, style: ParagraphStyle, bullet: bool = False) -> Paragraph:
        if rtl:
            markup = _right_to_left(markup, style, bullet)
        elif bullet:
            markup = f"– {markup}"
        return Paragraph(markup, style)

    def ltr(value: str) -> str:
        # A left-to-right embedding keeps "030 29 00 69 48" in its order in Arabic.
        return f"\u202a{value}\u202c" if rtl else value

    with translation.override(language):
        contact, phone, email, website = (
            translation.gettext(label) for label in ("Contact", "Phone", "E-mail", "Website")
        )
    note = ParagraphStyle("FlyerNote", parent=body, textColor=ACCENT)
    flyer_note = text(content.FLYER["key"], content.FLYER_NOTE)
    story = [
        paragraph(flyer_note, note),
        Spacer(1, 0.3 * cm),
        Paragraph(text(key, project["title"]), title),
        paragraph(text(key, project["subtitle"]), h3),
        paragraph(text(key, project["intro"]), body),
        Spacer(1, 0.3 * cm),
    ]
    for kind, german in _paragraph_texts(project["body"]):
        story.append(paragraph(text(key, german), h2 if kind == "heading" else body))
    for offer in project["offers"]:
        story.append(paragraph(text(key, offer["value"]["title"]), h2))
        story.append(paragraph(text(key, offer["value"]["intro"]), body))
        story += [
            paragraph(text(key, item["text"]), body, bullet=True)
            for item in offer["value"]["items"]
        ]
    address = project["contact_address"].replace("\n", "<br/>")
    story += [
        paragraph(contact, h2),
        paragraph(text(key, project["contact_organisation"]), body),
        paragraph(text(key, address), body),
        paragraph(f"{text(person['key'], person['role'])}: {person['name']}", body),
        paragraph(f"{phone}: {ltr(person['phone'])}", body),
        paragraph(f"{email}: {ltr(person['email'])}", body),
        paragraph(f"{website}: {ltr('www.via-in-berlin.de')}", body),
    ]
    buffer = io.BytesIO()
    material_title = text(content.FLYER["key"], content.FLYER["title"])
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=material_title,
        author=content.FLYER["document_author"],
        subject=flyer_note,
        lang=language,
        invariant=True,  # no timestamps or random IDs: the same bytes every time
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    doc.build(story)
    return buffer.getvalue()


def _right_to_left(markup: str, style: ParagraphStyle, bullet: bool) -> str:
    """Arabic for reportlab, which neither joins Arabic letters nor lays out right to left:
    the text is wrapped into lines in reading order, then each line is shaped
    (arabic-reshaper) and put into display order (python-bidi); the lines are set right
    aligned, one per ``<br/>``."""
    from arabic_reshaper import reshape

    # The pure-Python algorithm mirrors brackets and quotes; the Rust wrapper does not.
    from bidi.algorithm import get_display

    width = TEXT_WIDTH - (style.leftIndent + style.rightIndent) - 2  # never rewrapped
    lines = []
    for part in markup.split("<br/>"):
        plain = html.unescape(part)
        if bullet:
            plain = f"– {plain}"
        arabic = any("\u0600" <= char <= "\u06ff" for char in plain)
        for line in _wrap_to_width(plain, style.fontName, style.fontSize, width, reshape):
            shown = get_display(reshape(line), base_dir="R" if arabic else "L")
            lines.append(escape(shown))
    return "<br/>".join(lines)


def _wrap_to_width(text: str, font: str, size: float, width: float, shape) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        shown = shape(candidate).replace("\u202a", "").replace("\u202c", "")
        if line and pdfmetrics.stringWidth(shown, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def build_cover_png() -> bytes:
    """A simple title page image for the flyer, which names who made it."""
    project = _project()
    width, height = 600, 848  # A4 proportions
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 190], fill="#8a1c4a")
    big = ImageFont.load_default(size=54)
    small = ImageFont.load_default(size=26)
    draw.text((40, 50), "Willkommen", font=big, fill="#ffffff")
    draw.text((40, 110), "in Berlin", font=big, fill="#ffffff")
    y = 240
    for line in _wrap(project["subtitle"], 36):
        draw.text((40, y), line, font=small, fill="#1b1b1f")
        y += 36
    # Who made it, as on the flyer's first page: not VIA.
    draw.text((40, height - 116), "Zusammengestellt von der Website", font=small, fill="#5e1232")
    draw.text((40, height - 80), "migraUp! Pankow", font=small, fill="#5e1232")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
