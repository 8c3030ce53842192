/* kimpress search: finds the words of every article in the index built with the site.
   words/forms/shardOf mirror kimpress/plan/search_text.py exactly; the index format is in kimpress/plan/search.py. */
"use strict";
(() => {
  var STOP = new Set(("yang dan di ke dari untuk dengan ini itu pada dalam atau juga akan ada adalah oleh sebagai " +
    "telah sudah karena bahwa agar para kami kita saya mereka ia pun lah nya the and of to for").split(" "));
  var MIN = 4, V = "aeiou", SUF = {n: ["an"], v: ["kan", "an", "i"], "": ["kan", "an"]};

  function words(text) {
    var found = text.toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "").match(/[\p{L}\p{N}]+/gu) || [];
    return found.filter((w) => ([...w].length > 1 || /^[0-9]$/.test(w)) && !STOP.has(w));
  }
  function cut(w, ends, more) {
    for (var e of ends) {
      if (w.endsWith(e)) return w.length - e.length >= MIN + (more || 0) ? [w.slice(0, -e.length), false] : [w, true];
    }
    return [w, false];
  }
  function unprefix(w) {
    var head = w.slice(0, 2), rest = w.slice(2), kind = "", roots = [], r;
    if (w.startsWith("memper") || w.startsWith("diper")) { roots = [w.slice(w[0] === "m" ? 6 : 5)]; kind = "v"; }
    else if (head === "me" || head === "pe") {
      kind = head === "me" ? "v" : "n";
      if (rest.startsWith("ng")) { r = rest.slice(2); roots = V.includes(r.slice(0, 1)) ? [r, "k" + r] : [r]; }
      else if (rest.startsWith("ny")) roots = V.includes(rest.slice(2, 3)) ? ["s" + rest.slice(2)] : [rest];
      else if (rest[0] === "m" || rest[0] === "n") {
        r = rest.slice(1);
        roots = V.includes(r.slice(0, 1)) ? [(rest[0] === "m" ? "p" : "t") + r, rest] : [r];
      }
      else if (head === "pe" && rest[0] === "r" && !V.includes(rest.slice(1, 2))) roots = [rest.slice(1)];
      else if ("lrwy".includes(rest.slice(0, 1)) && V.includes(rest.slice(1, 2)) ||
               head === "pe" && !V.includes(rest.slice(0, 1))) roots = [rest];
    }
    else if (w.startsWith("ber") || w.startsWith("ter")) { roots = [w.slice(3)]; kind = "v"; }
    else if (head === "be" && !V.includes(w.slice(2, 3)) && w.slice(3, 5) === "er") { roots = [rest]; kind = "v"; }
    else if (head === "di" || head === "ke" || head === "se") { roots = [rest]; kind = head === "di" ? "v" : "n"; }
    roots = roots.filter((x) => x.length >= MIN);
    return roots.length ? [roots, kind] : [[w], ""];
  }
  function roots(w) {
    var found = [w], u = unprefix(w);
    for (var x of u[0]) {
      var c = cut(x, SUF[u[1]]), y = c[0];
      if (c[1]) y = cut(w, SUF[""])[0];
      else if (u[1] && /^(ber|ter|per)/.test(y) && y.length - 3 >= MIN) y = y.slice(3);
      found.push(y);
    }
    return found;
  }
  function forms(word) {
    var found = [word];
    if (word.length >= 5 && /^[a-z]+$/.test(word)) {
      var bare = cut(cut(word, ["lah", "kah", "tah", "pun"], 1)[0], ["nya", "ku", "mu"])[0];
      found = found.concat(roots(bare));
      if (bare !== word && (word.endsWith("ku") || word.endsWith("mu"))) found = found.concat(roots(word).slice(1));
    }
    return [...new Set(found)];
  }
  function shardOf(term) {
    var c = term.slice(0, 1);
    return c >= "a" && c <= "z" ? c : c >= "0" && c <= "9" ? "0" : "_";
  }
  /* The query's words, each with its forms; the last one also as a prefix while it is being typed. */
  function parse(query) {
    var list = [...new Set(words(query))];
    return {words: list.map(forms), prefix: list.length > 0 && /[\p{L}\p{N}\p{M}]$/u.test(query)};
  }
  function needed(query) {
    return [...new Set([].concat.apply([], parse(query).words).map(shardOf))];
  }
  /* Ids of the articles holding every word, by title hits then newest first: [[id, title hits], ...]. */
  function find(shards, query) {
    var q = parse(query), hits = null;
    q.words.forEach((fs, i) => {
      var last = q.prefix && i === q.words.length - 1, found = new Map();
      fs.forEach((f) => {
        var shard = shards[shardOf(f)] || {};
        var keys = last ? Object.keys(shard).filter((k) => k.startsWith(f))
          : Object.prototype.hasOwnProperty.call(shard, f) ? [f] : [];
        keys.forEach((k) => {
          var id = 0;
          for (var v of shard[k]) { id += v >> 1; found.set(id, Math.max(found.get(id) || 0, v & 1)); }
        });
      });
      hits = hits === null ? found : new Map([...hits].filter((h) => found.has(h[0]))
        .map((h) => [h[0], h[1] + found.get(h[0])]));
    });
    return hits ? [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]) : [];
  }
  /* About 200 characters of text around its first match: [[text, marked], ...], or null without one. */
  function snippet(text, query) {
    var q = parse(query), exact = new Set([].concat.apply([], q.words));
    var pre = q.prefix ? q.words[q.words.length - 1] : [], spans = [], m, re = /[\p{L}\p{N}\p{M}]+/gu;
    function hit(token) {
      return words(token).some((w) => {
        return forms(w).some((f) => { return exact.has(f) || pre.some((p) => f.startsWith(p)); });
      });
    }
    while ((m = re.exec(text))) if (hit(m[0])) spans.push([m.index, m.index + m[0].length]);
    if (!spans.length) return null;
    var start = Math.max(0, spans[0][0] - 60), end = Math.min(text.length, start + 200), parts = [], at;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > spans[0][1] ? text.lastIndexOf(" ", end) : end;
    at = start;
    spans.filter((s) => s[0] >= start && s[1] <= end).forEach((s) => {
      parts.push([text.slice(at, s[0]), false], [text.slice(s[0], s[1]), true]);
      at = s[1];
    });
    parts.push([text.slice(at, end) + (end < text.length ? " …" : ""), false]);
    if (start > 0) parts[0][0] = "… " + parts[0][0];
    return parts;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = {words: words, forms: forms, shardOf: shardOf, parse: parse, needed: needed, find: find,
                      snippet: snippet};
  }
  if (typeof document === "undefined") return;
  var form = document.querySelector("form[data-index]");
  if (!form || !window.fetch) return;
  var input = form.elements.q, out = document.getElementById(form.dataset.results), d = form.dataset;
  var lang = document.documentElement.lang || "id", cache = {}, seq = 0, timer, shown, all;
  function load(name) {
    return cache[name] || (cache[name] = fetch(d.index + name).then((r) => {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).catch((e) => { delete cache[name]; throw e; }));
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function say(text) { out.replaceChildren(el("p", text, "search-status")); }
  function day(iso) {
    try { return new Date(iso + "T12:00:00").toLocaleDateString(lang, {day: "numeric", month: "long", year: "numeric"}); }
    catch (e) { return iso; }
  }
  function item(row, query) {
    var li = el("li", "", "search-result"), a = el("a", row[1]), meta = el("p", "", "meta"), time = el("time", day(row[4]));
    var snip = el("p", "", "search-snippet"), h = el("h2");
    a.href = d.base + row[0];
    time.dateTime = row[4];
    meta.append([all.k[row[2]]].concat(row[3] < 0 ? [] : [all.r[row[3]]]).join(" · ") + " · ", time);
    h.append(a);
    li.append(h, meta, snip);
    load("text/" + row[5] + ".json").then((t) => {
      (snippet(t.t, query) || [[t.s, false]]).forEach((p) => {
        snip.append(p[1] ? el("mark", p[0]) : document.createTextNode(p[0]));
      });
    }, () => {});
    return li;
  }
  function more(list, results, query) {
    results.slice(shown, shown + 20).forEach((hit) => { list.append(item(all.d[hit[0]], query)); });
    shown += 20;
    var button = out.querySelector("button");
    if (button) button.remove();
    if (shown < results.length) {
      button = el("button", d.more);
      button.type = "button";
      button.onclick = () => { more(list, results, query); };
      out.append(button);
    }
  }
  function run(query) {
    var mine = ++seq;
    if (!words(query).length) { out.replaceChildren(); return; }
    say(d.loading);
    var shards = {};
    Promise.all([load("docs.json")].concat(needed(query).map((s) => {
      return load("terms-" + s + ".json").then((data) => { shards[s] = data; });
    }))).then((got) => {
      if (mine !== seq) return;
      all = got[0];
      var results = find(shards, query), one = new Intl.PluralRules(lang).select(results.length) === "one";
      say(results.length ? (one ? d.one : d.other).replace("{count}", results.length) : d.none);
      if (!results.length) return;
      var list = el("ol", "", "search-results");
      out.append(list);
      shown = 0;
      more(list, results, query);
    }, () => { if (mine === seq) say(d.error); });
  }
  function remember(query) {
    history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
  }
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { run(input.value); remember(input.value); }, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
    remember(input.value);
  });
  var start = new URLSearchParams(location.search).get("q");
  if (start) { input.value = start; run(start); }
})();
