/**
 * The site's stylesheet and scripts: plain CSS and a few dozen lines of
 * browser JavaScript, no framework. Kept as text here so the build writes
 * them like any other page.
 */

export const SITE_CSS = `:root{--fg:#1b1b1b;--muted:#555;--bg:#fff;--line:#d0d0d0;--accent:#0b57d0;--soft:#f3f5f8;--code:#f4f4f4;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:var(--fg);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,pre:focus-visible,[tabindex]:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem;top:.5rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.banner{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 2rem;padding:.75rem 1.5rem;background:#1d2733;color:#fff}
.banner a{color:#fff;text-decoration:none}
.banner a:hover,.banner a[aria-current=page]{text-decoration:underline;text-underline-offset:4px}
.brand{margin:0;font-weight:700;font-size:1.1rem}
.banner ul{list-style:none;display:flex;flex-wrap:wrap;gap:1.25rem;margin:0;padding:0}
main{max-width:78rem;margin:0 auto;padding:1rem 1.5rem 3rem}
main:focus{outline:none}
h1{font-size:1.8rem;margin:.5rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:0}
code,pre,kbd{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
pre{background:var(--code);padding:.75rem 1rem;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid var(--line);border-radius:4px;margin:.25rem 0 1rem}
kbd{border:1px solid var(--line);border-radius:3px;padding:0 .3em;background:var(--soft)}
.muted,.hint,.price-meta{color:var(--muted)}
.hint{display:block;font-size:.85rem}
.filters{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:flex-end;background:var(--soft);padding:1rem;border-radius:6px;border:1px solid var(--line)}
.field{display:flex;flex-direction:column;gap:.25rem;margin:0}
.field label,legend{font-weight:600}
.price-range{flex-direction:row;align-items:center;gap:.5rem;border:0;padding:0}
.price-range legend{padding:0;margin-bottom:.25rem;float:left;width:100%}
.price-range label{font-weight:400}
input,select,button{font:inherit;padding:.35rem .5rem;border:1px solid #767676;border-radius:4px;background:#fff;color:var(--fg)}
input[type=search]{min-width:20rem}
input[type=number]{width:7rem}
button{cursor:pointer;background:var(--soft)}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
thead th{background:var(--soft);position:sticky;top:0}
table.models td:first-child a{font-weight:600}
table.models .id{display:block;color:var(--muted);font-size:.85rem;overflow-wrap:anywhere}
table.fields td:first-child{white-space:nowrap}
table.fields td:last-child{min-width:18rem}
.lvl2{padding-left:1rem}.lvl3{padding-left:2rem}.lvl4{padding-left:3rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.5rem;margin:0 0 1rem}
.facts dt{font-weight:600}
.facts dd{margin:0;overflow-wrap:anywhere}
.price{font-weight:600}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0;font-size:.9rem}
.crumbs li+li::before{content:"/";margin-right:.25rem;color:var(--muted)}
.code{margin:1rem 0}
.code-head{display:flex;align-items:center;gap:1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem;list-style:none;padding:0}
.cards li{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem}
.foot{border-top:1px solid var(--line);color:var(--muted);padding:1rem 1.5rem;font-size:.9rem;max-width:78rem;margin:0 auto}
@media (max-width:40rem){input[type=search]{min-width:0;width:100%}.facts{grid-template-columns:1fr}}
`;

