"""Print the scores of the Lighthouse reports in a folder; fail below the threshold.

    .venv/bin/python tools/lighthouse/scores.py build/lighthouse [--min 95]

Reads every ``*.report.json`` (tools/lighthouse/run.sh writes them), groups the runs by
URL and form factor, and keeps the run with the median performance score: performance
varies from run to run with the machine's load, the other categories do not. Prints one
line per URL and form factor with the four scores (0–100), then, for every category below
the threshold, the audits that cost it points. Exits 1 when any score is below the
threshold (``--min``, default ``$LIGHTHOUSE_MIN`` or 95), 2 when there are no reports.
"""

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}


@dataclass
class Run:
    """One Lighthouse report: what was measured and the scores it gave."""

    url: str
    form_factor: str
    path: Path
    report: dict[str, Any]

    def score(self, category: str) -> int | None:
        """The category's score as 0–100, None when Lighthouse could not compute it."""
        if self.report.get("runtimeError"):
            return None
        value = self.report["categories"].get(category, {}).get("score")
        return None if value is None else round(value * 100)


def load_runs(folder: Path) -> list[Run]:
    """Every report in the folder, in file name order."""
    runs = []
    for path in sorted(folder.glob("*.report.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        runs.append(
            Run(
                url=report["requestedUrl"],
                form_factor=report["configSettings"]["formFactor"],
                path=path,
                report=report,
            )
        )
    return runs


def median_runs(runs: list[Run]) -> list[Run]:
    """Per URL and form factor, the run with the median performance score (of an even
    number of runs, the lower middle one)."""
    groups: dict[tuple[str, str], list[Run]] = defaultdict(list)
    for run in runs:
        groups[(run.url, run.form_factor)].append(run)
    chosen = []
    for group in groups.values():
        group.sort(key=lambda run: run.score("performance") or 0)
        chosen.append(group[(len(group) - 1) // 2])
    return chosen


def costly_audits(report: dict[str, Any], category: str) -> list[dict[str, Any]]:
    """The audits of a category that lost points: weighted ones below a full score, most
    expensive first; for performance also the opportunities and insights that failed
    (they carry no weight but say why the metrics are slow)."""
    audits = report["audits"]
    refs = report["categories"][category]["auditRefs"]
    weighted = [
        (ref["weight"] * (1 - audits[ref["id"]]["score"]), audits[ref["id"]])
        for ref in refs
        if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None
    ]
    found = [audit for lost, audit in sorted(weighted, key=lambda item: -item[0]) if lost > 0]
    if category == "performance":
        found += [
            audits[ref["id"]]
            for ref in refs
            if ref["weight"] == 0
            and audits[ref["id"]].get("scoreDisplayMode") in {"metricSavings", "numeric", "binary"}
            and audits[ref["id"]]["score"] is not None
            and audits[ref["id"]]["score"] < 0.5
        ]
    return found


def format_score(value: int | None) -> str:
    return "  —" if value is None else f"{value:3d}"


def print_table(runs: list[Run], minimum: int, out: Any = sys.stdout) -> bool:
    """Print the table and the costly audits; True when every score meets the minimum."""
    width = max(len(run.url) for run in runs)
    header = f"{'URL':<{width}}  {'form':<7}  " + "  ".join(f"{SHORT[c]:>4}" for c in CATEGORIES)
    print(header, file=out)
    print("-" * len(header), file=out)
    passed = True
    details = []
    for run in sorted(runs, key=lambda run: (run.url, run.form_factor != "mobile")):
        scores = {category: run.score(category) for category in CATEGORIES}
        marks = []
        for category, value in scores.items():
            low = value is None or value < minimum
            marks.append(f"{format_score(value)}{'!' if low else ' '}")
            if low:
                passed = False
                details.append((run, category, value))
        skipped = run.report["configSettings"].get("skipAudits") or []
        note = f"  (skipped: {', '.join(skipped)})" if skipped else ""
        print(f"{run.url:<{width}}  {run.form_factor:<7}  " + "  ".join(marks) + note, file=out)
    print(f"(the run with the median performance score of each row; ! = below {minimum})", file=out)
    for run, category, value in details:
        print(
            f"\n{run.url} ({run.form_factor}) {category} {format_score(value).strip()} "
            f"— {run.path.with_suffix('').with_suffix('.html')}",
            file=out,
        )
        error = run.report.get("runtimeError")
        if error:
            print(f"  Lighthouse failed: {error.get('code')}: {error.get('message')}", file=out)
            continue
        for audit in costly_audits(run.report, category):
            score = audit["score"]
            shown = audit.get("displayValue", "")
            print(f"  {audit['id']}: {audit['title']} — score {score:.2f} {shown}", file=out)
    return passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("build/lighthouse"))
    parser.add_argument("--min", type=int, default=int(os.environ.get("LIGHTHOUSE_MIN", "95")))
    args = parser.parse_args(argv)
    runs = load_runs(args.folder)
    if not runs:
        sys.stderr.write(f"no Lighthouse reports in {args.folder}\n")
        return 2
    return 0 if print_table(median_runs(runs), args.min) else 1


if __name__ == "__main__":
    sys.exit(main())
