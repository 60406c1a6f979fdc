// Pages in a real browser (Debian's Chromium through playwright-core): axe-core's WCAG 2.1 A/AA rules on every page
// type in French and English at 1280 and 390 px, sideways scrolling, page weight, requests to other hosts, and the
// resident's task (judo, 8 years old, Wednesday, near Rennes) done with the keyboard alone, its key presses counted,
// and the widget framed by a page of another origin. Run by check-pages.sh, which starts the server. Exit code 1 when
// a page of STRICT has a violation or scrolls sideways, or when the task or the widget fails.
const { chromium } = require('playwright-core');
const fs = require('fs');
const axe = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = process.argv[2];
const shots = process.argv[3];
const PAGES = [
  ['finder, empty', '/trouver'],
  ['finder, results', '/trouver?where=Rennes&within=10&theme=judo&age=8&day=wed'],
  ['finder, no result', '/trouver?where=Rennes&theme=judo&day=sun&accessible=true&max-price=1'],
  ['finder, bad input', '/trouver?where=Nullepart'],
  ['activity', null],
  ['home', '/'],
  ['association', null],
  ['support point', null],
  ['commune', '/id/commune/35238'],
  ['EPCI', '/id/epci/243500139'],
  ['indicator', '/id/indicator/1.1'],
  ['catalogue', '/catalog'],
  ['dataset', '/catalog/indicators'],
  ['SPARQL', '/sparql'],
  ['GraphQL', '/graphql'],
  ['not found', '/id/commune/00000'],
  ['widget', '/widget?where=Rennes&week=true'],
];
const STRICT = new Set(['finder, empty', 'finder, results', 'finder, no result', 'finder, bad input', 'activity',
  'association', 'widget', 'SPARQL', 'commune', 'EPCI', 'support point',
  'catalogue', 'dataset']);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

