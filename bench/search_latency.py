"""Search latency on scaled-up content, per backend.

    .venv/bin/python bench/search_latency.py [--pages 5000] [--documents 500] [--queries 200]

Builds a throw-away database (SQLite in a temporary folder, or BENCH_DATABASE_URL, which must
point to an empty PostgreSQL database), loads the demo content, adds generated pages and PDF
materials written from the demo texts' words, and times the search page (the whole request,
as a reader gets it) for a fixed set of queries, each once and none from the page cache. With
SEARCH_URL set, the pages are indexed into OpenSearch too and both backends are timed. Prints
p50/p95 per backend.
"""

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def configure() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="migraup-bench-"))
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}"
    )
    os.environ["MEDIA_ROOT"] = str(scratch / "media")
    # A throw-away page cache too (the file cache; REDIS_URL would still take precedence).
    os.environ["CACHE_DIR"] = str(scratch / "cache")
    os.environ["SEARCH_INDEX_PREFIX"] = "migraup_bench_"
    os.environ["DJANGO_SETTINGS_MODULE"] = "migraup.settings.dev"
    # Connections kept between searches, as gunicorn's threads keep theirs in production.
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    os.environ.setdefault("LOG_LEVEL_WAGTAIL", "ERROR")
    os.environ.setdefault("LOG_LEVEL_REQUESTS", "WARNING")
    import django

    django.setup()


def pdf_with(lines: list[str]) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number, line in enumerate(lines):
        pdf.drawString(40, 800 - 14 * (number % 55), line)
        if number % 55 == 54:
            pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def build(pages: int, documents: int, rng: random.Random) -> list[str]:
    """The demo content and the generated pages; returns the words they are written from."""
    from django.core.management import call_command

    from search.vocabulary import record_all_words

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())
    vocabulary = add_generated_content(pages, documents, rng)
    # What publishing records for each page (its words, the text results quote), as
    # update_index does for pages created without publishing, like these.
    record_all_words()
    return vocabulary


def add_generated_content(pages: int, documents: int, rng: random.Random) -> list[str]:
    """Pages (archive entries and standard pages) and PDF materials written from the German
    demo texts' words, beside the demo content; returns those words."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from archive.models import ArchiveEntryPage, ArchiveIndexPage
    from core.models import StandardPage
    from home.models import HomePage
    from materials.models import MaterialFile, MaterialIndexPage, MaterialPage
    from multilingual.stemming import searchable_text, words

    german = [p.specific for p in Page.objects.filter(locale__language_code="de", depth__gt=1)]
    vocabulary = sorted({w for p in german for w in words(searchable_text(p), "de") if len(w) > 3})

    def text(count: int) -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(count)).capitalize() + "."

    home = HomePage.objects.get(locale__language_code="de")
    archive = ArchiveIndexPage.objects.get(locale__language_code="de")
    materials = MaterialIndexPage.objects.get(locale__language_code="de")
    started = time.perf_counter()
    for number in range(pages):
        if number % 2:
            page = ArchiveEntryPage(title=text(4), year=rng.randint(2015, 2025), intro=text(30))
            parent = archive
        else:
            page = StandardPage(title=text(4), intro=text(30))
            parent = home
        page.slug = f"generiert-{number}"
        page.body = [("paragraph", f"<p>{text(120)}</p>")]
        parent.add_child(instance=page)
    for number in range(documents):
        document = get_document_model().objects.create(
            title=f"Handreichung {number}",
            file=ContentFile(pdf_with([text(12) for _ in range(40)]), f"handreichung-{number}.pdf"),
        )
        material = MaterialPage(
            title=f"Handreichung {number}: {text(3)}",
            slug=f"handreichung-{number}",
            intro=text(20),
            files=[MaterialFile(language="de", document=document)],
        )
        materials.add_child(instance=material)
    print(
        f"built {pages} pages and {documents} PDF materials "
        f"(with indexing) in {time.perf_counter() - started:.0f} s"
    )
    return vocabulary


def time_searches(queries: list[str], language: str = "de") -> list[float]:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    timings = []
    for query in queries:
        started = time.perf_counter()
        response = client.get(f"/{language}/search/", {"q": query})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (query, response.status_code)
    return timings


def report(name: str, timings: list[float]) -> None:
    cuts = statistics.quantiles(timings, n=100)
    print(
        f"{name:<34} {len(timings):>4} queries  p50 {cuts[49]:7.1f} ms  "
        f"p95 {cuts[94]:7.1f} ms  max {max(timings):7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    configure()

    from django.conf import settings
    from django.db import connection
    from django.test import override_settings

    from delivery.cache import purge

    rng = random.Random(2015)
    vocabulary = build(args.pages, args.documents, rng)
    if connection.vendor == "postgresql":
        # As after any bulk load, and as autovacuum does soon after on a live site: the
        # planner's statistics (the text vectors' words among them) describe the new rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # One and two words, a few with other endings (stems) and a miss. Each is timed once,
    # and the warm-up uses other words: a repeated address is answered by the page cache.
    queries = [
        rng.choice(vocabulary) if n % 3 else f"{rng.choice(vocabulary)} {rng.choice(vocabulary)}"
        for n in range(args.queries)
    ]
    queries += ["Netzwerke", "Beratungen", "Handreichungen", "Quasselstrippe"]
    queries = list(dict.fromkeys(queries))
    warm_up = [word for word in rng.sample(vocabulary, 20) if word not in queries][:10]

    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    backends = {"database backend": settings.DATABASE_SEARCH}
    if settings.SEARCH_URL:
        backends["opensearch backend"] = settings.WAGTAILSEARCH_BACKENDS["default"]
    for name, backend in backends.items():
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
            purge()  # else the pages cached under the previous backend answer this one
            # English readers: the generated pages exist only in German, so they are the
            # hits "in other languages" below the English results (a second search).
            for language, label in (("de", ""), ("en", ", /en/")):
                time_searches(warm_up, language)  # warm-up: connections, menus, stems
                report(f"{name} ({database}){label}", time_searches(queries, language))


if __name__ == "__main__":
    main()
