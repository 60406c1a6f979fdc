// The GraphQL query page: run a query, browse the schema (from introspection). No third-party code.
(function () {
  const $ = (id) => document.getElementById(id);
  const fr = document.documentElement.lang === 'fr';
  const say = {
    badVariables: fr ? 'Les variables ne sont pas du JSON valide : ' : 'The variables are not valid JSON: ',
    running: fr ? 'Exécution…' : 'Running…',
    failed: fr ? 'La requête a échoué : ' : 'The request failed: '
  };
  async function post(query, variables) {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables })
    });
    return res.json();
  }
  async function run() {
    let variables = {};
    try { variables = JSON.parse($('variables').value || '{}'); } catch (e) {
      $('result').textContent = say.badVariables + e.message; return;
    }
    $('result').textContent = say.running;
    try { $('result').textContent = JSON.stringify(await post($('query').value, variables), null, 2); }
    catch (e) { $('result').textContent = say.failed + e.message; }
    // on a narrow screen the result is below the editor: bring it into view (focus stays in the editor)
    $('result').scrollIntoView({ block: 'nearest' });
  }
  $('run').addEventListener('click', run);
  document.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key === 'Enter') { e.preventDefault(); run(); } });
  const typeName = (t) => t.kind === 'NON_NULL' ? typeName(t.ofType) + '!' : t.kind === 'LIST' ? '[' + typeName(t.ofType) + ']' : t.name;
  function text(tag, content, cls) { const e = document.createElement(tag); e.textContent = content; if (cls) e.className = cls; return e; }
  async function schema() {
    const r = await post('{ __schema { types { name kind description fields { name description args { name type { kind name ofType { kind name ofType { kind name } } } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } inputFields { name description type { kind name ofType { kind name ofType { kind name } } } } } } }', {});
    const box = $('schema');
    const types = r.data.__schema.types.filter((t) => !t.name.startsWith('__') && ['OBJECT', 'INPUT_OBJECT', 'ENUM'].includes(t.kind));
    types.sort((a, b) => a.name.localeCompare(b.name));
    for (const t of types) {
      const d = document.createElement('details');
      d.dataset.search = (t.name + ' ' + (t.fields || t.inputFields || []).map((f) => f.name).join(' ')).toLowerCase();
      d.appendChild(text('summary', t.name + ' (' + t.kind.toLowerCase().replace('_', ' ') + ')'));
      if (t.description) d.appendChild(text('p', t.description, 'desc'));
      for (const f of (t.fields || t.inputFields || [])) {
        const p = document.createElement('p');
        p.className = 'field';
        const args = f.args && f.args.length ? '(' + f.args.map((a) => a.name + ': ' + typeName(a.type)).join(', ') + ')' : '';
        p.appendChild(text('code', f.name + args + ': ' + typeName(f.type)));
        if (f.description) p.appendChild(text('span', ' — ' + f.description, 'desc'));
        d.appendChild(p);
      }
      box.appendChild(d);
    }
    $('filter').addEventListener('input', () => {
      const q = $('filter').value.toLowerCase();
      for (const d of box.children) d.hidden = q && !d.dataset.search.includes(q);
    });
  }
  schema();
})();
