/** Reviewer agreement: Krippendorff's alpha and Cohen's kappa on published examples, two reviewers compared by `evaluate A B`. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execute } from '../src/cli.js';
import { ThreadstanceError } from '../src/errors.js';
import { alphaOfPairs, krippendorffAlpha, resolvePair, reviewClaims, reviewerAgreement } from '../src/evaluate/agreement.js';
import { confusion, kappa, type Label, type LabelPair } from '../src/evaluate/metrics.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-agree-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
}

/** Reliability data written as in the papers: one row per coder, `*` = not coded; returned as units × coders. */
function units(...coders: string[]): (string | undefined)[][] {
  const rows = coders.map((c) => c.trim().split(/\s+/));
  return rows[0]!.map((_v, u) => rows.map((r) => (r[u] === '*' ? undefined : r[u])));
}

/** Pairs from a square table of counts (rows: coder 1, columns: coder 2) over the given labels. */
function fromTable(labels: Label[], table: number[][]): LabelPair[] {
  return table.flatMap((row, i) => row.flatMap((count, j) => Array.from({ length: count }, () => ({ gold: labels[i]!, pred: labels[j]! }))));
}

test("Krippendorff's alpha, nominal: Krippendorff (2011) example C, 4 observers, 12 units, missing values → 0.743", () => {
  const data = units(
    '1 2 3 3 2 1 4 1 2 * * *',
    '1 2 3 3 2 2 4 1 2 5 * 3',
    '* 3 3 3 2 3 4 2 2 5 1 *',
    '1 2 3 3 2 4 4 1 2 5 1 *',
  );
  // n = 40 pairable values (unit 12 has one value and does not count); α = 1 − 39 · Do/De = 113/152
  close(krippendorffAlpha(data), 113 / 152);
  assert.equal(krippendorffAlpha(data).toFixed(3), '0.743');
});

test("Krippendorff's alpha, nominal: Wikipedia's computational example, 3 coders, 15 units → 0.691", () => {
  const data = units(
    '* * * * * 3 4 1 2 1 1 3 3 * 3',
    '1 * 2 1 3 3 4 3 * * * * * * *',
    '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
  );
  close(krippendorffAlpha(data), 56 / 81);
  assert.equal(krippendorffAlpha(data).toFixed(3), '0.691');
});

test("Krippendorff's alpha: Krippendorff (2011) example A, binary, 2 observers, 10 units → 0.095; Cohen's kappa on it 0.091", () => {
  const data = units('0 1 0 0 0 0 0 0 1 0', '1 1 1 0 0 1 0 0 0 0');
  // o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6; α = 1 − 19·8/(2·14·6) = 2/21
  close(krippendorffAlpha(data), 2 / 21);
  const pairs = data.map(([a, b]) => ({ gold: a === '1' ? 'support' : 'none', pred: b === '1' ? 'support' : 'none' }) as LabelPair);
  close(alphaOfPairs(pairs), 2 / 21);
  // po = 0.6, pe = 0.8·0.6 + 0.2·0.4 = 0.56 → κ = 0.04/0.44 = 1/11
  close(kappa(confusion(pairs)), 1 / 11);
});

test('alpha is undefined (NaN) without variation or without pairable values; 1 for perfect agreement', () => {
  assert.ok(Number.isNaN(krippendorffAlpha(units('1 1 1', '1 1 1'))));
  assert.ok(Number.isNaN(krippendorffAlpha(units('1 * 2', '* 2 *'))));
  assert.equal(krippendorffAlpha(units('1 2 1 3', '1 2 1 3')), 1);
});

test("Cohen's kappa: Cohen (1960), Table 2, 200 units, 3 categories → 0.492", () => {
  const pairs = fromTable(['support', 'oppose', 'neutral'], [[88, 14, 18], [10, 40, 10], [2, 6, 12]]);
  // po = (88 + 40 + 12)/200 = .70; pc = .60·.50 + .30·.30 + .10·.20 = .41; κ = .29/.59
  close(kappa(confusion(pairs)), 29 / 59);
  assert.equal(kappa(confusion(pairs)).toFixed(3), '0.492');
});

test("Cohen's kappa: Wikipedia's pair of tables with the same agreement (0.6) and different kappa", () => {
  const [yes, no]: Label[] = ['support', 'oppose'];
  close(kappa(confusion(fromTable([yes!, no!], [[45, 15], [25, 15]]))), 0.06 / 0.46); // 0.1304
  close(kappa(confusion(fromTable([yes!, no!], [[25, 35], [5, 35]]))), 0.14 / 0.54); // 0.2593
});

