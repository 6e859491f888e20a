/** Pasted Discourse threads with the author and date lines a browser copies, and quotes of other posts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePasted } from '../src/input/pasted.js';
import { dateOf, headerAt, markQuotes } from '../src/input/pasted-header.js';

test('date lines as Discourse shows them: with a year the date is kept, without one it only marks a header', () => {
  assert.equal(dateOf('Mar 22'), '');
  assert.equal(dateOf('March 22, 2024, 9:12pm'), '2024-03-22');
  assert.equal(dateOf('March 22, 2024, 9:12pm #5'), '2024-03-22');
  assert.equal(dateOf('22 Mar 2024'), '2024-03-22');
  assert.equal(dateOf('Sept 3, 2023'), '2023-09-03');
  assert.equal(dateOf("Mar '24"), '');
  assert.equal(dateOf('2h'), '');
  assert.equal(dateOf('5 days ago'), '');
  assert.equal(dateOf('2024-03-23T10:01:00Z'), '2024-03-23');
  assert.equal(dateOf('March was awful'), undefined);
  assert.equal(dateOf('22 people died'), undefined);
  assert.equal(dateOf(''), undefined);
});

test('a header is a name line then a date line (a post number may follow); a sentence or a number is no name', () => {
  assert.deepEqual(headerAt(['grue', 'Mar 22', '', 'text'], 0), { author: 'grue', createdAt: '', lines: 2 });
  assert.deepEqual(headerAt(['anya_k (Anya K.)', 'March 24, 2024, 8:02am', '7', 'text'], 0), { author: 'anya_k', createdAt: '2024-03-24', lines: 3 });
  assert.equal(headerAt(['Horrible, all of it.', 'Mar 22'], 0), undefined);
  assert.equal(headerAt(['2024', 'Mar 22'], 0), undefined);
  assert.equal(headerAt(['grue', 'Or a great weekend.'], 0), undefined);
});

const THREAD = [
  'Gunmen attack concert hall near Moscow',
  '',
  'nullpointer',
  'Mar 22',
  '',
  'Reuters link and a summary.',
  '',
  '8 Likes',
  '',
  'kestrel',
  'Mar 22',
  '',
  'Horrible.',
  '',
  'quietone',
  'Mar 22',
  '',
  'A post nobody liked, so no Likes line.',
  '',
  'bitrot (Bit Rot)',
  'March 23, 2024, 9:12pm',
  '4',
  '',
  'kestrel:',
  '',
  'Horrible.',
  '',
  'Agreed. Note: not a quote label.',
  '',
  '1 Like',
  '',
].join('\n');

test('a pasted thread with headers: authors, dates, a post without likes of its own, a quote kept out of the scored words', () => {
  const t = parsePasted(THREAD, 't.txt', 't');
  assert.equal(t.title, 'Gunmen attack concert hall near Moscow');
  assert.deepEqual(
    t.comments.map((c) => [c.author, c.createdAt, c.likes, c.line, c.text]),
    [
      ['nullpointer', '', 8, 1, 'Gunmen attack concert hall near Moscow\n\nReuters link and a summary.'],
      ['kestrel', '', null, 10, 'Horrible.'],
      ['quietone', '', null, 15, 'A post nobody liked, so no Likes line.'],
      ['bitrot', '2024-03-23', 1, 20, 'kestrel:\n\nHorrible.\n\nAgreed. Note: not a quote label.'],
    ],
  );
  assert.deepEqual(t.comments[3]!.quoted, ['Horrible.']);
  assert.equal(t.comments[3]!.body, 'Agreed. Note: not a quote label.');
});

test('"name:" quotes only when the name is an author of the thread; without headers nothing changes', () => {
  assert.deepEqual(markQuotes(['Edit:', 'more text'], new Set(['grue'])), ['Edit:', 'more text']);
  assert.deepEqual(markQuotes(['grue:', '', 'quoted line', 'second', '', 'reply'], new Set(['grue'])), ['', '', '> quoted line', '> second', '', 'reply']);
  const plain = parsePasted('Title\n\nFirst post.\n\n3 Likes\n\nSecond post.\n\n2 Likes\n', 'p.txt', 'p');
  assert.deepEqual(
    plain.comments.map((c) => [c.author, c.likes, c.line, c.text]),
    [
      ['', 3, 1, 'Title\n\nFirst post.'],
      ['', 2, 7, 'Second post.'],
    ],
  );
});

test('property: every post of a pasted thread with author lines is one comment, with its author, likes and words', async () => {
  const fc = (await import('fast-check')).default;
  const { params } = await import('./property/config.js');
  const word = fc.stringMatching(/^[a-z]{2,8}$/);
  const post = fc.record({
    author: fc.stringMatching(/^[a-z][a-z0-9_]{1,11}$/),
    date: fc.constantFrom('Mar 22', '22 Mar', 'March 23, 2024, 9:12pm', 'Mar 24, 2024', '3d', '2024-03-25'),
    words: fc.array(word, { minLength: 1, maxLength: 12 }),
    likes: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
    quotes: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(post, { minLength: 1, maxLength: 8 }), (posts) => {
      const lines: string[] = ['A title line', ''];
      posts.forEach((p, i) => {
        lines.push(p.author, p.date, '');
        if (p.quotes && i > 0) lines.push(`${posts[i - 1]!.author}:`, '', 'the quoted words', '');
        lines.push(`${p.words.join(' ')}.`, '');
        if (p.likes !== null) lines.push(p.likes === 1 ? '1 Like' : `${p.likes} Likes`, '');
      });
      const t = parsePasted(lines.join('\n'), 'p.txt', 'p');
      assert.deepEqual(t.comments.map((c) => c.author), posts.map((p) => p.author));
      assert.deepEqual(t.comments.map((c) => c.likes), posts.map((p) => p.likes));
      t.comments.forEach((c, i) => {
        assert.ok(c.body.endsWith(`${posts[i]!.words.join(' ')}.`), c.body);
        assert.ok(!c.body.includes('the quoted words'), c.body);
      });
    }),
    params(),
  );
});
