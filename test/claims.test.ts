import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseClaims, type ClaimSet } from '../src/claims/load.js';
import { compileClaims } from '../src/analysis/compile.js';
import { ThreadstanceError } from '../src/errors.js';

const repoFile = (rel: string): string => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const fixture = (name: string): string => repoFile(`test/fixtures/claims/${name}`);

/** What a rejected claim file must report: code, place and a fragment of the message. */
interface Expected {
  code: string;
  claim: string | undefined;
  field: string | undefined;
  message: string;
  line?: number;
}

function expectError(fn: () => unknown, want: Expected): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ThreadstanceError, `expected a ThreadstanceError, got ${String(err)}`);
    assert.equal(err.code, want.code);
    assert.equal(err.place.file, 'c.yaml');
    assert.equal(err.place.claim, want.claim);
    assert.equal(err.place.field, want.field);
    assert.ok(err.message.includes(want.message), `message ${JSON.stringify(err.message)} lacks ${JSON.stringify(want.message)}`);
    if (want.line !== undefined) assert.equal(err.place.line, want.line);
    return true;
  });
}

const rejects = (text: string, want: Expected): void => expectError(() => parseClaims(text, 'c.yaml'), want);

/** A valid one-claim file with `extra` lines appended to the claim. */
const oneClaim = (extra = '', actors = '[Kremlin]'): string =>
  `version: 1\nclaims:\n  - id: fsb\n    statement: The FSB let it happen.\n    actors: ${actors}\n${extra}`;

test('on_mention is read into the claim', () => {
  assert.equal(parseClaims(oneClaim('    on_mention: oppose\n'), 'c.yaml').claims[0]!.onMention, 'oppose');
  assert.equal('onMention' in parseClaims(oneClaim(), 'c.yaml').claims[0]!, false);
});

// Sanity check of the helper: the base text itself is valid.
test('the base claim used by the error cases parses', () => {
  const set = parseClaims(oneClaim(), 'c.yaml');
  assert.deepEqual(set, {
    file: 'c.yaml',
    topic: '',
    claims: [{
      id: 'fsb', statement: 'The FSB let it happen.', kind: 'attribution', actors: ['Kremlin'],
      cues: [], denials: [], phrases: { support: [], oppose: [] }, mocked: false, sources: [],
    }],
  });
});