test('either-is-right between reviewers: a shared label counts as agreement, otherwise each first label', () => {
  assert.deepEqual(resolvePair(['support', 'neutral'], ['neutral']), { gold: 'neutral', pred: 'neutral' });
  assert.deepEqual(resolvePair(['oppose'], ['support', 'neutral']), { gold: 'oppose', pred: 'support' });
  assert.deepEqual(reviewClaims([{ review_isis: '', review_reason: '', review_note: '', review_text_changed: '', review_fsb: '' }]), ['isis', 'fsb']);
});

// Two reviewers of the same thread, aligned by thread and id (rows in a different order in B).
const A = [
  { thread: 't', index: '0', id: 'a', text: 'zero', review_isis: 'support', review_fsb: 'none' },
  { thread: 't', index: '1', id: 'b', text: 'one', review_isis: 'support', review_fsb: 'oppose' },
  { thread: 't', index: '2', id: 'c', text: 'two', review_isis: 'neutral|none', review_fsb: 'none' },
  { thread: 't', index: '3', id: 'd', text: 'three', review_isis: 'none', review_fsb: '' },
  { thread: 't', index: '4', id: 'e', text: 'four', review_isis: 'oppose', review_fsb: 'none' },
];
const B = [
  { thread: 't', id: 'e', review_isis: 'oppose', review_fsb: 'oppose' },
  { thread: 't', id: 'a', review_isis: 'support', review_fsb: 'none' },
  { thread: 't', id: 'b', review_isis: 'neutral', review_fsb: 'oppose' },
  { thread: 't', id: 'c', review_isis: 'none', review_fsb: '' },
  { thread: 't', id: 'd', review_isis: 'none', review_fsb: 'none' },
  { thread: 't', id: 'z', review_isis: 'support', review_fsb: '' },
];

test('reviewerAgreement: per claim and pooled n, agreement, kappa, alpha, cells only one reviewer filled, unmatched rows', () => {
  const r = reviewerAgreement(A, B, { fileA: 'A.csv', fileB: 'B.csv', errors: true });
  assert.equal(r.aligned, 5);
  assert.deepEqual(r.unmatched, ['B.csv:7: row (thread "t") with id "z" matches no unused row of A.csv']);
  const [isis, fsb] = r.claims;
  // isis: (support,support) (support,neutral) (none,none: a|b shared) (none,none) (oppose,oppose)
  assert.deepEqual([isis!.claim, isis!.n, isis!.accuracy, isis!.onlyA, isis!.onlyB], ['isis', 5, 0.8, 0, 0]);
  // A: support 2, oppose 1, none 2; B: support 1, oppose 1, neutral 1, none 2 → Σ = 2 + 1 + 0 + 4 = 7; κ = (5·4 − 7)/(25 − 7) = 13/18
  close(isis!.kappa, 13 / 18);
  // coincidences: n = 10; n_support = 3, n_oppose = 2, n_neutral = 1, n_none = 4; Do = 2 (support/neutral both ways)
  // Σ_{c≠k} n_c n_k = 10² − (9 + 4 + 1 + 16) = 70; α = 1 − 9·2/70 = 26/35
  close(isis!.alpha, 26 / 35);
  // fsb: (none,none) (oppose,oppose) (none,oppose); c: A only; d: B only
  assert.deepEqual([fsb!.n, fsb!.onlyA, fsb!.onlyB], [3, 1, 1]);
  close(fsb!.accuracy, 2 / 3);
  assert.deepEqual([r.pooled.n, r.pooled.onlyA, r.pooled.onlyB], [8, 1, 1]);
  assert.equal(r.pooled.accuracy, 0.75);
  close(r.pooled.kappa, 7 / 11);
  close(r.pooled.alpha, 28 / 43);
  assert.deepEqual(r.disagreements.map((d) => [d.id, d.claim, d.a, d.b]), [['b', 'isis', 'support', 'neutral'], ['e', 'fsb', 'none', 'oppose']]);
});

test('reviewerAgreement: an invalid review label names file, line and column', () => {
  const bad = [{ id: 'a', review_isis: 'suport' }];
  assert.throws(() => reviewerAgreement(bad, [{ id: 'a', review_isis: 'support' }], { fileA: 'A.csv', fileB: 'B.csv' }), (err) => {
    assert.ok(err instanceof ThreadstanceError);
    assert.equal(err.code, 'EVAL_BAD_LABEL');
    assert.deepEqual(err.place, { file: 'A.csv', line: 2, column: 2, claim: 'isis', field: 'review_isis' });
    return true;
  });
});

