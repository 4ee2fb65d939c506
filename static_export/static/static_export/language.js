// The static copy's root page (static_export): the live site sends "/" to the reader's
// language (Accept-Language), German when none matches; a static host cannot, so this does.
(function () {
    var links = document.querySelectorAll("a[hreflang]");
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
        var code = String(wanted[i]).toLowerCase().split("-")[0];
        for (var j = 0; j < links.length; j++) {
            if (links[j].getAttribute("hreflang") === code) {
                location.replace(links[j].href);
                return;
            }
        }
    }
    var fallback = document.querySelector("a[data-default]");
    if (fallback) location.replace(fallback.href);
})();
