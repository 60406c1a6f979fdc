// The schema.org markup of the human pages against schema.org's own definitions: the JSON-LD block of activity and
// association pages, typed with schema-dts (TypeScript types generated from the schema.org vocabulary: each type's
// properties and their ranges) and compiled with TypeScript's strict checks, which refuse an unknown property, a
// property used on a type it does not belong to and a value of the wrong kind. Run by check-schema-org.sh, which
// starts the server. Exit code 1 when a block does not compile.
const ts = require('typescript');
const fs = require('fs');
const path = require('path');
const base = process.argv[2];
const TYPES = { EventSeries: 'EventSeries', NGO: 'NGO' };

async function block(pagePath) {
  const html = await (await fetch(base + pagePath, { headers: { accept: 'text/html' } })).text();
  const found = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  if (found.length !== 1) throw new Error(pagePath + ': ' + found.length + ' JSON-LD blocks');
  return JSON.parse(found[0][1]);
}

(async () => {
  const activities = (await (await fetch(base + '/api/v1/activities?limit=40')).json()).items;
  const associations = (await (await fetch(base + '/api/v1/associations?limit=10')).json()).items;
  const pages = activities.map(a => new URL(a.id).pathname).concat(associations.map(a => new URL(a.id).pathname));
  let source = 'import type { WithContext, ' + Object.keys(TYPES).join(', ') + ' } from "schema-dts";\n';
  const blocks = [];
  for (const p of pages) {
    const b = await block(p);
    const type = TYPES[b['@type']];
    if (!type) throw new Error(p + ': unexpected type ' + b['@type']);
    blocks.push(p);
    source += '// ' + p + '\nexport const b' + blocks.length + ': WithContext<' + type + '> = '
      + JSON.stringify(b, null, 1) + ';\n';
  }
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'schema-org-'));
  const file = path.join(dir, 'blocks.ts');
  fs.writeFileSync(file, source);
  const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2020,
    moduleResolution: ts.ModuleResolutionKind.Node10, typeRoots: [], baseUrl: dir,
    paths: { 'schema-dts': [path.dirname(require.resolve('schema-dts/package.json'))] } });
  const errors = ts.getPreEmitDiagnostics(program);
  for (const e of errors) {
    const where = e.file ? e.file.getLineAndCharacterOfPosition(e.start) : null;
    const line = where ? source.split('\n').slice(0, where.line + 1).reverse().find(l => l.startsWith('// ')) : '';
    console.log((line || '') + ' ' + ts.flattenDiagnosticMessageText(e.messageText, '\n'));
  }
  console.log(blocks.length + ' JSON-LD blocks (' + activities.length + ' activities, ' + associations.length
    + ' associations) checked against schema-dts ' + require('schema-dts/package.json').version + ' with TypeScript '
    + ts.version + ': ' + errors.length + ' error(s)');
  process.exit(errors.length === 0 ? 0 : 1);
})().catch(e => { console.error(e); process.exit(2); });
