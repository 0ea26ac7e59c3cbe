// search.js: the search box on every page and the results on /search/.
// No framework and no server: it reads the files package internal/search
// writes (their formats are in its package comment), names first, then
// summaries for the hits on screen, then the full text only when names
// leave the results short.
//
// Ranking: an exact title, abbreviation or synonym; then a name the query
// begins; then a name holding every query word; then the full text. Case,
// hyphens and plurals never matter; a word of four letters or more may
// have one typo, which ranks it below the same match without one.
(function () {
  'use strict';

  var body = document.body;
  var base = body.getAttribute('data-base') || '/';
  // On a site with several languages, untranslated terms link to the
  // default language's pages, under data-home.
  var home = body.getAttribute('data-home') || base;
  var indexURL = body.getAttribute('data-search-index');
  var POPUP = 8, PAGE = 50;

  // ---- Interface text: the page's language's (internal/i18n), which the
  // search form carries as JSON in data-text; English where a site's own
  // template leaves it out. It is only ever set as text (textContent).
  var TEXT = {
    term: 'Term', incident: 'Incident', framework: 'Framework', control: 'Control', page: 'Page',
    deprecated_badge: 'deprecated',
    search_no_match: 'Nothing matches “{0}”.',
    search_all_results: 'All results for “{0}”',
    search_full_text: 'Search the full text',
    search_unavailable_az: 'Search is unavailable; browse the A–Z index.',
    search_unavailable: 'Search is unavailable.',
    search_searching: 'Searching…',
    search_one_result: '{0} result for “{1}”',
    search_n_results: '{0} results for “{1}”'
  };
  (function () {
    var f = document.querySelector('form[data-text]'), own = null;
    try { own = JSON.parse(f ? f.getAttribute('data-text') : 'null'); } catch (e) { own = null; }
    if (!own || typeof own !== 'object') return;
    Object.keys(TEXT).forEach(function (k) {
      if (typeof own[k] === 'string') TEXT[k] = own[k];
    });
  })();

  // tr is the text of key with {0}, {1}... filled in from the arguments
  // after it.
  function tr(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return TEXT[key].replace(/\{(\d)\}/g, function (m, i) {
      return i < args.length ? String(args[i]) : m;
    });
  }
  var EXACT = 0, PLURAL = 1, PREFIX = 2, TYPO = 3, TYPO_PREFIX = 4, NONE = 9;
  var WORD = /[\p{L}\p{N}]+/gu;

  // ---- Text: the same words the index builder sees.

  var LETTER = /[\p{L}\p{N}]/u;

  // fold is what the index did to text before splitting it into words:
  // lower case, and on a site with several languages the accents removed
  // but from the letters the language keeps (internal/i18n Fold).
  var folding = null;
  var FOLD_MULTI = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l' };
  function fold(s) {
    s = s.toLowerCase();
    if (folding === null || !/[^\x00-\x7f]/.test(s)) return s;
    return s.replace(/[^\x00-\x7f]/g, function (c) {
      if (folding.indexOf(c) >= 0) return c;
      if (FOLD_MULTI[c]) return FOLD_MULTI[c];
      return c.normalize('NFD').replace(/\p{M}/gu, '');
    });
  }

  function tokens(s) {
    return fold(s).match(WORD) || [];
  }

  function slugOf(title) {
    return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  // within1: a and b differ by at most one edit (insert, delete, change,
  // or swap of two neighbours).
  function within1(a, b) {
    var la = a.length, lb = b.length, i = 0;
    if (Math.abs(la - lb) > 1) return false;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (i === la || i === lb) return true;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function plural(a, b) {
    return b === a + 's' || b === a + 'es' || (a.length > 2 && a[a.length - 1] === 'y' && b === a.slice(0, -1) + 'ies');
  }

  // fullCost: how well query word q matches the whole word w.
  function fullCost(q, w) {
    if (q === w) return EXACT;
    if (plural(q, w) || plural(w, q)) return PLURAL;
    if (q.length >= 4 && w.length >= 3 && within1(q, w)) return TYPO;
    return NONE;
  }

  // anyCost: like fullCost, or q begins w (q is a word being typed).
  function anyCost(q, w) {
    var c = fullCost(q, w), n = q.length;
    if (c <= PLURAL) return c;
    if (w.length > n && w.slice(0, n) === q) return PREFIX;
    if (c === TYPO) return c;
    if (n >= 4 && w.length >= n && (within1(q, w.slice(0, n)) || within1(q, w.slice(0, n + 1)) || within1(q, w.slice(0, n - 1)))) return TYPO_PREFIX;
    return NONE;
  }

  function parseQuery(q) {
    var ws = tokens(q);
    return { text: q, words: ws, compact: ws.join(''), open: /[\p{L}\p{N}]$/u.test(q) };
  }

  // ---- Loading: each file once, on demand.

  var cache = {};
  function get(url, parse) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return r.text();
      }).then(parse);
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  function loadNames() {
    if (!indexURL) return Promise.reject(new Error('no search index'));
    return get(indexURL, function (text) {
      var idx = parseNames(text);
      // Loading starts when the box gets focus, while the reader types:
      // find the words now, and run one search so that the reader's first
      // runs on code the engine has already compiled.
      prepare(idx);
      if (idx.vocab.length) rankNames(idx, parseQuery(idx.vocab[0]), POPUP);
      return idx;
    });
  }

  // parseNames decodes the names file into terms and one lower-cased
  // string of every name, a line each: loading does no more, so that it
  // stays fast at 50,000 terms. Words are found when a query needs them.
  function parseNames(text) {
    var lines = text.split('\n'), head = lines[0].split(' ');
    if (head[0] !== 'nhiglossary-search' || head[1] !== '2') throw new Error('unknown search index');
    if (head[3] === 'fold') folding = head[4] === '-' ? '' : (head[4] || '');
    var idx = {
      shardSize: +head[2], shards: lines[1] ? lines[1].split(' ') : [],
      // The text index names the names file it belongs to; a names file
      // served under another name (serve's alias) cannot be checked.
      hash: (/\.([0-9a-f]{8})\.txt$/.exec(indexURL) || [])[1],
      terms: [], names: [], nameTerm: [], nameKind: [], words: []
    };
    var prev = '', i, j, line, f, title, t;
    for (i = 2; i < lines.length; i++) {
      line = lines[i];
      if (!line) continue;
      if (line[0] === '-') { addEntry(idx, line); continue; }
      f = line.indexOf('\t') < 0 ? [line] : line.split('\t');
      title = prev.slice(0, f[0].charCodeAt(0) - 48) + f[0].slice(1);
      prev = title;
      t = { id: idx.terms.length, title: title, slug: f[1], abbrs: list(f[2]), syns: list(f[3]), deprecated: (f[4] || '').indexOf('d') >= 0, lang: f[5] || '' };
      addName(idx, t, title, 0);
      for (j = 0; j < t.abbrs.length; j++) addName(idx, t, t.abbrs[j], 0);
      for (j = 0; j < t.syns.length; j++) {
        t.syns[j] = unescapeSynonym(t.syns[j], title);
        addName(idx, t, t.syns[j], 1);
      }
      idx.terms.push(t);
    }
    var lower = fold(idx.names.join('\n')).split('\n'), at = 0;
    idx.starts = new Int32Array(lower.length + 1);
    for (i = 0; i < lower.length; i++) {
      idx.starts[i] = at;
      at += lower[i].length + 1;
    }
    idx.starts[lower.length] = at;
    idx.hay = lower.join('\n');
    return idx;
  }

  // An entry (incident, framework, control) is a hit like a term, with
  // its path given; its summary is in the shards after the terms'.
  var KINDS = { i: 'incident', f: 'framework', c: 'control' }; // keys of TEXT

  function addEntry(idx, line) {
    var f = line.split('\t'), j;
    var t = { id: idx.terms.length, title: f[1] || '', kind: KINDS[f[0][1]] || 'page', path: f[2] || '', abbrs: [], syns: list(f[3]), deprecated: false, lang: f[4] || '' };
    addName(idx, t, t.title, 0);
    for (j = 0; j < t.syns.length; j++) addName(idx, t, t.syns[j], 1);
    idx.terms.push(t);
  }

  function unescapeSynonym(s, title) {
    if (s.indexOf('\\') < 0) return s.indexOf('~') < 0 ? s : s.split('~').join(title);
    return s.replace(/\\(.)|~/g, function (m, c) { return c === undefined ? title : c; });
  }

  function list(f) { return f ? f.split('|') : []; }

  function addName(idx, t, text, kind) {
    idx.names.push(text);
    idx.nameTerm.push(t);
    idx.nameKind.push(kind);
  }

  // prepare finds, once, every word of the names and the names with their
  // punctuation and spaces taken out ("x509certificate").
  function prepare(idx) {
    if (idx.vocab) return;
    // Unicode classes are slow: most glossaries' names are ASCII.
    var ascii = !/[^\x00-\x7f]/.test(idx.hay);
    idx.vocab = Array.from(new Set(idx.hay.match(ascii ? /[a-z0-9]+/g : WORD)));
    idx.compactHay = idx.hay.replace(ascii ? /[^a-z0-9\n]+/g : /[^\p{L}\p{N}\n]+/gu, '');
    var starts = [0], at = -1;
    while ((at = idx.compactHay.indexOf('\n', at + 1)) >= 0) starts.push(at + 1);
    idx.compactStarts = starts;
  }

  // nameAt is the name whose line holds offset i of a string of lines.
  function nameAt(starts, i) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function isWordChar(c, ch) {
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 128 && LETTER.test(ch));
  }

  // nameWords are a name's words, found once.
  function nameWords(idx, n) {
    var ws = idx.words[n];
    if (!ws) {
      ws = idx.words[n] = idx.hay.slice(idx.starts[n], idx.starts[n + 1] - 1).match(WORD) || [];
      ws.compact = ws.join('');
    }
    return ws;
  }

  function summary(idx, t) {
    var h = idx.shards[Math.floor(t.id / idx.shardSize)];
    if (!h) return Promise.resolve('');
    return get(base + 'search/s/' + h + '.txt', function (s) { return s.split('\n'); })
      .then(function (lines) { return lines[t.id % idx.shardSize] || ''; });
  }

  // ---- Ranking by name.

  // costs: for each query word, the words of the names it matches, with
  // how well (full: the whole word; any: or its beginning).
  function costs(idx, Q) {
    return Q.words.map(function (q) {
      var full = new Map(), any = new Map();
      for (var i = 0; i < idx.vocab.length; i++) {
        var w = idx.vocab[i], c = anyCost(q, w);
        if (c === NONE) continue;
        any.set(w, c);
        c = fullCost(q, w);
        if (c !== NONE) full.set(w, c);
      }
      return { full: full, any: any };
    });
  }

  function cost(m, w) {
    var c = m.get(w);
    return c === undefined ? NONE : c;
  }

  // candidates are the names that hold a word the query's longest word
  // matches, or that begin with the query run together: no other name
  // can match.
  function candidates(idx, Q, C, limit) {
    var out = new Set(), longest = 0, i, at, w;
    // One or two letters match thousands of words: names that begin with
    // them are enough when there are as many as the hits shown.
    // Past 20 of them, only names that are the query itself count.
    if (Q.compact.length < 3) {
      for (at = idx.compactHay.indexOf(Q.compact); at >= 0; at = idx.compactHay.indexOf(Q.compact, at + 1)) {
        if ((at === 0 || idx.compactHay[at - 1] === '\n') && (out.size < 20 * limit || idx.compactHay[at + Q.compact.length] === '\n')) {
          out.add(nameAt(idx.compactStarts, at));
        }
      }
      if (out.size >= limit) return out;
    }
    for (i = 1; i < Q.words.length; i++) if (Q.words[i].length > Q.words[longest].length) longest = i;
    C[longest].any.forEach(function (c, w) {
      for (at = idx.hay.indexOf(w); at >= 0; at = idx.hay.indexOf(w, at + 1)) {
        var end = at + w.length;
        if (at > 0 && isWordChar(idx.hay.charCodeAt(at - 1), idx.hay[at - 1])) continue;
        if (end < idx.hay.length && isWordChar(idx.hay.charCodeAt(end), idx.hay[end])) continue;
        out.add(nameAt(idx.starts, at));
      }
    });
    if (Q.compact.length >= 3) {
      w = Q.compact;
      for (at = idx.compactHay.indexOf(w); at >= 0; at = idx.compactHay.indexOf(w, at + 1)) {
        if (at === 0 || idx.compactHay[at - 1] === '\n') out.add(nameAt(idx.compactStarts, at));
      }
    }
    return out;
  }

  // scoreName: lower is better; Infinity when the name does not match.
  function scoreName(w, kind, Q, C) {
    var m = Q.words.length, k = w.length, best = Infinity, i, c;
    if (Q.compact.length >= 3 && w.compact === Q.compact) return key(0, 0, 0, kind, k, m);
    if (Q.open && Q.compact.length >= 3 && w.compact.indexOf(Q.compact) === 0) best = key(1, 0, PREFIX, kind, k, m);
    if (m <= k) {
      var typos = 0, sum = 0, tier = m === k ? 0 : 1;
      for (i = 0; i < m; i++) {
        c = cost(C[i].full, w[i]);
        if (i === m - 1 && Q.open) {
          c = cost(C[i].any, w[i]);
          if (c === PREFIX || c === TYPO_PREFIX) tier = 1;
        }
        if (c === NONE) break;
        if (c >= TYPO) typos++;
        sum += c;
      }
      if (i === m) return Math.min(best, key(tier, typos, sum, kind, k, m));
    }
    if (best < Infinity) return best;
    var used = [], typos2 = 0, sum2 = 0;
    for (i = 0; i < m; i++) {
      var bj = -1, bc = NONE;
      for (var j = 0; j < k; j++) {
        c = cost(C[i].any, w[j]);
        if (c < bc && !used[j]) { bc = c; bj = j; }
      }
      if (bj < 0) return Infinity;
      used[bj] = true;
      if (bc >= TYPO) typos2++;
      sum2 += bc;
    }
    return key(2, typos2, sum2, kind, k, m);
  }

  // key orders matches: tier, then fewer typos, then closer words, then
  // titles and abbreviations before synonyms, then fewer extra words.
  function key(tier, typos, sum, kind, k, m) {
    return ((tier * 8 + Math.min(typos, 7)) * 64 + Math.min(sum, 63)) * 256 + kind * 128 + Math.min(k - m + 64, 127);
  }

  function rankNames(idx, Q, limit) {
    prepare(idx);
    var C = costs(idx, Q), best = new Map();
    var typed = Q.text.trim().toLowerCase();
    candidates(idx, Q, C, limit).forEach(function (n) {
      var s = scoreName(nameWords(idx, n), idx.nameKind[n], Q, C);
      if (s === Infinity) return;
      // Then, of equal scores, a name written just as typed (case aside)
      // first: "A-1" before "A.1", which words alone do not tell apart.
      s = 2 * s + (idx.names[n].toLowerCase() === typed ? 0 : 1);
      var t = idx.nameTerm[n], h = best.get(t);
      if (!h || s < h.score) best.set(t, { term: t, score: s, via: { text: idx.names[n], kind: idx.nameKind[n] } });
    });
    return Array.from(best.values()).sort(byRank);
  }

  // byRank puts current terms before deprecated ones, then by score; an
  // exact id finds its control before a term that has it as a name.
  function byRank(a, b) {
    return (a.term.deprecated - b.term.deprecated) || a.score - b.score ||
      ((b.term.kind === 'control') - (a.term.kind === 'control')) || a.term.id - b.term.id;
  }

  // ---- Ranking by full text, below every name match.

  function loadText(idx) {
    return get(base + 'search/text.txt', function (s) {
      var lines = s.split('\n'), head = lines[0].split(' ');
      if (head[0] !== 'nhiglossary-text' || head[1] !== '1' || (idx.hash && head[2] !== idx.hash)) throw new Error('stale text index');
      var tx = { stop: new Set(lines[1].split(' ').slice(1)), shards: new Map() };
      for (var i = 2; i < lines.length; i++) {
        var f = lines[i].split('\t');
        if (f.length === 2) tx.shards.set(f[0], f[1]);
      }
      return tx;
    });
  }

  function loadShard(tx, w) {
    var h = tx.shards.get(Array.from(w).slice(0, 2).join(''));
    if (!h) return Promise.resolve([]);
    return get(base + 'search/t/' + h + '.txt', function (s) {
      return s.split('\n').filter(Boolean).map(function (l) { return l.split('\t'); });
    });
  }

  function postings(s, f) {
    var v = 0, id = -1;
    for (var i = 0; i < s.length; i++) {
      var d = s.charCodeAt(i) - 48;
      if (d >= 32) { v = v * 32 + d - 32; continue; }
      id += v * 32 + d + 1;
      v = 0;
      f(id);
    }
  }

  function rankText(idx, Q, exclude) {
    return loadText(idx).then(function (tx) {
      var ws = Q.words.filter(function (w) { return w.length >= 2 && !tx.stop.has(w); });
      if (!ws.length) return [];
      return Promise.all(ws.map(function (q, i) {
        var last = i === ws.length - 1 && Q.open;
        return loadShard(tx, q).then(function (entries) {
          var docs = new Map();
          entries.forEach(function (e) {
            var c = last ? anyCost(q, e[0]) : fullCost(q, e[0]);
            if (c === NONE) return;
            postings(e[1], function (id) {
              if (!(docs.get(id) <= c)) docs.set(id, c);
            });
          });
          return docs;
        });
      })).then(function (sets) {
        var hits = [];
        sets[0].forEach(function (c0, id) {
          if (exclude.has(id) || !idx.terms[id]) return;
          var typos = 0, sum = 0;
          for (var i = 0; i < sets.length; i++) {
            var c = i ? sets[i].get(id) : c0;
            if (c === undefined) return;
            if (c >= TYPO) typos++;
            sum += c;
          }
          hits.push({ term: idx.terms[id], score: (3 * 8 + Math.min(typos, 7)) * 64 + Math.min(sum, 63) });
        });
        return hits.sort(byRank);
      });
    });
  }

  // search resolves to the ranked hits for q, at most limit, by name and,
  // when names find fewer than limit, by full text.
  function search(q, limit) {
    var Q = parseQuery(q);
    if (!Q.words.length) return Promise.resolve({ Q: Q, hits: [] });
    return loadNames().then(function (idx) {
      var hits = rankNames(idx, Q, limit).slice(0, limit);
      var done = { Q: Q, idx: idx, hits: hits };
      if (hits.length >= limit) return done;
      // The full text waits for the hits by name to show and ask for
      // their summaries, which the reader sees first.
      done.more = new Promise(function (resolve) { setTimeout(resolve, 0); })
        .then(function () { return rankText(idx, Q, new Set(hits.map(function (h) { return h.term.id; }))); })
        .then(function (more) { return currentFirst(hits.concat(more)).slice(0, limit); }, function () { return hits; });
      return done;
    });
  }

  // currentFirst moves deprecated terms after current ones, keeping order.
  function currentFirst(hits) {
    return hits.filter(function (h) { return !h.term.deprecated; })
      .concat(hits.filter(function (h) { return h.term.deprecated; }));
  }

  // ---- Showing hits.

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // highlight fills e with text, the words that match the query marked.
  function highlight(e, text, Q) {
    e.textContent = '';
    var at = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var w = fold(m[0]), hit = false;
      for (var i = 0; i < Q.words.length && !hit; i++) hit = anyCost(Q.words[i], w) !== NONE;
      if (!hit) continue;
      e.appendChild(document.createTextNode(text.slice(at, m.index)));
      e.appendChild(el('mark', '', m[0]));
      at = m.index + m[0].length;
    }
    e.appendChild(document.createTextNode(text.slice(at)));
    return e;
  }

  // hitLink makes one hit; its summary is filled when it arrives, or at
  // once when given (the results page waits for them: a hit that grows
  // when its summary lands moves everything below it).
  function hitLink(r, h, cls, known) {
    var t = h.term, a = el('a', cls);
    a.href = (t.lang ? home : base) + (t.path !== undefined ? t.path : 'terms/' + (t.slug || slugOf(t.title)) + '/');
    // An untranslated hit's own words are in its language; the labels
    // around them ("Vorfall", "veraltet") in the page's.
    var own = function (span) { if (t.lang) span.lang = t.lang; return span; };
    if (t.lang) a.hreflang = t.lang;
    a.appendChild(el('span', 'search-hit-kind', tr(t.kind || 'term')));
    a.appendChild(highlight(own(el('span', 'search-hit-title')), t.title, r.Q));
    if (t.lang) a.appendChild(el('span', 'badge badge-lang', t.lang));
    if (t.abbrs.length) a.appendChild(highlight(own(el('span', 'search-hit-abbr')), t.abbrs.join(', '), r.Q));
    if (h.via && h.via.kind === 1) a.appendChild(highlight(own(el('span', 'search-hit-aka')), h.via.text, r.Q));
    if (t.deprecated) a.appendChild(el('span', 'badge badge-deprecated search-hit-deprecated', tr('deprecated_badge')));
    var s = a.appendChild(own(el('span', 'search-hit-summary')));
    if (known !== undefined) {
      highlight(s, known, r.Q);
      a.setAttribute('data-summary', 'loaded');
      return a;
    }
    summary(r.idx, t).then(function (text) {
      highlight(s, text, r.Q);
      a.setAttribute('data-summary', 'loaded');
    }, function () {});
    return a;
  }

  function searchURL(q) {
    return base + 'search/?q=' + encodeURIComponent(q);
  }

  // ---- The box on every page: a combobox over a listbox of hits.

  var input = document.getElementById('search-input');
  var popup = document.getElementById('search-popup');
  var form = input && input.form;
  var active = -1, seq = 0, shownFor = null, closed = false;

  function options() { return popup.querySelectorAll('[role=option]'); }

  function setActive(i) {
    var opts = options();
    if (!opts.length) return;
    active = (i + opts.length) % opts.length;
    opts.forEach(function (o, j) { o.setAttribute('aria-selected', j === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', opts[active].id);
    opts[active].scrollIntoView({ block: 'nearest' });
  }

  function close() {
    closed = true;
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  // fillPopup shows hits; an option chosen with the arrows stays chosen
  // when full-text hits arrive below it. Once the reader has closed the
  // list (Esc, or focus leaving the box), late hits refill it unseen, for
  // the arrows to reopen: a list must not pop open under a reader who
  // dismissed it.
  function fillPopup(r, hits) {
    var open = !closed;
    var keep = !popup.hidden && shownFor === r.Q.text ? active : -1;
    shownFor = r.Q.text;
    popup.textContent = '';
    active = -1;
    input.removeAttribute('aria-activedescendant');
    hits.forEach(function (h, i) {
      var a = popup.appendChild(hitLink(r, h, 'search-hit'));
      a.id = 'search-option-' + i;
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.tabIndex = -1;
    });
    if (!hits.length) popup.appendChild(el('p', 'search-empty', tr('search_no_match', r.Q.text.trim())));
    var all = popup.appendChild(el('a', 'search-all', hits.length ? tr('search_all_results', r.Q.text.trim()) : tr('search_full_text')));
    all.href = searchURL(r.Q.text);
    all.id = 'search-option-all';
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    all.tabIndex = -1;
    popup.setAttribute('data-query', r.Q.text);
    if (!open) return;
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (keep >= 0 && keep < hits.length) setActive(keep);
  }

  function onInput() {
    var q = input.value, my = ++seq;
    closed = false;
    if (!q.trim()) { close(); return; }
    search(q, POPUP).then(function (r) {
      if (my !== seq) return;
      var shown = r.hits.length > 0 || !r.more;
      if (shown) fillPopup(r, r.hits);
      if (r.more) {
        r.more.then(function (hits) {
          if (my === seq && (!shown || hits.length > r.hits.length)) fillPopup(r, hits);
        });
      }
    }, function () {
      if (my !== seq) return;
      popup.textContent = '';
      popup.appendChild(el('p', 'search-empty', tr('search_unavailable_az')));
      if (!closed) popup.hidden = false;
    });
  }

  function onKey(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (popup.hidden) {
        // Reopen what Esc closed; a changed query searches afresh.
        if (popup.getAttribute('data-query') !== input.value) { onInput(); return; }
        closed = false;
        popup.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      setActive(active < 0 && e.key === 'ArrowUp' ? -1 : active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      var opts = options();
      if (!popup.hidden && active >= 0 && opts[active]) {
        e.preventDefault();
        location.href = opts[active].href;
      }
    } else if (e.key === 'Escape') {
      // Clearing the box also drops a search still on its way.
      if (!popup.hidden) { e.preventDefault(); close(); } else if (input.value) { input.value = ''; seq++; }
    }
  }

  if (input && popup && form) {
    var action = form.getAttribute('data-search-action');
    if (action) form.setAttribute('action', action);
    input.addEventListener('input', onInput);
    input.addEventListener('keydown', onKey);
    // Enter on a chosen hit opens it (onKey); the form must not also submit.
    form.addEventListener('submit', function (e) { if (!popup.hidden && active >= 0) e.preventDefault(); });
    input.addEventListener('focus', function () { loadNames().catch(function () {}); });
    form.addEventListener('pointerenter', function () { loadNames().catch(function () {}); });
    form.addEventListener('focusout', function (e) {
      if (!form.contains(e.relatedTarget)) close();
    });
    document.addEventListener('keydown', function (e) {
      var t = e.target, tag = t && t.tagName;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  // ---- /search/?q=...: a shareable page of results.

  var results = document.getElementById('search-results');
  var pageInput = document.getElementById('search-page-input');
  var status = document.getElementById('search-status');
  var pageSeq = 0;

  function showPage(q) {
    var my = ++pageSeq;
    if (!q.trim()) { results.textContent = ''; status.textContent = ''; return; }
    status.textContent = tr('search_searching');
    search(q, PAGE).then(function (r) {
      return r.more ? r.more.then(function (hits) { r.hits = hits; return r; }) : r;
    }).then(function (r) {
      // The page shows its results whole, summaries and all, in one go.
      return Promise.all(r.hits.map(function (h) {
        return summary(r.idx, h.term).catch(function () { return ''; });
      })).then(function (texts) { r.texts = texts; return r; });
    }).then(function (r) {
      if (my !== pageSeq) return;
      var all = document.createDocumentFragment();
      r.hits.forEach(function (h, i) {
        all.appendChild(hitLink(r, h, 'search-result', r.texts[i]));
      });
      results.textContent = '';
      results.appendChild(all);
      results.setAttribute('data-query', q);
      status.textContent = r.hits.length ? tr(r.hits.length === 1 ? 'search_one_result' : 'search_n_results', r.hits.length, q.trim()) : tr('search_no_match', q.trim());
    }, function () {
      if (my === pageSeq) status.textContent = tr('search_unavailable');
    });
  }

  if (results && status) {
    var q0 = new URLSearchParams(location.search).get('q') || '';
    if (pageInput) {
      pageInput.value = q0;
      pageInput.addEventListener('input', function () {
        history.replaceState(null, '', pageInput.value ? searchURL(pageInput.value) : base + 'search/');
        showPage(pageInput.value);
      });
      if (pageInput.form) pageInput.form.addEventListener('submit', function (e) { e.preventDefault(); showPage(pageInput.value); });
    }
    showPage(q0);
  }
})();
