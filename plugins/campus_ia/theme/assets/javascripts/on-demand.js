/*
 * Campus IA: Material for MkDocs downloads only what the reader asks for.
 *
 * Material 9.8's bundle starts three downloads at page load that this site does not want:
 *
 * 1. Search: the index (`<lang>/search/search_index.json`, every page of the language) and
 *    the search worker script. While the bundle runs, setupSearchWorker creates the worker
 *    and requests the index at once (only on `file:` does it wait for the search toggle).
 *    Here the index request is opened as Material asks but only sent, and the worker only
 *    created, when the reader opens search: the search toggle turns on (the magnifier, the
 *    "f", "s" or "/" shortcuts, a `?q=` link) or the query field gets focus. Both downloads
 *    then start together and search works as before. Until then Material has nothing to
 *    send the worker (its first message carries the index), so a stand-in takes its place.
 *
 * 2. `sitemap.xml` next to every `<link rel="alternate">` of the page (hreflang links and the
 *    Atom feed), for Material's alternate-version integration (setupAlternate). That
 *    integration assumes each language is its own site, with its own sitemap.xml and the
 *    same paths in every language. Here both languages share one build and one sitemap, and
 *    slugs are translated: our language switch links straight to the translated page. The
 *    requests could only 404 (/fr/sitemap.xml, /en/sitemap.xml), or, when one succeeds, make
 *    Material redirect a language-switch click to the other language's home page. They are
 *    answered as aborted, which Material treats as "no sitemap" (the integration stays idle).
 *
 * Material's requests are XMLHttpRequests (its `request()`); fetch() is left alone, and so is
 * any other worker. This file must run before the bundle, as a classic script (not defer,
 * async or module): the bundle makes these requests while it runs. No inline script (the
 * site's Content-Security-Policy forbids them); if the browser lacks what is needed here,
 * nothing is changed and Material behaves as it always does.
 */
(function () {
  "use strict";

  const toggle = document.getElementById("__search");
  const xhr = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  const NativeWorker = window.Worker;
  if (!toggle || !xhr || !NativeWorker || !window.URL || typeof EventTarget !== "function") return;

  const SEARCH_INDEX = /\/search\/search_index\.json$/;
  const SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;
  const HELD = "__ciaHeld";
  const SKIPPED = "__ciaSkipped";

  function absolute(url) {
    try {
      return new URL(String(url), document.baseURI);
    } catch (error) {
      return null; // let the native code report it
    }
  }

  // -- opening search -------------------------------------------------------------------

  let searchOpened = false;
  let onOpen = [];

  function whenSearchOpens(action) {
    if (searchOpened) action();
    else onOpen.push(action);
  }

  function openSearch() {
    if (searchOpened) return;
    searchOpened = true;
    const actions = onOpen;
    onOpen = [];
    for (const action of actions) action();
  }

  if (toggle.checked) openSearch();
  toggle.addEventListener("change", function () {
    if (toggle.checked) openSearch();
  });
  document.addEventListener("focusin", function (event) {
    const target = event.target;
    if (target && target.getAttribute && target.getAttribute("data-md-component") === "search-query") {
      openSearch();
    }
  });

  // -- the search worker: a stand-in until search opens -----------------------------------

  // Material only uses postMessage and "message" listeners (addEventListener) on its worker.
  class DeferredWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.worker = null;
      this.pending = [];
      whenSearchOpens(() => this.start(url, options));
    }

    start(url, options) {
      const worker = new NativeWorker(url, options);
      for (const type of ["message", "messageerror"]) {
        worker.addEventListener(type, (event) => this.dispatchEvent(new MessageEvent(type, { data: event.data })));
      }
      worker.addEventListener("error", (event) => this.dispatchEvent(new ErrorEvent("error", { message: event.message })));
      this.worker = worker;
      for (const args of this.pending.splice(0)) worker.postMessage(...args);
    }

    postMessage(...args) {
      if (this.worker) this.worker.postMessage(...args);
      else this.pending.push(args);
    }

    terminate() {
      if (this.worker) this.worker.terminate();
      this.pending = [];
    }
  }

  function Worker(url, options) {
    const where = absolute(url);
    if (where !== null && SEARCH_WORKER.test(where.pathname)) return new DeferredWorker(url, options);
    return new NativeWorker(url, options);
  }
  Worker.prototype = NativeWorker.prototype;
  window.Worker = Worker;

  // -- Material's XMLHttpRequests: the search index waits, the alternate sitemaps are skipped --

  // The sitemaps setupAlternate would request: sitemap.xml resolved against each alternate.
  const skipped = new Set();
  for (const link of document.querySelectorAll("link[rel=alternate]")) {
    if (absolute(link.href) !== null) skipped.add(new URL("sitemap.xml", link.href).href);
  }

  const nativeOpen = xhr.open;
  const nativeSend = xhr.send;

  xhr.open = function (method, url) {
    const where = absolute(url);
    const get = String(method).toUpperCase() === "GET";
    this[HELD] = get && where !== null && SEARCH_INDEX.test(where.pathname);
    this[SKIPPED] = get && where !== null && skipped.has(where.href);
    return nativeOpen.apply(this, arguments);
  };

  xhr.send = function () {
    const request = this;
    const args = arguments;
    if (request[SKIPPED]) {
      // Never sent: Material's request() completes on "abort" without a value.
      window.setTimeout(function () {
        request.dispatchEvent(new Event("abort"));
      }, 0);
      return undefined;
    }
    if (request[HELD]) {
      whenSearchOpens(function () {
        nativeSend.apply(request, args);
      });
      return undefined;
    }
    return nativeSend.apply(request, args);
  };
})();
