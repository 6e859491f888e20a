/**
 * Sentiment rules, one table per rule, in short sentences written for these tests (none is taken from
 * the gold sets), and the `evaluate` sentiment mode on small fixtures.
 */
import { test } from 'node:test';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEEDS_SHARED, SHARED } from './helpers.js';
import * as lexiconModule from '../src/analysis/lexicon.js';
import { execute } from '../src/cli.js';
import { ThreadstanceError } from '../src/errors.js';
import { view } from '../src/analysis/nlp.js';
import { sentimentOf, sentimentScorer, type SentimentOptions } from '../src/analysis/sentiment.js';
import { compileCues } from '../src/analysis/sentiment-rules.js';
import { winkLexicon } from '../src/analysis/sentiment-wink.js';
import { decodeEntities } from '../src/input/markdown.js';
import {
  evaluateSentiment, evaluateSentimentFile, formatSentimentEvaluation, goldLabel, parseSentimentGold,
  pearson, sniffSentimentGold, type SentimentItem,
} from '../src/evaluate/sentiment.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/sentiment/${name}`, import.meta.url));

const score = (text: string, options?: SentimentOptions): number => sentimentScorer(options)(view(text)).score;
const label = (text: string): string => sentimentOf(view(text)).label;

/** Each row: text, expected label. */
function labels(rows: [string, string][]): void {
  for (const [text, expected] of rows) assert.equal(label(text), expected, `"${text}" → ${expected} (score ${score(text)})`);
}

/** Each row: texts in strictly increasing order of score. */
function increasing(rows: string[][]): void {
  for (const row of rows) {
    const scores = row.map((t) => score(t));
    for (let i = 1; i < row.length; i++) {
      assert.ok(scores[i - 1]! < scores[i]!, `"${row[i - 1]}" (${scores[i - 1]}) < "${row[i]}" (${scores[i]})`);
    }
  }
}

test("wink's lexicon is read word by word with the valences wink itself gives a one-word text", () => {
  const lexicon = winkLexicon();
  // The reference is wink's own scorer, which threadstance's pipeline leaves out: a full instance here.
  const w = winkNLP(model);
  for (const word of ['good', 'great', 'bad', 'terrible', 'lol', ':(']) {
    const entry = lexicon.get(word)?.find((e) => e.tokens.length === 1);
    assert.ok(entry, `${word} is in wink's lexicon`);
    assert.equal(entry.valence, w.readDoc(word).out(w.its.sentiment), word);
  }
  // wink's phrases that stop its own scoring are kept with valence 0 so that they shadow their words.
  assert.equal(lexicon.get('kind')?.find((e) => e.tokens.join(' ') === 'kind of')?.valence, 0);
});

test('scores: VADER normalization of the summed valence, x / sqrt(x² + 15)', () => {
  // "good": wink 0.776 × 4 = 3.104; 3.104 / sqrt(3.104² + 15) = 0.6254
  assert.equal(score('good'), 0.625);
  // "bad": −0.6 × 4 = −2.4; −2.4 / sqrt(5.76 + 15) = −0.5268
  assert.equal(score('bad'), -0.527);
  // no sentiment word at all
  assert.deepEqual(sentimentOf(view('The meeting is at noon.')), { score: 0, label: 'neutral' });
  assert.deepEqual(sentimentOf(view('')), { score: 0, label: 'neutral' });
});

test('intensifiers, capitals and "!" raise the strength; dampeners lower it', () => {
  increasing([
    ['good', 'very good', 'VERY GOOD!!!'],
    ['kind of good', 'good', 'extremely good'],
    ['The food was good', 'The food was GOOD', 'The food was GOOD!'],
    ['terrible', 'slightly terrible'],
    ['really annoying', 'annoying', 'a bit annoying'],
  ]);
  // an intensifier wink scores on its own keeps that score when it modifies nothing
  labels([['damn', 'negative'], ['damn good', 'positive']]);
});

test('negation reverses a sentiment word up to three words later, within the clause', () => {
  labels([
    ['not good', 'negative'],
    ["I don't love it", 'negative'],
    ['nobody likes this', 'negative'],
    ['never happy with it', 'negative'],
    ['no one was happy', 'negative'],
    ['nothing was fun', 'negative'],
    ['without any joy', 'negative'],
    ['not even funny', 'negative'],
    ['not bad', 'positive'],
    ['no problem', 'positive'],
    // a comma ends the scope: "not" does not reach "love"
    ['Not really, I love it', 'positive'],
  ]);
  increasing([['not good', 'good']]);
  // emoji, emoticons and interjections are the writer's own feeling: "nope :)" is still a smile
  labels([['Nope :)', 'positive'], ['not :)', 'positive']]);
  // "no" with nothing to negate is a refusal
  labels([['No!', 'negative'], ['Nope.', 'negative']]);
});

test('contrast: the clause after "but" weighs more than the one before', () => {
  labels([
    ['The food was bad but the service was great', 'positive'],
    ['The service was great but the food was bad', 'negative'],
    ['Bad food. But great service.', 'positive'],
    ['It was good, however the ending was awful', 'negative'],
  ]);
  // "not only … but also" is no contrast
  assert.equal(score('not only good but also cheap'), score('good'));
});

