// Progressive enhancement: on small screens the main menu collapses behind a button.
// Without JavaScript the menu is simply always visible.
(function () {
    var nav = document.querySelector("[data-nav]");
    var toggle = nav && nav.querySelector("[data-nav-toggle]");
    if (!toggle) return;
    nav.classList.add("is-enhanced");
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("is-open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && nav.classList.contains("is-open")) {
            nav.classList.remove("is-open");
            toggle.setAttribute("aria-expanded", "false");
            toggle.focus();
        }
    });
})();
