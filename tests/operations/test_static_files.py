"""Static files in production are answered by the WSGI application itself, before Django
(operations.static.serve_static_files, used by migraup/wsgi.py): with the site's headers,
and everything else passed on to Django."""

import pytest

from operations.static import serve_static_files, static_headers


@pytest.fixture
def static_root(tmp_path, settings):
    (tmp_path / "site.css").write_text("body { color: black }")
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    return tmp_path


def call(application, path: str) -> tuple[str, dict, bytes]:
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "https",
    }
    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def test_a_static_file_is_answered_before_django_with_the_sites_headers(static_root, settings):
    def django(environ, start_response):
        raise AssertionError("a static file reached Django")

    status, headers, body = call(serve_static_files(django), f"{settings.STATIC_URL}site.css")
    assert status == "200 OK"
    assert body == b"body { color: black }"
    for name, value in static_headers().items():
        assert headers[name] == value
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_everything_else_goes_to_django(static_root, settings):
    def django(environ, start_response):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]

    application = serve_static_files(django)
    assert call(application, "/de/")[2] == b"/de/"
    assert call(application, f"{settings.STATIC_URL}missing.css")[0] == "404 Not Found"
