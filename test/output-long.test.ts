/** `--layout long`: one row per comment and claim, exact rows, and the same judgements as the wide layout. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { execute } from '../src/cli.js';
import { commentsCsv } from '../src/output/csv.js';
import type { AnalyzedComment, Judgement, Thread } from '../src/types.js';

const fx = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/output/${name}`, import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-long-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function judgement(stance: Judgement['stance'], score: number, confidence: number, evidence: string, detail?: string): Judgement {
  return { stance, score, confidence, evidence, conflict: false, sarcasm: false, ...(detail ? { detail } : {}) };
}

function comment(index: number, id: string, text: string, stances: [string, Judgement][], needsReview = false): AnalyzedComment {
  return {
    comment: { index, id, parentId: index === 0 ? '' : 'p0', author: 'a', likes: null, createdAt: '', text, body: text, media: [], quoted: [], extra: { lang: 'en' }, line: index + 2 },
    sentiment: { score: 0, label: 'neutral' },
    sarcasm: [],
    stances: new Map(stances),
    needsReview,
    reviewReason: needsReview ? 'low confidence' : '',
  };
}

const thread: Thread = { id: 'toy', title: '', file: 'toy.jsonl', format: 'jsonl', flat: false, comments: [], extraColumns: ['lang'], skipped: [] };
const rows = [
  comment(0, 'p0', 'ISIS claimed it.', [['isis', judgement('support', 0.8, 0.8, '"ISIS claimed it." [cue]')], ['op', judgement('support', 1, 1, 'opening post')]]),
  comment(1, 'p1', '-Was it really them?\nSource?', [['isis', judgement('oppose', -0.25, 0.25, 'really them?')], ['op', judgement('neutral', 0, 0.5, '"Source?"', 'query')]], true),
];
const claims = [{ id: 'isis', kind: 'attribution' }, { id: 'op', kind: 'root' }];

test('long layout: exact rows, comments in order, each followed by its claims; detail column for a root claim', () => {
  const csv = commentsCsv([{ thread, rows }], claims, { layout: 'long', dialect: 'rfc4180' });
  assert.equal(
    csv,
    [
      'thread,index,id,claim,stance,score,confidence,evidence,detail,needs_review,review_stance,review_note,text',
      'toy,0,p0,isis,support,0.8,0.8,"""ISIS claimed it."" [cue]",,false,,,ISIS claimed it.',
      'toy,0,p0,op,support,1,1,opening post,,false,,,ISIS claimed it.',
      'toy,1,p1,isis,oppose,-0.25,0.25,really them?,,true,,,"-Was it really them?\nSource?"',
      'toy,1,p1,op,neutral,0,0.5,"""Source?""",query,true,,,"-Was it really them?\nSource?"',
      '',
    ].join('\n'),
  );
});

test('long layout in the excel dialect: BOM, CRLF, the text escaped, the negative score not', () => {
  const csv = commentsCsv([{ thread, rows }], [claims[0]!], { layout: 'long' });
  assert.equal(
    csv,
    '\uFEFFthread,index,id,claim,stance,score,confidence,evidence,needs_review,review_stance,review_note,text\r\n' +
      'toy,0,p0,isis,support,0.8,0.8,"""ISIS claimed it."" [cue]",false,,,ISIS claimed it.\r\n' +
      `toy,1,p1,isis,oppose,-0.25,0.25,really them?,true,,,"'-Was it really them?\nSource?"\r\n`,
  );
});

test('analyze --layout long: comments × claims rows whose judgements equal the wide layout\'s', async () => {
  const quiet = { stdout: () => undefined, stderr: () => undefined, isTTY: false };
  const claimsFile = fx('claims-before.yaml');
  const wide = path.join(tmp, 'wide.csv');
  const long = path.join(tmp, 'long.csv');
  assert.equal(await execute(['analyze', fx('thread.csv'), '--claims', claimsFile, '--out', wide, '-q'], quiet), 0);
  assert.equal(await execute(['analyze', fx('thread.csv'), '--claims', claimsFile, '--out', long, '--summary', path.join(tmp, 'long-summary.csv'), '--layout', 'long', '-q'], quiet), 0);
  const w = parse(fs.readFileSync(wide), { bom: true, columns: true }) as Record<string, string>[];
  const l = parse(fs.readFileSync(long), { bom: true, columns: true }) as Record<string, string>[];
  const ids = ['isis', 'ukraine', 'fsb'];
  assert.equal(l.length, 5 * 3);
  assert.deepEqual(Object.keys(l[0]!), ['thread', 'index', 'id', 'claim', 'stance', 'score', 'confidence', 'evidence', 'needs_review', 'review_stance', 'review_note', 'text']);
  assert.deepEqual(
    l.map((r) => [r.thread, r.index, r.id, r.claim, r.stance, r.score, r.confidence, r.evidence, r.needs_review, r.text]),
    w.flatMap((r) => ids.map((c) => [r.thread, r.index, r.id, c, r[`${c}_stance`], r[`${c}_score`], r[`${c}_confidence`], r[`${c}_evidence`], r.needs_review, r.text])),
  );
  // The summary does not depend on the layout.
  assert.deepEqual(fs.readFileSync(path.join(tmp, 'long-summary.csv')), fs.readFileSync(path.join(tmp, 'summary.csv')));
});
