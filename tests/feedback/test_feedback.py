"""“Did this page help you?” (issue 24, part 3): the readers' answers, stored without
anything about the reader, and the editors' report."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction

from feedback.models import COMMENT_MAX_LENGTH, PageFeedback
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def project(language: str) -> ProjectPage:
    return ProjectPage.objects.get(slug="migrapower", locale__language_code=language)


def answer(client, page: Page, language: str, **data):
    headers = data.pop("headers", {})
    fields = {f"feedback-{name}": value for name, value in data.items()}
    return client.post(f"/{language}/feedback/{page.pk}/", fields, headers=headers)


def form_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser").select_one("form#feedback")


@pytest.mark.parametrize(
    ("language", "question"),
    [("de", "Hat Ihnen diese Seite geholfen?"), ("ar", "هل أفادتك هذه الصفحة؟")],
)
def test_every_page_ends_with_the_question_in_the_readers_language(client, language, question):
    page = project(language)
    response = client.get(page.url)
    form = form_of(response)
    assert form.find("legend").get_text(strip=True) == question
    assert form["action"] == f"/{language}/feedback/{page.pk}/"
    # The same form for every reader: no token, no cookie; the page stays cacheable.
    assert not form.select("input[name=csrfmiddlewaretoken]")
    assert "Set-Cookie" not in response
    assert client.get(page.url)["X-Cache"] == "HIT"


def test_an_answer_is_stored_with_nothing_about_the_reader(client):
    page = project("tr")
    response = answer(
        client,
        page,
        "tr",
        helpful="no",
        comment="  Adres eksik.  ",
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 200
    assert "Yanıtınız için teşekkürler" in response.content.decode()
    assert "Set-Cookie" not in response
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.language, stored.helpful, stored.comment) == (
        page.pk,
        "tr",
        False,
        "Adres eksik.",
    )
    # What is kept: the page, its language, the answer, the comment and the day.
    assert {field.name for field in PageFeedback._meta.concrete_fields} == {
        "id",
        "page",
        "language",
        "helpful",
        "comment",
        "given_on",
    }


def test_an_answer_without_a_choice_comes_back_with_what_was_typed(client):
    response = answer(client, project("tr"), "tr", comment="Çok uzun bir sayfa")
    assert response.status_code == 200
    form = form_of(response)
    assert "Lütfen evet ya da hayır seçin." in form.get_text()
    assert form.find("textarea").get_text(strip=True) == "Çok uzun bir sayfa"
    assert not PageFeedback.objects.exists()


def test_a_comment_above_the_limit_is_refused_and_kept(client):
    long = "x" * (COMMENT_MAX_LENGTH + 1)
    response = answer(client, project("de"), "de", helpful="yes", comment=long)
    assert response.status_code == 200
    form = form_of(response)
    assert f"höchstens {COMMENT_MAX_LENGTH} Zeichen" in form.get_text()
    assert form.find("textarea").get_text(strip=True) == long
    assert not PageFeedback.objects.exists()


def test_answers_are_rate_limited_like_the_contact_form(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 2
    page = project("es")
    for _ in range(2):
        assert answer(client, page, "es", helpful="yes").status_code == 200
    refused = answer(client, page, "es", helpful="no", comment="otra vez")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Demasiadas respuestas en poco tiempo" in refused.content.decode()
    assert form_of(refused).find("textarea").get_text(strip=True) == "otra vez"
    assert PageFeedback.objects.count() == 2


def test_an_answer_sent_from_another_site_is_refused(client):
    response = answer(
        client, project("de"), "de", helpful="no", headers={"Origin": "https://elsewhere.example"}
    )
    assert response.status_code == 403
    assert "Ihre Antwort wurde nicht gespeichert" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_only_live_public_pages_in_the_readers_language_take_answers(client):
    page = project("de")
    assert answer(client, page, "tr", helpful="yes").status_code == 404
    assert client.post("/de/feedback/999999/", {"feedback-helpful": "yes"}).status_code == 404
    # Opened as an address, it leads to the question on the page.
    response = client.get(f"/de/feedback/{page.pk}/")
    assert (response.status_code, response["Location"]) == (302, f"{page.url}#feedback")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert answer(client, page, "de", helpful="yes").status_code == 404
    assert not form_of(client.get(page.url, follow=True))
    assert not PageFeedback.objects.exists()


def test_editors_read_the_answers_per_page_and_language(client, editor):
    german, arabic = project("de"), project("ar")
    for page, language, helpful, comment in [
        (german, "de", True, ""),
        (arabic, "ar", False, "الترجمة غير واضحة"),
        (arabic, "ar", False, '=HYPERLINK("http://evil.example")'),
        (arabic, "ar", True, ""),
    ]:
        PageFeedback.objects.create(page=page, language=language, helpful=helpful, comment=comment)
    client.force_login(editor)
    summary = BeautifulSoup(client.get("/admin/reports/feedback/").content, "html.parser")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in summary.select("tbody tr")
    ]
    # The most "no"s first: the Arabic translation.
    assert rows[0][1:] == ["ar", "1", "2", "2"]
    assert rows[1][1:] == ["de", "1", "0", "0"]
    link = summary.select_one("tbody tr a")["href"]
    answers = client.get(link).content.decode()
    assert "الترجمة غير واضحة" in answers

    exported = client.get("/admin/reports/feedback/answers/?export=csv&language=ar")
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    comments = [row[-1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example")' in comments
    assert '=HYPERLINK("http://evil.example")' not in comments
    assert {row[3] for row in rows[1:]} == {"ar"}


def test_the_report_is_in_the_admins_reports_menu(client, editor):
    client.force_login(editor)
    # The sidebar is built from JSON in the page.
    assert "/admin/reports/feedback/" in client.get("/admin/").content.decode()
