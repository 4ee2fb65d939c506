"""The headless API at /api/v3/: what other systems read, and what editors' tools may write."""

import json
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from wagtail.models import APIToken, Page, PageViewRestriction

from materials.models import MaterialPage
from networks.models import NetworkIndexPage, NetworkPage
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

API = "/api/v3"
PROBLEM = "application/problem+json"


def get_json(client, url: str, status: int = 200, **headers) -> dict:
    response = client.get(url, headers=headers)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return response.json()


def page_in(language: str, model: type[Page], slug: str) -> Page:
    return model.objects.get(locale__language_code=language, slug=slug)


def token_for(django_user_model, username: str, group: str) -> str:
    user = django_user_model.objects.create_user(username=username, password="pw-for-tests")
    user.groups.add(Group.objects.get(name=group))
    _token, plaintext = APIToken.create_token(user=user, name="tool")
    return plaintext


@pytest.fixture
def editor_token(django_user_model) -> str:
    """An editor (group Editors): may create and change pages, not publish them."""
    return token_for(django_user_model, "api-editor", "Editors")


@pytest.fixture
def moderator_token(django_user_model) -> str:
    """A moderator (group Moderators): may also publish."""
    return token_for(django_user_model, "api-moderator", "Moderators")


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


# The schema and the docs


def test_schema_names_every_field_of_a_project(client):
    schema = get_json(client, f"{API}/openapi.json")
    assert schema["info"]["title"] == "migraUp! Pankow API"
    project = schema["components"]["schemas"]["ProjectPageSchema"]["properties"]
    for field in [
        "intro",
        "body",
        "translations",
        "subtitle",
        "period",
        "goals",
        "target_groups",
        "offers",
        "sustainability",
        "organisations",
        "contact_person",
        "downloads",
    ]:
        assert field in project, field
    # Derived fields are typed, not "any": a client generator gets real classes.
    assert project["downloads"]["anyOf"][0]["items"] == {
        "$ref": "#/components/schemas/MaterialDict"
    }
    document = schema["components"]["schemas"]["DocumentDict"]["properties"]
    assert {"download_url", "file_type", "media_type", "size"} <= set(document)
    # Titles from the models' verbose names, in English whatever the reader's language.
    assert project["subtitle"]["title"] == "subtitle"


