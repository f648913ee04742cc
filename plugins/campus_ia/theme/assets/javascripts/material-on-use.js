/*
 * Campus IA: Material for MkDocs' script (its bundle) loads when the reader first uses the page.
 *
 * Everything a reader comes for is in the HTML and the stylesheets: text, figures, tables,
 * navigation (the phone menu is a checkbox and CSS), the colour scheme (palette.js). Material's
 * bundle adds behaviour: search, the header title on scroll, the back-to-top button, sticky
 * sidebars, keyboard shortcuts. Starting it costs a phone about a fifth of a second of main
 * thread right after the first paint (Lighthouse's "total blocking time"), for a page that may
 * only be read. So it is fetched and started on the first sign of use: a pointer pressed or
 * moved, a touch, a key, a scroll or wheel, a focus, or a #fragment to go to. A key press
 * that started it is handed to Material once it runs (its shortcuts: "/", "s", "f", "n", "p").
 *
 * Until it runs the page is in Material's no-JavaScript state (<html class="no-js">, which
 * the bundle removes), except that the search field and button are shown (campus-ia.css, for
 * html.cia-js, set by material-scope.js): nothing moves when the bundle arrives.
 * Material marks what has keyboard focus (its focus-visible polyfill: the focus ring); an element
 * reached with the keyboard while the bundle was on its way gets that mark when it starts.
 * When it has run, <html> has Material's "js" class: tests and scripts wait for that.
 * A file, not an inline script, for the Content-Security-Policy; the bundle's address is in
 * this script's data-bundle attribute.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var bundle = script && script.getAttribute("data-bundle");
  if (!bundle) return;
  var EVENTS = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll", "focusin"];
  var started = false;
  var pendingKey = null;
  var keyboard = false;  // the last input before the bundle ran was a key, not a pointer

  function noteKeyboard(event) {
    keyboard = event.type === "keydown";
  }

  function editable(target) {
    return target && target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  function start(event) {
    if (started) return;
    started = true;
    keyboard = Boolean(event && event.type === "keydown");
    window.addEventListener("keydown", noteKeyboard, true);
    window.addEventListener("pointerdown", noteKeyboard, true);
    for (var i = 0; i < EVENTS.length; i++) {
      window.removeEventListener(EVENTS[i], start, true);
    }
    if (event && event.type === "keydown" && !editable(event.target) &&
        !event.ctrlKey && !event.metaKey && !event.altKey && event.key.length === 1) {
      pendingKey = { target: event.target, key: event.key, code: event.code, shiftKey: event.shiftKey };
    }
    var element = document.createElement("script");
    element.src = bundle;
    element.addEventListener("load", function () {
      window.removeEventListener("keydown", noteKeyboard, true);
      window.removeEventListener("pointerdown", noteKeyboard, true);
      var focused = document.activeElement;
      if (keyboard && focused && focused !== document.body && !focused.classList.contains("focus-visible")) {
        // What Material's polyfill does on a keyboard focus (and undoes on blur).
        focused.classList.add("focus-visible");
        focused.setAttribute("data-focus-visible-added", "");
      }
      if (pendingKey === null) return;
      var key = pendingKey;
      pendingKey = null;
      // Material listens for keydown on the window (its keyboard shortcuts) once it has run: the
      // key, sent again where it was pressed, bubbles up to it.
      key.target.dispatchEvent(new KeyboardEvent("keydown", {
        key: key.key, code: key.code, shiftKey: key.shiftKey, bubbles: true, cancelable: true
      }));
    });
    document.body.appendChild(element);
  }

  if (window.location.hash.length > 1) {
    start(null);  // Material opens what holds the target (a closed <details>)
    return;
  }
  for (var i = 0; i < EVENTS.length; i++) {
    window.addEventListener(EVENTS[i], start, { capture: true, passive: true });
  }
})();
