/*
 * "Copy citation" buttons of the facts and capacity pages.
 * Progressive: every citation is plain text in the page, selectable without this
 * script; its button is `hidden` in the HTML and shown only when the reader opens the
 * citation's <details> (this script is what shows it). A click writes the day of the
 * copy into the citation's "accessed" date, then copies the text.
 * Nothing runs at load beyond attaching two listeners on the document.
 * A file, not an inline script, for the Content-Security-Policy.
 */
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // The date as the site writes it: "2 décembre 2026", "1er décembre 2026", "2 December 2026".
  function spelledDate(day, lang) {
    var month = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { month: "long" }).format(day);
    var number = day.getDate() + (lang === "fr" && day.getDate() === 1 ? "er" : "");
    return number + " " + month + " " + day.getFullYear();
  }

  function showButtons(details) {
    var buttons = details.querySelectorAll("button.cia-citation__copy[hidden]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  }

  function copy(button) {
    var quote = button.closest(".cia-citation");
    var text = quote && quote.querySelector(".cia-citation__text");
    if (!text) return;
    var accessed = text.querySelector("time.cia-citation__accessed");
    if (accessed) {
      var today = new Date();
      var lang = (document.documentElement.lang || "en").slice(0, 2);
      accessed.textContent = spelledDate(today, lang);
      accessed.setAttribute("datetime", today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate()));
    }
    var citation = text.textContent.replace(/[ \t\r\n]+/g, " ").trim();
    var done = function () {
      button.textContent = button.getAttribute("data-copied");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(citation).then(done, function () { select(text); });
    } else {
      select(text);
    }
  }

  // Without clipboard access the text is selected, ready for Ctrl+C.
  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // "toggle" does not bubble: listen in the capture phase, once for the whole page.
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details && details.open && details.querySelector) showButtons(details);
  }, true);
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("button.cia-citation__copy") : null;
    if (button) copy(button);
  });
})();
