// Microsite search, in the browser: the tokenizer of src/Search/TOKENIZER.md (the same specification as
// src/Search/Tokenizer.cs, checked against the same cases), the query and its ranking, and the results
// on the search page. The index is a script (assets/search-index.<lang>.js) that sets a global: a
// script loads from file://, where fetch does not. Nothing here runs before the page asks for it.
(function (global) {
  "use strict";

  // ---------------------------------------------------------------------------------------------
  // Tokenizer (TOKENIZER.md sections 1 and 2)

  var CJK = 0, DIGIT = 1, LETTER = 2, APOSTROPHE = 3, DOT = 4, SYMBOL = 5, SPACE = 6, SEPARATOR = 7;
  var LETTERS = /^[\p{L}\p{M}\p{N}]$/u;
  var SYMBOLS = { 0x25: 1, 0x2030: 1, 0xB0: 1, 0x2103: 1, 0xA5: 1, 0x24: 1, 0x20AC: 1, 0xA3: 1 };

  function isCjk(c) {
    return c === 0x3007 || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || c === 0x30FC ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3134F) || (c >= 0xAC00 && c <= 0xD7A3);
  }

  function isIgnorable(c) {
    return c === 0xAD || (c >= 0x200B && c <= 0x200D) || c === 0x2060 || c === 0xFEFF;
  }

  function isSpace(c) {
    return (c >= 0x09 && c <= 0x0D) || c === 0x20 || c === 0x85 || c === 0xA0 || c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200A) || c === 0x2028 || c === 0x202F || c === 0x205F;
  }

  function foldCodePoint(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) {
      c -= 0xFEE0;
    } else if (c === 0xFFE5) {
      c = 0xA5;
    } else if (c === 0x3000) {
      c = 0x20;
    }
    // The simple lower-case mapping: toLowerCase() differs from it only where it gives two code points (U+0130).
    var lower = String.fromCodePoint(c).toLowerCase().codePointAt(0);
    return lower;
  }

  function classify(c, text) {
    if (isCjk(c)) {
      return CJK;
    }
    if (c >= 0x30 && c <= 0x39) {
      return DIGIT;
    }
    if (c === 0x27 || c === 0x2019) {
      return APOSTROPHE;
    }
    if (c === 0x2E) {
      return DOT;
    }
    if (SYMBOLS[c]) {
      return SYMBOL;
    }
    if (isSpace(c)) {
      return SPACE;
    }
    return LETTERS.test(text) ? LETTER : SEPARATOR;
  }

  function read(text) {
    var chars = [];
    for (var i = 0; i < text.length;) {
      var original = text.codePointAt(i);
      var length = original > 0xFFFF ? 2 : 1;
      var c = foldCodePoint(original);
      if (!isIgnorable(c)) {
        var s = String.fromCodePoint(c);
        chars.push({ text: s, kind: classify(c, s), start: i, end: i + length });
      }
      i += length;
    }
    return chars;
  }

  function foldWord(word) {
    if (/'s$/.test(word)) {
      word = word.slice(0, -2);
    }
    if (word.length >= 5 && /ies$/.test(word)) {
      return word.slice(0, -3) + "y";
    }
    if (word.length >= 4 && /(sses|xes|ches|shes)$/.test(word)) {
      return word.slice(0, -2);
    }
    if (word.length >= 4 && /[^sui]s$/.test(word)) {
      return word.slice(0, -1);
    }
    return word;
  }

  // Tokens: { text, start, end, cjk }. Every token takes the next position; see TOKENIZER.md.
  function tokenize(text) {
    var chars = read(String(text));
    var tokens = [];
    var i = 0, j, k;
    while (i < chars.length) {
      var c = chars[i];
      if (c.kind === CJK) {
        var run = [c];
        j = i + 1;
        while (j < chars.length) {
          if (chars[j].kind === CJK) {
            run.push(chars[j]);
            j++;
            continue;
          }
          // Spaces between two CJK characters are a line break of the source, not a word boundary.
          k = j;
          while (k < chars.length && chars[k].kind === SPACE) {
            k++;
          }
          if (k > j && k < chars.length && chars[k].kind === CJK) {
            j = k;
            continue;
          }
          break;
        }
        for (k = 0; k < run.length; k++) {
          tokens.push(k + 1 < run.length
            ? { text: run[k].text + run[k + 1].text, start: run[k].start, end: run[k + 1].end, cjk: true }
            : { text: run[k].text, start: run[k].start, end: run[k].end, cjk: true });
        }
        i = j;
      } else if (c.kind === DIGIT) {
        var number = "";
        j = i;
        while (j < chars.length) {
          if (chars[j].kind === DIGIT) {
            number += chars[j].text;
            j++;
          } else if (chars[j].kind === DOT && j + 1 < chars.length && chars[j + 1].kind === DIGIT) {
            number += ".";
            j++;
          } else {
            break;
          }
        }
        tokens.push({ text: number, start: c.start, end: chars[j - 1].end, cjk: false });
        i = j;
      } else if (c.kind === LETTER) {
        var word = "";
        j = i;
        while (j < chars.length) {
          if (chars[j].kind === LETTER) {
            word += chars[j].text;
            j++;
          } else if (chars[j].kind === APOSTROPHE && j + 1 < chars.length && chars[j + 1].kind === LETTER) {
            word += "'";
            j++;
          } else {
            break;
          }
        }
        tokens.push({ text: foldWord(word), start: c.start, end: chars[j - 1].end, cjk: false });
        i = j;
      } else if (c.kind === SYMBOL) {
        tokens.push({ text: c.text, start: c.start, end: c.end, cjk: false });
        i++;
      } else {
        i++;
      }
    }
    return tokens;
  }

  // ---------------------------------------------------------------------------------------------
  // The index (written by src/Search/SearchIndexBuilder.cs)

  var KIND_PAGE = 0, KIND_GLOSSARY = 2;

  function load(raw) {
    var keys = [];
    var lists = Object.create(null);
    var entries = raw.terms ? raw.terms.split("|") : [];
    for (var i = 0; i < entries.length; i++) {
      var space = entries[i].indexOf(" ");
      var key = entries[i].slice(0, space);
      keys.push(key);
      lists[key] = entries[i].slice(space + 1);
    }
    var docs = raw.docs.map(function (d, n) {
      var page = raw.pages[d[1]];
      return {
        id: n,
        kind: d[0],
        href: page[0] + (d[2] ? "#" + d[2] : ""),
        pageTitle: page[1],
        title: d[0] === KIND_PAGE ? page[1] : d[3],
        text: d[4],
      };
    });
    return { lang: raw.lang, keys: keys, lists: lists, docs: docs, synonyms: raw.synonyms || [], decoded: Object.create(null) };
  }

  function decode(index, key) {
    if (index.decoded[key]) {
      return index.decoded[key];
    }
    var gaps = index.lists[key] ? index.lists[key].split(",") : [];
    var ids = [];
    var id = 0;
    for (var i = 0; i < gaps.length; i++) {
      id += parseInt(gaps[i], 36);
      ids.push(id);
    }
    index.decoded[key] = ids;
    return ids;
  }

  // The documents that hold a token; for one CJK character, every bigram that starts with it too.
  function postings(index, token) {
    if (!isUnigram(token)) {
      return decode(index, token.text);
    }
    var keys = index.keys;
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < token.text) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    var found = Object.create(null);
    for (var i = lo; i < keys.length && keys[i].lastIndexOf(token.text, 0) === 0; i++) {
      var ids = decode(index, keys[i]);
      for (var j = 0; j < ids.length; j++) {
        found[ids[j]] = true;
      }
    }
    return Object.keys(found).map(Number);
  }

  // ---------------------------------------------------------------------------------------------
  // Matching and ranking (TOKENIZER.md section 3)

  function isUnigram(token) {
    return token.cjk && String.fromCodePoint(token.text.codePointAt(0)) === token.text;
  }

  function matches(query, token) {
    return query.text === token.text || (isUnigram(query) && token.cjk && token.text.lastIndexOf(query.text, 0) === 0);
  }

  // Where the query's tokens occur at consecutive positions: the spans to highlight.
  function phrases(tokens, query) {
    var found = [];
    if (query.length === 0) {
      return found;
    }
    outer:
    for (var i = 0; i + query.length <= tokens.length; i++) {
      for (var j = 0; j < query.length; j++) {
        if (!matches(query[j], tokens[i + j])) {
          continue outer;
        }
      }
      var last = query[query.length - 1];
      var lastToken = tokens[i + query.length - 1];
      // A single character that matched a bigram highlights that character only.
      var end = isUnigram(last) && lastToken.text !== last.text ? lastToken.start + (lastToken.text.codePointAt(0) > 0xFFFF ? 2 : 1) : lastToken.end;
      found.push([tokens[i].start, end]);
    }
    return found;
  }

  // A CJK term may also be found scattered: its 1st, 3rd, 5th… token of each run, which cover every character.
  function required(term) {
    var list = [];
    var offset = 0;
    for (var i = 0; i < term.length; i++) {
      if (!term[i].cjk) {
        list.push(term[i]);
        offset = 0;
        continue;
      }
      if (offset % 2 === 0) {
        list.push(term[i]);
      }
      offset = isUnigram(term[i]) ? 0 : offset + 1;
    }
    return list;
  }

  function hasCjk(term) {
    for (var i = 0; i < term.length; i++) {
      if (term[i].cjk) {
        return true;
      }
    }
    return false;
  }

  // The spans where a term is found in a field, as a phrase or (CJK) scattered; null when it is not.
  function findTerm(tokens, term) {
    var spans = phrases(tokens, term);
    if (spans.length > 0) {
      return spans;
    }
    if (!hasCjk(term)) {
      return null;
    }
    var parts = required(term);
    for (var i = 0; i < parts.length; i++) {
      var part = phrases(tokens, [parts[i]]);
      if (part.length === 0) {
        return null;
      }
      spans = spans.concat(part);
    }
    return spans;
  }

  function parseQuery(text) {
    var terms = String(text).split(/\s+/).map(tokenize).filter(function (t) { return t.length > 0; });
    return { text: String(text), phrase: tokenize(text), terms: terms };
  }

  function sameTokens(a, b) {
    if (a.length !== b.length || a.length === 0) {
      return false;
    }
    for (var i = 0; i < a.length; i++) {
      if (a[i].text !== b[i].text) {
        return false;
      }
    }
    return true;
  }

  function intersect(a, b) {
    var set = Object.create(null);
    for (var i = 0; i < b.length; i++) {
      set[b[i]] = true;
    }
    return a.filter(function (x) { return set[x]; });
  }

  function candidates(index, query) {
    var ids = null;
    for (var t = 0; t < query.terms.length; t++) {
      var parts = required(query.terms[t]);
      for (var p = 0; p < parts.length; p++) {
        var list = postings(index, parts[p]);
        ids = ids === null ? list : intersect(ids, list);
        if (ids.length === 0) {
          return ids;
        }
      }
    }
    return ids || [];
  }

  // Tier 0: the title holds the phrase; 1: the title holds every term; 2: the text holds the phrase;
  // 3: every term is somewhere in title or text. -1 is kept for a glossary entry whose term is the query.
  function evaluate(doc, query, cache) {
    var fields = cache[doc.id] || (cache[doc.id] = { title: tokenize(doc.title), text: tokenize(doc.text) });
    var titlePhrase = phrases(fields.title, query.phrase);
    var textPhrase = phrases(fields.text, query.phrase);
    var titleSpans = titlePhrase.slice();
    var textSpans = textPhrase.slice();
    var inTitle = true;
    for (var t = 0; t < query.terms.length; t++) {
      var a = findTerm(fields.title, query.terms[t]);
      var b = findTerm(fields.text, query.terms[t]);
      if (!a && !b) {
        return null;
      }
      inTitle = inTitle && !!a;
      titleSpans = titleSpans.concat(a || []);
      textSpans = textSpans.concat(b || []);
    }
    var tier = titlePhrase.length > 0 ? 0 : inTitle ? 1 : textPhrase.length > 0 ? 2 : 3;
    return { tier: tier, titleSpans: merge(titleSpans), textSpans: merge(textSpans), phraseAt: textPhrase.length > 0 ? textPhrase[0][0] : -1 };
  }

  function merge(spans) {
    spans.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var out = [];
    for (var i = 0; i < spans.length; i++) {
      if (out.length > 0 && spans[i][0] <= out[out.length - 1][1]) {
        out[out.length - 1][1] = Math.max(out[out.length - 1][1], spans[i][1]);
      } else {
        out.push([spans[i][0], spans[i][1]]);
      }
    }
    return out;
  }

  // Results: [{ doc, tier, titleSpans, textSpans, phraseAt }], best first.
  function search(index, text) {
    var query = parseQuery(text);
    if (query.terms.length === 0) {
      return [];
    }
    // A query equal to a glossary term (any language, any alias) also searches the term's other forms.
    var queries = [query];
    var entries = [];
    for (var s = 0; s < index.synonyms.length; s++) {
      var forms = index.synonyms[s][1];
      for (var f = 0; f < forms.length; f++) {
        if (sameTokens(tokenize(forms[f]), query.phrase)) {
          entries.push(index.synonyms[s][0]);
          for (var g = 0; g < forms.length; g++) {
            if (g !== f) {
              queries.push(parseQuery(forms[g]));
            }
          }
          break;
        }
      }
    }
    var best = Object.create(null);
    var cache = Object.create(null);
    for (var q = 0; q < queries.length; q++) {
      var ids = candidates(index, queries[q]);
      for (var i = 0; i < ids.length; i++) {
        var result = evaluate(index.docs[ids[i]], queries[q], cache);
        if (result && (!best[ids[i]] || result.tier < best[ids[i]].tier)) {
          result.doc = index.docs[ids[i]];
          best[ids[i]] = result;
        }
      }
    }
    for (var e = 0; e < entries.length; e++) {
      var doc = index.docs[entries[e]];
      var own = best[doc.id] || evaluate(doc, parseQuery(doc.title), cache) || { titleSpans: [], textSpans: [], phraseAt: -1 };
      own.doc = doc;
      own.tier = -1;
      best[doc.id] = own;
    }
    return Object.keys(best).map(function (id) { return best[id]; }).sort(function (a, b) {
      return a.tier - b.tier || a.doc.id - b.doc.id;
    });
  }

  // The part of the text to show: around the first phrase (or else the first match), cut at spaces in Latin text.
  function snippet(text, spans, cjk, focus) {
    var before = cjk ? 24 : 70;
    var length = cjk ? 90 : 220;
    var first = focus >= 0 ? focus : spans.length > 0 ? spans[0][0] : 0;
    var start = Math.max(0, first - before);
    var end = Math.min(text.length, start + length);
    if (!cjk) {
      if (start > 0) {
        var space = text.indexOf(" ", start);
        start = space >= 0 && space < first ? space + 1 : start;
      }
      if (end < text.length) {
        var last = text.lastIndexOf(" ", end);
        end = last > first ? last : end;
      }
    }
    text = display(text);
    var parts = [];
    var at = start;
    for (var i = 0; i < spans.length; i++) {
      var s = Math.max(spans[i][0], start), e = Math.min(spans[i][1], end);
      if (e <= s) {
        continue;
      }
      if (s > at) {
        parts.push({ text: text.slice(at, s), mark: false });
      }
      parts.push({ text: text.slice(s, e), mark: true });
      at = e;
    }
    if (at < end) {
      parts.push({ text: text.slice(at, end), mark: false });
    }
    return { before: start > 0, after: end < text.length, parts: parts };
  }

  // How the text reads on the page, character for character (so spans still fit): a line break of the
  // source is a space between words and nothing between two Chinese characters; blocks are spaced.
  function display(text) {
    return text.replace(/[\n\u2029]/g, function (c, at) {
      if (c === "\n" && at > 0 && at + 1 < text.length && isCjk(text.charCodeAt(at - 1)) && isCjk(text.charCodeAt(at + 1))) {
        return "\u200B";
      }
      return " ";
    });
  }

  var api = { tokenize: tokenize, load: load, search: search, snippet: snippet };
  global.MicrositeSearch = api;

  // ---------------------------------------------------------------------------------------------
  // The search page

  if (typeof document === "undefined") {
    return;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  function appendMarked(element, parts) {
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].mark) {
        var mark = document.createElement("mark");
        mark.textContent = parts[i].text;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(parts[i].text));
      }
    }
  }

  function setupPage() {
    var app = document.querySelector("[data-search-app]");
    var raw = global.MicrositeSearchIndex;
    if (!app || !raw || raw.v !== 1) {
      return; // no index (it failed to load): the page keeps saying what to do without search
    }
    var index = load(raw);
    var form = document.querySelector("[data-search-form]");
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var cjk = app.getAttribute("data-cjk") === "true";
    var glossaryLabel = app.getAttribute("data-glossary");
    var switches = document.querySelectorAll("a[data-lang-switch]");
    var switchBase = [];
    for (var i = 0; i < switches.length; i++) {
      switchBase.push(switches[i].getAttribute("href").split("?")[0]);
    }
    var noScript = document.querySelector("[data-search-nojs]");
    if (noScript) {
      noScript.hidden = true;
    }
    form.hidden = false;
    app.hidden = false;

    function render(text) {
      var query = text.trim();
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      for (var s = 0; s < switches.length; s++) {
        switches[s].setAttribute("href", switchBase[s] + (query ? "?q=" + encodeURIComponent(query) : ""));
      }
      if (!query) {
        status.textContent = "";
        list.hidden = true;
        return;
      }
      var results = search(index, query);
      list.hidden = results.length === 0;
      status.textContent = format(app.getAttribute(results.length === 0 ? "data-none" : results.length === 1 ? "data-one" : "data-many"),
        { count: String(results.length), query: query });
      for (var r = 0; r < results.length; r++) {
        var result = results[r];
        var item = document.createElement("li");
        item.className = "search-result";
        var link = document.createElement("a");
        link.href = result.doc.href;
        link.className = "search-result-link";
        var title = document.createElement("span");
        title.className = "search-result-title";
        appendMarked(title, markAll(result.doc.title, result.titleSpans));
        link.appendChild(title);
        if (result.doc.kind !== KIND_PAGE) {
          var page = document.createElement("span");
          page.className = "search-result-page";
          page.textContent = result.doc.kind === KIND_GLOSSARY ? glossaryLabel : result.doc.pageTitle;
          link.appendChild(page);
        }
        item.appendChild(link);
        if (result.doc.text) {
          var cut = snippet(result.doc.text, result.textSpans, cjk, result.phraseAt);
          var p = document.createElement("p");
          p.className = "search-result-snippet";
          if (cut.before) {
            p.appendChild(document.createTextNode("…"));
          }
          appendMarked(p, cut.parts);
          if (cut.after) {
            p.appendChild(document.createTextNode("…"));
          }
          item.appendChild(p);
        }
        list.appendChild(item);
      }
    }

    function markAll(text, spans) {
      var parts = [];
      var at = 0;
      for (var i = 0; i < spans.length; i++) {
        if (spans[i][0] > at) {
          parts.push({ text: text.slice(at, spans[i][0]), mark: false });
        }
        parts.push({ text: text.slice(spans[i][0], spans[i][1]), mark: true });
        at = spans[i][1];
      }
      if (at < text.length) {
        parts.push({ text: text.slice(at), mark: false });
      }
      return parts;
    }

    // The address keeps the query, so results can be bookmarked and shared (file:// may refuse: then it does not).
    function remember(query) {
      try {
        var url = window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "");
        window.history.replaceState(null, "", url);
      } catch (e) {
        // not remembered; the results are shown all the same
      }
    }

    var timer = 0;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        render(input.value);
        remember(input.value.trim());
      }, 200);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      render(input.value);
      remember(input.value.trim());
    });

    // Arrow keys move between the box and the results; Tab works as everywhere.
    function links() {
      return list.querySelectorAll("a.search-result-link");
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length > 0) {
        event.preventDefault();
        links()[0].focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") {
        return;
      }
      var all = Array.prototype.slice.call(links());
      var at = all.indexOf(document.activeElement);
      if (at < 0) {
        return;
      }
      event.preventDefault();
      if (event.key === "ArrowDown") {
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (at === 0) {
        input.focus();
      } else {
        all[at - 1].focus();
      }
    });

    var initial = "";
    try {
      initial = new URLSearchParams(window.location.search).get("q") || "";
    } catch (e) {
      initial = "";
    }
    input.value = initial;
    render(initial);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupPage);
  } else {
    setupPage();
  }
})(typeof window !== "undefined" ? window : this);
