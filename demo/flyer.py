"""The VIA flyer of “Willkommen in Berlin” (seed 004), generated as a real PDF and cover image.

The old site offered the flyer as a PDF; we rebuild it from the seed's text so that it is
downloadable and its text extractable (for search). The output is deterministic, so the
demo content command can tell whether the stored file is current.
"""

import io

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, Paragraph, SimpleDocTemplate, Spacer

from . import content

ACCENT = colors.HexColor("#8a1c4a")


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


def build_flyer_pdf() -> bytes:
    project = _project()
    person = next(t for t in content.TEAM if t["key"] == project["contact_person"])
    styles = getSampleStyleSheet()
    title = ParagraphStyle("FlyerTitle", parent=styles["Title"], textColor=ACCENT, fontSize=24)
    h2 = ParagraphStyle("FlyerH2", parent=styles["Heading2"], textColor=ACCENT)
    body = ParagraphStyle("FlyerBody", parent=styles["BodyText"], fontSize=10.5, leading=14)

    story = [
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
        title="Flyer VIA – Willkommen in Berlin",
        author=content.VIA_NAME,
        subject=project["subtitle"],
        lang="de-DE",
        invariant=True,  # no timestamps or random IDs: the same bytes every time
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    doc.build(story)
    return buffer.getvalue()


def build_cover_png() -> bytes:
    """A simple title page image for the flyer (“Titelseite Flyer VIA” in seed 004)."""
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
    draw.text(
        (40, height - 80), "VIA Regionalverband Berlin/Brandenburg e.V.", font=small, fill="#5e1232"
    )
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
