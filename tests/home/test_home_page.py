"""The home page puts first who migraUp! Pankow was and what readers come for (issue 19)."""

import pytest
from bs4 import BeautifulSoup

from tests import page_types

pytestmark = pytest.mark.django_db

# The sections the home page offers, in its order.
TASKS = ["project-index", "contact", "material-index", "network-index", "archive-index"]


@pytest.mark.parametrize("language", page_types.LANGUAGES)
def test_home_page_offers_the_readers_tasks_in_their_language(client, language):
    soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    main = soup.select_one("main")
    links = main.select(".tasks .task__link")
    assert [a["href"] for a in links] == [page_types.url_of(name, language) for name in TASKS]
    for link, name in zip(links, TASKS, strict=True):
        # The section's own (translated) title, and what the reader finds there.
        title = link.select_one(".task__title").get_text(strip=True)
        assert title == page_types.page_of(name, language).title
        assert link.select_one(".task__description").get_text(strip=True)
    # The tasks come before the farewell, and the page says the project has ended.
    text = main.get_text(" ", strip=True)
    assert text.index(links[0].get_text(" ", strip=True)) < text.index(
        main.select_one(".farewell h2").get_text(" ", strip=True)
    )
    status = main.select_one(".home-hero__status").get_text()
    assert "2015" in status and "2025" in status
    # Translated, not the English source text.
    assert language == "en" or "The project ended" not in status


def test_an_unpublished_section_is_not_offered(client):
    archive = page_types.page_of("archive-index", "es")
    url = archive.url
    archive.unpublish()
    soup = BeautifulSoup(client.get("/es/").content, "html.parser")
    hrefs = [a["href"] for a in soup.select(".tasks .task__link")]
    assert url not in hrefs and len(hrefs) == len(TASKS) - 1
