/**
 * Property: any comment text survives the whole pipeline exactly. Texts are written into a JSON Lines
 * and a CSV input, read by the generic adapters, analyzed, written as the review CSV in both dialects,
 * and read back with csv-parse; after removing the documented formula escape (unescapeCell) every
 * text must equal the original, in the original order, each once. Analysis is deterministic: the
 * same thread gives the same CSV, byte for byte, also after other threads were analyzed in between.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readThread } from '../src/input/index.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import { commentsCsv } from '../src/output/csv.js';
import { unescapeCell, type CsvDialect } from '../src/output/dialect.js';
import { defaultClaims, ROOT, SEED_THREAD } from './helpers.js';
import { commentText, params } from './property/config.js';

const claims = () => defaultClaims().claims.map((c) => c.claim);

function jsonlInput(texts: string[]): string {
  return texts.map((text, i) => JSON.stringify({ id: `c${i}`, parent_id: i === 0 ? '' : `c${i - 1}`, text })).join('\n') + '\n';
}

function csvInput(texts: string[]): string {
  return stringify([['id', 'parent_id', 'text'], ...texts.map((text, i) => [`c${i}`, i === 0 ? '' : `c${i - 1}`, text])], { quoted: true });
}

/** The review CSV of `input` read as `format`. */
function reviewCsv(input: string, format: string, dialect: CsvDialect): string {
  const thread = readThread(input, `thread.${format}`, format);
  return commentsCsv([{ thread, rows: analyzeThread(thread, defaultClaims()) }], claims(), { dialect });
}

function textsOf(csv: string, dialect: CsvDialect): { id: string; text: string }[] {
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => ({ id: r.id!, text: dialect === 'excel' ? unescapeCell(r.text!) : r.text! }));
}

const texts = fc.array(commentText, { minLength: 1, maxLength: 4 });

for (const [format, make] of [['jsonl', jsonlInput], ['csv', csvInput]] as const) {
  for (const dialect of ['excel', 'rfc4180'] as const) {
    test(`property: any text read from ${format} comes back exactly from the ${dialect} review CSV`, () => {
      fc.assert(
        fc.property(texts, (ts) => {
          const back = textsOf(reviewCsv(make(ts), format, dialect), dialect);
          assert.deepEqual(back, ts.map((text, i) => ({ id: `c${i}`, text })));
        }),
        params(0.5),
      );
    });
  }
}

test('property: analysis is deterministic, byte for byte, whatever was analyzed before', () => {
  fc.assert(
    fc.property(texts, texts, (a, b) => {
      const first = reviewCsv(jsonlInput(a), 'jsonl', 'excel');
      reviewCsv(jsonlInput(b), 'jsonl', 'excel');
      assert.equal(reviewCsv(jsonlInput(a), 'jsonl', 'excel'), first);
    }),
    params(0.5),
  );
});

test('two processes write the same outputs, byte for byte', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-determinism-'));
  try {
    const outputs = ['a', 'b'].map((name) => {
      const out = path.join(dir, name, 'comments.csv');
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/bin.js'), 'analyze', SEED_THREAD, '--out', out, '--report', path.join(dir, name, 'report.html'), '-q'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return ['comments.csv', 'summary.csv', 'report.html'].map((f) => fs.readFileSync(path.join(dir, name, f)));
    });
    assert.deepEqual(outputs[1], outputs[0]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
