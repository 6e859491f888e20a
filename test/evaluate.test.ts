import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ThreadstanceError } from '../src/errors.js';
import {
  accuracy, alignRows, confusion, evaluateFiles, evaluateRows, fAvg, formatEvaluation, kappa, macroF1,
  normalizeText, prf, resolveGold, scoreClaim, type LabelPair,
} from '../src/evaluate/index.js';
import { parseAlternatives } from '../src/evaluate/metrics.js';
import { shortenText } from '../src/evaluate/report.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../test/fixtures/evaluate/${name}`, import.meta.url));

/** Expands [gold, pred, count] triples into pairs. */
function pairs(...spec: [LabelPair['gold'], LabelPair['pred'], number][]): LabelPair[] {
  return spec.flatMap(([gold, pred, count]) => Array.from({ length: count }, () => ({ gold, pred })));
}

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
}

test('Cohen kappa, Wikipedia example: 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15 → 0.4', () => {
  // yes = support, no = oppose; gold = rater A, pred = rater B.
  const m = confusion(pairs(['support', 'support', 20], ['support', 'oppose', 5], ['oppose', 'support', 10], ['oppose', 'oppose', 15]));
  assert.deepEqual(m, [[20, 5, 0, 0], [10, 15, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
  // po = 35/50 = 0.7; pe = (25/50)(30/50) + (25/50)(20/50) = 0.3 + 0.2 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4
  assert.equal(accuracy(m), 0.7);
  assert.equal(kappa(m), 0.4);
  // F1(support) = 2·20/(30 + 25) = 8/11; F1(oppose) = 2·15/(20 + 25) = 2/3; F_avg = (8/11 + 2/3)/2 = 23/33
  const per = prf(m);
  close(per.support.f1, 8 / 11);
  close(per.oppose.f1, 2 / 3);
  close(fAvg(per), 23 / 33);
});

test('confusion, accuracy, per-label P/R/F1, F_avg, macro-F1 and kappa on a 4-label example', () => {
  const m = confusion(pairs(
    ['support', 'support', 1], ['support', 'none', 1], ['neutral', 'support', 1], ['oppose', 'oppose', 3],
    ['oppose', 'neutral', 1], ['none', 'oppose', 1], ['none', 'none', 1], ['neutral', 'neutral', 1],
  ));
  // rows gold (support, oppose, neutral, none), columns predicted
  assert.deepEqual(m, [[1, 0, 0, 1], [0, 3, 1, 0], [1, 0, 1, 0], [0, 1, 0, 1]]);
  assert.equal(accuracy(m), 0.6); // (1 + 3 + 1 + 1) / 10
  const per = prf(m);
  // support: tp 1, predicted 2, gold 2 → P = R = 0.5, F1 = 2·1/(2 + 2) = 0.5
  assert.deepEqual(per.support, { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
  // oppose: tp 3, predicted 4, gold 4 → P = R = 0.75, F1 = 6/8 = 0.75
  assert.deepEqual(per.oppose, { precision: 0.75, recall: 0.75, f1: 0.75, support: 4 });
  assert.equal(per.neutral.f1, 0.5); // 2·1/(2 + 2)
  assert.equal(per.none.f1, 0.5); // 2·1/(2 + 2)
  assert.equal(fAvg(per), 0.625); // (0.5 + 0.75) / 2
  assert.equal(macroF1(per), 0.5625); // (0.5 + 0.75 + 0.5 + 0.5) / 4
  // Σ rowᵢ·colᵢ = 2·2 + 4·4 + 2·2 + 2·2 = 28; κ = (10·6 − 28)/(10² − 28) = 32/72 = 4/9
  assert.equal(kappa(m), 4 / 9);
});

test('undefined ratios are 0; kappa at chance is 0, and 1 when expected agreement is 1 and all agree', () => {
  const empty = scoreClaim('x', []);
  assert.deepEqual([empty.n, empty.accuracy, empty.fAvg, empty.macroF1, empty.kappa], [0, 0, 0, 0, 0]);
  // never predicted, never gold → P, R, F1 all 0
  assert.deepEqual(empty.perLabel.oppose, { precision: 0, recall: 0, f1: 0, support: 0 });
  // all gold none; predicted none ×2, support ×2: Σ rowᵢ·colᵢ = 4·2 = 8; κ = (4·2 − 8)/(16 − 8) = 0
  assert.equal(kappa(confusion(pairs(['none', 'none', 2], ['none', 'support', 2]))), 0);
  // pe = 1 (one label everywhere), po = 1 → 1
  assert.equal(kappa(confusion(pairs(['none', 'none', 3]))), 1);
});

test('either-is-right: a|b cells resolve to the prediction when it is an alternative, else the first', () => {
  assert.deepEqual(parseAlternatives(' Support | NEUTRAL '), ['support', 'neutral']);
  assert.equal(parseAlternatives('support|maybe'), undefined);
  assert.equal(parseAlternatives(''), undefined);
  assert.equal(resolveGold(['support', 'neutral'], 'neutral'), 'neutral');
  assert.equal(resolveGold(['support', 'neutral'], 'support'), 'support');
  assert.equal(resolveGold(['support', 'neutral'], 'oppose'), 'support');
  const pred = [{ index: '0', text: 'a', isis_stance: 'neutral' }, { index: '1', text: 'b', isis_stance: 'oppose' }];
  const gold = [{ index: '0', text_start: 'a', isis: 'support|neutral' }, { index: '1', text_start: 'b', isis: 'support|neutral' }];
  const r = evaluateRows(pred, gold, { errors: true });
  // row 0: neutral ∈ {support, neutral} → (neutral, neutral); row 1: oppose ∉ → (support, oppose)
  assert.deepEqual(r.pooled.confusion, [[0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]]);
  assert.equal(r.pooled.accuracy, 0.5);
  assert.deepEqual(r.wrong.map((w) => [w.index, w.predicted, w.gold]), [['1', 'oppose', 'support|neutral']]);
});

test('normalizeText: NFKC, curly quotes, whitespace runs, case', () => {
  assert.equal(normalizeText('  Ukraine wouldn\u2019t\u00a0 use\n\u201Csuch\u201D \uFB01ne\u2026 '), 'ukraine wouldn\'t use "such" fine...');
});

test('align by text_start (curly vs straight apostrophe), reports unmatched; BOM + CRLF pred', () => {
  const r = evaluateFiles(fixture('pred.csv'), fixture('gold-text.csv'), { errors: true });
  assert.equal(r.goldSource, 'gold-file');
  assert.equal(r.aligned, 5);
  assert.equal(r.unmatched.length, 1);
  assert.match(r.unmatched[0] ?? '', /gold-text\.csv:7: gold row \(index 9\) text_start "This comment was deleted" matches no prediction row/);
  const [isis, ukraine] = r.claims;
  // isis: (support,support) (none,none) (neutral,neutral: a|b resolved) (none,none) (none,none) → all right
  assert.deepEqual(isis?.confusion, [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 3]]);
  assert.equal(isis?.accuracy, 1);
  assert.equal(isis?.fAvg, 0.5); // F1(support) = 1, F1(oppose) = 0 (undefined)
  assert.equal(isis?.macroF1, 0.75); // (1 + 0 + 1 + 1) / 4
  assert.equal(isis?.kappa, 1);
  // ukraine: (none,none) (oppose,oppose) (oppose,neutral) (none,support) (none,none)
  assert.deepEqual(ukraine?.confusion, [[0, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0], [1, 0, 0, 2]]);
  assert.equal(ukraine?.accuracy, 0.6);
  assert.equal(ukraine?.fAvg, 1 / 3); // (0 + 2·1/(1 + 2)) / 2
  close(ukraine?.macroF1 ?? NaN, (0 + 2 / 3 + 0 + 4 / 5) / 4);
  // rows (0,2,0,3) cols (1,1,1,2): Σ = 2 + 6 = 8; κ = (5·3 − 8)/(25 − 8) = 7/17
  assert.equal(ukraine?.kappa, 7 / 17);
  // pooled: 10 cells, 8 right; rows (1,2,1,6) cols (2,1,2,5): Σ = 2+2+2+30 = 36; κ = (80 − 36)/(100 − 36) = 0.6875
  assert.equal(r.pooled.n, 10);
  assert.equal(r.pooled.accuracy, 0.8);
  assert.equal(r.pooled.kappa, 0.6875);
  assert.equal(r.pooled.fAvg, 2 / 3); // F1(support) = 2/(2+1) = 2/3, F1(oppose) = 2/(1+2) = 2/3
  // wrong cells in gold order, with the prediction's index, id and evidence
  assert.deepEqual(
    r.wrong.map((w) => [w.index, w.id, w.claim, w.predicted, w.gold, w.evidence]),
    [['2', 'c2', 'ukraine', 'neutral', 'oppose', 'might have been Ukraine'], ['4', 'c4', 'ukraine', 'support', 'none', 'Putin']],
  );
  assert.equal(r.wrong[0]?.text, 'Did I say I thought it might have been Ukraine?\r\nJust asking.');
});

test('align by id ignores text, reports unknown ids', () => {
  const r = evaluateFiles(fixture('pred.csv'), fixture('gold-id.csv'), { errors: true });
  assert.equal(r.aligned, 3);
  assert.deepEqual(r.unmatched, [`${fixture('gold-id.csv')}:5: gold row with id "c9" matches no unused prediction row`]);
  assert.equal(r.claims[0]?.n, 3);
  assert.equal(r.claims[0]?.accuracy, 2 / 3); // c0: gold oppose, predicted support
  assert.equal(r.claims[1]?.accuracy, 1);
  assert.deepEqual(r.wrong.map((w) => [w.id, w.claim, w.predicted, w.gold]), [['c0', 'isis', 'support', 'oppose']]);
  assert.deepEqual(evaluateFiles(fixture('pred.csv'), fixture('gold-id.csv')).wrong, []); // only on request
});

test('align within thread, prefer the equal index among several matches, never reuse a row', () => {
  const pred = [
    { thread: 't1', id: 'x', text: 'same', isis_stance: 'support' },
    { thread: 't2', id: 'x', text: 'same', isis_stance: 'oppose' },
  ];
  const byId = alignRows(pred, [{ thread: 't2', id: 'x', isis: 'oppose' }]);
  assert.deepEqual(byId.pairs, [{ gold: 0, pred: 1 }]);
  const byText = alignRows(pred, [{ thread: 't2', text_start: 'SAME', isis: 'oppose' }, { thread: 't3', text_start: 'same' }]);
  assert.deepEqual(byText.pairs, [{ gold: 0, pred: 1 }]);
  assert.deepEqual(byText.unmatched, ['gold:3: gold row (thread "t3") text_start "same" matches no prediction row']);
  // several matches: the one whose index equals the gold index wins, else the first unused
  const twins = [{ index: '3', text: 'Putin is fine' }, { index: '4', text: 'Putin is fine' }];
  const gold = [{ index: '4', text_start: 'putin is fine' }, { index: '7', text_start: 'Putin is fine' }];
  assert.deepEqual(alignRows(twins, gold).pairs, [{ gold: 0, pred: 1 }, { gold: 1, pred: 0 }]);
  const used = alignRows(pred.slice(0, 1), [{ text_start: 'same' }, { text_start: 'same' }]);
  assert.match(used.unmatched[0] ?? '', /^gold:3: .*only prediction rows already aligned/);
});

test('review-columns mode: PRED review cells are gold, empty ones skipped', () => {
  const r = evaluateFiles(fixture('pred-reviewed.csv'), undefined, { errors: true });
  assert.equal(r.goldSource, 'review-columns');
  assert.deepEqual(r.unmatched, []);
  // isis reviewed rows 0 (support/support) and 1 (gold neutral, pred none); ukraine rows 1 (oppose/oppose) and 3 (" Support ", pred none)
  assert.deepEqual(r.claims.map((c) => [c.claim, c.n, c.accuracy]), [['isis', 2, 0.5], ['ukraine', 2, 0.5]]);
  assert.equal(r.pooled.n, 4);
  assert.deepEqual(r.wrong.map((w) => [w.id, w.claim, w.gold]), [['b', 'isis', 'neutral'], ['d', 'ukraine', 'support']]);
  // a reviewed tool CSV given as GOLD is read the same way (aligned by id)
  const asGold = evaluateFiles(fixture('pred-reviewed.csv'), fixture('pred-reviewed.csv'));
  assert.equal(asGold.goldSource, 'review-columns');
  assert.deepEqual(asGold.pooled.confusion, r.pooled.confusion);
});

function thrown(fn: () => unknown): ThreadstanceError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ThreadstanceError, String(err));
    return err;
  }
  assert.fail('expected a ThreadstanceError');
}

test('an invalid gold label is an error with file, line (after a multi-line record) and column', () => {
  const err = thrown(() => evaluateFiles(fixture('pred.csv'), fixture('gold-bad.csv')));
  assert.equal(err.code, 'EVAL_BAD_LABEL');
  assert.deepEqual(err.place, { file: fixture('gold-bad.csv'), line: 4, column: 3, claim: 'isis' });
  assert.match(err.message, /invalid gold label "suport" in column "isis"/);
});

test('invalid or empty predicted labels are errors naming the prediction line', () => {
  const gold = [{ index: '0', text_start: 'a', isis: 'none' }, { index: '1', text_start: 'b', isis: 'none' }];
  const bad = thrown(() => evaluateRows([{ text: 'a', isis_stance: 'none' }, { text: 'b', isis_stance: 'support|none' }], gold, { predFile: 'p.csv' }));
  assert.equal(bad.code, 'EVAL_BAD_LABEL');
  assert.deepEqual(bad.place, { file: 'p.csv', line: 3, column: 2, claim: 'isis', field: 'isis_stance' });
  const empty = thrown(() => evaluateRows([{ text: 'a', isis_stance: '' }], gold.slice(0, 1)));
  assert.match(empty.message, /empty predicted label/);
  const emptyGold = thrown(() => evaluateRows([{ text: 'a', isis_stance: 'none' }], [{ text_start: 'a', isis: ' ' }]));
  assert.match(emptyGold.message, /empty gold label/);
});

test('missing file, no claims, nothing to score', () => {
  assert.equal(thrown(() => evaluateFiles(fixture('nope.csv'), undefined)).code, 'INPUT_NOT_FOUND');
  assert.equal(thrown(() => evaluateFiles(fixture('pred.csv'), fixture('gold-noclaims.csv'))).code, 'EVAL_NO_CLAIMS');
  assert.equal(thrown(() => evaluateFiles(fixture('gold-text.csv'), undefined)).code, 'EVAL_NO_CLAIMS');
  const none = thrown(() => evaluateFiles(fixture('pred.csv'), undefined)); // review columns all empty
  assert.equal(none.code, 'EVAL_NO_ROWS');
  assert.equal(thrown(() => evaluateRows([], [])).code, 'EVAL_NO_ROWS');
});

test('formatEvaluation: claim table, pooled line, labelled matrix, unmatched, wrong cells on request', () => {
  const r = evaluateFiles(fixture('pred.csv'), fixture('gold-text.csv'), { errors: true });
  const text = formatEvaluation(r, { errors: true });
  const lines = text.split('\n');
  assert.ok(lines.includes('claim     n  accuracy  F_avg  macro-F1  kappa'), text);
  assert.ok(lines.includes('isis      5     1.000  0.500     0.750  1.000'), text);
  assert.ok(lines.includes('ukraine   5     0.600  0.333     0.367  0.412'), text);
  assert.ok(lines.includes('pooled   10     0.800  0.667     0.727  0.688'), text);
  assert.ok(lines.includes('gold \\ predicted  support  oppose  neutral  none'), text);
  assert.ok(lines.includes('none                    1       0        0     5'), text);
  assert.match(text, /Unmatched gold rows \(1, not scored\):\n {2}.*index 9/);
  assert.match(text, /index 4, id c4 {2}ukraine: predicted support → gold none/);
  assert.doesNotMatch(formatEvaluation(r), /Wrong cells/);
  const long = shortenText('word '.repeat(100));
  assert.ok(long.length <= 160 && long.endsWith('…'));
});

test('malformed CSV is an error at the line where the bad record starts (CRLF inside quotes counted once)', () => {
  const err = thrown(() => evaluateFiles(fixture('pred.csv'), fixture('gold-badcsv.csv')));
  assert.equal(err.code, 'EVAL_BAD_CSV');
  assert.equal(err.place.line, 4);
});
