"""Responsive pictures: AVIF and WebP with a PNG or JPEG fallback, in the widths a screen
needs, always with width and height so nothing shifts while they load.

Wagtail's own ``{% picture %}`` offers the same formats, but for an image narrower than a
requested width it repeats the original's width in ``srcset`` (Wagtail never upscales),
which the HTML standard forbids; this tag offers each width once.
"""

from collections.abc import Iterable

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from PIL import features

register = template.Library()

# Best first; the browser takes the first type it supports. AVIF only where Pillow can
# write it (it needs libavif; Pillow's wheels have it).
MODERN_FORMATS = [fmt for fmt in ("avif", "webp") if features.check(fmt)]
MEDIA_TYPES = {"avif": "image/avif", "webp": "image/webp", "png": "image/png", "jpeg": "image/jpeg"}


def available_widths(image, widths: Iterable[int]) -> list[int]:
    """The requested widths the image can fill, plus its own width when it is narrower
    than the largest: Wagtail does not upscale, so larger requests would repeat it."""
    wanted = sorted({int(width) for width in widths})
    usable = [width for width in wanted if width < image.width]
    if not usable or wanted[-1] >= image.width:
        usable.append(min(image.width, wanted[-1]))
    return usable


def fallback_format(image) -> str:
    """PNG for pictures that may have transparency or sharp edges (logos), else JPEG."""
    name = image.file.name.lower()
    return "png" if name.endswith((".png", ".gif", ".webp", ".svg")) else "jpeg"


@register.simple_tag
def responsive_image(
    image,
    width: int = 736,
    alt: str = "",
    loading: str = "lazy",
    css_class: str = "",
    fetchpriority: str = "",
) -> SafeString:
    """``<picture>`` shown at most ``width`` CSS pixels wide (the column's 46rem by default),
    with AVIF and WebP sources at half, single and double density and a fallback ``<img>``.

    ``loading="lazy"`` for pictures below the fold (the default), ``"eager"`` for one a
    reader sees at once; ``alt=""`` marks a picture as decoration.
    """
    if not image:
        return mark_safe("")
    width = int(width)
    shown = min(width, image.width)
    shown_height = round(image.height * shown / image.width)
    widths = available_widths(image, (width // 2, width, width * 2))
    # On phones the picture spans the screen less the container's margins.
    sizes = f"(min-width: {shown + 32}px) {shown}px, calc(100vw - 2rem)"
    formats = [*MODERN_FORMATS, fallback_format(image)]
    specs = {(fmt, w): f"width-{w}|format-{fmt}" for fmt in formats for w in widths}
    # One lookup for all renditions (Wagtail reads them from its cache or in one query).
    renditions = image.get_renditions(*specs.values())

    def srcset(fmt: str) -> str:
        return ", ".join(
            f"{renditions[specs[fmt, w]].url} {renditions[specs[fmt, w]].width}w" for w in widths
        )

    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        ((MEDIA_TYPES[fmt], srcset(fmt), sizes) for fmt in formats[:-1]),
    )
    fallback = min(
        (renditions[specs[formats[-1], w]] for w in widths), key=lambda r: abs(r.width - shown)
    )
    attrs = {
        "src": fallback.url,
        "srcset": srcset(formats[-1]),
        "sizes": sizes,
        "width": shown,
        "height": shown_height,
        "alt": alt,
        "loading": loading,
        "decoding": "async",
        "class": css_class,
        "fetchpriority": fetchpriority,
    }
    img = format_html_join(" ", '{}="{}"', ((k, v) for k, v in attrs.items() if v or k == "alt"))
    return format_html("<picture>{}<img {}></picture>", sources, img)
