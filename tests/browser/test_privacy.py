"""Readers' privacy in a real browser: every request a public page makes goes to the site
itself (no fonts, scripts, styles, images or trackers from elsewhere), and anonymous
readers get exactly the cookies the privacy policy declares (legal.cookies), on the pages
it names: the policy's cookie list and what the site does cannot drift apart.
"""

from urllib.parse import urlsplit

import pytest

from legal.cookies import READER_COOKIES
from tests.page_types import ALL, LANGUAGES, expected_status, url_of

pytestmark = [pytest.mark.browser, pytest.mark.output_check]


def declared_cookies(name: str) -> set[str]:
    """The cookies the privacy policy says the page type sets."""
    return {cookie.name for cookie in READER_COOKIES if name in cookie.pages}


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_request_only_the_sites_own_origin_and_set_no_cookies(page, site_url, language):
    origin = urlsplit(site_url)
    requested: list[str] = []
    cookies_set: dict[str, list[str]] = {}
    page.on("request", lambda request: requested.append(request.url))

    def record_cookies(response) -> None:
        header = response.header_value("set-cookie")
        if header:
            names = [line.split("=", 1)[0].strip() for line in header.splitlines()]
            cookies_set.setdefault(urlsplit(response.url).path, []).extend(names)

    page.on("response", record_cookies)
    for name in ALL:
        url = url_of(name, language)
        response = page.goto(url)
        assert response.status == expected_status(name, language), url
        # Pictures below the fold load lazily: scroll, so their requests are counted too.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        assert {cookie["name"] for cookie in page.context.cookies()} == declared_cookies(name), url
        page.context.clear_cookies()

    foreign = [
        url
        for url in requested
        if urlsplit(url).scheme not in ("data", "blob")
        and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)
    ]
    assert foreign == []
    # The pages, their stylesheet, script and icon were all seen (the listener worked).
    assert any(urlsplit(url).path.endswith(".css") for url in requested)
    assert any(urlsplit(url).path.endswith(".js") for url in requested)
    assert cookies_set == {
        urlsplit(url_of(name, language)).path: sorted(declared_cookies(name))
        for name in ALL
        if declared_cookies(name)
    }
    assert cookies_set  # the policy declares the contact form's cookie, and it was seen