test('emoji and emoticons carry sentiment, with skin tones and presentation selectors ignored', () => {
  labels([
    [':(', 'negative'],
    [':)', 'positive'],
    ['<3', 'positive'],
    [':D', 'positive'],
    ['😂', 'positive'],
    ['🙄', 'negative'],
    ['😭', 'negative'],
    ['❤️', 'positive'],
    ['👍🏽', 'positive'],
    ['=)', 'positive'],
    ['-_-', 'negative'],
  ]);
  assert.equal(score('❤️'), score('❤'));
});

test('word variants: laughter, elongation, lemmas, hashtags', () => {
  labels([
    ['hahahaha', 'positive'],
    ['lolol', 'positive'],
    ['that was goooood', 'positive'],
    ['coolest thing ever', 'positive'],
    ['#fail', 'negative'],
    ['yay', 'positive'],
    ['ugh', 'negative'],
  ]);
  increasing([['good', 'sooo good']]);
});

test("corrections to wink: everyday words and link fragments carry no sentiment; wink's odd senses fixed", () => {
  labels([
    ['I have to go to work', 'neutral'],
    ['The police must still wait', 'neutral'],
    ['see http://url_removed', 'neutral'],
    ['the campaign is killing it', 'negative'],
    ['what a badass', 'positive'],
    ['well done', 'positive'],
  ]);
});

test('each rule can be switched off to measure what it adds', () => {
  assert.equal(sentimentScorer({ off: ['negation'] })(view('not good')).label, 'positive');
  assert.equal(score('very good', { off: ['modifiers'] }), score('good'));
  assert.equal(score('The food was GOOD', { off: ['caps'] }), score('The food was good'));
  assert.equal(score('good!!!', { off: ['punctuation'] }), score('good'));
  assert.equal(sentimentScorer({ off: ['contrast'] })(view('The food was bad but the service was great')).score, score('bad great'));
  assert.equal(sentimentScorer({ off: ['lexicons'] })(view('yay')).label, 'neutral');
  // evidence lists the cues with their weighted valence
  assert.deepEqual(sentimentScorer({ evidence: true })(view('not good!')).cues, ['"good" -2.30', 'punctuation -0.29']);
});

test('a sentiment lexicon group with an unknown role is an error naming the file and the group', () => {
  const lexicon = { name: 'sentiment-x', file: 'data/lexicons/sentiment-x.yaml', groups: [{ comment: 'c', role: 'sparkly', weight: 1, phrases: [] }] };
  assert.throws(
    () => compileCues([lexicon], new Map()),
    (err: unknown) =>
      err instanceof ThreadstanceError && err.code === 'LEXICON_BAD' && err.place.file === 'data/lexicons/sentiment-x.yaml' && err.place.field === 'groups[0].role',
  );
});

test('gold files: sniffed by content, entities decoded, labels from rating / 4', () => {
  assert.equal(sniffSentimentGold('\n1\t2.5\tI love it\n'), true);
  assert.equal(sniffSentimentGold('thread,index,text\nx,0,hello\n'), false);
  assert.equal(sniffSentimentGold('1\tpositive\ttext\n'), false);
  assert.equal(sniffSentimentGold(''), false);
  assert.equal(decodeEntities('fish &amp; chips &lt;3 &quot;ok&quot; it&#39;s &#x2764; &bogus;'), 'fish & chips <3 "ok" it\'s ❤ &bogus;');
  assert.deepEqual([goldLabel(0.21), goldLabel(0.2), goldLabel(-0.2), goldLabel(-0.21)], ['positive', 'neutral', 'neutral', 'negative']);
  const items = parseSentimentGold('a\t1.5\tfish &amp; chips\r\n\r\nb\t-4\tbad\n', 'g.tsv');
  assert.deepEqual(items, [
    { id: 'a', rating: 1.5, text: 'fish & chips', line: 1 },
    { id: 'b', rating: -4, text: 'bad', line: 3 },
  ]);
});

test('a malformed gold line is an error naming the file and the line', () => {
  const where = (file: string, line: number) => (err: unknown) =>
    err instanceof ThreadstanceError && err.code === 'EVAL_BAD_GOLD_LINE' && err.place.file === file && err.place.line === line;
  assert.throws(() => evaluateSentimentFile(fixture('bad-fields.tsv')), where(fixture('bad-fields.tsv'), 3));
  assert.throws(() => evaluateSentimentFile(fixture('bad-rating.tsv')), where(fixture('bad-rating.tsv'), 2));
  assert.throws(() => parseSentimentGold('1\t4.5\tout of range\n', 'g.tsv'), where('g.tsv', 1));
  assert.throws(() => parseSentimentGold('\n\n', 'g.tsv'), (err: unknown) => err instanceof ThreadstanceError && err.code === 'EVAL_NO_ROWS');
});

