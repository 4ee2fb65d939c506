"""Requests built to break the API: every answer under /api/ is a problem description
(application/problem+json, RFC 9457), never an HTML page and never a 500 caused by the input."""

import json

import pytest
from django.test import Client

from networks.models import NetworkPage
from team.models import TeamMember
from tests.api.test_api import API, PROBLEM, bearer, page_in, token_for
from tests.operations.test_health_and_logs import with_database_down

pytestmark = pytest.mark.django_db

# The body of issue 17: 800 bytes, nested 400 deep.
DEEP = ("[" * 400 + "]" * 400).encode()


@pytest.fixture
def api_client() -> Client:
    """A client that gets the answer a crash produces, instead of the exception."""
    return Client(raise_request_exception=False)


@pytest.fixture
def moderator_token(django_user_model) -> str:
    return token_for(django_user_model, "api-moderator", "Moderators")


@pytest.fixture
def office_token(django_user_model) -> str:
    """A user who may change team members (the snippets router)."""
    from django.contrib.auth.models import Permission
    from wagtail.models import APIToken

    office = django_user_model.objects.create_user(username="office", password="pw-for-tests")
    office.user_permissions.add(
        Permission.objects.get(codename="add_teammember"),
        Permission.objects.get(codename="change_teammember"),
        Permission.objects.get(codename="access_admin"),
    )
    return APIToken.create_token(user=office, name="office")[1]


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"] == PROBLEM
    problem = json.loads(response.content)
    assert problem["status"] == status and problem["detail"], problem
    assert "no-store" in response["Cache-Control"]
    return problem


def write_urls() -> list[tuple[str, str]]:
    page = page_in("de", NetworkPage, "befan")
    member = TeamMember.objects.get(locale__language_code="de", name="Inna Schulze")
    return [
        ("post", f"{API}/pages/"),
        ("patch", f"{API}/pages/{page.pk}/"),
        ("post", f"{API}/snippets/team.TeamMember/"),
        ("patch", f"{API}/snippets/team.TeamMember/{member.pk}/"),
    ]


@pytest.mark.parametrize("with_token", [False, True])
@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_deeply_nested_json_is_refused(
    api_client, moderator_token, office_token, with_token, content_type
):
    for method, url in write_urls():
        token = office_token if "snippets" in url else moderator_token
        headers = bearer(token) if with_token else {}
        response = getattr(api_client, method)(
            url, DEEP, content_type=content_type, headers=headers
        )
        problem = assert_problem(response, 400)
        assert "nested" in problem["detail"], (url, problem)


def test_nesting_counts_only_brackets_outside_strings(api_client, moderator_token):
    page = page_in("de", NetworkPage, "befan")
    # 400 brackets inside a text are text: the write goes through.
    response = api_client.patch(
        f"{API}/pages/{page.pk}/",
        json.dumps({"intro": "[" * 400 + '\\"{' * 100}),
        content_type="application/json",
        headers=bearer(moderator_token),
    )
    assert response.status_code == 200, response.content[:300]
    # An escaped quote does not end a string: brackets after it are still text, and a
    # real nesting after the string is still counted.
    hidden = '{"intro": "\\"' + "[" * 70 + '", "x": ' + "[" * 70 + "]" * 70 + "}"
    response = api_client.patch(
        f"{API}/pages/{page.pk}/",
        hidden,
        content_type="application/json",
        headers=bearer(moderator_token),
    )
    assert "nested" in assert_problem(response, 400)["detail"]


def test_deep_json_in_utf16_is_refused_too(api_client, moderator_token):
    # json.loads reads UTF-16 as well: the check must see the text the parser sees.
    response = api_client.post(
        f"{API}/pages/",
        DEEP.decode().encode("utf-16"),
        content_type="application/json",
        headers=bearer(moderator_token),
    )
    assert_problem(response, 400)


def test_real_stream_field_bodies_pass(api_client, moderator_token):
    page = page_in("de", NetworkPage, "befan")
    body = [
        {"type": "paragraph", "value": "<p>Ein Absatz.</p>"},
        {
            "type": "item_list",
            "value": {"title": "Ziele", "intro": "", "items": [{"title": "Eins", "text": "1"}]},
        },
    ]
    response = api_client.patch(
        f"{API}/pages/{page.pk}/",
        json.dumps({"body": body}),
        content_type="application/json",
        headers=bearer(moderator_token),
    )
    assert response.status_code == 200, response.content[:500]


