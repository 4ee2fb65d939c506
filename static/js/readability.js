// Readability hints for pages in Einfache Sprache, while the editor types (Wagtail admin).
// The rules are easy_language/readability.py's, line for line; the panel
// (easy_language/admin/readability_panel.html) hands over the numbers and the texts, and a
// test feeds both the same sample texts.
(function () {
    "use strict";

    var RULES = { maxSentenceWords: 15, maxWordLetters: 14, maxAverageWords: 12, quoteWords: 6 };
    // JavaScript's \s, spelled out as in readability.py.
    var WS = "[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
    var SENTENCE_END = new RegExp("(?<=[.!?:;])" + WS);
    var SPACES = new RegExp(WS);
    var WORD_PARTS = /[-\u2010\u2011\u00b7/]/;
    var ADDRESS = /@|:\/\/|^www\./i;
    var ALNUM = /[\p{L}\p{N}]/u;
    var LETTER = /\p{L}/u;

    function isWord(token) {
        return ALNUM.test(token);
    }

    function bare(token) {
        var chars = Array.from(token);
        var start = 0;
        var end = chars.length;
        while (start < end && !ALNUM.test(chars[start])) start += 1;
        while (end > start && !ALNUM.test(chars[end - 1])) end -= 1;
        return chars.slice(start, end).join("");
    }

    function letters(part) {
        return Array.from(part).filter(function (c) { return LETTER.test(c); }).length;
    }

    function isLongWord(token, rules) {
        if (ADDRESS.test(token)) return false;
        return token.split(WORD_PARTS).some(function (part) {
            return letters(part) > rules.maxWordLetters;
        });
    }

    function analyse(text, rules) {
        rules = rules || RULES;
        var result = { sentences: 0, words: 0, average: 0, longSentences: [], longWords: [] };
        text.split("\n").forEach(function (line) {
            line.split(SENTENCE_END).forEach(function (sentence) {
                var words = sentence.split(SPACES).filter(isWord);
                if (!words.length) return;
                result.sentences += 1;
                result.words += words.length;
                if (words.length > rules.maxSentenceWords) {
                    var start = words.slice(0, rules.quoteWords).join(" ");
                    result.longSentences.push({ start: start + " …", words: words.length });
                }
                words.forEach(function (token) {
                    var word = bare(token);
                    if (isLongWord(token, rules) && result.longWords.indexOf(word) === -1) {
                        result.longWords.push(word);
                    }
                });
            });
        });
        result.average = result.sentences ? result.words / result.sentences : 0;
        return result;
    }

    function fill(template, values) {
        return template.replace(/%\((\w+)\)s/g, function (match, name) {
            return name in values ? String(values[name]) : match;
        });
    }

    function hints(result, config, format) {
        var rules = config.rules;
        var texts = config.messages;
        var found = result.longSentences.map(function (s) {
            return fill(texts.longSentence, { count: s.words, limit: rules.maxSentenceWords, start: s.start });
        });
        result.longWords.forEach(function (word) {
            found.push(fill(texts.longWord, { limit: rules.maxWordLetters, word: word }));
        });
        if (result.average > rules.maxAverageWords) {
            found.push(fill(texts.average, { average: format(result.average), limit: rules.maxAverageWords }));
        }
        return found;
    }

    // --- the panel on the edit form -------------------------------------------------------

    // The text of a field as readers get it: one line per input, text area, and paragraph,
    // heading or list item of a rich text (Draftail puts each block in its own element).
    function fieldText(container) {
        var lines = [];
        container.querySelectorAll("input[type=text], textarea, [contenteditable=true]").forEach(
            function (element) {
                if (element.closest("[hidden]")) return;
                if (element.isContentEditable) {
                    var blocks = element.querySelectorAll("[data-block]");
                    if (!blocks.length) blocks = [element];
                    blocks.forEach(function (block) { lines.push(block.textContent); });
                } else if (!element.closest("[contenteditable=true]")) {
                    lines.push(element.value);
                }
            }
        );
        return lines.filter(function (line) { return line.trim(); }).join("\n");
    }

    function formText(form, fields) {
        return fields
            .map(function (name) {
                var container = form.querySelector("[data-contentpath='" + name + "']");
                return container ? fieldText(container) : "";
            })
            .filter(Boolean)
            .join("\n");
    }

    function enhance(panel) {
        var config = JSON.parse(panel.getAttribute("data-readability"));
        var form = panel.closest("form");
        if (!form) return;
        var summary = panel.querySelector("[data-readability-summary]");
        var list = panel.querySelector("[data-readability-hints]");
        var ok = panel.querySelector("[data-readability-ok]");
        var language = document.documentElement.lang || "de";
        var format = function (number) {
            return number.toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
        };
        var timer = null;

        function update() {
            timer = null;
            var result = analyse(formText(form, config.fields), config.rules);
            var found = hints(result, config, format);
            summary.textContent = fill(config.messages.summary, {
                sentences: result.sentences,
                average: format(result.average),
            });
            list.replaceChildren.apply(
                list,
                found.map(function (text) {
                    var item = document.createElement("li");
                    item.textContent = text;
                    return item;
                })
            );
            ok.hidden = found.length > 0;
            panel.setAttribute("data-readability-updated", "true");
        }

        function schedule() {
            if (timer) clearTimeout(timer);
            timer = setTimeout(update, 250);
        }

        // Typing (inputs and Draftail's contenteditable fire "input"), choosing, and blocks
        // added or removed in the StreamField.
        form.addEventListener("input", schedule);
        form.addEventListener("change", schedule);
        config.fields.forEach(function (name) {
            var container = form.querySelector("[data-contentpath='" + name + "']");
            if (container) new MutationObserver(schedule).observe(container, { childList: true, subtree: true });
        });
        // Once at the start too: the StreamField may have been built before this ran.
        schedule();
    }

    window.migraupReadability = { RULES: RULES, analyse: analyse };

    function start() {
        document.querySelectorAll("[data-readability]").forEach(enhance);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
