"""The weekly check of external links (issue 24, part 4), against HTTP servers on the
loopback only: what content and documents link to, what answers, what is broken, how politely
it asks, and the worker that runs it."""

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.management import call_command
from reportlab.pdfgen import canvas
from wagtail.documents.models import Document
from wagtail.models import Page

from core.models import StandardPage
from tests.processes import free_port
from upkeep.models import ExternalLink, LinkCheckRun

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    """/ok 200; /missing 404; /no-head refuses HEAD (405) and answers GET; /moved redirects
    to /ok; /slow answers after two seconds."""

    def answer(self) -> None:
        # What was asked and when; when its answer went out is added then (/slow's may come
        # after the checker has given up and finished).
        request = [self.command, self.path, time.monotonic(), None]
        self.server.requests.append(request)
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        else:
            self.send_response(404 if self.path == "/missing" else 200)
        self.send_header("Content-Length", "0")
        # Taken before the answer goes out: the checker cannot ask again before this moment,
        # whereas after it this thread may be overtaken by the next request's.
        request[3] = time.monotonic()
        self.end_headers()

    do_HEAD = do_GET = answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.requests = []
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port nothing listens on: connections are refused."""
    return free_port()


def pdf_linking_to(url: str) -> bytes:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer)
    sheet.drawString(72, 720, "Flyer")
    sheet.linkURL(url, (72, 700, 300, 740))
    sheet.save()
    return buffer.getvalue()


@pytest.fixture
def site_with_links(server, closed_port, settings):
    """One live page and one document, the only ones: the demo site's own links lead to the
    internet, which the tests do not reach."""
    settings.LINK_CHECK_ALLOW_PRIVATE = True
    settings.LINK_CHECK_TIMEOUT = 0.5
    settings.LINK_CHECK_HOST_DELAY = 0
    base = f"http://127.0.0.1:{server.server_port}"
    page = StandardPage.objects.filter(locale__language_code="de").first()
    Page.objects.exclude(pk=page.pk).filter(depth__gt=1).update(live=False)
    Document.objects.all().delete()
    links = "".join(
        f'<a href="{base}{path}">{path}</a> '
        for path in ("/ok", "/missing", "/no-head", "/moved", "/slow")
    )
    page.body = [("paragraph", f'<p>{links}<a href="http://127.0.0.1:{closed_port}/">zu</a></p>')]
    page.save()
    document = Document(title="Flyer mit Link")
    document.file.save("flyer-link.pdf", ContentFile(pdf_linking_to(f"{base}/ok?from=pdf")))
    return base, page, document


def test_the_check_finds_broken_links_in_content_and_documents(site_with_links, closed_port):
    base, page, document = site_with_links
    call_command("check_links", stdout=io.StringIO())
    links = {link.url: link for link in ExternalLink.objects.all()}
    assert {url: (link.broken, link.problem) for url, link in links.items()} == {
        f"{base}/ok": (False, "HTTP 200"),
        f"{base}/missing": (True, "HTTP 404"),
        f"{base}/no-head": (False, "HTTP 200"),  # asked again with GET
        f"{base}/moved": (False, "HTTP 200"),  # followed to /ok
        f"{base}/slow": (True, "timeout"),
        f"http://127.0.0.1:{closed_port}/": (True, "no connection"),
        f"{base}/ok?from=pdf": (False, "HTTP 200"),
    }
    assert list(links[f"{base}/missing"].pages.all()) == [page.page_ptr]
    assert list(links[f"{base}/ok?from=pdf"].documents.all()) == [document]
    run = LinkCheckRun.objects.get()
    assert (run.checked, run.broken, run.finished_at is not None) == (7, 3, True)


def test_a_link_nothing_leads_to_any_more_is_forgotten(site_with_links):
    base, page, _document = site_with_links
    call_command("check_links", stdout=io.StringIO())
    page.body = [("paragraph", f'<p><a href="{base}/ok">ok</a></p>')]
    page.save()
    call_command("check_links", stdout=io.StringIO())
    assert not ExternalLink.objects.filter(url=f"{base}/missing").exists()


def test_one_host_is_asked_one_request_at_a_time_with_a_pause(site_with_links, server, settings):
    settings.LINK_CHECK_HOST_DELAY = 0.3
    call_command("check_links", stdout=io.StringIO())
    asked = sorted(server.requests, key=lambda request: request[2])
    # When the checker was done with each request: the answer, or its timeout (/slow).
    done = [
        min(answered or started + 2, started + settings.LINK_CHECK_TIMEOUT)
        for _method, _path, started, answered in asked
    ]
    assert len(asked) == 9
    # From each request to the next: how long after the one before was done the next was
    # asked, within one address (a GET after a refused HEAD, a redirect's next hop) or
    # starting another.
    within, between = [], []
    for before, end, following in zip(asked, done, asked[1:], strict=False):
        same_address = following[1] == before[1] or (before[1], following[1]) == ("/moved", "/ok")
        (within if same_address else between).append(following[2] - end)
    # Six addresses on this server: three requests go on with an address, five start one.
    assert (len(within), len(between)) == (3, 5), (within, between)
    # One request at a time: none is asked before the one before it is done.
    assert min(within) >= 0, within
    # Within an address the next request follows at once, with no pause.
    assert max(within) < 0.2, within
    # A new address: only after a pause of the host delay, counted from the last answer.
    assert min(between) >= settings.LINK_CHECK_HOST_DELAY - 0.01, between


def test_private_networks_are_not_asked_unless_allowed(site_with_links, server, settings):
    settings.LINK_CHECK_ALLOW_PRIVATE = False
    call_command("check_links", stdout=io.StringIO())
    assert server.requests == []
    link = ExternalLink.objects.get(url__endswith="/missing")
    assert (link.broken, link.error) == (False, "private network address, not checked")


def test_the_worker_checks_weekly_and_editors_see_the_broken_links(
    site_with_links, settings, client, editor
):
    settings.WORKER_JOBS = [("upkeep.linkcheck.run_if_due", 3600)]
    call_command("run_worker", once=True)
    call_command("run_worker", once=True)  # a week has not passed: no second run
    assert LinkCheckRun.objects.count() == 1

    client.force_login(editor)
    report = BeautifulSoup(client.get("/admin/reports/broken-links/").content, "html.parser")
    rows = {row.find("td").get_text(strip=True): row for row in report.select("tbody tr")}
    base, page, _document = site_with_links
    # The three broken ones, the refused connection among them; nothing that answered.
    assert {f"{base}/missing", f"{base}/slow"} < set(rows) and len(rows) == 3
    assert not [url for url in rows if url.startswith(f"{base}/ok")]
    assert (
        rows[f"{base}/missing"].find("a", string=page.title)["href"]
        == f"/admin/pages/{page.pk}/edit/"
    )
    dashboard = client.get("/admin/").content.decode()
    assert "7 externe Links, davon 3 defekt" in dashboard


def test_addresses_are_read_as_readers_follow_them():
    from upkeep.links import addresses_in

    rich_text = '<p>Siehe <a href="https://bezirk.example/suche?a=1&amp;b=2">hier</a>.</p>'
    assert addresses_in(rich_text) == {"https://bezirk.example/suche?a=1&b=2"}
    assert addresses_in("Mehr auf https://müller.example/über. Danke") == {
        "https://müller.example/über"
    }
