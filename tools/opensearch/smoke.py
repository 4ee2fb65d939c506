# ruff: noqa: T201  (a command-line script: it reports with print)
"""Smoke test for the local OpenSearch node (tools/opensearch).

Usage (node must be running, e.g. tools/opensearch/start-background.sh):

    .venv/bin/python tools/opensearch/smoke.py            # client-level checks
    .venv/bin/python tools/opensearch/smoke.py --wagtail  # + Wagtail opensearch2 backend
    WAGTAIL_OPENSEARCH_BACKEND=opensearch3 ... --wagtail  # with opensearch-py 3.x

Needs the ``opensearch-py`` client (2.x for Wagtail's opensearch2 backend). The --wagtail part
migrates a throw-away SQLite database (DATABASE_URL is set to a temp file unless given), indexes
one page through ``wagtail.search.backends.opensearch2`` and searches it; it removes its indices.
Honours OPENSEARCH_HOST / OPENSEARCH_PORT (default 127.0.0.1:9201).
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from opensearchpy import OpenSearch

HOST = os.environ.get("OPENSEARCH_HOST", "127.0.0.1")
PORT = int(os.environ.get("OPENSEARCH_PORT", "9201"))
URL = f"http://{HOST}:{PORT}"
# opensearch2 needs opensearch-py 2.x; opensearch3 needs opensearch-py 3.x.
BACKEND = os.environ.get("WAGTAIL_OPENSEARCH_BACKEND", "opensearch2")

# analyzer -> (text, expected tokens)
ANALYZERS = {
    "german": ("Netzwerke Beratungen", ["netzwerk", "beratung"]),
    "english": ("networks consulting", ["network", "consult"]),
    "spanish": ("redes asesoramientos", ["red", "asesoramient"]),
    "italian": ("reti consulenze", ["reti", "consulenz"]),
    "turkish": ("kitaplar danışmanlar", ["kitap", "danışman"]),
    "arabic": ("الشبكات", ["شبك"]),
}


def check(cond, msg):
    if not cond:
        print(f"FAIL: {msg}")
        sys.exit(1)
    print(f"ok: {msg}")


def client_checks():
    es = OpenSearch(hosts=[{"host": HOST, "port": PORT}], timeout=30)
    check(es.ping(), f"ping {URL}")
    version = es.info()["version"]
    check(
        version["distribution"] == "opensearch",
        f"info: opensearch {version['number']} (lucene {version['lucene_version']})",
    )
    health = es.cluster.health(wait_for_status="yellow")
    check(health["status"] in ("green", "yellow"), f"cluster health {health['status']}")

    for analyzer, (text, expected) in ANALYZERS.items():
        tokens = [
            t["token"]
            for t in es.indices.analyze(body={"analyzer": analyzer, "text": text})["tokens"]
        ]
        check(tokens == expected, f"analyzer {analyzer}: {text!r} -> {tokens}")

    index = f"smoke-test-{os.getpid()}"
    try:
        es.indices.create(
            index=index,
            body={
                "settings": {"number_of_shards": 1, "number_of_replicas": 0},
                "mappings": {"properties": {"title": {"type": "text", "analyzer": "german"}}},
            },
        )
        es.index(index=index, id="1", body={"title": "Netzwerke und Beratungen"}, refresh=True)
        hits = es.search(index=index, body={"query": {"match": {"title": "Netzwerk Beratung"}}})[
            "hits"
        ]
        check(hits["total"]["value"] == 1, "index a document and find it by its stems")
    finally:
        es.indices.delete(index=index, ignore_unavailable=True)


def wagtail_checks():
    repo = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(repo))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migraup.settings.test")
    tmp = None
    if "DATABASE_URL" not in os.environ:
        tmp = tempfile.mkdtemp(prefix="os-smoke-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/db.sqlite3"

    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    t = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"ok: migrated throw-away database in {time.monotonic() - t:.1f}s")

    root = Page.get_first_root_node()
    page = root.add_child(
        instance=Page(title="Netzwerke und Beratungen", slug=f"smoke-{os.getpid()}")
    )

    prefix = f"smoke{os.getpid()}_"
    backend = get_search_backend(
        f"wagtail.search.backends.{BACKEND}", URLS=[URL], INDEX_PREFIX=prefix
    )
    try:
        check(backend.es.ping(), f"wagtail {BACKEND} backend: client ping")
        index = backend.get_index_for_model(Page)
        index.reset()
        index.add_model(Page)
        backend.add(page)
        backend.add_bulk(Page, list(Page.objects.filter(depth__lte=1)))
        index.refresh()
        results = list(backend.search("Netzwerke", Page))
        check(page in results, f"wagtail {BACKEND} backend: indexed page found ({results})")
        results = list(backend.autocomplete("Netzw", Page))
        check(page in results, f"wagtail {BACKEND} backend: autocomplete finds page")
    finally:
        backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    client_checks()
    if "--wagtail" in sys.argv[1:]:
        wagtail_checks()
    print("smoke test passed")
