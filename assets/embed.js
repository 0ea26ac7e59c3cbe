// embed.js: this glossary's definitions on other sites. A page includes
//   <script src="BASE/assets/embed.js" defer></script>
// and marks words: <dfn data-nhi-term="api-key">API keys</dfn>, or a link
// to a term page with an empty data-nhi-term. Hovering, focusing or
// tapping a mark shows a tooltip (title, summary, "Read more") from
// BASE/api/terms/SLUG.json, fetched when first needed.
//
// It adds one element to the page, only while a tooltip shows; builds it
// with textContent, never innerHTML; styles it through the CSSOM, which a
// strict Content-Security-Policy allows (no inline style or script).
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !me.src) return;
  var base = new URL('..', me.src).href; // the script is BASE/assets/embed.js
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var cache = {};
  var tip = null, owner = null, armed = null, hideTimer = 0, seq = 0, pointer = 'mouse';

  // A term page is BASE/terms/SLUG/, or BASE/CODE/terms/SLUG/ in another
  // language: a translation has its original's slug.
  var PAGE = /^(?:[a-z]{2,3}(?:-[a-z0-9]+)*\/)?terms\/([^/?#]+)/i;

  function slugOf(el) {
    var s = el.getAttribute('data-nhi-term'), m;
    if (!s && el.href && el.href.indexOf(base) === 0 && (m = PAGE.exec(el.href.slice(base.length)))) {
      s = m[1];
    }
    return SLUG.test(s || '') ? s : '';
  }

  function load(slug) {
    if (!cache[slug]) {
      cache[slug] = fetch(base + 'api/terms/' + slug + '.json', { credentials: 'omit' })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        });
      cache[slug].catch(function () { delete cache[slug]; });
    }
    return cache[slug];
  }

  function css(el, props) {
    for (var k in props) el.style.setProperty(k, props[k]);
    return el;
  }

  function make(tag, text, props) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    return css(el, props || {});
  }

  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  var ink = dark ? '#f2f2f2' : '#1b1b1b', paper = dark ? '#1e1e1e' : '#ffffff', link = dark ? '#8ab4f8' : '#0645ad';

  function build(d, el) {
    var box = make('div', '', {
      position: 'absolute', 'z-index': '2147483647', 'max-width': 'min(22rem, calc(100vw - 16px))',
      'box-sizing': 'border-box', padding: '.6em .8em', margin: '0', background: paper, color: ink,
      border: '1px solid #767676', 'border-radius': '6px', 'box-shadow': '0 4px 14px rgba(0,0,0,.25)',
      font: '14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif', 'text-align': 'left'
    });
    box.id = 'nhi-term-tip';
    box.setAttribute('role', 'tooltip');
    box.setAttribute('data-nhi-tooltip', '');
    box.appendChild(make('strong', d.title, { display: 'block', 'font-weight': '700', 'margin-bottom': '.2em' }));
    box.appendChild(make('span', d.summary, { display: 'block' }));
    var more = make('a', 'Read more', { display: 'inline-block', 'margin-top': '.35em', color: link, 'text-decoration': 'underline' });
    // A link goes where it goes (a translation's page); a site built
    // without an absolute base_url gives a root-relative url.
    more.href = el.tagName === 'A' && el.href ? el.href : new URL(d.url || 'terms/' + d.slug + '/', base).href;
    box.appendChild(more);
    box.addEventListener('mouseenter', function () { clearTimeout(hideTimer); });
    box.addEventListener('mouseleave', function () { hideSoon(); });
    return box;
  }

  function place(box, el) {
    var r = el.getBoundingClientRect(), w = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, w - box.offsetWidth - 8));
    var top = r.bottom + 6;
    if (top + box.offsetHeight > window.innerHeight && r.top - box.offsetHeight - 6 > 0) top = r.top - box.offsetHeight - 6;
    css(box, { left: left + window.scrollX + 'px', top: top + window.scrollY + 'px' });
  }

  function show(el) {
    var slug = slugOf(el), my = ++seq;
    if (!slug) return;
    clearTimeout(hideTimer);
    load(slug).then(function (d) {
      if (my !== seq) return;
      var keep = armed;
      hide();
      armed = keep;
      tip = build(d, el);
      owner = el;
      document.body.appendChild(tip);
      place(tip, el);
      el.setAttribute('aria-describedby', tip.id);
    }, function () {});
  }

  function hide() {
    seq++;
    clearTimeout(hideTimer);
    if (tip) tip.remove();
    if (owner) owner.removeAttribute('aria-describedby');
    tip = owner = armed = null;
  }

  // A pointer may cross the gap to the tooltip (to reach "Read more").
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function target(e) {
    var t = e.target;
    return t && t.closest ? t.closest('[data-nhi-term]') : null;
  }

  function init() {
    var marks = document.querySelectorAll('[data-nhi-term]');
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i];
      if (!slugOf(m)) continue;
      if (m.tabIndex < 0 && !m.hasAttribute('tabindex')) m.tabIndex = 0; // focusable, like a link
      if (m.tagName !== 'A') css(m, { cursor: 'help', 'text-decoration': 'underline dotted' });
    }
    // One listener of each kind on the document, whatever the number of marks.
    document.addEventListener('pointerdown', function (e) { pointer = e.pointerType; }, true);
    document.addEventListener('mouseover', function (e) {
      if (pointer === 'touch') return; // a tap is handled as a click
      var el = target(e);
      if (el && el !== owner) show(el); else if (el) clearTimeout(hideTimer);
    });
    document.addEventListener('mouseout', function (e) {
      if (pointer === 'touch') return;
      var el = target(e);
      if (el && el === owner && !(e.relatedTarget && tip && tip.contains(e.relatedTarget))) hideSoon();
    });
    document.addEventListener('focusin', function (e) {
      var el = target(e);
      if (el) show(el);
    });
    document.addEventListener('focusout', function (e) {
      if (target(e) === owner && !(tip && tip.contains(e.relatedTarget))) hide();
    });
    // A tap shows the tooltip; on a link, a second tap follows it.
    document.addEventListener('click', function (e) {
      var el = target(e);
      if (!el) {
        if (tip && !tip.contains(e.target)) hide();
        return;
      }
      if (pointer === 'touch' || pointer === 'pen') {
        if (armed !== el) {
          e.preventDefault();
          show(el);
          armed = el;
        }
      } else if (el !== owner) {
        show(el);
      }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && tip) hide();
      else if (e.key === 'Enter' && tip && target(e) === owner && owner.tagName !== 'A') {
        location.href = tip.querySelector('a').href; // keyboard path to "Read more"
      }
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