test('evaluation measures: accuracy, P/R/F1, macro-F1, confusion, Pearson, on a stub scorer', () => {
  const items: SentimentItem[] = [
    { id: '1', rating: 4, text: 'p', line: 1 },
    { id: '2', rating: 0, text: 'z', line: 2 },
    { id: '3', rating: -4, text: 'n', line: 3 },
    { id: '4', rating: 0, text: 'q', line: 4 },
  ];
  const scores: Record<string, number> = { p: 0.5, z: 0.5, n: -0.5, q: -0.5 };
  const r = evaluateSentiment(items, (t) => ({ score: scores[t]!, label: scores[t]! > 0 ? 'positive' : 'negative', cues: [] }), { errors: true });
  // rows gold (positive, neutral, negative), columns predicted
  assert.deepEqual(r.confusion, [[1, 0, 0], [1, 0, 1], [0, 0, 1]]);
  assert.equal(r.accuracy, 0.5);
  // positive: tp 1, predicted 2, gold 1 → P 0.5, R 1, F1 2/3; neutral: all 0; negative: as positive
  assert.deepEqual(r.perLabel.positive, { precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
  assert.deepEqual(r.perLabel.neutral, { precision: 0, recall: 0, f1: 0, support: 2 });
  assert.equal(r.macroF1, (2 / 3 + 0 + 2 / 3) / 3);
  // x = rating/4 = (1, 0, −1, 0), y = (0.5, 0.5, −0.5, −0.5): Σxy = 1, Σx² = 2, Σy² = 1 → r = 1/√2
  assert.ok(Math.abs(r.pearson - 1 / Math.sqrt(2)) < 1e-12);
  assert.deepEqual(r.wrong.map((e) => e.item.id), ['2', '4']);
  assert.equal(pearson([1, 1], [0, 1]), 0);
});

test('evaluate GOLD.tsv: the rules on a small rated fixture, with its known accuracy and confusion matrix', () => {
  const r = evaluateSentimentFile(fixture('ratings.tsv'), { errors: true });
  assert.equal(r.n, 8);
  // 6 of 8 right: "The bus leaves at six." (gold positive) reads neutral; "What a lovely day." (gold negative, ironic) reads positive.
  assert.equal(r.accuracy, 0.75);
  assert.deepEqual(r.confusion, [[2, 1, 0], [0, 2, 0], [1, 0, 2]]);
  assert.deepEqual(r.wrong.map((e) => [e.item.id, e.item.line, e.gold, e.predicted.label]), [['7', 8, 'positive', 'neutral'], ['8', 9, 'negative', 'positive']]);
  const text = formatSentimentEvaluation(r, { errors: true });
  for (const want of ['n: 8', 'label accuracy: 0.750', 'positive                 2        1         0', 'Wrong items (2):', '7 (line 8)  gold positive 1.2  predicted neutral 0', 'cues: "lovely" +3.25']) {
    assert.ok(text.includes(want), `report has ${want}:\n${text}`);
  }
});

test('the CLI: one sentiment gold argument runs the sentiment mode; a bad line exits 1 naming it', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), isTTY: false };
  assert.equal(await execute(['evaluate', fixture('ratings.tsv'), '--errors'], io), 0);
  assert.ok(out.join('').includes('label accuracy: 0.750'));
  assert.ok(out.join('').includes('Wrong items (2):'));
  assert.equal(await execute(['evaluate', fixture('bad-fields.tsv')], io), 1);
  assert.ok(err.join('').startsWith(`threadstance: EVAL_BAD_GOLD_LINE ${fixture('bad-fields.tsv')}:3: expected 3 tab-separated fields`), err.join(''));
});

test('what a word matches on its own is remembered per word, and remembering changes no score', { skip: NEEDS_SHARED }, () => {
  const { lexicons } = lexiconModule;
  const fresh = (): SentimentOptions => ({ evidence: true, cues: compileCues([...lexicons().values()].filter((l) => l.name.startsWith('sentiment-')), winkLexicon()) });
  const lines = fs.readFileSync(path.join(SHARED, 'eval/sentiment/tweets_GroundTruth.txt'), 'utf8').split('\n');
  const texts = lines.filter((l) => l.trim() !== '').map((l) => l.split('\t')[2] ?? '');
  // Words met alone before and after they start a longer cue, and a word read two ways.
  const tricky = ['kind', 'That was kind of good', 'kind', "He's late", "John's car is great", 'no', 'no good', 'no'];
  texts.push(...tricky);
  const run = (order: string[], options: SentimentOptions): Map<string, string> => {
    const scorer = sentimentScorer(options);
    return new Map(order.map((t) => {
      const d = scorer(view(t));
      return [t, `${d.score} ${d.label} ${d.cues?.join('|')}`];
    }));
  };
  const forward = run(texts, fresh());
  const backward = run([...texts].reverse(), fresh());
  const uncached = new Map(tricky.map((t) => [t, run([t], fresh()).get(t)!]));
  assert.equal(forward.size, backward.size);
  for (const [t, s] of forward) {
    assert.equal(backward.get(t), s, t);
  }
  for (const [t, s] of uncached) assert.equal(forward.get(t), s, t);
});
