"""The Content-Security-Policy of every response (static files get the same from
operations.static; README, "Running in production"), and the page of a locked-out login.
Django's SecurityMiddleware sets nosniff, HSTS, the Referrer-Policy and the
Cross-Origin-Opener-Policy;
django-permissions-policy the Permissions-Policy (PERMISSIONS_POLICY in settings).

The Content-Security-Policy comes from django-csp, configured in settings
(CONTENT_SECURITY_POLICY). The public site, the API and its docs run under the strict
policy: scripts only from the site itself or with the response's nonce, no inline styles.
Wagtail's admin renders inline scripts and style attributes of its own (choosers, date
widgets, inline panels; upstream work on this is open), so under /admin/, where editors
work signed in, the policy allows those and keeps everything else: no other origins, no
plugins, no framing by other sites.

A preview is the public page rendered for the admin's preview panel: Wagtail runs a
"dummy" request with the page's own path through the middleware, so it would carry the
public site's `frame-ancestors 'none'` (and `X-Frame-Options: DENY`), and the browser would
refuse to show it in the panel. Previews keep the public policy, framed by the site itself.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under /admin/."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponse, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            # A nonce in script-src would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
            parts.replace = {
                **(parts.replace or {}),
                "script-src": [SELF, UNSAFE_INLINE],
                "style-src": [SELF, UNSAFE_INLINE],
                # The preview panel frames the admin's own preview view.
                "frame-ancestors": [SELF],
                "frame-src": [SELF],
            }
        elif not report_only and is_preview(request):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        # XFrameOptionsMiddleware (further in, so already run) denies every frame.
        if is_preview(request) and response.get("X-Frame-Options") == "DENY":
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)


def is_preview(request: HttpRequest) -> bool:
    """Wagtail's simulated request of a preview or a moderation view (``is_dummy``)."""
    return getattr(request, "is_dummy", False)


def login_locked(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """django-axes' answer to a locked-out login: the admin's sign-in look, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request, "operations/login_locked.html", {"cooloff_minutes": minutes}, status=429
    )
    response["Retry-After"] = str(minutes * 60)
    return response
