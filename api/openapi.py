"""Corrections and additions to the OpenAPI document Wagtail's API v3 generates.

- Public reads accept a token or none: Wagtail describes "none" as an HTTP security
  scheme without a ``scheme``, which is invalid OpenAPI; an empty requirement says it.
- Every operation may answer a problem description (4XX), which the stock document omits,
  and anonymous reads may answer 304 Not Modified to If-None-Match.
- The pagination limits the API enforces appear as the parameters' bounds.
- /find/ operations answer with a redirect to the object they found.
- Snippet operations that no snippet model of this site supports (revisions and
  publishing: team members have neither) are left out; Wagtail lists them with a path
  parameter that can only be empty.
- Field titles come from the models' verbose names: the document is built in English.

The document is built once per process and URL prefix: building it takes more than half a
second of CPU, which a flood of anonymous requests would otherwise spend on every one.
"""

import json
import threading
from typing import Any

from django.utils import translation
from ninja import NinjaAPI
from ninja.responses import NinjaJSONEncoder
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail

from .guards import MAX_OFFSET

TITLE = "migraUp! Pankow API"
DESCRIPTION = (
    "Projects, networks, partners, materials, the 2015–2025 archive and the team of "
    "migraUp! Pankow in German, English, Spanish, Italian, Turkish and Arabic. "
    "Reading needs no token; creating and updating drafts and publishing need a bearer "
    "token (`manage.py api_tokens`) and the same permissions as in the Wagtail admin. "
    "See docs/api.md."
)
ANONYMOUS = "AllowAnonymous"


def fix_security(schema: dict) -> None:
    schemes = schema.get("components", {}).get("securitySchemes", {})
    schemes.pop(ANONYMOUS, None)
    for operation in operations(schema):
        if "security" in operation:
            operation["security"] = [
                {} if ANONYMOUS in requirement else requirement
                for requirement in operation["security"]
            ]


def add_problem_responses(schema: dict) -> None:
    schema["components"]["schemas"]["ProblemDetail"] = ProblemDetail.model_json_schema()
    problem = {
        "description": "A problem description (RFC 9457)",
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}},
    }
    for method, operation in operations(schema, with_method=True):
        responses = operation.setdefault("responses", {})
        responses.setdefault("4XX", problem)
        if method == "get" and {} in operation.get("security", [{}]):
            responses.setdefault("304", {"description": "Not modified (If-None-Match)"})


def document_redirects(schema: dict) -> None:
    for path, path_item in schema.get("paths", {}).items():
        if path.endswith("/find/"):
            path_item["get"]["responses"].setdefault(
                "302", {"description": "Found: redirects to the object's detail URL"}
            )


def drop_unsupported_operations(schema: dict) -> None:
    paths = schema.get("paths", {})
    for path in list(paths):
        for method in list(paths[path]):
            parameters = paths[path][method].get("parameters", [])
            if any(p["in"] == "path" and p["schema"].get("const") == "" for p in parameters):
                del paths[path][method]
        if not paths[path]:
            del paths[path]


def bound_pagination(schema: dict) -> None:
    from django.conf import settings

    bounds = {"limit": settings.WAGTAILAPI_LIMIT_MAX, "offset": MAX_OFFSET}
    for operation in operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter.get("in") == "query" and parameter.get("name") in bounds:
                parameter.setdefault("schema", {})["maximum"] = bounds[parameter["name"]]


def operations(schema: dict, with_method: bool = False) -> Any:
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            if isinstance(operation, dict) and "responses" in operation:
                yield (method, operation) if with_method else operation


def install_openapi_fixes(api: NinjaAPI) -> None:
    """Wrap the API's schema generation with the corrections above, and keep its result."""
    api.title = TITLE
    api.description = DESCRIPTION
    generate = api.get_openapi_schema
    built: dict[str, str] = {}
    # Held while building, so that simultaneous first requests wait for one build.
    building = threading.Lock()

    def get_openapi_schema(
        *, path_prefix: str | None = None, path_params: dict | None = None
    ) -> dict:
        if path_prefix is None:
            # Where the API is mounted, under the request's script prefix: the only input
            # that varies between requests, and one that readers cannot choose.
            path_prefix = api.get_root_path(path_params or {})
        with building:
            if path_prefix not in built:
                with translation.override("en"):
                    schema = generate(path_prefix=path_prefix)
                    drop_unsupported_operations(schema)
                    fix_security(schema)
                    document_redirects(schema)
                    add_problem_responses(schema)
                    bound_pagination(schema)
                    # As JSON: its translatable titles are resolved here, in English.
                    built[path_prefix] = json.dumps(schema, cls=NinjaJSONEncoder)
        # A new copy for each caller, who may change it: parsing is cheaper than copying.
        return json.loads(built[path_prefix])

    api.get_openapi_schema = get_openapi_schema
