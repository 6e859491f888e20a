/** report.html: one self-contained page (inline CSS, JS and SVG; nothing fetched) that a researcher reads instead of the CSV. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Claim, ClaimSource } from '../claims/load.js';
import type { AnalyzedComment, Thread } from '../types.js';
import { STANCES } from '../types.js';
import { dataPath } from '../paths.js';
import { ALL_THREADS, type SummaryRow } from './summary.js';
import { esc, excerpt, num } from './report-html.js';
import { sentimentHistogram, stanceBar } from './report-charts.js';
import { anchor, threadHtml } from './report-thread.js';

/** The tag that marks a report as threadstance's (an earlier one may be replaced without --force). */
export const REPORT_GENERATOR = '<meta name="generator" content="threadstance">';

/** What the report shows: the run's threads and rows, the claims in use, and the summary rows (summarizeRun). */
export interface ReportInput {
  results: { thread: Thread; rows: AnalyzedComment[] }[];
  claims: Claim[];
  /** The claim set's topic, shown as the page's subject. */
  topic: string;
  /** The claim file's name, as the reader should see it; empty when no claim comes from a file (`--claim root`). */
  claimsFile: string;
  summary: SummaryRow[];
}

/** The page's stylesheet and script, inlined into every report. */
export interface ReportAssets {
  css: string;
  js: string;
}

let shipped: ReportAssets | undefined;

/** The stylesheet and script shipped in data/report/, read once. */
export function reportAssets(): ReportAssets {
  shipped ??= {
    css: fs.readFileSync(dataPath('data/report/report.css'), 'utf8'),
    js: fs.readFileSync(dataPath('data/report/report.js'), 'utf8'),
  };
  return shipped;
}

const POSITION: Record<ClaimSource['position'], string> = { makes: 'makes the claim', reports: 'reports it', rejects: 'rejects it' };

/** The whole page as a string; every text of the input is escaped, and the page allows only its own inline style and script. */
export function reportHtml(input: ReportInput, assets: ReportAssets = reportAssets()): string {
  if (/<\/(script|style)/i.test(assets.js + assets.css)) throw new Error('report assets must not close their own <script> or <style> element');
  const claimIds = input.claims.map((c) => c.id);
  const rows = input.results.flatMap((r) => r.rows);
  const flagged = rows.filter((r) => r.needsReview).length;
  const threads = input.results.length;
  const title = input.topic || (threads === 1 ? input.results[0]!.thread.title : '') || 'Stance report';
  // Only the page's own style and script may run: a hash for each, nothing else from anywhere.
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(assets.css)}'`,
    `script-src '${sha256(assets.js)}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = [
    `${rows.length} comment${rows.length === 1 ? '' : 's'}`,
    `${threads} thread${threads === 1 ? '' : 's'}`,
    `${claimIds.length} claim${claimIds.length === 1 ? '' : 's'}${input.claimsFile ? ` from ${esc(input.claimsFile)}` : ` (${esc(claimIds.join(', '))})`}`,
    `<a href="#check-first">${flagged} flagged for review</a>`,
  ];
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    REPORT_GENERATOR,
    `<title>${esc(title)} · threadstance report</title>`,
    `<style>${assets.css}</style></head><body>`,
    `<header class="top"><p class="kicker">threadstance report</p><h1>${esc(title)}</h1><p class="meta">${meta.join(' · ')}</p>`,
    `<p class="howto">Each comment's stance toward each claim is <b>support</b> (asserts it), <b>oppose</b> (rejects or mocks it), <b>neutral</b> (relays, asks or hedges) or <b>none</b> (does not address it). These are automatic judgements: the sentence that decided each one is <mark>marked</mark> in the comment and quoted with its cue under it. Start with the comments listed under “Check these first”.</p>`,
    `<nav class="toc"><a href="#check-first">Check these first</a> <a href="#claims">Claims</a> ${threadLinks(input.results.map((r) => r.thread))}</nav></header>`,
    filtersHtml(input.claims, rows.length),
    '<main>',
    checkFirstHtml(input),
    claimsHtml(input),
    ...input.results.map((r, i) => threadSection(r.thread, r.rows, i, claimIds, threads > 1 ? input.summary.filter((x) => x.thread === r.thread.id) : [])),
    '</main>',
    `<footer><p>Written by threadstance. Stances come from cue lists and rules (see the README, “How stance is decided”); confidence is the tool's own, from 0 to 1. Sentiment is VADER's method on wink-nlp's lexicon, from −1 to +1 (within ±0.05: neutral).</p></footer>`,
    `<script>${assets.js}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** Links to the thread sections; a long list folds away so that it does not push the page down. */
function threadLinks(threads: Thread[]): string {
  if (threads.length === 1) return '<a href="#t-0">The thread</a>';
  const links = threads.map((t, i) => `<a href="#t-${i}">${esc(excerpt(t.title || t.id, 40))}</a>`).join(' ');
  return threads.length <= 8 ? links : `<details class="threads"><summary>${threads.length} threads</summary>${links}</details>`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The filter bar: one claim (or any), the stances to show, and flagged comments only. */
function filtersHtml(claims: Claim[], total: number): string {
  const options = claims.map((c) => `<option value="${esc(c.id)}">${esc(c.id)}</option>`).join('');
  const boxes = STANCES.map((s) => `<label class="chk"><input type="checkbox" name="f-stance" value="${s}" checked><span class="sw sw-${s}"></span>${s}</label>`).join('');
  return (
    `<nav class="filters" aria-label="Filter comments"><form id="filters">` +
    `<label>Claim <select id="f-claim"><option value="">any claim</option>${options}</select></label>` +
    `<fieldset><legend>Stance</legend>${boxes}</fieldset>` +
    `<label class="chk"><input type="checkbox" id="f-review">needs review only</label>` +
    `<button type="button" id="f-reset">Show all</button>` +
    `<output id="f-count" aria-live="polite">${total} of ${total} comments shown</output>` +
    `</form></nav><p class="print-filter" id="f-note"></p>`
  );
}

/** The flagged comments, in thread order, each linked to its place in the thread with the reason to check it. */
function checkFirstHtml(input: ReportInput): string {
  const several = input.results.length > 1;
  const items = input.results.flatMap(({ thread, rows }, t) =>
    rows
      .filter((r) => r.needsReview)
      .map((r) => {
        const c = r.comment;
        const where = `${several ? `${esc(thread.id)} ` : ''}#${c.index}`;
        const lowest = Math.min(...[...r.stances.values()].filter((j) => j.stance !== 'none').map((j) => j.confidence), 1);
        return (
          `<li data-target="${anchor(t, c.index)}"><a href="#${anchor(t, c.index)}">${where}</a>${c.author ? ` <span class="author">${esc(c.author)}</span>` : ''} ` +
          `<span class="why">${esc(r.reviewReason)}</span> <span class="conf" title="lowest confidence of its stances">(${num(lowest)})</span> ` +
          `<q>${esc(excerpt(c.text, 110))}</q></li>`
        );
      }),
  );
  const body = items.length
    ? `<p>The tool flags a comment when its confidence is low, when its sentences point different ways, or when it read sarcasm. ${items.length} comment${items.length === 1 ? '' : 's'}:</p><ol class="check">${items.join('')}</ol>`
    : '<p>No comment is flagged for review.</p>';
  return `<section id="check-first"><h2>Check these first</h2>${body}</section>`;
}