@pytest.mark.parametrize(
    "text",
    [
        "<p>" + "<b>" * 2000 + "x" + "</b>" * 2000 + "</p>",
        {"format": "db_markdown", "content": "".join("  " * i + "- x\n" for i in range(400))},
    ],
    ids=["html", "markdown-lists"],
)
def test_rich_text_nested_too_deeply_is_refused(api_client, django_user_model, text):
    # Wagtail's rich text sanitiser recurses once per element: some 400 nested elements in
    # a text of a few kilobytes exhaust the stack. A problem, and the page is unchanged.
    from partners.models import PartnerPage

    token = token_for(django_user_model, "api-admin", "Moderators")
    partner = PartnerPage.objects.filter(locale__language_code="de").first()
    before = partner.latest_revision
    response = api_client.patch(
        f"{API}/pages/{partner.pk}/",
        json.dumps({"profile": text}),
        content_type="application/json",
        headers=bearer(token),
    )
    assert "nests too deeply" in assert_problem(response, 400)["detail"]
    partner.refresh_from_db()
    assert partner.latest_revision == before


def test_a_body_over_the_size_limit_is_413(api_client, moderator_token, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"intro": "x" * 2000})
    for method, url in write_urls():
        for headers in ({}, bearer(moderator_token)):
            response = getattr(api_client, method)(
                url, body, content_type="application/json", headers=headers
            )
            problem = assert_problem(response, 413)
            assert "1000" in problem["detail"]


@pytest.mark.parametrize("content_type", ["application/json", "text/plain"])
def test_a_body_that_is_not_utf8_is_refused(api_client, moderator_token, content_type):
    for method, url in write_urls():
        response = getattr(api_client, method)(
            url,
            b'{"title": "Stra\xdfe"}',
            content_type=content_type,
            headers=bearer(moderator_token),
        )
        assert_problem(response, 400)


def test_a_malformed_content_length_is_refused(api_client, moderator_token):
    response = api_client.post(
        f"{API}/pages/",
        "{}",
        content_type="application/json",
        headers=bearer(moderator_token),
        CONTENT_LENGTH="12abc",
    )
    assert_problem(response, 400)


def test_too_many_parameters_is_a_problem(api_client):
    response = api_client.get(f"{API}/pages/?" + "&".join(["a=1"] * 10_001))
    assert_problem(response, 400)


@pytest.mark.parametrize("ssl_redirect", [False, True])
def test_a_foreign_host_is_a_problem(api_client, settings, ssl_redirect):
    settings.SECURE_SSL_REDIRECT = ssl_redirect
    response = api_client.get(f"{API}/pages/", headers={"Host": "attacker.example"})
    problem = assert_problem(response, 400)
    assert "attacker.example" not in json.dumps(problem)
    # The rest of the site keeps its HTML error page.
    page = api_client.get("/de/", headers={"Host": "attacker.example"})
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")


def test_an_editors_browser_session_cannot_write_through_the_api(settings, editor):
    """Only a token authorises a write: a logged-in admin session (which a forged form on
    another site could ride, CSRF) gets a 401 problem."""
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.force_login(editor)
    response = browser.post(f"{API}/pages/", "{}", content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM


def test_nul_in_search_is_422_as_documented(api_client):
    for url in ("pages/?search=a%00b", "documents/?search=%00", "team-members/?search=a%00"):
        assert_problem(api_client.get(f"{API}/{url}"), 422)


# The database is down: a real outage (a closed port), in a process of its own.

DOWN_REQUESTS = [
    "GET /api/v3/pages/",
    "GET /api/v3/pages/5/",
    "GET /api/v3/team-members/",
    "POST /api/v3/pages/",
    "PATCH /api/v3/pages/5/",
    "POST /api/v3/snippets/team.TeamMember/",
]


def test_database_outage_is_a_503_problem():
    answers, _ = with_database_down(DOWN_REQUESTS)
    for request, answer in answers.items():
        assert answer["status"] == 503, (request, answer["status"], answer["body"][:200])
        assert answer["headers"]["Content-Type"] == PROBLEM, request
        assert answer["headers"]["Retry-After"] == "120", request
        assert "no-store" in answer["headers"]["Cache-Control"], request
        problem = json.loads(answer["body"])
        assert problem["status"] == 503 and problem["detail"]
        assert "secret-4711" not in answer["body"] and "127.0.0.1" not in answer["body"]
