/**
 * The per-thread analyzers of a run: interleaved threads are judged as if read alone, and each is let
 * go after its last comment. A worker's rows survive being packed for the main thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ThreadAnalyzers } from '../src/run/analyze-items.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import { readThread } from '../src/input/index.js';
import type { ThreadInfo } from '../src/input/source.js';
import type { Comment, Thread } from '../src/types.js';
import { defaultClaims } from './helpers.js';
import { packedCount, packedRow, packRows } from '../src/run/packed.js';
import type { Rendered } from '../src/output/rows.js';

function thread(id: string, texts: string[]): Thread {
  const lines = texts.map((text, i) => JSON.stringify({ id: `${id}-${i}`, parent_id: i === 0 ? '' : `${id}-0`, text }));
  return { ...readThread(lines.join('\n'), `${id}.jsonl`, 'jsonl'), id };
}

const info = (t: Thread): ThreadInfo => ({ id: t.id, title: t.title, file: t.file, format: t.format, flat: t.flat, skipped: t.skipped, size: t.comments.length });

test('interleaved threads: the same judgements as one thread at a time, and no thread kept after its last comment', () => {
  const a = thread('a', ['The FSB did this, obviously an inside job.', 'Exactly.', 'ISIS claimed it.']);
  const b = thread('b', ['ISIS-K claimed responsibility for the attack.', 'Nope.']);
  const cc = defaultClaims();
  const alone = [...analyzeThread(a, cc), ...analyzeThread(b, cc)].map((r) => JSON.stringify([...r.stances]));
  const analyzers = new ThreadAnalyzers(cc);
  const [ia, ib] = [info(a), info(b)];
  const order: [ThreadInfo, Comment][] = [[ia, a.comments[0]!], [ib, b.comments[0]!], [ia, a.comments[1]!], [ib, b.comments[1]!], [ia, a.comments[2]!]];
  const open: number[] = [];
  const rows = order.map(([t, c]) => {
    const row = analyzers.next(t, c);
    open.push(analyzers.open);
    return { t, row };
  });
  assert.deepEqual(open, [1, 2, 2, 1, 0]);
  const interleaved = [...rows.filter((r) => r.t === ia), ...rows.filter((r) => r.t === ib)].map((r) => JSON.stringify([...r.row.stances]));
  assert.deepEqual(interleaved, alone);
  // The reply "Exactly." takes the opening post's stance on the FSB; "Nope." rejects the ISIS claim.
  assert.equal(rows[2]!.row.stances.get('fsb')!.stance, 'support');
  assert.equal(rows[3]!.row.stances.get('isis')!.stance, 'oppose');
});

test('rows packed by a worker come back as the same rendered rows, in order', () => {
  const rows: Rendered[] = [
    { text: '"t1",1,"a ""quoted"" 😀 text"\r\n', stances: ['support', 'none', 'oppose'], flagged: [true, false, false], needsReview: true },
    { text: '', stances: ['neutral', 'neutral', 'none'], flagged: [false, false, false], needsReview: false },
    { text: 't2,2,ünïcode\r\n', stances: ['none', 'none', 'none'], flagged: [false, false, true], needsReview: false },
  ];
  const packed = packRows(rows, 3);
  assert.equal(packed.text, rows.map((r) => r.text).join(''));
  // A flagged judgement's code has bit 4 set.
  assert.deepEqual([...packed.stances], [4, 3, 1, 2, 2, 3, 3, 3, 7]);
  assert.equal(packedCount(packed), 3);
  assert.deepEqual([0, 1, 2].map((k) => packedRow(packed, k)), rows);
});