const cases: { name: string; text: string; want: Expected }[] = [
  {
    name: 'YAML syntax error → CLAIMS_SYNTAX with the line',
    text: 'version: 1\nclaims:\n  - id: fsb\n   statement: [unclosed\n',
    want: { code: 'CLAIMS_SYNTAX', claim: undefined, field: undefined, message: 'not valid YAML or JSON', line: 4 },
  },
  {
    name: 'duplicate mapping key is a syntax error',
    text: 'version: 1\nversion: 1\nclaims: []\n',
    want: { code: 'CLAIMS_SYNTAX', claim: undefined, field: undefined, message: 'duplicated mapping key', line: 2 },
  },
  {
    name: 'top level is a list, not a mapping',
    text: '- id: fsb\n- id: isis\n',
    want: { code: 'CLAIMS_BAD_FIELD', claim: undefined, field: undefined, message: 'expected a mapping with keys version, topic, claims, found a list' },
  },
  {
    name: 'empty document',
    text: '',
    want: { code: 'CLAIMS_BAD_FIELD', claim: undefined, field: undefined, message: 'found nothing' },
  },
  {
    name: 'unknown top-level key',
    text: 'version: 1\nauthor: me\nclaims: []\n',
    want: { code: 'CLAIMS_UNKNOWN_KEY', claim: undefined, field: 'author', message: 'unknown key "author"; expected only version, topic, claims' },
  },
  {
    name: 'version 2',
    text: 'version: 2\nclaims: []\n',
    want: { code: 'CLAIMS_VERSION', claim: undefined, field: 'version', message: 'version is 2; this threadstance reads version 1' },
  },
  {
    name: 'version as a string',
    text: 'version: "1"\nclaims: []\n',
    want: { code: 'CLAIMS_VERSION', claim: undefined, field: 'version', message: 'version is "1"' },
  },
  {
    name: 'claims missing',
    text: 'version: 1\ntopic: Crocus\n',
    want: { code: 'CLAIMS_EMPTY', claim: undefined, field: 'claims', message: 'a non-empty list of claims' },
  },
  {
    name: 'claims empty',
    text: 'version: 1\nclaims: []\n',
    want: { code: 'CLAIMS_EMPTY', claim: undefined, field: 'claims', message: 'a non-empty list of claims' },
  },
  {
    name: 'a claim that is not a mapping is named by position',
    text: oneClaim() + '  - just a sentence\n',
    want: { code: 'CLAIMS_BAD_FIELD', claim: '#2', field: undefined, message: 'expected a mapping with id, statement, actors, found string "just a sentence"' },
  },
  {
    name: 'missing id',
    text: 'claims:\n  - statement: s\n    actors: [X]\n',
    want: { code: 'CLAIMS_MISSING_FIELD', claim: '#1', field: 'id', message: 'is missing; expected a non-empty text' },
  },
  {
    name: 'upper-case id',
    text: 'claims:\n  - id: Isis\n    statement: s\n    actors: [X]\n',
    want: { code: 'CLAIMS_BAD_ID', claim: '#1', field: 'id', message: 'id "Isis" must be lower-case letters' },
  },
  {
    name: 'id starting with a digit',
    text: 'claims:\n  - id: 9west\n    statement: s\n    actors: [X]\n',
    want: { code: 'CLAIMS_BAD_ID', claim: '#1', field: 'id', message: 'id "9west" must be lower-case letters, digits and _ (starting with a letter)' },
  },
  {
    name: 'unknown claim key is named',
    text: oneClaim('    colour: red\n'),
    want: { code: 'CLAIMS_UNKNOWN_KEY', claim: 'fsb', field: 'colour', message: 'unknown key "colour"; expected only id, statement, kind, actors' },
  },
  {
    name: 'bad kind',
    text: oneClaim('    kind: causal\n'),
    want: { code: 'CLAIMS_BAD_KIND', claim: 'fsb', field: 'kind', message: 'kind "causal" is not known; expected "attribution"' },
  },
  {
    name: 'missing statement',
    text: 'claims:\n  - id: fsb\n    actors: [X]\n',
    want: { code: 'CLAIMS_MISSING_FIELD', claim: 'fsb', field: 'statement', message: 'is missing' },
  },
  {
    name: 'blank statement',
    text: 'claims:\n  - id: fsb\n    statement: "   "\n    actors: [X]\n',
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'statement', message: 'expected a non-empty text, found string "   "' },
  },
  {
    name: 'actors missing',
    text: 'claims:\n  - id: fsb\n    statement: s\n',
    want: { code: 'CLAIMS_MISSING_FIELD', claim: 'fsb', field: 'actors', message: 'is missing; expected a list of texts' },
  },
  {
    name: 'actors empty',
    text: oneClaim('', '[]'),
    want: { code: 'CLAIMS_EMPTY_LIST', claim: 'fsb', field: 'actors', message: 'is empty; expected at least one entry' },
  },
  {
    name: 'actors not a list',
    text: oneClaim('', 'Kremlin'),
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'actors', message: 'expected a list of texts, found string "Kremlin"' },
  },
  {
    name: 'an actor that is a mapping',
    text: oneClaim('', '[Kremlin, {name: FSB}]'),
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'actors[1]', message: 'expected a non-empty text, found a mapping' },
  },
  {
    name: 'an actor that is an empty string',
    text: oneClaim('', '["", Kremlin]'),
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'actors[0]', message: 'found string ""' },
  },
  {
    name: 'duplicate actor, case-insensitive',
    text: oneClaim('', '[Kremlin, FSB, kremlin]'),
    want: { code: 'CLAIMS_DUPLICATE_ENTRY', claim: 'fsb', field: 'actors', message: '"kremlin" is listed twice' },
  },
  {
    name: 'duplicate cue',
    text: oneClaim('    cues: [staged, " Staged "]\n'),
    want: { code: 'CLAIMS_DUPLICATE_ENTRY', claim: 'fsb', field: 'cues', message: '"Staged" is listed twice' },
  },
  {
    name: 'duplicate claim id',
    text: oneClaim() + '  - id: fsb\n    statement: again\n    actors: [FSB]\n',
    want: { code: 'CLAIMS_DUPLICATE_ID', claim: 'fsb', field: 'id', message: 'claim id "fsb" appears twice' },
  },
  {
    name: 'phrases with an unknown key',
    text: oneClaim('    phrases:\n      support: [inside job]\n      neutral: [who knows]\n'),
    want: { code: 'CLAIMS_UNKNOWN_KEY', claim: 'fsb', field: 'phrases.neutral', message: 'unknown key "neutral"; expected only support, oppose' },
  },
  {
    name: 'phrases not a mapping',
    text: oneClaim('    phrases: [inside job]\n'),
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'phrases', message: 'expected a mapping with support and oppose lists, found a list' },
  },
  {
    name: 'phrases.oppose not a list',
    text: oneClaim('    phrases:\n      oppose: not a false flag\n'),
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'phrases.oppose', message: 'expected a list of texts' },
  },
  {
    name: 'sources entry with a bad position',
    text: oneClaim('    sources:\n      - file: seeds/000.txt\n        position: makes\n      - file: seeds/001.txt\n        position: claims\n'),
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'sources[1].position', message: 'position "claims" is not one of makes, reports, rejects' },
  },
  {
    name: 'sources entry without a file',
    text: oneClaim('    sources:\n      - position: makes\n'),
    want: { code: 'CLAIMS_MISSING_FIELD', claim: 'fsb', field: 'sources[0].file', message: 'is missing' },
  },
  {
    name: 'sources entry with an unknown key',
    text: oneClaim('    sources:\n      - file: seeds/000.txt\n        position: makes\n        url: https://example.org\n'),
    want: { code: 'CLAIMS_UNKNOWN_KEY', claim: 'fsb', field: 'sources[0].url', message: 'unknown key "url"; expected only file, position, note' },
  },
  {
    name: 'on_mention not a reading',
    text: oneClaim('    on_mention: endorse\n'),
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'on_mention', message: '"endorse" is not one of support, oppose, neutral (leave on_mention out to read a bare mention as none)' },
  },
  {
    name: 'on_mention on a root claim',
    text: 'version: 1\nclaims:\n  - id: op\n    kind: root\n    statement: What the opening post says.\n    on_mention: support\n',
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'op', field: 'on_mention', message: 'a claim of kind "root" takes its claim from the opening post and has no on_mention' },
  },
  {
    name: 'sources not a list',
    text: oneClaim('    sources: seeds/000.txt\n'),
    want: { code: 'CLAIMS_BAD_FIELD', claim: 'fsb', field: 'sources', message: 'expected a list of {file, position, note}' },
  },
];