/** Per claim: the statement and its sources, then the stance bars of the thread (of all threads, when there are several). */
function claimsHtml(input: ReportInput): string {
  const several = input.results.length > 1;
  const threadIds = several ? [ALL_THREADS] : input.results.map((r) => r.thread.id);
  const cards = input.claims.map((claim) => {
    const sources = claim.sources.length
      ? `<table class="sources"><thead><tr><th>source</th><th>position</th><th>note</th></tr></thead><tbody>${claim.sources
          .map((s) => `<tr><td><code>${esc(s.file)}</code></td><td class="pos pos-${s.position}">${POSITION[s.position]}</td><td>${esc(s.note)}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p class="no-data">No sources are listed for this claim.</p>';
    const bars = threadIds
      .map((id) => {
        const rows = input.summary.filter((r) => r.thread === id && r.claim === claim.id);
        if (rows.length === 0) return '';
        const label = several ? `all ${input.results.length} threads: ` : '';
        return `<div class="bars" data-thread="${esc(id)}">${stanceBar(rows, 'comments', `${label}comments by stance`)}${stanceBar(rows, 'likes', `${label}share of likes by stance`)}</div>`;
      })
      .join('');
    return (
      `<article class="claim" id="claim-${esc(claim.id)}" data-claim="${esc(claim.id)}"><h3><code>${esc(claim.id)}</code> ${esc(claim.statement)}</h3>` +
      `<p class="means"><b>support</b> = the comment asserts this; <b>oppose</b> = it rejects or mocks it.${claim.kind === 'root' ? ' (Scored against what the opening post asserts.)' : ''}</p>` +
      `${bars}<details class="src" open><summary>Sources (${claim.sources.length})</summary>${sources}</details></article>`
    );
  });
  return `<section id="claims"><h2>Claims</h2>${cards.join('')}</section>`;
}

/** One thread: its title and source, its stance bars (given `summary` rows, when the run has several threads), the sentiment histogram, then the comments. */
function threadSection(thread: Thread, rows: AnalyzedComment[], t: number, claimIds: string[], summary: SummaryRow[]): string {
  const several = summary.length > 0;
  const flagged = rows.filter((r) => r.needsReview).length;
  const facts = [
    `<code>${esc(thread.file.split(/[\\/]/).pop() ?? thread.file)}</code>`,
    `format ${esc(thread.format)}`,
    `${rows.length} comments`,
    `${flagged} flagged`,
    thread.skipped.length ? `${thread.skipped.length} record${thread.skipped.length === 1 ? '' : 's'} could not be read` : '',
    thread.flat ? 'no reply structure in this input: comments follow each other unindented' : '',
  ].filter(Boolean);
  return (
    `<section class="thread" id="t-${t}" data-thread="${esc(thread.id)}">` +
    `<h2>${several ? 'Thread: ' : ''}${esc(thread.title || thread.id)}</h2><p class="meta">${facts.join(' · ')}</p>` +
    `<div class="overview">${several ? threadBars(summary, claimIds) : ''}${sentimentHistogram(rows, 'Sentiment of the comments')}</div>` +
    threadHtml(thread, rows, t, claimIds) +
    `</section>`
  );
}

/** The stance bars of one thread of several, one row per claim. */
function threadBars(summary: SummaryRow[], claimIds: string[]): string {
  const rows = claimIds.map((id) => {
    const mine = summary.filter((r) => r.claim === id);
    return `<div class="bars" data-thread="${esc(mine[0]?.thread ?? '')}">${stanceBar(mine, 'comments', `${id}: comments by stance`)}${stanceBar(mine, 'likes', `${id}: share of likes by stance`)}</div>`;
  });
  return `<div class="thread-bars">${rows.join('')}</div>`;
}
