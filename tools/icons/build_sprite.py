"""Writes static/img/icons.svg, the site's icon sprite, from the Lucide icons that
core/icons.py names (npm package lucide-static in tools/browser-checks/node_modules).

    .venv/bin/python tools/icons/build_sprite.py          # write the sprite
    .venv/bin/python tools/icons/build_sprite.py --check  # exit 1 if it is out of date

Each icon becomes a <symbol id="KEY"> with Lucide's viewBox and stroke settings, so that
`<svg><use href="icons.svg#KEY"></svg>` draws it in the text's colour (currentColor).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.icons import ICONS  # noqa: E402 (after the path is set)

LUCIDE = ROOT / "tools/browser-checks/node_modules/lucide-static"
SPRITE = ROOT / "static/img/icons.svg"
SVG = "http://www.w3.org/2000/svg"
# What a symbol keeps of each icon's root element: the drawing style, not its size or class.
KEPT = ("viewBox", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin")


def symbol(key: str, name: str) -> str:
    root = ET.parse(LUCIDE / "icons" / f"{name}.svg").getroot()
    attributes = " ".join(f'{a}="{root.get(a)}"' for a in KEPT if root.get(a))
    shapes = []
    for child in root:
        tag = child.tag.removeprefix(f"{{{SVG}}}")
        shape = " ".join(f'{a}="{v}"' for a, v in child.attrib.items())
        shapes.append(f"<{tag} {shape}/>")
    return f'<symbol id="{key}" {attributes}>{"".join(shapes)}</symbol>'


def sprite() -> str:
    version = json.loads((LUCIDE / "package.json").read_text())["version"]
    symbols = "\n".join(symbol(key, name) for key, name in ICONS.items())
    return (
        f"<!-- Lucide icons v{version} (ISC licence, https://lucide.dev), "
        "built by tools/icons/build_sprite.py from core/icons.py -->\n"
        f'<svg xmlns="{SVG}">\n{symbols}\n</svg>\n'
    )


def main() -> int:
    if not LUCIDE.exists():
        print(f"{LUCIDE} is missing: run `make checks-tools`", file=sys.stderr)
        return 2
    text = sprite()
    if "--check" in sys.argv:
        if SPRITE.read_text() != text:
            print(f"{SPRITE} is out of date: run tools/icons/build_sprite.py", file=sys.stderr)
            return 1
        return 0
    SPRITE.write_text(text)
    print(f"wrote {SPRITE} ({len(text)} bytes, {len(ICONS)} icons)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
