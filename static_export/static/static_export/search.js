// The static copy's search page (static_export): Pagefind's Component UI searches the index
// of the page's language (it reads <html lang>). "?q=" searches at once, as on the live
// search page, so links and the home page's SearchAction keep working.
(function () {
    var components = window.PagefindComponents;
    var query = new URLSearchParams(location.search).get("q");
    if (!components || !query) return;
    components.getInstanceManager().getInstance("default").triggerSearch(query);
})();
