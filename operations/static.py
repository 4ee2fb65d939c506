"""Static files, answered first and at next to no cost (README, "Running in production").

In production, migraup/wsgi.py answers /static/ before Django (``serve_static_files``);
where Django runs without it (runserver, the test client), StaticFilesMiddleware, first in
MIDDLEWARE, serves the same files. Either way the request log, gzip, the security
middlewares and the rest would only add time to a file that never changes. The
headers those middlewares give every answer (the Content-Security-Policy, nosniff, the
Referrer-, Permissions- and Cross-Origin-Opener-Policy, HSTS) are built once from the same
settings, and whitenoise stores them with each file when it starts.
"""

from functools import cache

from csp.utils import build_policy
from django.conf import settings
from django_permissions_policy import PermissionsPolicyMiddleware
from whitenoise.base import WhiteNoise
from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.storage import CompressedManifestStaticFilesStorage
from whitenoise.string_utils import decode_path_info


@cache
def static_headers() -> dict[str, str]:
    """The headers every static file carries: the public site's, without a nonce (a file
    has no inline script)."""
    headers = {
        "Content-Security-Policy": build_policy(),
        "Permissions-Policy": PermissionsPolicyMiddleware.compute_header_value(
            settings.PERMISSIONS_POLICY, name="PERMISSIONS_POLICY"
        ),
    }
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers["X-Content-Type-Options"] = "nosniff"
    if settings.SECURE_REFERRER_POLICY:
        headers["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    if settings.SECURE_HSTS_SECONDS:
        # Browsers take HSTS from https answers only; over plain http it is ignored.
        hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            hsts += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            hsts += "; preload"
        headers["Strict-Transport-Security"] = hsts
    return headers


def add_static_headers(headers, path: str, url: str) -> None:
    """whitenoise's add_headers_function: called once per file when it starts."""
    for name, value in static_headers().items():
        headers[name] = value


class _WithStaticHeaders:
    """The settings, with add_static_headers as WHITENOISE_ADD_HEADERS_FUNCTION: whitenoise
    reads it while it starts (and stores the files' headers then)."""

    WHITENOISE_ADD_HEADERS_FUNCTION = staticmethod(add_static_headers)

    def __init__(self, wrapped) -> None:
        self._wrapped = wrapped

    def __getattr__(self, name: str):
        return getattr(self._wrapped, name)


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """whitenoise, first in MIDDLEWARE, with the site's headers on every file."""

    def __init__(self, get_response=None, settings=settings) -> None:
        super().__init__(get_response, settings=_WithStaticHeaders(settings))


def serve_static_files(application):
    """The WSGI application, with /static/ answered before Django: no request object, no
    request signals (each would check the database connection), no middleware. The same
    files and headers as StaticFilesMiddleware, which serves them where Django runs without
    this wrapper (runserver, the test client)."""
    files = StaticFilesMiddleware()

    def wsgi(environ, start_response):
        path = decode_path_info(environ.get("PATH_INFO", ""))
        static_file = files.find_file(path) if files.autorefresh else files.files.get(path)
        if static_file is None:
            return application(environ, start_response)
        return WhiteNoise.serve(static_file, environ, start_response)

    return wsgi


class ManifestStaticStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's storage of hashed, compressed files, each file's URL remembered.

    Every page asks for the same dozen URLs (its stylesheets, scripts and the icon sprite,
    once per icon), and each is a lookup in the manifest and a quoted URL. The manifest
    does not change while a process runs: collectstatic writes it before the server
    starts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}  # threads may write a URL twice: the same one

    def url(self, name: str | None, force: bool = False) -> str:
        if force or name is None:
            return super().url(name, force)
        found = self._urls.get(name)
        if found is None:
            found = self._urls[name] = super().url(name)
        return found
