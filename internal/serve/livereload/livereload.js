/* livereload.js: the live preview's client. `nhiglossary serve` adds it to
 * every page it sends (`build` never writes it). It listens to the
 * server's event stream and:
 *
 * - shows a page that changed at once, by putting the server's new body in
 *   place of the old one, then loads it again (so that the page's own
 *   scripts run on the new content), keeping its scroll position;
 * - swaps a changed stylesheet in place, without a reload;
 * - goes where the page's term went when it was renamed, or to the A-Z
 *   index when it was deleted;
 * - while the site has errors, shows them over the page (errors and
 *   warnings counted apart), each as PATH:LINE:COL: message with its
 *   source lines; the next good build takes the overlay away. The
 *   warnings `build` would fail on (a published page linking a draft,
 *   which the preview renders) show the same way.
 *
 * The site's Content-Security-Policy allows no inline script or style: the
 * overlay is built with DOM calls and styled by a constructed stylesheet.
 * <html data-livereload> says "connected" once the stream is open.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var base = (document.body && document.body.getAttribute("data-base")) || "/";
  var here = location.pathname;
  var SCROLL_KEY = "nhiglossary-livereload-scroll";

  /* ---------- Scroll kept across reloads ---------- */

  function reload() {
    try {
      sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ path: here, x: window.scrollX, y: window.scrollY }));
    } catch (e) { /* storage off: the browser's own restoration still applies */ }
    location.reload();
  }

  /* ---------- A changed page shown before it loads again ---------- */

  // A full load of a page costs the browser far more than the page's
  // bytes: a navigation, the stylesheets applied again, every script run
  // again (at 10,000 terms, 150-250 ms against 30-50 ms for a fetch and a
  // swap of the body). So the new body goes in first, where the reader
  // looks; the reload that follows makes the page whole (its scripts
  // bound to the new content), and the browser keeps the swapped page on
  // screen until the loaded one paints. The body's scripts are data
  // (JSON): a parsed document's scripts never run. Any failure: the
  // reload alone, as before.
  var refreshing = false;
  function refresh() {
    if (refreshing) return; // the reload under way gets the newest page
    refreshing = true;
    if (!window.fetch || !window.DOMParser) { reload(); return; }
    var x = window.scrollX, y = window.scrollY;
    // A server that stalls must not leave the page waiting: after 2 s
    // the fetch gives up and the reload goes ahead.
    var opts = { cache: "no-store", credentials: "same-origin" };
    if (window.AbortController) {
      var stop = new AbortController();
      opts.signal = stop.signal;
      setTimeout(function () { stop.abort(); }, 2000);
    }
    fetch(location.href, opts).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      if (!doc.body) return;
      document.title = doc.title;
      var body = document.adoptNode(doc.body);
      document.body.replaceWith(body);
      if (overlay) body.append(overlay);
      window.scrollTo(x, y);
    }).catch(function () { /* the reload shows it */ }).then(function () { afterPaint(reload); });
  }

  // afterPaint runs f once the browser has painted what is on the page
  // now, so that the swapped body is on screen before the reload starts
  // to compete with it; a hidden page paints no frame, hence the timer.
  function afterPaint(f) {
    var done = false;
    function once() { if (!done) { done = true; f(); } }
    requestAnimationFrame(function () { setTimeout(once, 0); });
    setTimeout(once, 100);
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) || "null");
      sessionStorage.removeItem(SCROLL_KEY);
    } catch (e) { return; }
    if (!saved || saved.path !== here) return;
    var go = function () { window.scrollTo(saved.x, saved.y); };
    go();
    // Images and fonts may still change the layout: once more when loaded.
    if (document.readyState !== "complete") window.addEventListener("load", go, { once: true });
  }

  /* ---------- Stylesheets swapped in place ---------- */

  function swapCSS(hrefs) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var u = new URL(link.href, location.href);
      if (u.origin !== location.origin || !Object.prototype.hasOwnProperty.call(hrefs, u.pathname)) return;
      var next = link.cloneNode(false);
      next.href = hrefs[u.pathname];
      // The old sheet goes once the new one applies: no flash of unstyled page.
      next.addEventListener("load", function () { link.remove(); }, { once: true });
      next.addEventListener("error", function () { next.remove(); }, { once: true });
      link.after(next);
    });
  }

  /* ---------- The problems overlay ---------- */

  var CSS = [
    ".nhg-lr-overlay{position:fixed;inset:0;z-index:2147483647;display:flex;align-items:flex-start;justify-content:center;",
    "padding:4vh 1rem;overflow:auto;background:rgba(20,20,24,.55);font:14px/1.45 system-ui,sans-serif}",
    ".nhg-lr-panel{max-width:60rem;width:100%;background:#fff;color:#1b1b1f;border-radius:8px;border-top:6px solid #c62828;",
    "box-shadow:0 12px 40px rgba(0,0,0,.35);padding:1rem 1.25rem 1.25rem}",
    ".nhg-lr-head{display:flex;gap:1rem;align-items:baseline;justify-content:space-between}",
    ".nhg-lr-title{margin:0;font-size:1.15rem;color:#b71c1c}",
    ".nhg-lr-close{font:inherit;border:1px solid #999;border-radius:4px;background:#f4f4f4;color:#1b1b1f;padding:.2rem .7rem;cursor:pointer}",
    ".nhg-lr-note{margin:.35rem 0 .9rem;color:#555}",
    ".nhg-lr-list{margin:0;padding:0;list-style:none}",
    ".nhg-lr-problem{margin:0 0 .9rem;padding:0 0 0 .75rem;border-left:3px solid #c62828}",
    ".nhg-lr-warning{border-left-color:#b26a00}",
    ".nhg-lr-text{margin:0 0 .3rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word}",
    ".nhg-lr-src{margin:0;padding:.5rem .75rem;background:#f6f6f8;border-radius:4px;overflow:auto;",
    "font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}",
    ".nhg-lr-line{display:block;white-space:pre}",
    ".nhg-lr-n{display:inline-block;width:6ch;padding-right:1ch;color:#888;text-align:right;user-select:none}",
    ".nhg-lr-at{background:#fde7e7}",
    ".nhg-lr-caret{color:#c62828;font-weight:bold}",
    "@media (prefers-color-scheme:dark){.nhg-lr-panel{background:#1e1e22;color:#eee}.nhg-lr-title{color:#ff8a80}",
    ".nhg-lr-note{color:#aaa}.nhg-lr-src{background:#2a2a30}.nhg-lr-at{background:#4a2020}.nhg-lr-close{background:#333;color:#eee}}"
  ].join("");

  var sheetAdded = false;
  function addSheet() {
    if (sheetAdded) return;
    sheetAdded = true;
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    } catch (e) { /* an old browser: the overlay shows unstyled */ }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  var overlay = null;
  var hidden = "";  // the status the reader closed, until another comes

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function showStatus(m) {
    var key = JSON.stringify(m.problems);
    if (overlay) { overlay.remove(); overlay = null; }
    if ((!m.errors && !m.failsBuild) || key === hidden) return;
    addSheet();
    overlay = el("div", "nhg-lr-overlay");
    overlay.id = "nhiglossary-problems";
    var panel = el("section", "nhg-lr-panel");
    panel.setAttribute("role", "alertdialog");
    panel.setAttribute("aria-labelledby", "nhg-lr-title");
    var head = el("div", "nhg-lr-head");
    var count = m.errors ?
      "The site has " + plural(m.errors, "error") + (m.warnings ? " and " + plural(m.warnings, "warning") : "") :
      "Build would fail on " + plural(m.failsBuild, "problem");
    var title = el("h2", "nhg-lr-title", count);
    title.id = "nhg-lr-title";
    var close = el("button", "nhg-lr-close", "Hide");
    close.type = "button";
    close.addEventListener("click", function () { hidden = key; overlay.remove(); overlay = null; });
    head.append(title, close);
    var note = el("p", "nhg-lr-note", !m.errors ?
      "The preview shows drafts; build leaves them out, so these stop it. This goes away by itself once they are fixed." :
      m.built ?
      "The preview shows the last good build. This goes away by itself once the errors are fixed." :
      "Nothing could be built yet. The page appears by itself once the errors are fixed.");
    var list = el("ol", "nhg-lr-list");
    m.problems.forEach(function (p) {
      var item = el("li", "nhg-lr-problem nhg-lr-" + (p.failsBuild ? "error" : p.severity));
      item.append(el("p", "nhg-lr-text", p.text));
      if (p.source && p.source.length) {
        var pre = el("pre", "nhg-lr-src");
        p.source.forEach(function (s) {
          var line = el("span", "nhg-lr-line" + (s.n === p.line ? " nhg-lr-at" : ""));
          line.append(el("span", "nhg-lr-n", String(s.n)), document.createTextNode(s.text));
          pre.append(line);
          if (s.n === p.line && p.col > 0) {
            var caret = el("span", "nhg-lr-line nhg-lr-caret");
            caret.append(el("span", "nhg-lr-n", ""), document.createTextNode(new Array(p.col).join(" ") + "^"));
            pre.append(caret);
          }
        });
        item.append(pre);
      }
      list.append(item);
    });
    panel.append(head, note, list);
    overlay.append(panel);
    document.body.append(overlay);
  }

  /* ---------- The event stream ---------- */

  function onMessage(e) {
    var m;
    try { m = JSON.parse(e.data); } catch (err) { return; }
    switch (m.type) {
      case "status":
        showStatus(m);
        break;
      case "css":
        swapCSS(m.hrefs || {});
        break;
      case "reload":
        if (m.moved && Object.prototype.hasOwnProperty.call(m.moved, here)) {
          location.replace(m.moved[here] || base + "terms/");
        } else if ((m.pages || []).indexOf(here) >= 0 && !m.all) {
          refresh();
        } else if (m.all || (m.pages || []).indexOf(here) >= 0) {
          reload();
        }
        break;
    }
  }

  function connect() {
    if (!window.EventSource) return;
    var meta = document.querySelector('meta[name="nhiglossary-version"]');
    var url = base + "_nhiglossary/events?path=" + encodeURIComponent(here) +
      (meta ? "&v=" + encodeURIComponent(meta.content) : "");
    var es = new EventSource(url);
    root.setAttribute("data-livereload", "connecting");
    es.addEventListener("open", function () { root.setAttribute("data-livereload", "connected"); });
    es.addEventListener("error", function () { root.setAttribute("data-livereload", "connecting"); });
    es.addEventListener("message", onMessage);
    window.addEventListener("pagehide", function () { es.close(); });
  }

  restoreScroll();
  connect();
})();
