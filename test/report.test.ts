import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { Parser } from 'htmlparser2';
import { execute, type Io } from '../src/cli.js';
import { readThread } from '../src/input/index.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import { summarizeRun } from '../src/output/summary.js';
import { reportHtml } from '../src/output/report.js';
import { evidenceSpans, markedText, quotedSentences } from '../src/output/report-evidence.js';
import { depths } from '../src/output/report-thread.js';
import { ROOT, SEED_THREAD, defaultClaims } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-report-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const quiet: Io = { stdout: () => {}, stderr: () => {}, isTTY: false };
const run = async (argv: string[]): Promise<{ status: number; stderr: string }> => {
  const err: string[] = [];
  const status = await execute(argv, { ...quiet, stderr: (s) => void err.push(s) });
  return { status, stderr: err.join('') };
};
const readCsv = (file: string): Record<string, string>[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

/** Every element and attribute name of an HTML string, as a browser's parser would create them. */
function elements(html: string): { name: string; attrs: Record<string, string> }[] {
  const out: { name: string; attrs: Record<string, string> }[] = [];
  const parser = new Parser({ onopentag: (name, attrs) => out.push({ name, attrs }) }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  return out;
}

/** A report of a thread given as JSON Lines records, built in-process. */
function reportOf(records: object[], file = 'hostile.jsonl', topic = 'Topic'): string {
  const thread = readThread(records.map((r) => JSON.stringify(r)).join('\n'), file, 'jsonl');
  const cc = defaultClaims();
  const results = [{ thread, rows: analyzeThread(thread, cc) }];
  const claims = cc.claims.map((c) => c.claim);
  return reportHtml({ results, claims, topic, claimsFile: 'crocus.yaml', summary: summarizeRun(results, claims.map((c) => c.id)) });
}

describe('reportHtml without a browser', () => {
  const hostile = [
    { id: 'x1', author: '<b onmouseover=alert(2)>mallory</b>', likes: 3, text: '<script>alert(1)</script> ISIS claimed responsibility for the attack.' },
    { id: 'x2" onclick="alert(3)', parent_id: 'x1', author: '"><img src=x onerror=alert(1)>', text: '"><img src=x onerror=alert(1)> Ukraine had nothing to do with it.' },
    { id: 'x3', parent_id: 'x2" onclick="alert(3)', text: '</textarea></style></script><svg onload=alert(4)>&amp; &lt;b&gt;' },
  ];
  const html = reportOf(hostile, 'a<b>.jsonl', '<i>topic</i>');

  test('hostile comment text, authors, ids and titles create no element and no handler', () => {
    const els = elements(html);
    assert.equal(els.filter((e) => e.name === 'script').length, 1, 'only the report\'s own script');
    assert.equal(els.filter((e) => e.name === 'style').length, 1, 'only the report\'s own style');
    for (const name of ['img', 'svg', 'textarea']) {
      // The report's own charts are svg elements with role=img; none may come from the comments.
      const found = els.filter((e) => e.name === name && !(name === 'svg' && e.attrs.role === 'img'));
      assert.deepEqual(found, [], `no <${name}> element from the input`);
    }
    const styled = els.filter((e) => ['b', 'i', 'q', 'mark'].includes(e.name) && Object.keys(e.attrs).some((a) => !['class', 'data-claims', 'title'].includes(a)));
    assert.deepEqual(styled, [], 'the report\'s own <b>, <i>, <q> and <mark> carry no other attribute');
    const handlers = els.flatMap((e) => Object.keys(e.attrs).filter((a) => a.startsWith('on')));
    assert.deepEqual(handlers, [], 'no on* attribute anywhere');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the script tag is shown as text');
    assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'), 'the img tag is shown as text');
    assert.ok(html.includes('&amp;amp; &amp;lt;b&amp;gt;'), 'entities in the text are shown as typed');
    assert.ok(!/<script>alert|<img |<svg onload/i.test(html));
  });

  test('the evidence sentence of a hostile comment is marked, still escaped', () => {
    assert.ok(html.includes('<mark data-claims="isis" title="evidence for isis">&lt;script&gt;alert(1)&lt;/script&gt; ISIS claimed responsibility for the attack.</mark>'));
    assert.ok(html.includes('<mark data-claims="ukraine" title="evidence for ukraine">&quot;&gt;&lt;img src=x onerror=alert(1)&gt; Ukraine had nothing to do with it.</mark>'));
  });

  test('the page refers to nothing outside itself and allows only its own script and style', () => {
    assert.doesNotMatch(html, /<script[^>]*\bsrc=/i);
    assert.doesNotMatch(html, /<link[^>]*\bhref=/i);
    assert.doesNotMatch(html, /<img[^>]*\bsrc=["']?(https?:)?\/\//i);
    assert.doesNotMatch(html, /url\(\s*["']?(https?:)?\/\//i);
    assert.doesNotMatch(html, /@import/i);
    const csp = elements(html).find((e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy');
    assert.ok(csp, 'a Content-Security-Policy meta element');
    assert.match(csp.attrs.content!, /default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  test('evidence sentences are found across folded whitespace, and a shortened one is marked to its end', () => {
    assert.deepEqual(quotedSentences('"One." [cue "x" → IS] | against: "Two "quoted" words." [cue y]'), [
      { sentence: 'One.', cut: false },
      { sentence: 'Two "quoted" words.', cut: false },
    ]);
    const text = 'Intro.\nThe  attack\nwas theirs. Next one.';
    const spans = evidenceSpans(text, [
      { claim: 'isis', evidence: '"The attack was theirs." [cue "attack" → IS]' },
      { claim: 'fsb', evidence: 'agrees with comment 1, which was support: "The attack was theirs." [x]' },
      { claim: 'west', evidence: '"Not in this text." [cue]' },
    ]);
    assert.deepEqual(spans, [{ start: 7, end: 30, claims: ['isis', 'fsb'] }]);
    assert.equal(markedText(text, spans), 'Intro.\n<mark data-claims="isis fsb" title="evidence for isis, fsb">The  attack\nwas theirs.</mark> Next one.');
    const long = `${'word '.repeat(70)}ends here. After.`;
    const cut = `"${long.replace(/\s+/g, ' ').slice(0, 297)}..." [cue]`;
    const [span] = evidenceSpans(long, [{ claim: 'isis', evidence: cut }]);
    assert.equal(long.slice(span!.start, span!.end), `${'word '.repeat(70)}ends here.`);
    assert.equal(markedText('a<b', [{ start: 1, end: 3, claims: ['x'] }]), 'a<mark data-claims="x" title="evidence for x">&lt;b</mark>');
  });

  test('depth: as given, else from the parent chain; a flat thread is not indented', () => {
    const lines = ['{"id":"a","text":"root"}', '{"id":"b","parent_id":"a","text":"one"}', '{"id":"c","parent_id":"b","text":"two"}', '{"id":"d","parent_id":"gone","text":"orphan"}'];
    const thread = readThread(lines.join('\n'), 't.jsonl', 'jsonl');
    assert.deepEqual(depths(thread), [0, 1, 2, 1]);
    const stripped = { ...thread, comments: thread.comments.map(({ depth: _d, ...c }) => c) };
    assert.deepEqual(depths(stripped), [0, 1, 2, 1]);
    assert.deepEqual(depths({ ...stripped, flat: true }), [0, 0, 0, 0]);
  });
});

describe('analyze --report', () => {
  test('writes the report beside the CSVs; refuses an input, --out or --summary as the report', async () => {
    const out = path.join(tmp, 'cli', 'c.csv');
    const report = path.join(tmp, 'cli', 'r.html');
    const ok = await run(['analyze', SEED_THREAD, '--out', out, '--report', report]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stderr, /; report .*r\.html\n$/);
    assert.match(fs.readFileSync(report, 'utf8'), /^<!doctype html>/);
    const copy = path.join(tmp, 'cli', 'input.txt');
    fs.copyFileSync(SEED_THREAD, copy);
    const same = await run(['analyze', copy, '--out', out, '--report', copy]);
    assert.equal(same.status, 1);
    assert.match(same.stderr, /OUTPUT_IS_INPUT .*choose another --report/);
    assert.equal(fs.readFileSync(copy, 'utf8'), fs.readFileSync(SEED_THREAD, 'utf8'), 'the input is untouched');
    const clash = await run(['analyze', SEED_THREAD, '--out', out, '--report', out]);
    assert.equal(clash.status, 2);
    assert.match(clash.stderr, /--report names the same file as --out/);
    const clashSummary = await run(['analyze', SEED_THREAD, '--out', out, '--report', path.join(tmp, 'cli', 'summary.csv')]);
    assert.equal(clashSummary.status, 2);
    assert.match(clashSummary.stderr, /--report names the same file as --summary/);
  });
});

describe('report.html in headless Chromium', () => {
  test('charts and thread render, filters work, the check list links the flagged rows, nothing is fetched', async (t) => {
    // In CI the browser is installed by .ci/run; a missing one is a failure, never a silent skip.
    assert.ok(
      fs.existsSync(CHROMIUM),
      `${CHROMIUM} is missing: install Debian's chromium (apt-get update && apt-get install -y --no-install-recommends chromium); .ci/run does this in CI`,
    );
    const { chromium } = await import('playwright-core');
    const dir = path.join(tmp, 'browser');
    const seedCsv = path.join(dir, 'c.csv');
    const seedReport = path.join(dir, 'report.html');
    assert.equal((await run(['analyze', SEED_THREAD, '--out', seedCsv, '--report', seedReport])).status, 0);
    const nestedReport = path.join(dir, 'nested.html');
    const nested = path.join(ROOT, 'test/fixtures/report/nested.jsonl');
    assert.equal((await run(['analyze', nested, '--out', path.join(dir, 'nested', 'n.csv'), '--report', nestedReport])).status, 0);
    const comments = readCsv(seedCsv);
    const summary = readCsv(path.join(dir, 'summary.csv'));

    const html = fs.readFileSync(seedReport, 'utf8');
    assert.doesNotMatch(html, /<script[^>]*\bsrc=|<link[^>]*\bhref=|<img[^>]*\bsrc=["']?http/i);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const url = pathToFileURL(seedReport).href;
    const nestedUrl = pathToFileURL(nestedReport).href;
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== url && r.url() !== nestedUrl) requests.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url, { waitUntil: 'load' });

    // Charts: two stacked bars per claim and a histogram, all drawn with a size.
    const claims = [...new Set(summary.map((r) => r.claim!))];
    const sizes = await page.$$eval('svg', (svgs) => svgs.map((s) => ({ cls: s.getAttribute('class'), w: s.getBoundingClientRect().width, h: s.getBoundingClientRect().height })));
    assert.equal(sizes.filter((s) => s.cls === 'bar-svg').length, claims.length * 2);
    assert.equal(sizes.filter((s) => s.cls === 'hist-svg').length, 1);
    for (const s of sizes) assert.ok(s.w > 100 && s.h > 10, `svg ${s.cls} has a size: ${s.w}×${s.h}`);
    // Bar labels and legends against summary.csv.
    for (const row of summary) {
      const fig = `figure[data-claim="${row.claim}"]`;
      const n = await page.textContent(`${fig}[data-kind="comments"] li[data-stance="${row.stance}"] .n`);
      assert.equal(n, row.comments, `${row.claim} ${row.stance}: comments`);
      const seg = await page.$(`${fig}[data-kind="comments"] g.seg[data-stance="${row.stance}"]`);
      assert.equal(seg !== null, row.comments !== '0', `${row.claim} ${row.stance}: a segment only for a count above 0`);
      if (seg) {
        assert.equal(await seg.getAttribute('data-value'), row.comments);
        const label = await seg.$('text');
        if (label) assert.equal(await label.textContent(), row.comments);
        const w = await seg.$eval('rect', (r) => r.getBoundingClientRect().width);
        assert.ok(w > 0);
      }
      const share = await page.textContent(`${fig}[data-kind="likes"] li[data-stance="${row.stance}"] .n`);
      assert.equal(share, `${Math.round(Number(row.like_share) * 100)}%`, `${row.claim} ${row.stance}: like share`);
    }
    const hist = await page.$$eval('svg.hist-svg g.bin', (gs) => gs.reduce((n, g) => n + Number(g.getAttribute('data-count')), 0));
    assert.equal(hist, comments.length);

    // The thread: every comment, in order.
    const visible = (): Promise<string[]> => page.$$eval('li.comment', (lis) => lis.filter((li) => (li as HTMLElement).offsetParent !== null).map((li) => li.id));
    assert.equal((await visible()).length, 20);
    assert.equal(await page.textContent('#f-count'), '20 of 20 comments shown');

    // Filters: claim ukraine, stance oppose only → exactly the ukraine-oppose rows.
    const opposing = comments.filter((r) => r.ukraine_stance === 'oppose').map((r) => `c-0-${r.index}`);
    assert.equal(opposing.length, 3);
    await page.selectOption('#f-claim', 'ukraine');
    for (const s of ['support', 'neutral', 'none']) await page.uncheck(`input[name="f-stance"][value="${s}"]`);
    assert.deepEqual(await visible(), opposing);
    assert.equal(await page.textContent('#f-count'), '3 of 20 comments shown');
    assert.equal(await page.$$eval('mark.dim', (m) => m.length > 0), true, 'marks of other claims step back');
    await page.click('#f-reset');
    assert.equal((await visible()).length, 20);
    await page.check('#f-review');
    assert.equal((await visible()).length, comments.filter((r) => r.needs_review === 'true').length);
    await page.click('#f-reset');

    // Check these first: the needs_review rows, each linked to its comment.
    const flagged = comments.filter((r) => r.needs_review === 'true').map((r) => `c-0-${r.index}`);
    assert.ok(flagged.length > 0);
    const listed = await page.$$eval('#check-first ol.check > li', (lis) => lis.map((li) => li.querySelector('a')!.getAttribute('href')));
    assert.deepEqual(listed, flagged.map((id) => `#${id}`));
    // A link to a comment the filter hides clears the filter first.
    await page.selectOption('#f-claim', 'west');
    for (const s of ['support', 'oppose', 'neutral']) await page.uncheck(`input[name="f-stance"][value="${s}"]`);
    assert.equal((await visible()).length, 20, 'every comment has stance none toward west');
    await page.uncheck('input[name="f-stance"][value="none"]');
    assert.equal((await visible()).length, 0);
    await page.click(`#check-first a[href="#${flagged[0]}"]`);
    assert.ok((await visible()).includes(flagged[0]!));

    // Print: no filter bar.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.$eval('nav.filters', (n) => getComputedStyle(n).display), 'none');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'out/report.png'), fullPage: true });

    // Indentation by depth (the nested fixture: depths 0, 1, 2, 3, 1).
    await page.goto(nestedUrl, { waitUntil: 'load' });
    const lefts = await page.$$eval('li.comment', (lis) => lis.map((li) => ({ depth: Number(li.getAttribute('data-depth')), x: li.querySelector('.card')!.getBoundingClientRect().left })));
    assert.deepEqual(lefts.map((l) => l.depth), [0, 1, 2, 3, 1]);
    assert.ok(lefts[0]!.x < lefts[1]!.x && lefts[1]!.x < lefts[2]!.x && lefts[2]!.x < lefts[3]!.x, JSON.stringify(lefts));
    assert.equal(lefts[4]!.x, lefts[1]!.x);

    assert.deepEqual(requests, [], 'nothing fetched beyond the file itself');
    assert.deepEqual(problems, [], 'no console errors (a blocked script or style would show here)');
  });
});
