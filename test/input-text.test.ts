/** The adapters' shared text and JSON readers: HTML → text, Markdown → text, located JSON, dates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText } from '../src/input/html.js';
import { decodeEntities, markdownToText } from '../src/input/markdown.js';
import { jsonPath, parseLocatedJson } from '../src/input/json.js';
import { isoFromEpoch, isoFromString } from '../src/input/thread.js';
import { ThreadstanceError } from '../src/errors.js';

test('html: paragraphs, <br> and lists keep their line breaks; whitespace inside a line collapses; <pre> is kept as is', () => {
  assert.deepEqual(htmlToText('<p>One\n  line<br>\nnext</p>\n<p>Two</p><ul><li>a</li><li>b <b>c</b></li></ul><pre><code>x = 1\n  y = 2\n</code></pre>'), {
    text: 'One line\nnext\n\nTwo\n\n- a\n- b c\n\nx = 1\n  y = 2',
    media: [],
  });
});

test('html: entities decoded; emoji images as shortcodes; labelled links keep the label and give the target as media', () => {
  const r = htmlToText('<p>Fish &amp; chips &#x2F; &quot;ok&quot; <img src="https://e/x.png" title=":smile:" class="emoji" alt=":smile:"> see <a href="https://a.org/p">this page</a> and <a href="/u/bob" class="mention">@bob</a></p>');
  assert.deepEqual(r, { text: 'Fish & chips / "ok" :smile: see this page and @bob', media: ['https://a.org/p'] });
});

test('html: quotes (Discourse aside, bare blockquote, nested) become "> " lines without their header; media inside a quote is not the poster\'s', () => {
  const html =
    '<aside class="quote" data-post="3"><div class="title"><img class="avatar" src="//cdn/a.png"> ann:</div><blockquote><p>first <a href="https://q.org">link</a></p><aside class="quote"><blockquote><p>inner</p></blockquote></aside></blockquote></aside><p>reply</p><blockquote><p>again</p></blockquote>';
  assert.deepEqual(htmlToText(html), { text: '> first link\n\n> inner\n\nreply\n\n> again', media: [] });
});

test('html: oneboxes, lightboxes and images are media; a GIF\'s caption is its own line; protocol-relative sources get https', () => {
  const html =
    '<aside class="onebox" data-onebox-src="https://gh.com/x/1"><article><h3>Title</h3></article></aside><div class="lightbox-wrapper"><a class="lightbox" href="//up/full.png"><img src="//up/small.png"></a><div class="meta">image 100x100</div></div><p><img src="https://media.giphy.com/g.gif" alt="Yes GIF by Late Night"></p>';
  assert.deepEqual(htmlToText(html), { text: 'Yes GIF by Late Night', media: ['https://gh.com/x/1', 'https://up/full.png', 'https://media.giphy.com/g.gif'] });
});

test('html: a link whose label is its (shortened or partly hidden) address is written out in full', () => {
  assert.equal(htmlToText('<a href="https://example.org/a/very/long/path">https://example.org/a/very/lo...</a>').text, 'https://example.org/a/very/long/path');
  assert.equal(htmlToText('<a href="https://ex.org/abc"><span class="invisible">https://</span><span class="ellipsis">ex.org/a</span><span class="invisible">bc</span></a>').text, 'https://ex.org/abc');
});

test('markdown: emphasis, code, headings, lists, spoilers and superscript removed; escapes honoured; addresses untouched', () => {
  assert.deepEqual(markdownToText('# Head\n**bold** *it* _em_ ~~gone~~ `a_b_c` \\*star\\* >!spoiler!< ^(up) x^2\n\n+ item\nsee https://x.org/a__b__c and snake_case_name'), {
    text: 'Head\nbold it em gone a_b_c *star* spoiler up x^2\n\n- item\nsee https://x.org/a__b__c and snake_case_name',
    media: [],
  });
});

test('markdown: links keep their label (target to media), images go to media, a bare-address label stays the address', () => {
  assert.deepEqual(markdownToText('[the paper](https://en.wikipedia.org/wiki/Foo_(bar) "t") and ![img](https://i.org/x.png) and [https://a.org](https://a.org) and <https://b.org>'), {
    text: 'the paper and   and https://a.org and https://b.org',
    media: ['https://i.org/x.png', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
  });
});

test('markdown: quotes, entity-escaped quotes and lazy continuation lines; fenced code kept verbatim', () => {
  assert.equal(markdownToText('&gt; quoted\ncontinued\n\n>> nested\n\nmine\n```\n*not* _markup_\n```').text, '> quoted\n> continued\n\n> nested\n\nmine\n*not* _markup_');
  assert.equal(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x27;&nbsp;&unknown;'), '&<>"\'\'\u00a0&unknown;');
});

test('located JSON: every object and array knows its line; array items know theirs', () => {
  const doc = parseLocatedJson('{\n  "a": [\n    {"x": 1},\n    "s",\n    {"y": [2]}\n  ]\n}', 'f.json');
  const a = (doc.value as { a: unknown[] }).a;
  assert.deepEqual([doc.lineOf(doc.value), doc.lineOf(a), doc.lineOf(a[0]), doc.lineOf(a[2])], [1, 2, 3, 5]);
  assert.deepEqual([doc.lineAt(a, 1), doc.lineAt(a, 2)], [4, 5]);
  assert.equal(jsonPath(['post_stream', 'posts', 3, 'odd key']), 'post_stream.posts[3]["odd key"]');
});

test('located JSON: errors name line, column and JSON path, and say what was expected', () => {
  const err = (text: string): ThreadstanceError => {
    try {
      parseLocatedJson(text, 'f.json');
    } catch (e) {
      return e as ThreadstanceError;
    }
    throw new Error('no error');
  };
  const bad = err('{\n  "a": [1, 2,, 3]\n}');
  assert.deepEqual([bad.code, bad.place, bad.message], ['INPUT_JSON', { file: 'f.json', line: 2, column: 14 }, 'invalid JSON: expected a JSON value, found ", 3]\\n}" (at a[2])']);
  assert.equal(err('{"a": 1}\n{"a": 2}').message, 'invalid JSON: expected the end of the JSON document, found "{\\"a\\": 2}"; is it JSON Lines (one object per line)?');
  assert.equal(err('{"a": "open\n"}').message, 'invalid JSON: a line break or control character inside a string; it must be escaped (at a)');
  assert.equal(err('{"a": [1, {"b": "x').message, 'invalid JSON: the file ends inside the object opened at line 1, column 11 (at a[1].b); it looks truncated (the outermost object, opened at line 1, column 1, is never closed). Save the whole response again');
  assert.deepEqual(parseLocatedJson('{"s": "\\u00e9\\n", "n": -1.5e2, "t": true, "z": null}', 'f.json').value, { s: 'é\n', n: -150, t: true, z: null });
});

test('dates: epoch seconds and zone-less times become ISO 8601 UTC; ISO strings with a zone stay as given', () => {
  assert.deepEqual(
    [isoFromEpoch(1711141513), isoFromEpoch('1711141513.5'), isoFromEpoch(''), isoFromEpoch(null)],
    ['2024-03-22T21:05:13Z', '2024-03-22T21:05:13.500Z', '', ''],
  );
  assert.deepEqual(
    [isoFromString('2023-06-20T14:27:39.424218'), isoFromString('2024-03-22 21:05:13'), isoFromString('2018-03-21T15:29:36.279Z'), isoFromString('2024-03-22T21:05:13+03:00'), isoFromString('not a date'), isoFromString(5)],
    ['2023-06-20T14:27:39.424218Z', '2024-03-22T21:05:13Z', '2018-03-21T15:29:36.279Z', '2024-03-22T21:05:13+03:00', '', ''],
  );
});