async function evaluate(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await execute(['evaluate', ...argv], { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** A reviewed threadstance CSV (tool stance columns and review columns), written as Excel saves it, optionally with semicolons. */
function reviewedCsv(name: string, rows: Record<string, string>[], delimiter = ','): string {
  const header = ['thread', 'index', 'id', 'text', 'isis_stance', 'isis_evidence', 'fsb_stance', 'fsb_evidence', 'needs_review', 'review_reason', 'review_isis', 'review_fsb', 'review_note'];
  const file = path.join(tmp, name);
  const lines = [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((cells) => cells.join(delimiter));
  fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
  return file;
}

test('evaluate A.csv B.csv: two reviewed copies give the agreement between the two people, and the tool vs each', async () => {
  const tool = { a: ['support', 'none'], b: ['support', 'oppose'], c: ['none', 'none'], d: ['none', 'none'], e: ['oppose', 'none'] };
  const withTool = (rows: Record<string, string>[]): Record<string, string>[] =>
    rows.map((r) => ({ ...r, text: r.text ?? r.id!, isis_stance: tool[r.id as keyof typeof tool]?.[0] ?? 'none', fsb_stance: tool[r.id as keyof typeof tool]?.[1] ?? 'none' }));
  const a = reviewedCsv('A.csv', withTool(A));
  const b = reviewedCsv('B.csv', withTool(B), ';');
  const r = await evaluate([a, b]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.ok(lines.includes(`Reviewer A: review_<claim> columns of ${a}`), r.stdout);
  assert.ok(lines.includes('Aligned rows: 5 (by thread and id; 1 unmatched)'), r.stdout);
  assert.ok(lines.includes('claim   n  agreement  kappa  alpha  only A  only B'), r.stdout);
  assert.ok(lines.includes('isis    5      0.800  0.722  0.743       0       0'), r.stdout);
  // pooled: 6 of 8 alike; A (s 2, o 2, none 4), B (s 1, o 3, neu 1, none 3): κ = (8·6 − 20)/(64 − 20) = 7/11;
  // α: n = 16, Σ n_c² = 9 + 25 + 1 + 49 = 84, Do = 4 → α = 1 − 15·4/(256 − 84) = 28/43
  assert.ok(lines.includes('pooled  8      0.750  0.636  0.651       1       1'), r.stdout);
  assert.ok(lines.includes('Tool vs each reviewer (pooled over claims)'), r.stdout);
  // Tool vs A: isis 5 of 5 right (c: none ∈ neutral|none), fsb 4 filled cells, all right → 9 of 9.
  assert.ok(lines.some((l) => l.startsWith(a) && /\s9\s+1\.000\s+1\.000\s+1\.000$/.test(l)), r.stdout);
  assert.doesNotMatch(r.stdout, /Disagreements/);
  const errors = await evaluate([a, b, '--errors']);
  assert.match(errors.stdout, /Disagreements \(2\):\n {2}index 1, id b {2}isis: A support \/ B neutral\n {6}text: one\n/);
  assert.ok(lines.includes(`  ${b}:7: row (thread "t") with id "z" matches no unused row of ${a}`), r.stdout);
});

test('evaluate on one reviewed CSV: tool vs reviewer with accuracy, kappa and alpha', async () => {
  const file = reviewedCsv('one.csv', [
    { thread: 't', index: '0', id: 'a', isis_stance: 'support', fsb_stance: 'none', review_isis: 'support', review_fsb: 'none' },
    { thread: 't', index: '1', id: 'b', isis_stance: 'none', fsb_stance: 'oppose', review_isis: 'support', review_fsb: 'oppose' },
    { thread: 't', index: '2', id: 'c', isis_stance: 'none', fsb_stance: 'none', review_isis: 'none', review_fsb: '' },
  ]);
  const r = await evaluate([file]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.ok(lines.includes('claim   n  accuracy  F_avg  macro-F1  kappa  alpha'), r.stdout);
  // isis: (support,support) (support,none) (none,none): κ = (3·2 − (2·1 + 1·2))/(9 − 4) = 0.4; α = 1 − 5·2/(2·3·3) = 4/9
  assert.ok(lines.includes('isis    3     0.667  0.333     0.333  0.400  0.444'), r.stdout);
  assert.ok(lines.includes("kappa = Cohen's kappa, alpha = Krippendorff's alpha (nominal), tool and reviewer as the two coders."), r.stdout);
});