for (const c of cases) test(`parseClaims rejects: ${c.name}`, () => rejects(c.text, c.want));

test('shipped claims/crocus.yaml: five claims in order, each with a source', () => {
  const file = repoFile('claims/crocus.yaml');
  const set = parseClaims(fs.readFileSync(file, 'utf8'), file);
  assert.deepEqual(set.claims.map((c) => c.id), ['isis', 'ukraine', 'west', 'fsb', 'security_failure']);
  assert.equal(set.topic, 'Attack on Crocus City Hall near Moscow, 22 March 2024');
  for (const c of set.claims) {
    assert.ok(c.sources.length >= 1, `${c.id} has no source`);
    assert.equal(c.kind, 'attribution');
    for (const s of c.sources) assert.match(s.file, /^seeds\/\d{3}_[0-9a-f]{16}\.txt$/);
  }
  assert.deepEqual(set.claims.find((c) => c.id === 'fsb')!.cues, ['@attribution', '@deliberate']);
  assert.deepEqual(set.claims.find((c) => c.id === 'security_failure')!.denials, []);
});

test('a JSON claim file parses the same as its YAML twin', () => {
  const read = (name: string): ClaimSet => parseClaims(fs.readFileSync(fixture(name), 'utf8'), name);
  const yaml = read('small.yaml');
  const json = read('small.json');
  assert.equal(yaml.file, 'small.yaml');
  assert.equal(json.file, 'small.json');
  assert.deepEqual({ ...json, file: '' }, { ...yaml, file: '' });
  assert.deepEqual(yaml.claims.map((c) => c.id), ['isis', 'fsb_2']);
  // numbers become text, statements are trimmed, omitted lists and notes default to empty
  assert.deepEqual(yaml.claims[0]!.actors, ['ISIS', 'Islamic State', '2024']);
  assert.equal(yaml.claims[1]!.statement, 'The FSB let it happen.');
  assert.deepEqual(yaml.claims[1]!.cues, []);
  assert.deepEqual(yaml.claims[1]!.sources, [{ file: 'seeds/000_4b7ab1ae6bf1a380.txt', position: 'rejects', note: '' }]);
});

