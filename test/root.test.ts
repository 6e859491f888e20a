/** The `root` claim: each reply's stance toward what the opening post asserts (RumourEval's scheme). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readThreads } from '../src/input/index.js';
import { parseClaims, selectClaims, ROOT_CLAIM } from '../src/claims/load.js';
import { compileClaims } from '../src/analysis/compile.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import { rumourLabel, isRumourGold } from '../src/evaluate/rumoureval.js';

const rootOnly = () => compileClaims({ file: 'built-in', topic: '', claims: [ROOT_CLAIM] });

/** Analyzes a thread whose first text is the opening post and the rest reply to `parents` (default: the opening post). */
function labels(texts: string[], parents?: string[]): string[] {
  const lines = texts.map((text, i) => JSON.stringify({ id: `p${i}`, parent: i === 0 ? null : (parents?.[i - 1] ?? 'p0'), text }));
  const [thread] = readThreads(lines.join('\n'), 't.jsonl');
  return analyzeThread(thread!, rootOnly()).map((r) => {
    const j = r.stances.get('root')!;
    return rumourLabel({ root_stance: j.stance, root_detail: j.detail ?? '' }, 'root');
  });
}

const SOURCE = 'Breaking: the mayor of Springfield has resigned after the bridge scandal.';

/** Each reply, answering SOURCE, gets its label. */
function assertReplies(replies: [string, string][]): void {
  const out = labels([SOURCE, ...replies.map(([t]) => t)]);
  replies.forEach(([text, want], i) => assert.equal(out[i + 1], want, text));
}

test('the opening post supports its own claim, unless it asks', () => {
  assert.deepEqual(labels([SOURCE]), ['support']);
  assert.deepEqual(labels(['Has the mayor of Springfield resigned?']), ['query']);
});

test('reply labels: deny, query, support by restating, agreement, comment', () => {
  const replies: [string, string][] = [
    ['This is fake news, stop spreading it.', 'deny'],
    ['Source? I cannot find this anywhere.', 'query'],
    ['Is this confirmed by anyone official?', 'query'],
    ['The mayor of Springfield resigned over the bridge scandal, wow.', 'support'],
    ['Yes, my cousin works at city hall and says so.', 'support'],
    ['No, he is still in office this morning.', 'deny'],
    ['The mayor has not resigned over any scandal.', 'deny'],
    ['I had pancakes for breakfast today.', 'comment'],
    ['https://example.com/some-link', 'comment'],
  ];
  assertReplies(replies);
});

test('a deny word denies only early in the reply and not in a question', () => {
  const replies: [string, string][] = [
    ['Total lies, the mayor is at his desk today.', 'deny'],
    ['Why would anyone believe this is fake?', 'query'],
    ['We went over the whole budget line by line at the meeting last night and then somebody in the back said it was all lies.', 'comment'],
  ];
  assertReplies(replies);
});

test("a reply deeper in the thread that negates the opening post's words answers its parent, not the post", () => {
  // Both say "not" beside two of the post's words; only the direct answer is read as a denial.
  const text = 'The mayor of Springfield did not resign over anything.';
  assert.deepEqual(labels([SOURCE, 'I had pancakes today.', text, text], ['p0', 'p1', 'p0']), ['support', 'comment', 'comment', 'deny']);
});

test('a reply that only agrees with a supporting reply supports; one that disagrees denies', () => {
  assert.deepEqual(labels([SOURCE, 'Yes, confirmed by the council.', 'Exactly.', 'Nope.'], ['p0', 'p1', 'p1']), ['support', 'support', 'support', 'deny']);
});

test('--claim selects claims by id, root always available; an unknown id is a usage error', () => {
  const set = parseClaims('claims:\n  - {id: a, statement: s, actors: [A]}\n  - {id: b, statement: s, actors: [B]}\n', 'c.yaml');
  assert.deepEqual(selectClaims(set, 'b,root').claims.map((c) => c.id), ['b', 'root']);
  assert.deepEqual(selectClaims(set, undefined).claims.map((c) => c.id), ['a', 'b']);
  assert.throws(() => selectClaims(set, 'zzz'), { code: 'USAGE_CLAIM', message: /expected one of a, b, root/ });
});

test('a claim file may declare a root claim; it takes no actors', () => {
  const set = parseClaims('claims:\n  - {id: op, kind: root, statement: What the post says}\n', 'c.yaml');
  assert.equal(set.claims[0]!.kind, 'root');
  assert.throws(() => parseClaims('claims:\n  - {id: op, kind: root, statement: s, actors: [X]}\n', 'c.yaml'), { code: 'CLAIMS_BAD_FIELD' });
});

test('records with a thread field become one thread each, in order of first appearance', () => {
  const jsonl = [
    { id: 'a', thread: 't1', parent: null, text: 'First source.' },
    { id: 'b', thread: 't2', parent: null, text: 'Second source.' },
    { id: 'c', thread: 't1', parent: 'a', text: 'Reply to first.' },
  ].map((r) => JSON.stringify(r)).join('\n');
  const threads = readThreads(jsonl, 'multi.jsonl');
  assert.deepEqual(threads.map((t) => [t.id, t.comments.map((c) => `${c.id}<${c.parentId}`)]), [['t1', ['a<', 'c<a']], ['t2', ['b<']]]);
});

test('RumourEval gold is recognized by its records', () => {
  assert.equal(isRumourGold('{"id": "1", "label": "query", "text": "x"}\n'), true);
  assert.equal(isRumourGold('{"id": "1", "text": "x"}\n'), false);
  assert.equal(isRumourGold('id,text\n1,x\n'), false);
});

test('"Yes, …" and "No, …" answer whatever the parent holds', () => {
  assert.deepEqual(
    labels([SOURCE, 'This is fake news, stop spreading it.', 'Yes, total hoax.', 'No, it is real, I saw the letter.'], ['p0', 'p1', 'p1']),
    ['support', 'deny', 'deny', 'support'],
  );
});