/** The index's search: reads window.HUB_INDEX, filters on every keystroke, keeps the filters in the URL's hash. */
export const SEARCH_JS = `(function () {
  'use strict';
  var data = window.HUB_INDEX;
  var F = {};
  data.fields.forEach(function (f, i) { F[f] = i; });
  var KINDS = ['video', 'image', 'audio', 'speech', 'text', '3d', 'json'];
  var models = data.rows.map(function (r) {
    var cat = r[F.category];
    var out = cat.indexOf('-to-') >= 0 ? cat.slice(cat.lastIndexOf('-to-') + 4) : cat;
    return { r: r, hay: [r[F.id], r[F.name], r[F.provider], cat, r[F.tags]].join(' ').toLowerCase(), kind: KINDS.indexOf(out) >= 0 ? out : '' };
  });
  var $ = function (id) { return document.getElementById(id); };
  var q = $('q'), category = $('category'), provider = $('provider'), min = $('min'), max = $('max');
  var tbody = document.querySelector('#results tbody'), count = $('count'), more = $('more');
  var LIMIT = 200, showAll = false;
  var esc = function (s) { return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); };
  var num = function (el) { var v = el.value.trim(); return v === '' || isNaN(Number(v)) ? null : Number(v); };
  function row(m) {
    var r = m.r, name = r[F.name] || r[F.id];
    var price = r[F.price] ? '<span class="price">' + esc(r[F.price]) + '</span>' + (r[F.source] || r[F.asOf] ? '<br><span class="price-meta">' + esc([r[F.source] ? 'source: ' + r[F.source].replace(/^https?:\\/\\/([^\\/]+).*$/, '$1') : '', r[F.asOf] ? 'as of ' + r[F.asOf] : ''].filter(Boolean).join(', ')) + '</span>' : '') : '<span class="muted">no price</span>';
    return '<tr><td><a href="' + esc(r[F.href]) + '">' + esc(name) + '</a>' + (r[F.name] ? '<span class="id">' + esc(r[F.id]) + '</span>' : '') + (r[F.status] !== 'active' ? ' <span class="muted">(' + esc(r[F.status]) + ')</span>' : '') + '</td><td>' + esc(r[F.provider]) + '</td><td>' + (esc(r[F.category]) || '<span class="muted">uncategorized</span>') + '</td><td>' + price + '</td></tr>';
  }
  function update(fromUser) {
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var c = category.value, p = provider.value, lo = num(min), hi = num(max);
    var hits = models.filter(function (m) {
      var r = m.r;
      if (p && r[F.provider] !== p) return false;
      if (c) {
        if (c.indexOf('kind:') === 0) { if (m.kind !== c.slice(5)) return false; }
        else if (c === '-') { if (r[F.category]) return false; }
        else if (r[F.category] !== c) return false;
      }
      if (lo !== null || hi !== null) {
        var a = r[F.amount];
        if (a === null || (lo !== null && a < lo) || (hi !== null && a > hi)) return false;
      }
      for (var i = 0; i < words.length; i++) if (m.hay.indexOf(words[i]) < 0) return false;
      return true;
    });
    var shown = showAll ? hits : hits.slice(0, LIMIT);
    tbody.innerHTML = shown.map(row).join('');
    count.textContent = (hits.length === models.length ? models.length + ' models' : hits.length + ' of ' + models.length + ' models match') + (shown.length < hits.length ? '; the first ' + shown.length + ' are shown' : '');
    more.hidden = shown.length >= hits.length;
    if (fromUser) {
      var h = [['q', q.value.trim()], ['category', c], ['provider', p], ['min', min.value], ['max', max.value]].filter(function (kv) { return kv[1]; }).map(function (kv) { return kv[0] + '=' + encodeURIComponent(kv[1]); }).join('&');
      history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    }
  }
  function fromHash() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) { var i = kv.indexOf('='); if (i > 0) params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); });
    q.value = params.q || ''; provider.value = params.provider || ''; min.value = params.min || ''; max.value = params.max || '';
    category.value = params.category || '';
    if (category.selectedIndex < 0) category.selectedIndex = 0;
  }
  [q, min, max].forEach(function (el) { el.addEventListener('input', function () { showAll = false; update(true); }); });
  [category, provider].forEach(function (el) { el.addEventListener('change', function () { showAll = false; update(true); }); });
  $('reset').addEventListener('click', function () { setTimeout(function () { showAll = false; update(true); q.focus(); }, 0); });
  $('show-all').addEventListener('click', function () { showAll = true; update(false); });
  window.addEventListener('hashchange', function () { fromHash(); update(false); });
  document.addEventListener('keydown', function (e) {
    var t = e.target && e.target.tagName;
    if (e.key === '/' && t !== 'INPUT' && t !== 'SELECT' && t !== 'TEXTAREA') { e.preventDefault(); q.focus(); q.select(); }
  });
  fromHash();
  update(false);
})();
`;

/** Copy buttons of the example blocks; the result is announced in a status region. */
export const COPY_JS = `(function () {
  'use strict';
  var status = document.getElementById('copy-status');
  function say(text) { if (status) status.textContent = text; }
  document.addEventListener('click', function (e) {
    var b = e.target && e.target.closest ? e.target.closest('button[data-copy]') : null;
    if (!b) return;
    var pre = document.getElementById(b.getAttribute('data-copy'));
    if (!pre) return;
    var text = pre.textContent;
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(pre);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
      say(ok ? 'Copied.' : 'Selected: press Ctrl+C (or Cmd+C) to copy.');
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(function () { say('Copied.'); b.textContent = 'Copied'; setTimeout(function () { b.textContent = 'Copy'; }, 1500); }, fallback);
    else fallback();
  });
})();
`;
