// Progressive enhancement of the header. Without JavaScript the menu is always visible and
// the language picker (a <details>) opens and closes by itself.
(function () {
    var header = document.querySelector("[data-nav]");
    var toggle = header && header.querySelector("[data-nav-toggle]");
    var picker = document.querySelector("[data-language-picker]");

    function closeMenu() {
        if (!toggle || !header.classList.contains("is-open")) return false;
        header.classList.remove("is-open");
        toggle.setAttribute("aria-expanded", "false");
        return true;
    }
    function closePicker() {
        if (!picker || !picker.open) return false;
        picker.open = false;
        return true;
    }

    // On small screens the main menu collapses behind a button.
    if (toggle) {
        header.classList.add("is-enhanced");
        toggle.hidden = false;
        toggle.addEventListener("click", function () {
            var open = header.classList.toggle("is-open");
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
            if (open) closePicker();
        });
    }
    if (picker) {
        // One panel at a time, and a click elsewhere closes the picker.
        picker.addEventListener("toggle", function () {
            if (picker.open) closeMenu();
        });
        document.addEventListener("click", function (event) {
            if (picker.open && !picker.contains(event.target)) closePicker();
        });
    }
    // Escape closes what is open and returns the focus to the control that opened it.
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        if (closePicker()) picker.querySelector("summary").focus();
        else if (closeMenu()) toggle.focus();
    });
})();
