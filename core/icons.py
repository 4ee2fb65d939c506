"""The site's pictograms: Lucide icons (ISC licence, npm package lucide-static, installed with
the other front-end tools in tools/browser-checks), served from the site itself as one SVG
sprite, static/img/icons.svg, that tools/icons/build_sprite.py writes.

The keys are what an icon means on this site; the values are Lucide's names. Templates use
the keys (`{% icon "phone" %}`), so an icon can be swapped here without touching them.
"""

ICONS: dict[str, str] = {
    # The kinds of content and the main tasks.
    "projects": "briefcase",
    "networks": "network",
    "partners": "handshake",
    "materials": "file-text",
    "archive": "archive",
    "contact": "message-circle",
    "easy-language": "book-open",
    "home": "house",
    "page": "file",
    # Ways to reach a person.
    "phone": "phone",
    "email": "mail",
    "address": "map-pin",
    "person": "user-round",
    "website": "globe",
    # Tools.
    "language": "languages",
    "search": "search",
    "menu": "menu",
    "close": "x",
    "download": "download",
    "arrow": "arrow-right",
    "date": "calendar",
    "done": "circle-check",
    "expand": "chevron-down",
}