def test_schema_is_valid_openapi_for_anonymous_reads_and_problems(client):
    schema = get_json(client, f"{API}/openapi.json", **{"Accept-Language": "de"})
    assert set(schema["components"]["securitySchemes"]) == {"BearerTokenAuth"}
    for scheme in schema["components"]["securitySchemes"].values():
        assert scheme["type"] != "http" or "scheme" in scheme
    list_pages = schema["paths"]["/api/v3/pages/"]["get"]
    assert {} in list_pages["security"]
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            assert "4XX" in operation["responses"]
    limit = next(p for p in list_pages["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100
    assert "302" in schema["paths"]["/api/v3/pages/find/"]["get"]["responses"]
    # Snippet revisions exist for no model of this site: not offered with an empty type.
    assert "/api/v3/snippets/{type}/{pk}/revisions/" not in schema["paths"]
    assert "/api/v3/snippets/{type}/" in schema["paths"]


def test_schema_is_built_once_per_prefix_and_each_caller_gets_its_own_copy():
    # Building it takes more than half a second: a flood of anonymous requests must not
    # build it again and again, nor threads that ask at once build it side by side.
    from concurrent.futures import ThreadPoolExecutor

    from ninja import NinjaAPI

    from api.openapi import install_openapi_fixes

    api = NinjaAPI(urls_namespace="schema-once")

    @api.get("/things/")
    def things(request) -> list[str]:
        return []

    builds = []
    generate = api.get_openapi_schema

    def counting(**arguments):
        builds.append(arguments["path_prefix"])
        return generate(**arguments)

    api.get_openapi_schema = counting
    install_openapi_fixes(api)
    with ThreadPoolExecutor(max_workers=8) as pool:
        schemas = list(pool.map(lambda _: api.get_openapi_schema(path_prefix="/a/"), range(8)))
    assert builds == ["/a/"]
    assert all(schema == schemas[0] for schema in schemas)
    assert list(schemas[0]["paths"]) == ["/a/things/"]
    assert "4XX" in schemas[0]["paths"]["/a/things/"]["get"]["responses"]
    # A caller who changes its copy changes nobody else's.
    schemas[0]["paths"].clear()
    assert list(api.get_openapi_schema(path_prefix="/a/")["paths"]) == ["/a/things/"]
    assert list(api.get_openapi_schema(path_prefix="/b/")["paths"]) == ["/b/things/"]
    assert builds == ["/a/", "/b/"]


def test_schema_is_the_same_english_document_for_every_reader(client):
    # Whoever asks first, in whichever language, the document kept is in English.
    arabic = get_json(client, f"{API}/openapi.json", **{"Accept-Language": "ar"})
    assert (
        arabic["components"]["schemas"]["ProjectPageSchema"]["properties"]["goals"]["title"]
        == "Goals"
    )
    for language in ["en", "de"]:
        document = get_json(client, f"{API}/openapi.json", **{"Accept-Language": language})
        assert document == arabic, language


def test_team_members_are_written_through_the_snippets_router(
    client, django_user_model, moderator_token
):
    from django.contrib.auth.models import Permission

    from team.models import TeamMember

    member = TeamMember.objects.get(locale__language_code="de", name="Inna Schulze")
    url = f"{API}/snippets/team.TeamMember/{member.pk}/"
    assert client.get(url).status_code == 401
    # Moderators may not change team members in the admin, so not through the API either.
    assert client.get(url, headers=bearer(moderator_token)).status_code == 403
    office = django_user_model.objects.create_user(username="office", password="pw-for-tests")
    office.user_permissions.add(
        Permission.objects.get(codename="change_teammember"),
        Permission.objects.get(codename="access_admin"),
    )
    _token, token = APIToken.create_token(user=office, name="office")
    response = client.patch(
        url,
        json.dumps({"phone": "030 1234"}),
        content_type="application/json",
        headers=bearer(token),
    )
    assert response.status_code == 200, response.content
    member.refresh_from_db()
    assert member.phone == "030 1234"


# Reading, anonymously


def test_pages_filtered_by_type_and_language(client):
    data = get_json(client, f"{API}/pages/?type=projects.ProjectPage&locale=tr")
    assert data["count"] == 3
    assert {item["meta"]["locale"] for item in data["items"]} == {"tr"}
    assert {item["meta"]["html_url"].split("/", 3)[3] for item in data["items"]} >= {
        "tr/projeler/migrapower/"
    }


def test_pages_filtered_by_parent_with_ordering_and_pagination(client):
    index = page_in("de", NetworkIndexPage, "fachvernetzung")
    url = f"{API}/pages/?child_of={index.pk}&order=title&limit=2"
    first = get_json(client, url)
    assert first["count"] == 4
    assert [item["title"] for item in first["items"]] == ["AG Frauen in Trennung", "AK Diversity"]
    second = get_json(client, url + "&offset=2")
    assert [item["title"] for item in second["items"]] == ["BEFaN", "Lingua Pankow"]
    newest_first = get_json(client, f"{API}/pages/?child_of={index.pk}&order=-title&limit=1")
    assert newest_first["items"][0]["title"] == "Lingua Pankow"


def test_search_finds_a_network_in_the_readers_language(client):
    data = get_json(client, f"{API}/pages/?search=Kitas&locale=de")
    assert "Lingua Pankow" in [item["title"] for item in data["items"]]
    nothing = get_json(client, f"{API}/pages/?search=Mehrsprachigkeit&locale=ar")
    assert "Lingua Pankow" not in [item["title"] for item in nothing["items"]]


def test_project_in_english_with_its_partners_contact_and_downloads(client):
    project = page_in("en", ProjectPage, "willkommen-in-berlin")
    data = get_json(client, f"{API}/pages/{project.pk}/")
    assert data["meta"]["type"] == "projects.ProjectPage"
    assert data["meta"]["locale"] == "en"
    assert data["offers"][0]["title"] == "Training"
    assert data["offers"][0]["items"][0]["text"]
    assert data["goals"] == []  # the seeds name no goals for this project
    assert data["contact_person"]["name"] == "Maria Oikonomidou"
    assert data["contact_person"]["email"] == "maria.oikonomidou@via-in-berlin.de"
    roles = {org["role"] for org in data["organisations"]}
    assert "lead" in roles
    lead = next(org for org in data["organisations"] if org["role"] == "lead")
    assert lead["role_label"] == "Lead organisation"  # in the page's language
    assert lead["partner"]["locale"] == "en"
    assert urlsplit(lead["partner"]["html_url"]).path.startswith("/en/")
    [download] = data["downloads"]
    document = download["document"]
    assert document["file_type"] == "PDF"
    assert document["media_type"] == "application/pdf"
    assert document["size"] > 1000
    assert document["download_url"].startswith("http")
    downloaded = client.get(urlsplit(document["download_url"]).path)
    assert downloaded.status_code == 200
    assert int(downloaded["Content-Length"]) == document["size"]


def test_rich_text_is_html_and_translations_link_each_other(client):
    home = Page.objects.get(depth=2, locale__language_code="it")
    data = get_json(client, f"{API}/pages/{home.pk}/")
    assert data["farewell_text"].startswith("<p>")
    languages = {link["locale"] for link in data["translations"]}
    assert languages == {"de", "en", "es", "tr", "ar"}
    german = next(link for link in data["translations"] if link["locale"] == "de")
    german_page = get_json(client, urlsplit(german["detail_url"]).path)
    assert german_page["meta"]["locale"] == "de"
    assert german_page["translations"][0]["locale"] == "en"


def test_material_with_file_and_cover_renditions(client):
    material = page_in("de", MaterialPage, "flyer-willkommen-in-berlin")
    data = get_json(client, f"{API}/pages/{material.pk}/")
    assert data["kind"] == "flyer"
    assert data["document"]["file_type"] == "PDF"
    cover = data["cover"]
    assert cover["alt"]
    widths = [rendition["width"] for rendition in cover["renditions"]]
    assert widths == sorted(widths) and widths[0] == 320 and widths[-1] == cover["width"]
    assert all(rendition["format"] == "webp" for rendition in cover["renditions"])
    assert data["related_project"]["title"] == "Willkommen in Berlin"


def test_team_members_in_each_language(client):
    data = get_json(client, f"{API}/team-members/?locale=es")
    names = [member["name"] for member in data["items"]]
    assert "Inna Schulze" in names
    assert {member["locale"] for member in data["items"]} == {"es"}
    member = get_json(client, f"{API}/team-members/{data['items'][0]['id']}/")
    assert member["name"] == data["items"][0]["name"]
    found = get_json(client, f"{API}/team-members/?locale=de&search=schulze")
    assert [member["name"] for member in found["items"]] == ["Inna Schulze"]
    problem = get_json(client, f"{API}/team-members/999999/", status=404)
    assert problem["status"] == 404


# Never drafts, private pages or unpublished changes


@pytest.fixture
def hidden_pages():
    index = page_in("de", NetworkIndexPage, "fachvernetzung")
    draft = index.add_child(
        instance=NetworkPage(title="Entwurfsnetz", slug="entwurfsnetz", live=False)
    )
    private = index.add_child(instance=NetworkPage(title="Geheimnetz", slug="geheimnetz"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    changed = page_in("de", NetworkPage, "befan")
    changed.title = "Unveröffentlichter Titel"
    changed.save_revision()
    return draft, private, changed


def test_anonymous_readers_never_see_drafts_or_private_pages(client, hidden_pages):
    draft, private, changed = hidden_pages
    listing = get_json(client, f"{API}/pages/?limit=100&locale=de")
    titles = [item["title"] for item in listing["items"]]
    assert "Entwurfsnetz" not in titles and "Geheimnetz" not in titles
    assert "Unveröffentlichter Titel" not in titles and "BEFaN" in titles
    for page in (draft, private):
        assert client.get(f"{API}/pages/{page.pk}/").status_code == 404
    assert get_json(client, f"{API}/pages/{changed.pk}/?version=draft")["title"] == "BEFaN"
    assert get_json(client, f"{API}/pages/?search=Entwurfsnetz")["count"] == 0


def test_token_holders_see_drafts(client, hidden_pages, moderator_token):
    draft, _private, changed = hidden_pages
    assert (
        get_json(client, f"{API}/pages/{draft.pk}/", **bearer(moderator_token))["title"]
        == "Entwurfsnetz"
    )
    latest = get_json(client, f"{API}/pages/{changed.pk}/?version=draft", **bearer(moderator_token))
    assert latest["title"] == "Unveröffentlichter Titel"


# Writing, with tokens and the admin's permissions


def create_network(client, token: str, **fields) -> tuple[int, dict]:
    index = page_in("de", NetworkIndexPage, "fachvernetzung")
    body = {
        "meta": {"type": "networks.NetworkPage", "parent_id": index.pk},
        "title": "Netzwerk Nachbarschaft",
        "slug": "netzwerk-nachbarschaft",
        "intro": "Ein Entwurf aus dem Newsletter-Werkzeug.",
        "topic": "Nachbarschaft",
        **fields,
    }
    response = client.post(
        f"{API}/pages/", json.dumps(body), content_type="application/json", headers=bearer(token)
    )
    return response.status_code, response.json()


def test_no_token_or_a_wrong_one_cannot_write(client):
    status, problem = create_network(client, "wagtail_not-a-real-token")
    assert status == 401 and problem["title"] == "Unauthorized"
    response = client.post(f"{API}/pages/", "{}", content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM


def test_editor_creates_and_updates_a_draft_which_stays_hidden(client, editor_token):
    status, page = create_network(client, editor_token)
    assert status == 201, page
    assert page["meta"]["first_published_at"] is None
    assert client.get(f"{API}/pages/{page['id']}/").status_code == 404

    response = client.patch(
        f"{API}/pages/{page['id']}/",
        json.dumps({"intro": "Überarbeitet."}),
        content_type="application/json",
        headers=bearer(editor_token),
    )
    assert response.status_code == 200, response.content
    draft = get_json(client, f"{API}/pages/{page['id']}/?version=draft", **bearer(editor_token))
    assert draft["intro"] == "Überarbeitet."
    assert client.get(f"{API}/pages/{page['id']}/").status_code == 404


def test_publishing_needs_the_publish_permission(client, editor_token, moderator_token):
    _status, page = create_network(client, editor_token)
    publish = f"{API}/pages/{page['id']}/actions/publish/"
    refused = client.post(publish, headers=bearer(editor_token))
    assert refused.status_code == 403
    assert refused["Content-Type"] == PROBLEM
    assert client.get(f"{API}/pages/{page['id']}/").status_code == 404

    assert client.post(publish, headers=bearer(moderator_token)).status_code == 200
    public = get_json(client, f"{API}/pages/{page['id']}/")
    assert public["topic"] == "Nachbarschaft"
    assert client.get("/de/fachvernetzung/netzwerk-nachbarschaft/").status_code == 200


def test_invalid_bodies_are_described(client, editor_token):
    status, problem = create_network(client, editor_token, scope="galaxy")
    assert status == 422
    assert problem["errors"] and problem["detail"]
    # Not JSON is a bad request; JSON that is no page is unprocessable.
    for body, expected in (
        ("[1, 2]", 422),
        ("not json", 400),
        ('{"meta": {"type": "networks.NetworkPage"}}', 422),
    ):
        response = client.post(
            f"{API}/pages/", body, content_type="application/json", headers=bearer(editor_token)
        )
        assert response.status_code == expected, (body, response.content[:300])
        assert response["Content-Type"] == PROBLEM


# Headers: CORS and caching


def test_cors_for_listed_origins_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example.org"]
    allowed = client.get(f"{API}/pages/", headers={"Origin": "https://partner.example.org"})
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example.org"
    other = client.get(f"{API}/pages/", headers={"Origin": "https://elsewhere.example.net"})
    assert "Access-Control-Allow-Origin" not in other
    page = client.get("/de/", headers={"Origin": "https://partner.example.org"})
    assert "Access-Control-Allow-Origin" not in page


def test_anonymous_reads_are_cacheable_and_revalidate(client):
    response = client.get(f"{API}/pages/?locale=de")
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]
    etag = response["ETag"]
    again = client.get(f"{API}/pages/?locale=de", headers={"If-None-Match": etag})
    assert again.status_code == 304
    head = client.head(f"{API}/pages/?locale=de")
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == etag


def test_answers_to_tokens_and_errors_are_not_stored(client, moderator_token):
    private = client.get(f"{API}/pages/", headers=bearer(moderator_token))
    assert "private" in private["Cache-Control"] and "no-store" in private["Cache-Control"]
    missing = client.get(f"{API}/pages/999999/")
    assert "no-store" in missing["Cache-Control"]


# Bad input: a problem description, never a 500 or an HTML page


# Each bad read and the answer it gets: results where the input is merely odd, a problem
# with the right status where it cannot be answered.
BAD_READS = [
    ("pages/?search=%22", 200),
    ("pages/?search=a%22b%20(OR%20*", 200),
    ("pages/?search=" + "x" * 10000, 200),
    ("pages/?search=%F0%9F%98%80%20%C4%B0stanbul", 200),
    ("pages/?offset=99999999999999999999", 400),
    ("pages/?offset=-1", 422),
    ("pages/?limit=0", 422),
    ("pages/?limit=1000", 400),
    ("pages/?limit=abc", 422),
    ("pages/?type=no.SuchPage", 422),
    ("pages/?locale=xx", 404),
    ("pages/?order=nonexistent", 422),
    ("pages/?child_of=abc", 422),
    ("pages/?child_of=999999", 422),
    ("pages/?first_published_at=yesterday", 422),
    ("pages/?title=%00", 422),
    ("team-members/?locale=%00de", 422),
    ("pages/?child_of=%C2%B2", 422),
    ("pages/?offset=%C2%B2", 422),
    ("pages/?child_of=99999999999", 422),
    ("pages/?search=030%2029006948", 200),
    ("documents/?search=%C2%B2&order=%C2%B2", 422),
    ("pages/abc/", 422),
    ("pages/999999/", 404),
    ("pages/find/?site=a:$", 404),
    ("pages/find/?html_path=/nowhere/", 404),
    ("team-members/abc/", 422),
    ("team-members/?limit=-5", 422),
    ("materials/?language=xx", 422),
    ("materials/?kind=%00", 422),
    ("materials/?locale=xx&language=de", 404),
    ("materials/?offset=999999999999", 400),
    ("no-such-endpoint/", 404),
]


@pytest.mark.parametrize("url,status", BAD_READS)
def test_bad_reads_answer_with_a_problem_or_results(client, url, status):
    response = client.get(f"{API}/{url}")
    assert response.status_code == status, response.content[:300]
    if status >= 400:
        assert response["Content-Type"] == PROBLEM
        problem = response.json()
        assert problem["status"] == status and problem["title"]
    else:
        assert "items" in response.json()


def test_problem_descriptions_are_in_english(client):
    problem = get_json(
        client, f"{API}/pages/?first_published_at=abc", status=422, **{"Accept-Language": "de"}
    )
    assert "Wert" not in json.dumps(problem)


# Writes Wagtail 8.0.1 would answer with a 500 (found by schemathesis): a problem instead,
# with the status that says what is wrong (403: the moderator may not move a page there).

BAD_WRITES = [
    ("patch", "pages/{page}/", {"body": [{}]}, 422),
    ("patch", "pages/{page}/", {"body": {"type": "paragraph"}}, 422),
    ("patch", "pages/{page}/", {"body": [{"type": "image", "value": {"image": "abc"}}]}, 422),
    ("patch", "pages/{page}/", {"body": [{"type": "heading", "value": {"text": ["x"]}}]}, 422),
    ("patch", "pages/null/", {"title": "x"}, 422),
    ("patch", "pages/99999999999999999999/", {"title": "x"}, 404),
    ("post", "pages/{page}/actions/move/", {"destination_id": "{root}"}, 403),
    ("post", "pages/{page}/actions/move/", {"destination_id": 99999999999999}, 422),
    ("post", "pages/{page}/actions/move/", {"destination_id": 1e20}, 422),
    ("post", "pages/{page}/actions/move/", {"destination_id": "{root}.0"}, 403),
    ("post", "pages/{page}/actions/move/", {"destination_id": " {root}"}, 403),
    ("post", "pages/{root}/actions/copy/", {}, 403),
    ("post", "pages/", [1, 2], 422),
    ("post", "pages/", None, 422),
    ("patch", "pages/{page}/", None, 422),
    ("post", "pages/{page}/actions/move/", {"destination_id": "somewhere"}, 422),
    ("patch", "pages/{page}/", {"intro": "NUL \u0000 inside"}, 422),
]


@pytest.mark.parametrize(("method", "url", "body", "status"), BAD_WRITES)
def test_bad_writes_answer_with_a_problem(client, moderator_token, method, url, body, status):
    ids = {"page": page_in("de", NetworkPage, "befan").pk, "root": Page.get_first_root_node().pk}
    url = url.format(**ids)
    body = json.loads(
        json.dumps(body)
        .replace('"{root}"', str(ids["root"]))
        .replace('"{root}.0"', f"{ids['root']}.0")
        .replace("{root}", str(ids["root"]))
    )
    response = getattr(client, method)(
        f"{API}/{url}",
        json.dumps(body),
        content_type="application/json",
        headers=bearer(moderator_token),
    )
    assert response.status_code == status, (url, body, response.content[:300])
    assert response["Content-Type"] == PROBLEM
    assert response.json()["detail"]
    assert page_in("de", NetworkPage, "befan").get_parent().slug == "fachvernetzung"


def test_alias_pages_are_changed_through_their_original(client, moderator_token):
    original = page_in("de", NetworkPage, "befan")
    alias = original.create_alias(update_slug="befan-alias")
    response = client.post(
        f"{API}/pages/{alias.pk}/actions/publish/", headers=bearer(moderator_token)
    )
    assert response.status_code == 422
    assert f"alias of page {original.pk}" in response.json()["detail"]


def test_bad_filters_of_token_reads_answer_with_a_problem(client, moderator_token):
    page = page_in("de", NetworkPage, "befan")
    for query in (
        "approved_go_live_at_to=9184-01-13T19:54:23-20:56",
        "user_id=__main__",
        "object_str=a%00b",
    ):
        response = client.get(
            f"{API}/pages/{page.pk}/revisions/?{query}", headers=bearer(moderator_token)
        )
        assert response.status_code == 422, (query, response.status_code)
        assert response["Content-Type"] == PROBLEM
    revisions = client.get(f"{API}/pages/{page.pk}/revisions/", headers=bearer(moderator_token))
    assert revisions.status_code == 200
