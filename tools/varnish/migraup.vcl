# migraUp! Pankow behind Varnish: what is kept, what never is, and how purges work.
# Included by the VCL that tools/varnish/start.sh writes, which declares the app servers as
# the director "apps" and the ACL "purgers" (the app servers' addresses).
#
# - Kept: answers with s-maxage (readers' pages: delivery.cache.share() adds it only for an
#   answer every reader gets, under an address that holds only what the page reads), and
#   /static/ and /media/ by their own Cache-Control. Nothing else, whatever its headers:
#   the admin, previews, forms with a CSRF token, sessions, the API (a token's answers are
#   private; anonymous ones carry an ETag instead) are passed through.
# - A request with a session (a logged-in editor, a password given for a private page) or
#   an Authorization header is passed through; other requests lose their cookies, which no
#   stored page reads (a CSRF cookie matters only to a POST, which is passed with it).
# - Query strings are sorted; an address with parameters the page does not read gets no
#   s-maxage, so random query strings are answered by the app servers (from their page
#   cache) and never stored here.
# - PURGE from a purger bans the path with every query string; with X-Purge-Prefix: 1
#   everything below it too (delivery.frontend_cache). Bans test obj.http.X-Path only, so
#   Varnish's ban lurker clears them in the background.

import std;

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        set req.http.X-Purge-Path = regsub(req.url, "\?.*$", "");
        if (req.http.X-Purge-Prefix == "1") {
            # A prefix as a regular expression: its metacharacters escaped.
            ban("obj.http.X-Path ~ ^" + regsuball(req.http.X-Purge-Path, "([][.*+?^$(){}|\\])", "\\\1"));
        } else {
            ban("obj.http.X-Path == " + req.http.X-Purge-Path);
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    set req.url = std.querysort(req.url);
    set req.url = regsub(req.url, "\?$", "");
    # While an app server is healthy, a page past its time is fetched anew; when none is,
    # readers get the kept page for up to a day rather than an error.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.X-Path = regsub(bereq.url, "\?.*$", "");
    if (bereq.url ~ "^/(static|media)/" && beresp.status == 200 && !beresp.http.Set-Cookie) {
        return (deliver);
    }
    if (beresp.http.Cache-Control !~ "s-maxage=[1-9]" || beresp.http.Set-Cookie
            || beresp.http.Cache-Control ~ "(private|no-store)" || beresp.status != 200) {
        # Passed on and forgotten: no hit-for-miss object either, which random addresses
        # would pile up.
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Path;
    if (obj.uncacheable) {
        set resp.http.X-Shared-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Shared-Cache = "HIT";
    } else {
        set resp.http.X-Shared-Cache = "MISS";
    }
}
