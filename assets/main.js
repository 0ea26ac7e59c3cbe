/* main.js: the reader's conveniences. The site works without it; with it:
 *
 * - Theme toggle: the .theme-toggle button flips light/dark and remembers
 *   the choice in localStorage ("nhiglossary-theme"); theme.js applies it
 *   before the next page paints.
 * - Term previews: a link to a term (a[data-term]) shows the term's title,
 *   abbreviations and summary, read from the page's #term-previews JSON
 *   or, for the other names on the A–Z index, from the term's own entry
 *   there (no request per hover):
 *     mouse     hover shows it after a short delay; it stays while the
 *               pointer is on the link or the preview; it goes on leave;
 *     keyboard  focus shows it; blur hides it;
 *     touch     the first tap shows it, with a link to open the term; a
 *               second tap on the same link, or the preview's link, goes
 *               there; a tap elsewhere closes it;
 *     Esc       closes it, in every case.
 *   The preview is role="tooltip" and described-by the link while shown.
 *   Links whose card already shows the summary get no preview.
 * - "/" focuses the search box, unless the reader is typing in a field
 *   (search.js binds it too; see initSlash).
 * - "On this page" marks the section being read (aria-current).
 * - A code block or table that scrolls sideways gets tabindex="0", so
 *   that the keyboard can reach and scroll it.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var THEME_KEY = "nhiglossary-theme";

  /* ---------- Theme toggle ---------- */

  function initTheme() {
    var btn = document.querySelector(".theme-toggle");
    if (!btn) return;
    var mq = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    function current() {
      var t = root.getAttribute("data-theme");
      if (t === "light" || t === "dark") return t;
      return mq && mq.matches ? "dark" : "light";
    }
    function sync() {
      btn.setAttribute("aria-pressed", current() === "dark" ? "true" : "false");
    }
    btn.hidden = false;
    sync();
    btn.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(THEME_KEY, next); } catch (e) { /* not remembered */ }
      sync();
    });
    if (mq) {
      if (mq.addEventListener) mq.addEventListener("change", sync);
      else if (mq.addListener) mq.addListener(sync);
    }
    // Another tab changed the theme: follow it.
    window.addEventListener("storage", function (e) {
      if (e.key !== THEME_KEY) return;
      if (e.newValue === "light" || e.newValue === "dark") root.setAttribute("data-theme", e.newValue);
      else root.removeAttribute("data-theme");
      sync();
    });
  }

  /* ---------- Term previews ---------- */

  var previews = {};
  var tip = null;        // the one preview element, made on first use
  var tipLink = null;    // the link it describes while shown
  var showTimer = 0, hideTimer = 0;
  var lastPointer = "", lastPointerAt = 0;

  function loadPreviews() {
    var el = document.getElementById("term-previews");
    if (!el) return {};
    try {
      var data = JSON.parse(el.textContent);
      return data && typeof data === "object" ? data : {};
    } catch (e) {
      return {};
    }
  }

  // fromIndex finds a term's own entry on the A–Z index, which shows its
  // title, abbreviations and summary: the entries of its other names
  // preview from there, so the index needs no preview JSON.
  function fromIndex(slug) {
    var a = document.querySelector('.az-entry:not(.az-alias) > dt > a[data-term="' + CSS.escape(slug) + '"]');
    if (!a) return null;
    var entry = a.closest(".az-entry"), dd = entry.querySelector("dd");
    return {
      t: a.textContent,
      a: Array.prototype.map.call(entry.querySelectorAll("dt > abbr"), function (x) { return x.textContent; }),
      s: dd ? dd.textContent : ""
    };
  }

  // termLink returns the previewable term link at or around el, or null.
  function termLink(el) {
    if (!el || !el.closest) return null;
    var a = el.closest("a[data-term]");
    if (!a || (tip && tip.contains(a))) return null;
    var slug = a.getAttribute("data-term");
    if (!Object.prototype.hasOwnProperty.call(previews, slug) && a.closest(".az-alias")) {
      var p = fromIndex(slug);
      if (p) previews[slug] = p;
    }
    if (!Object.prototype.hasOwnProperty.call(previews, slug)) return null;
    // The card or index entry around it already shows the summary.
    if (a.closest(".term-card, .az-entry:not(.az-alias)")) return null;
    return a;
  }

  function ensureTip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "term-preview";
    tip.className = "term-preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("pointerleave", function (e) {
      if (e.pointerType !== "touch") scheduleHide();
    });
    document.body.appendChild(tip);
    return tip;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function fill(p, a, withGo) {
    tip.textContent = "";
    var title = el("strong", "term-preview-title", p.t || "");
    (p.a || []).forEach(function (ab) { title.appendChild(el("span", "abbr", ab)); });
    tip.appendChild(title);
    tip.appendChild(el("p", "term-preview-summary", p.s || ""));
    if (withGo) {
      var go = el("a", "term-preview-go", "Open " + (p.t || "term") + " \u2192");
      go.href = a.href;
      tip.appendChild(go);
    }
  }

  function describe(a, on) {
    var ids = (a.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      return id && id !== "term-preview";
    });
    if (on) ids.push("term-preview");
    if (ids.length) a.setAttribute("aria-describedby", ids.join(" "));
    else a.removeAttribute("aria-describedby");
  }

  function position(a) {
    var rects = a.getClientRects();
    var r = rects.length ? rects[0] : a.getBoundingClientRect();
    var vw = document.documentElement.clientWidth;
    var vh = window.innerHeight;
    var margin = 8, gap = 10;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var tw = tip.offsetWidth, th = tip.offsetHeight;
    var left = r.left + r.width / 2 - tw / 2;
    left = Math.max(margin, Math.min(left, vw - tw - margin));
    var below = r.bottom + gap + th <= vh - margin || r.top - gap - th < margin;
    var top = below ? r.bottom + gap : r.top - gap - th;
    tip.setAttribute("data-side", below ? "below" : "above");
    tip.style.left = Math.round(left + window.pageXOffset) + "px";
    tip.style.top = Math.round(top + window.pageYOffset) + "px";
    var arrow = Math.max(14, Math.min(tw - 14, r.left + r.width / 2 - left));
    tip.style.setProperty("--arrow-x", Math.round(arrow) + "px");
  }

  function show(a, withGo) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    var p = previews[a.getAttribute("data-term")];
    if (!p) return;
    if (tipLink && tipLink !== a) hide();
    ensureTip();
    fill(p, a, withGo);
    tip.hidden = false;
    tipLink = a;
    describe(a, true);
    position(a);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (!tipLink) return;
    describe(tipLink, false);
    tip.hidden = true;
    tipLink = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      // A link focused from the keyboard keeps its preview until blur.
      if (tipLink && tipLink === document.activeElement && tipLink.matches(":focus-visible")) return;
      hide();
    }, 180);
  }

  function isMouse(e) { return e.pointerType === "mouse" || e.pointerType === "pen"; }

  function initPreviews() {
    previews = loadPreviews();
    if (!Object.keys(previews).length && !document.querySelector(".az-alias")) return;

    // The native title tooltip would repeat what the preview shows.
    document.querySelectorAll("a[data-term][title]").forEach(function (a) {
      if (termLink(a)) a.removeAttribute("title");
    });

    document.addEventListener("pointerover", function (e) {
      if (!isMouse(e)) return;
      var a = termLink(e.target);
      if (!a) return;
      if (a === tipLink) { clearTimeout(hideTimer); return; }
      clearTimeout(showTimer);
      showTimer = setTimeout(function () { show(a, false); }, 120);
    });
    document.addEventListener("pointerout", function (e) {
      if (!isMouse(e)) return;
      var a = termLink(e.target);
      if (!a || a.contains(e.relatedTarget)) return;
      clearTimeout(showTimer);
      if (a === tipLink) scheduleHide();
    });

    document.addEventListener("focusin", function (e) {
      var a = termLink(e.target);
      if (!a) return;
      // A tap focuses the link too; the click handler decides for taps.
      // No time limit: a reader whose touch-and-hold delay is long holds
      // a tap for over a second. A key pressed since means the keyboard.
      if (lastPointer === "touch") return;
      show(a, false);
    });
    document.addEventListener("focusout", function (e) {
      var a = termLink(e.target);
      if (a && a === tipLink && !(tip && tip.contains(e.relatedTarget))) hide();
    });

    document.addEventListener("pointerdown", function (e) {
      lastPointer = e.pointerType;
      lastPointerAt = Date.now();
      if (tipLink && !tip.contains(e.target) && !termLink(e.target)) hide();
    }, true);
    document.addEventListener("click", function (e) {
      var a = termLink(e.target);
      if (!a || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      var type = e.pointerType || (Date.now() - lastPointerAt < 1000 ? lastPointer : "");
      if (type !== "touch") return;
      if (a === tipLink) return; // second tap: follow the link
      e.preventDefault();
      show(a, true);
    });

    document.addEventListener("keydown", function (e) {
      lastPointer = "";
      if (e.key === "Escape" && tipLink) hide();
    });
    window.addEventListener("resize", hide);
  }

  /* ---------- "/" focuses the search box ---------- */

  function typing(el) {
    if (!el) return false;
    if (el.isContentEditable) return true;
    return /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }

  // search.js binds "/" on document; this listener is on window, so it
  // runs after that one and does nothing when it already handled the key
  // (defaultPrevented) or the box is focused. It is the fallback for a
  // site whose search.js does not bind "/".
  function initSlash() {
    window.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      var active = document.activeElement;
      var input = document.getElementById("search-input");
      if (!input || active === input || typing(active)) return;
      e.preventDefault();
      input.focus();
      if (input.select) input.select();
    });
  }

  /* ---------- "On this page": mark the section in view ---------- */

  function initTOC() {
    var toc = document.querySelector(".toc");
    if (!toc) return;
    // Beside the text (two columns) the box is always open; above it, it
    // stays as the reader left it.
    var details = toc.querySelector("details");
    var wide = window.matchMedia("(min-width: 1100px)");
    function fit() { if (details && wide.matches) details.open = true; }
    fit();
    if (wide.addEventListener) wide.addEventListener("change", fit);
    if (!("IntersectionObserver" in window)) return;
    var links = {};
    var targets = [];
    toc.querySelectorAll('a[href^="#"]').forEach(function (a) {
      var t = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
      if (t) { links[t.id] = a; targets.push(t); }
    });
    if (!targets.length) return;
    var visible = {};
    function mark() {
      var id = null;
      for (var i = 0; i < targets.length; i++) {
        if (visible[targets[i].id]) { id = targets[i].id; break; }
      }
      if (!id) return;
      Object.keys(links).forEach(function (k) {
        if (k === id) links[k].setAttribute("aria-current", "true");
        else links[k].removeAttribute("aria-current");
      });
    }
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) { visible[en.target.id] = en.isIntersecting; });
      mark();
    }, { rootMargin: "0px 0px -65% 0px" });
    targets.forEach(function (t) { io.observe(t); });
  }

  /* ---------- Scrollable boxes: reachable from the keyboard ---------- */

  // A code block or table wider than the screen scrolls inside its box;
  // tabindex lets a keyboard reach it and scroll it with the arrow keys.
  function initScrollers() {
    function mark() {
      document.querySelectorAll("main pre, main .prose table, main .table-wrap").forEach(function (e) {
        if (e.scrollWidth > e.clientWidth + 1) {
          if (!e.hasAttribute("tabindex")) {
            e.setAttribute("tabindex", "0");
            e.setAttribute("data-scroll-focus", "");
          }
        } else if (e.hasAttribute("data-scroll-focus")) {
          e.removeAttribute("tabindex");
          e.removeAttribute("data-scroll-focus");
        }
      });
    }
    mark();
    var t = 0;
    window.addEventListener("resize", function () {
      clearTimeout(t);
      t = setTimeout(mark, 150);
    });
  }

  initTheme();
  initScrollers();
  initPreviews();
  initSlash();
  initTOC();
})();
