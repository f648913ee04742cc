/*
 * The language switch keeps the reader's place: both languages of a page share their
 * anchors (#site-power), so the links to the other language get the current #fragment.
 * Progressive: without this script the links still lead to the top of the translation.
 * A file, not an inline script, for the Content-Security-Policy.
 */
(function () {
  "use strict";

  function update() {
    var links = document.querySelectorAll("a.cia-lang__link[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      var bare = href.split("#")[0];
      var wanted = bare + window.location.hash;
      if (href !== wanted) links[i].setAttribute("href", wanted);
    }
  }

  // The hash may change after load (a click on a heading's link, the table of contents).
  window.addEventListener("hashchange", update);
  // A click reads the hash at that moment, whatever changed it (history.replaceState too).
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a.cia-lang__link") : null;
    if (link) update();
  }, true);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
