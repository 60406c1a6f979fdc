// The SPARQL query page: examples, highlighting, run, table, chart, downloads, permalink. No third-party host.
(function () {
  'use strict';
  const root = document.querySelector('.sparql');
  const en = root.dataset.lang === 'en';
  const t = (fr, english) => (en ? english : fr);
  const prefixes = root.dataset.prefixes.split('\n').filter(Boolean);
  const editor = document.getElementById('query');
  const highlight = document.getElementById('highlight');
  const statusLine = document.getElementById('status');
  const results = document.getElementById('results');
  const chart = document.getElementById('chart');
  const search = document.getElementById('example-search');
  const list = document.getElementById('examples');
  let examples = [];

  const KEYWORDS = /\b(PREFIX|BASE|SELECT|DISTINCT|REDUCED|AS|CONSTRUCT|DESCRIBE|ASK|WHERE|FROM|NAMED|GRAPH|OPTIONAL|UNION|MINUS|FILTER|EXISTS|NOT|BIND|VALUES|GROUP|BY|HAVING|ORDER|ASC|DESC|LIMIT|OFFSET|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT|SEPARATOR|IN|a|true|false)\b/gi;
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  function paint() {
    const tokens = /(#[^\n]*)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(<[^<>\s]*>)|([?$][\w]+)|(\b\d+(?:\.\d+)?\b)|([\w-]*:[\w.-]*)|([A-Za-z_]+)/g;
    let out = '';
    let last = 0;
    const text = editor.value;
    text.replace(tokens, (m, cmt, str, iri, v, num, pname, word, offset) => {
      out += esc(text.slice(last, offset));
      const cls = cmt ? 'cmt' : str ? 'str' : iri || pname ? 'iri' : v ? 'var' : num ? 'num'
        : word && word.match(KEYWORDS) && word.match(KEYWORDS)[0].length === word.length ? 'kw' : null;
      out += cls ? '<span class="' + cls + '">' + esc(m) + '</span>' : esc(m);
      last = offset + m.length;
      return m;
    });
    highlight.innerHTML = out + esc(text.slice(last)) + '\n';
  }

  function fullQuery() {
    const text = editor.value;
    const missing = prefixes.filter((line) => {
      const name = line.split(/\s+/)[1];
      return text.includes(name) && !new RegExp('PREFIX\\s+' + name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i').test(text);
    });
    return missing.join('\n') + (missing.length ? '\n' : '') + text;
  }

  function kind(query) {
    const body = query.replace(/#[^\n]*/g, '').replace(/(PREFIX|BASE)\s+[^\n]*/gi, '');
    const m = body.match(/\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i);
    return m ? m[1].toUpperCase() : 'SELECT';
  }

  function links(query) {
    const q = encodeURIComponent(query);
    document.getElementById('permalink').href = '/sparql?query=' + encodeURIComponent(editor.value) + (en ? '&lang=en' : '');
    const tabular = ['SELECT', 'ASK'].includes(kind(query));
    document.getElementById('download-csv').href = '/sparql?query=' + q + '&format=' + (tabular ? 'csv' : 'ttl');
    document.getElementById('download-json').href = '/sparql?query=' + q + '&format=' + (tabular ? 'json' : 'jsonld');
  }

  function say(text, error) {
    statusLine.textContent = text;
    statusLine.className = error ? 'error' : '';
  }

  async function run() {
    const query = fullQuery();
    links(query);
    history.replaceState(null, '', '/sparql?query=' + encodeURIComponent(editor.value) + (en ? '&lang=en' : ''));
    const type = kind(query);
    const accept = ['SELECT', 'ASK'].includes(type) ? 'application/sparql-results+json' : 'text/turtle';
    say(t('Requête en cours…', 'Running…'));
    results.innerHTML = '';
    chart.innerHTML = '';
    const started = performance.now();
    let response;
    try {
      response = await fetch('/sparql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
        body: 'query=' + encodeURIComponent(query),
      });
    } catch (e) {
      say(t('Le service ne répond pas. Réessayez dans un instant.', 'The service does not answer. Try again in a moment.'), true);
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      let detail = '';
      try { detail = (await response.json()).detail || ''; } catch (e) { /* not JSON */ }
      const plain = {
        400: t('La requête contient une erreur : ', 'The query has an error: '),
        429: t('Trop de requêtes en même temps ; réessayez dans quelques secondes. ', 'Too many queries at once; retry in a few seconds. '),
        503: t('La requête a dépassé le temps limite et a été arrêtée. Ajoutez des filtres ou une limite (LIMIT). ', 'The query ran past the time limit and was stopped. Add filters or a LIMIT. '),
      }[response.status] || t('Erreur ', 'Error ') + response.status + ' : ';
      say(plain + detail, true);
      return;
    }
    if (accept === 'text/turtle') {
      const text = await response.text();
      const pre = document.createElement('pre');
      pre.textContent = text;
      results.appendChild(pre);
      say(t('Graphe reçu en ', 'Graph received in ') + seconds + ' s.');
      return;
    }
    const json = await response.json();
    if (typeof json.boolean === 'boolean') {
      say(t('Réponse : ', 'Answer: ') + (json.boolean ? t('oui', 'yes') : t('non', 'no')) + ' (' + seconds + ' s)');
      return;
    }
    table(json.head.vars, json.results.bindings);
    let message = json.results.bindings.length + t(' lignes en ', ' rows in ') + seconds + ' s.';
    if (json.truncated) {
      message += ' ' + t('Résultat tronqué à ', 'Result cut at ') + json.truncated.rowLimit + t(' lignes : ajoutez LIMIT/OFFSET.', ' rows: add LIMIT/OFFSET.');
    }
    say(message);
    draw(json.head.vars, json.results.bindings);
  }

  function cell(term) {
    if (!term) return document.createTextNode('');
    if (term.type === 'uri') {
      const a = document.createElement('a');
      a.href = term.value;
      a.textContent = term.value;
      return a;
    }
    return document.createTextNode(term.value);
  }

  function table(vars, rows) {
    const tableEl = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = t('Résultats de la requête', 'Query results');
    caption.className = 'help';
    tableEl.appendChild(caption);
    const head = tableEl.createTHead().insertRow();
    vars.forEach((v) => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = v; head.appendChild(th); });
    const body = tableEl.createTBody();
    rows.slice(0, 5000).forEach((row) => {
      const tr = body.insertRow();
      vars.forEach((v) => tr.insertCell().appendChild(cell(row[v])));
    });
    results.appendChild(tableEl);
  }

  const numeric = (term) => term && term.type === 'literal' && term.value !== '' && !isNaN(Number(term.value));

  function draw(vars, rows) {
    if (rows.length < 2 || rows.length > 200) return;
    const numberVar = [...vars].reverse().find((v) => rows.every((r) => numeric(r[v])));
    const labelVar = vars.find((v) => v !== numberVar && rows.every((r) => r[v] && r[v].type === 'literal'));
    if (!numberVar || !labelVar) return;
    const data = rows.map((r) => ({ label: r[labelVar].value, value: Number(r[numberVar].value) })).slice(0, 40);
    const line = data.every((d) => /^\d{4}$/.test(d.label));
    const w = 760; const h = line ? 260 : 24 * data.length + 20; const left = line ? 50 : 240;
    const max = Math.max(...data.map((d) => d.value), 0) || 1;
    const min = Math.min(...data.map((d) => d.value), 0);
    let svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + w + ' ' + h + '" role="img" aria-label="'
      + esc(t('Graphique de ', 'Chart of ') + numberVar + t(' par ', ' by ') + labelVar + t(' ; les valeurs sont dans le tableau.', '; the values are in the table.')) + '">';
    if (line) {
      const x = (i) => left + i * ((w - left - 20) / Math.max(1, data.length - 1));
      const y = (v) => h - 30 - ((v - min) / (max - min || 1)) * (h - 50);
      svg += '<polyline fill="none" stroke="#0b4fa8" stroke-width="3" points="' + data.map((d, i) => x(i) + ',' + y(d.value)).join(' ') + '"/>';
      data.forEach((d, i) => {
        svg += '<circle cx="' + x(i) + '" cy="' + y(d.value) + '" r="4" fill="#0b4fa8"/>'
          + '<text x="' + x(i) + '" y="' + (h - 10) + '" font-size="12" text-anchor="middle">' + esc(d.label) + '</text>'
          + '<text x="' + x(i) + '" y="' + (y(d.value) - 8) + '" font-size="12" text-anchor="middle">' + d.value + '</text>';
      });
    } else {
      data.forEach((d, i) => {
        const bw = Math.max(1, ((d.value - Math.min(0, min)) / (max - Math.min(0, min))) * (w - left - 70));
        svg += '<text x="' + (left - 6) + '" y="' + (24 * i + 26) + '" font-size="12" text-anchor="end">' + esc(d.label.slice(0, 34)) + '</text>'
          + '<rect x="' + left + '" y="' + (24 * i + 12) + '" width="' + bw + '" height="18" fill="#0b4fa8"/>'
          + '<text x="' + (left + bw + 4) + '" y="' + (24 * i + 26) + '" font-size="12">' + d.value + '</text>';
      });
    }
    chart.innerHTML = svg + '</svg>';
  }

  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

  function showExamples() {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    list.innerHTML = '';
    examples.filter((e) => {
      const text = fold([e.title.fr, e.title.en, e.description.fr, e.description.en, ...e.keywords].join(' '));
      return words.every((w) => text.includes(w));
    }).forEach((e) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.innerHTML = esc(e.title[en ? 'en' : 'fr']) + '<small>' + esc(e.description[en ? 'en' : 'fr']) + '</small>';
      b.addEventListener('click', () => { editor.value = e.query; paint(); links(fullQuery()); editor.focus(); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  editor.addEventListener('input', paint);
  editor.addEventListener('scroll', () => { highlight.scrollTop = editor.scrollTop; });
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  document.getElementById('run').addEventListener('click', run);
  search.addEventListener('input', showExamples);
  fetch('/sparql/examples.json').then((r) => r.json()).then((list) => { examples = list; showExamples(); });
  paint();
  root.classList.add('js'); // the highlighted copy is painted: the text area's own text can be hidden
  links(fullQuery());
  if (new URLSearchParams(location.search).has('query')) run();
})();