test('compileClaims: a cue naming an unknown lexicon → LEXICON_UNKNOWN naming the claim', () => {
  const set = parseClaims(oneClaim('    cues: ["@attribution", "@nope"]\n'), 'c.yaml');
  assert.throws(() => compileClaims(set), (err: unknown) => {
    assert.ok(err instanceof ThreadstanceError);
    assert.equal(err.code, 'LEXICON_UNKNOWN');
    assert.ok(err.message.startsWith('refers to lexicon "@nope", which does not exist'), err.message);
    assert.deepEqual(err.place, { file: 'c.yaml', claim: 'fsb', field: 'cues' });
    assert.ok(err.message.includes('@attribution'), 'lists the known lexicons');
    return true;
  });
});

test('compileClaims: an unknown lexicon among the denials names the field', () => {
  const set = parseClaims(oneClaim('    denials: ["@nope"]\n'), 'c.yaml');
  assert.throws(() => compileClaims(set), { code: 'LEXICON_UNKNOWN', message: /^refers to lexicon "@nope"/, place: { file: 'c.yaml', claim: 'fsb', field: 'denials' } });
});

test('compileClaims: an alias containing [ → CLAIMS_BAD_ALIAS', () => {
  const set = parseClaims(oneClaim('', '[Kremlin, "Putin [the regime]"]'), 'c.yaml');
  expectError(() => compileClaims(set), {
    code: 'CLAIMS_BAD_ALIAS', claim: 'fsb', field: 'actors', message: 'alias "Putin [the regime]" contains [ ] or |',
  });
});

test('compileClaims: the small fixture compiles, acronyms are exact-case aliases', () => {
  const compiled = compileClaims(parseClaims(fs.readFileSync(fixture('small.yaml'), 'utf8'), 'small.yaml'));
  assert.deepEqual(compiled.claims.map((c) => c.claim.id), ['isis', 'fsb_2']);
  assert.deepEqual([...compiled.exactAliases.entries()], [['FSB', ['fsb_2']]]);
  assert.deepEqual(compiled.singleAliases.get('kremlin'), ['fsb_2']);
  assert.equal(compiled.claims[1]!.support.length, 1);
  assert.ok(compiled.claims[0]!.cues.length > 1, 'the @attribution lexicon adds cue phrases');
});

test('parseClaims: two claims whose ids make the same column → CLAIMS_COLUMN_CLASH', () => {
  const text = 'claims:\n  - {id: review, statement: s, actors: [A]}\n  - {id: stance, statement: s, actors: [B]}\n';
  assert.throws(() => parseClaims(text, 'c.yaml'), { code: 'CLAIMS_COLUMN_CLASH', place: { file: 'c.yaml', claim: 'stance', field: 'id' }, message: /"review_stance", which claim "review" makes too/ });
});

test('parseClaims: an id that makes a column threadstance uses itself → CLAIMS_COLUMN_CLASH', () => {
  const text = 'claims:\n  - {id: note, statement: s, actors: [A]}\n';
  assert.throws(() => parseClaims(text, 'c.yaml'), { code: 'CLAIMS_COLUMN_CLASH', message: /"review_note", which threadstance uses itself/ });
});

test('parseClaims: mocked must be true or false', () => {
  assert.equal(parseClaims('claims:\n  - {id: a, statement: s, actors: [A], mocked: true}\n', 'c.yaml').claims[0]!.mocked, true);
  assert.throws(() => parseClaims('claims:\n  - {id: a, statement: s, actors: [A], mocked: "yes"}\n', 'c.yaml'), { code: 'CLAIMS_BAD_FIELD', place: { file: 'c.yaml', claim: 'a', field: 'mocked' } });
});
