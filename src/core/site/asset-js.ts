/**
 * `assets/site.js`: the index's filters, counts and sort (state kept in the URL's hash, so a filtered
 * view can be linked). Plain DOM, no innerHTML: every value reaches the page as text.
 */
export const SITE_JS = `(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var table = document.querySelector('[data-adr-table]');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var selects = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var text = document.querySelector('[data-filter-text]');
  var sort = document.querySelector('[data-sort]');
  var shown = document.querySelector('[data-shown]');
  var empty = document.querySelector('[data-empty]');
  var counts = Array.prototype.slice.call(document.querySelectorAll('button.count'));

  function values(row, key) {
    var v = row.getAttribute('data-' + key) || '';
    return v === '' ? [] : v.split('\\n');
  }
  function apply() {
    var wanted = {};
    selects.forEach(function (s) { if (s.value) wanted[s.getAttribute('data-filter')] = s.value; });
    var needle = text ? text.value.trim().toLowerCase() : '';
    var n = 0;
    rows.forEach(function (row) {
      var ok = Object.keys(wanted).every(function (key) { return values(row, key).indexOf(wanted[key]) !== -1; });
      if (ok && needle) ok = (row.getAttribute('data-title') || '').indexOf(needle) !== -1;
      row.hidden = !ok;
      if (ok) n++;
    });
    if (shown) shown.textContent = String(n);
    if (empty) empty.hidden = n !== 0;
    var status = (selects.filter(function (s) { return s.getAttribute('data-filter') === 'status'; })[0] || {}).value || '';
    counts.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-status') === status)); });
    save();
  }
  function order() {
    var how = sort ? sort.value : 'number-desc';
    var parts = how.split('-');
    var key = parts[0];
    var dir = parts[1] === 'asc' ? 1 : -1;
    var sorted = rows.slice().sort(function (a, b) {
      var x = a.getAttribute('data-' + key) || '';
      var y = b.getAttribute('data-' + key) || '';
      if (key === 'number') { x = Number(x || 0); y = Number(y || 0); }
      return x < y ? -dir : x > y ? dir : 0;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
    save();
  }
  function save() {
    var parts = [];
    selects.forEach(function (s) { if (s.value) parts.push(s.getAttribute('data-filter') + '=' + encodeURIComponent(s.value)); });
    if (sort && sort.value !== 'number-desc') parts.push('sort=' + sort.value);
    if (text && text.value) parts.push('text=' + encodeURIComponent(text.value));
    var hash = parts.length ? '#' + parts.join('&') : '';
    if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
  }
  function load() {
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var i = pair.indexOf('=');
      if (i < 1) return;
      var key = pair.slice(0, i);
      var value = decodeURIComponent(pair.slice(i + 1));
      if (key === 'sort' && sort) sort.value = value;
      else if (key === 'text' && text) text.value = value;
      else selects.forEach(function (s) { if (s.getAttribute('data-filter') === key) s.value = value; });
    });
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  if (text) text.addEventListener('input', apply);
  if (sort) sort.addEventListener('change', order);
  counts.forEach(function (b) {
    b.addEventListener('click', function () {
      var s = selects.filter(function (x) { return x.getAttribute('data-filter') === 'status'; })[0];
      if (!s) return;
      var status = b.getAttribute('data-status');
      s.value = s.value === status ? '' : status;
      apply();
    });
  });
  load();
  order();
  apply();
})();
`

/** `assets/search.js`: loads the index built at export time and shows the matches as links. */
export const SEARCH_JS = `(function () {
  'use strict';
  var data = window.ADRGATE_SEARCH;
  var input = document.querySelector('[data-search-input]');
  var list = document.querySelector('[data-search-results]');
  var status = document.querySelector('[data-search-status]');
  if (!data || !input || !list || typeof MiniSearch === 'undefined') return;
  var stop = {};
  data.stopWords.forEach(function (w) { stop[w] = true; });
  function processTerm(term) {
    var t = term.toLowerCase();
    return t.length < 2 || stop[t] ? null : t;
  }
  var index = MiniSearch.loadJS(data.index, { fields: data.fields, processTerm: processTerm });
  var root = document.body.getAttribute('data-root') || '';
  function show(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    query = query.trim();
    if (!query) { status.textContent = 'Type a word to search.'; return; }
    var hits = index.search(query, { prefix: true, fuzzy: 0.15, boost: { title: 3 }, combineWith: 'AND' });
    status.textContent = hits.length === 0 ? 'No decision matches “' + query + '”.' : hits.length + (hits.length === 1 ? ' decision matches.' : ' decisions match.');
    hits.slice(0, 100).forEach(function (hit) {
      var doc = data.docs[hit.id];
      var li = document.createElement('li');
      var chip = document.createElement('span');
      chip.className = 'chip chip-' + (/^(proposed|accepted|rejected|deprecated|superseded)$/.test(doc[2]) ? doc[2] : 'other');
      chip.textContent = doc[2];
      var a = document.createElement('a');
      a.href = root + doc[0].split('/').map(encodeURIComponent).join('/');
      a.textContent = doc[1];
      li.appendChild(a);
      li.appendChild(chip);
      list.appendChild(li);
    });
  }
  var timer;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 80);
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; var top = document.getElementById('q-top'); if (top) top.value = q; }
  show(input.value);
})();
`
