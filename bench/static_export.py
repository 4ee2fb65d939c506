"""Time and size of the static archive: the demo content, then scaled up.

    .venv/bin/python bench/static_export.py [--pages 5000] [--documents 500]

Builds a throw-away database as bench/search_latency.py does (with its functions: SQLite
in a temporary folder, or BENCH_DATABASE_URL), exports the demo content, adds the
generated pages and PDF materials and exports again. For each export it prints the time
(rendering the pages, copying the files, Pagefind) and the size (everything, and of that
the Pagefind index). Needs Pagefind (`make checks-tools`).
"""

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from search_latency import add_generated_content, build, configure


def export(name: str) -> None:
    from static_export.exporter import StaticSiteExporter

    with tempfile.TemporaryDirectory(prefix="migraup-static-") as scratch:
        report = StaticSiteExporter(
            Path(scratch) / "site", base_url="https://archiv.example.org/migraup/"
        ).export()
        rendered = sum(report.pages.values()) + report.filter_pages + report.search_pages
        print(f"{name}:")
        for line in report.summary().splitlines():
            print(f"  {line}")
        print(f"  {rendered / report.seconds['pages']:.0f} pages rendered per second")
        for problem in report.problems():
            print(f"  problem: {problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=500)
    args = parser.parse_args()
    # The page cache of this run only: the developer's must not answer for another database.
    os.environ["CACHE_DIR"] = tempfile.mkdtemp(prefix="migraup-bench-cache-")
    configure()

    rng = random.Random(2015)
    started = time.perf_counter()
    build(0, 0, rng)
    print(f"demo content loaded in {time.perf_counter() - started:.0f} s")
    export("demo content")
    add_generated_content(args.pages, args.documents, rng)
    export(f"demo content + {args.pages} pages + {args.documents} PDF materials")


if __name__ == "__main__":
    main()
