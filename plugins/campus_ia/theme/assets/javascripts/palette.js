/*
 * Campus IA: the colour scheme switch (light / dark), in place of Material's palette component.
 *
 * Material's component re-applies the scheme once its bundle has run, when the whole page is
 * parsed: it marks <body> as "switching", sets its colour attributes, then reads computed
 * styles twice and adds a `color-scheme` meta tag. Each of these restyles every element of the
 * page; on a long page (the facts sheet) that is a quarter of a second of a phone's main
 * thread at load, for a scheme that was already right. This script does the same job where
 * it costs nothing: it is a blocking script placed right after the switch's radio buttons
 * (partials/javascripts/palette.html), so it runs while <body> holds only the header.
 *
 * - The scheme is the reader's stored choice (Material's `__palette` key, so a choice made
 *   before this script existed still counts), else the first option whose media query
 *   matches (prefers-color-scheme), else the first option.
 * - The checked radio button is the current scheme; its label (the button shown, see
 *   campus-ia.css) switches to the next option. A change applies and stores the new scheme.
 * - Enter on a radio button moves to the next option, as in Material.
 * A file, not an inline script, for the Content-Security-Policy; without JavaScript the page
 * keeps the scheme written in its HTML and no switch is shown.
 */
(function () {
  "use strict";

  var inputs = document.querySelectorAll(".cia-palette input[name='__palette']");
  if (inputs.length === 0 || typeof __md_get !== "function") return;

  function colour(input) {
    return {
      media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent")
    };
  }

  function initialIndex() {
    var stored = null;
    try {
      stored = __md_get("__palette");
    } catch (error) {
      stored = null; // unreadable storage: fall back to the system setting
    }
    if (stored && typeof stored.index === "number" && stored.index >= 0 && stored.index < inputs.length) {
      return stored.index;
    }
    for (var i = 0; i < inputs.length; i++) {
      var media = inputs[i].getAttribute("data-md-color-media");
      if (media && window.matchMedia(media).matches) return i;
    }
    return 0;
  }

  function apply(index, store) {
    var chosen = colour(inputs[index]);
    for (var key in chosen) {
      if (chosen[key] !== null && document.body.getAttribute("data-md-color-" + key) !== chosen[key]) {
        document.body.setAttribute("data-md-color-" + key, chosen[key]);
      }
    }
    inputs[index].checked = true;
    if (store) __md_set("__palette", { index: index, color: chosen });
  }

  apply(initialIndex(), false);

  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener("change", function (event) {
      var index = Array.prototype.indexOf.call(inputs, event.target);
      if (index >= 0 && event.target.checked) apply(index, true);
    });
    inputs[i].addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var next = (Array.prototype.indexOf.call(inputs, event.target) + 1) % inputs.length;
      apply(next, true);
      inputs[next].focus();
    });
  }
})();