// The widget framed by a page of another origin (a commune's site, served here on another port and host name), with
// the Content-Security-Policy enforced: it must load and show its cards, while the finder framed the same way is
// refused (axe-core checks the widget with the other pages).
async function widgetOnAnotherSite(browser) {
  const http = require('http');
  const widget = base + '/widget?where=Rennes&within=10&theme=judo&day=wed&limit=3&accent=005a9c';
  const host = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Mairie</title></head><body>'
    + '<h1>Site de la commune</h1><iframe id="w" title="Activités" src="' + widget + '" width="360" height="600">'
    + '</iframe><iframe id="f" title="Recherche" src="' + base + '/trouver" width="360" height="200"></iframe>'
    + '</body></html>';
  const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(host); });
  await new Promise(r => server.listen(0, 'localhost', r));
  const site = 'http://localhost:' + server.address().port + '/';
  const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
  await page.goto(site);
  await page.waitForTimeout(1500);
  const frame = page.frames().find(f => f.url().startsWith(base + '/widget'));
  const cards = frame ? await frame.locator('ol.cards > li').count() : 0;
  const finder = page.frames().find(f => f.url().startsWith(base + '/trouver'));
  const finderShown = finder ? await finder.locator('form.finder').count() : 0;
  const ok = cards === 3 && finderShown === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} widget on ${site} (another origin, the CSP enforced): ${cards} cards in the `
    + `frame; the finder framed the same way ${finderShown === 0 ? 'refused' : 'SHOWN'}`);
  if (shots) await page.screenshot({ path: `${shots}/widget-on-another-site.png`, fullPage: true });
  await page.close();
  server.close();
  return !ok;
}

// The SPARQL editor shows its query without JavaScript, and with it, "Run" is one Tab away from the editor.
async function sparqlEditor(browser) {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await plain.newPage();
  await noJs.goto(base + '/sparql?lang=fr');
  const colour = await noJs.$eval('#query', e => getComputedStyle(e).color);
  const text = await noJs.$eval('#query', e => e.value.trim().length);
  await plain.close();
  const page = await browser.newPage();
  await page.goto(base + '/sparql?lang=fr');
  await page.waitForFunction(() => document.querySelector('.sparql').classList.contains('js'));
  await page.focus('#query');
  let tabs = 0;
  while (tabs < 60 && await page.evaluate(() => document.activeElement.id) !== 'run') {
    await page.keyboard.press('Tab');
    tabs++;
  }
  const painted = await page.$eval('#highlight', e => e.textContent.trim().length);
  await page.close();
  const ok = colour !== 'rgba(0, 0, 0, 0)' && text > 0 && tabs === 1 && painted > 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} SPARQL editor: without JavaScript its text (${text} characters) is drawn in `
    + `${colour}; with it, highlighted (${painted} characters), and "Run" is ${tabs} Tab press(es) from the editor`);
  return !ok;
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  let failed = false;
  const first = await (await fetch(base + '/api/v1/activities?theme=judo&commune=35238&limit=1')).json();
  const activity = first.items[0];
  const point = (await (await fetch(base + '/api/v1/support-points?commune=35238&limit=1')).json()).items[0];
  for (const p of PAGES) {
    if (p[0] === 'activity') p[1] = '/id/activity/' + activity.identifier;
    if (p[0] === 'association') p[1] = '/id/association/' + activity.organizer.url.split('/').pop();
    if (p[0] === 'support point') p[1] = new URL(point.id).pathname;
  }
  for (const lang of ['fr', 'en']) {
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true, locale: lang });
      const outside = [];
      page.on('request', r => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url()); });
      for (const [name, path] of PAGES) {
        const url = base + path + (path.includes('?') ? '&' : '?') + 'lang=' + lang;
        const res = await page.goto(url);
        const bytes = (await res.body()).length;
        await page.addScriptTag({ content: axe });
        const r = await page.evaluate(async () => await axe.run(document,
          { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        const v = r.violations.map(x => `${x.id}×${x.nodes.length}`).join(' ');
        const bad = STRICT.has(name) && (r.violations.length > 0 || sideways);
        failed = failed || bad;
        console.log(`${bad ? 'FAIL' : 'ok  '} ${lang} ${width}px ${name} (${res.status()}, ${(bytes / 1024).toFixed(1)} KB):`
          + ` ${r.violations.length} violation(s) ${v}${sideways ? ', scrolls sideways' : ''}`);
        if (shots && width === 390 && STRICT.has(name)) {
          await page.screenshot({ path: `${shots}/${lang}-${name.replace(/[ ,]+/g, '-')}-390.png`, fullPage: true });
        }
      }
      console.log(`     ${lang} ${width}px: requests to other hosts: ${outside.length}`);
      failed = failed || outside.length > 0;
      await page.close();
    }
  }
  // the resident's task by keyboard alone, from the home page
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr' });
  let keys = 0;
  const press = async k => { await page.keyboard.press(k); keys++; };
  const type = async t => { await page.keyboard.type(t); keys += t.length; };
  const focused = () => page.evaluate(() => document.activeElement && (document.activeElement.id
    || document.activeElement.getAttribute('href')));
  const tabTo = async target => { for (let n = 0; (await focused()) !== target && n < 80; n++) await press('Tab'); };
  await page.goto(base + '/?lang=fr');
  await tabTo('/trouver'); await press('Enter'); await page.waitForURL(/trouver/);
  await tabTo('q'); await type('judo');
  await tabTo('where'); await type('Rennes');
  await tabTo('within'); for (let i = 0; i < 3; i++) await press('ArrowDown');
  await tabTo('age'); await type('8');
  await tabTo('day-wed'); await press('Space');
  await Promise.all([page.waitForURL(/day=wed/), press('Enter')]);
  const cards = await page.locator('ol.cards > li').count();
  const heading = await page.locator('h2#results').textContent();
  const wednesday = await page.locator('ol.cards > li', { hasText: 'le mercredi' }).count();
  const ok = cards > 0 && wednesday === cards;
  failed = failed || !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} keyboard only: "${heading.trim()}" after ${keys} key presses (${'judo'.length
    + 'Rennes'.length + 1} of them typed characters), ${cards} cards, each on Wednesday`);
  if (shots) await page.screenshot({ path: `${shots}/keyboard-task.png` });
  failed = (await widgetOnAnotherSite(browser)) || failed;
  failed = (await sparqlEditor(browser)) || failed;
  await browser.close();
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
