/** The benchmark's parts (npm run bench): the corpus generator, the target checks and one tiny CLI run. The benchmark itself is too slow for npm test. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorName, generateCorpus, prng, splitSentences, usableSentences, THREAD_SIZE, type CorpusRecord } from '../bench/corpus.js';
import { disturbed, evaluateTargets, growth, pooledRate, ratio, rulesBudget, type BenchFigures } from '../bench/targets.js';
import { busyTicks, otherCores } from '../bench/load.js';
import { gnuTime, runCli } from '../bench/cli-run.js';
import { ROOT } from './helpers.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pools = [
  { name: 'topic', sentences: ['ISIS-K claimed the attack.', 'The Kremlin blamed Ukraine.', 'Security forces took an hour to arrive.'], weight: 0.4 },
  { name: 'chat', sentences: ['I love this band.', 'What a terrible day.', 'Not sure what to think.', 'Source?'], weight: 0.6 },
];

test('prng: the same seed gives the same floats on every machine', () => {
  const r = prng(1);
  assert.deepEqual([r(), r(), r()], [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
});

test('the first three records for seed 7 (golden)', () => {
  assert.deepEqual(
    [...generateCorpus({ seed: 7, count: 3, pools })],
    [
      { thread: 't000001', id: 'c1', parent_id: '', author: 'wildfalcon', likes: 2, text: 'I love this band. Not sure what to think.' },
      { thread: 't000001', id: 'c2', parent_id: 'c1', author: 'greyfalcon', likes: 0, text: 'What a terrible day.' },
      { thread: 't000001', id: 'c3', parent_id: 'c1', author: 'quietfalcon', likes: 3, text: 'I love this band. Not sure what to think.' },
    ],
  );
});

test('the corpus is deterministic and shaped like a forum dump', () => {
  const records = [...generateCorpus({ seed: 7, count: 5000, pools })];
  assert.deepEqual([...generateCorpus({ seed: 7, count: 5000, pools })], records);
  assert.notDeepEqual([...generateCorpus({ seed: 8, count: 50, pools })], records.slice(0, 50));
  assert.equal(records.length, 5000);
  assert.equal(new Set(records.map((r) => r.id)).size, 5000);
  const threads = new Map<string, CorpusRecord[]>();
  for (const r of records) threads.set(r.thread, [...(threads.get(r.thread) ?? []), r]);
  const all = new Set(pools.flatMap((p) => p.sentences));
  for (const [, list] of threads) {
    assert.equal(list[0]!.parent_id, '', 'a thread starts with its opening post');
    const seen = new Set<string>();
    for (const r of list) {
      if (r !== list[0]) assert.ok(seen.has(r.parent_id), `${r.id} replies to an earlier comment of its thread`);
      seen.add(r.id);
      // 1 to 4 pool sentences, after an optional "@author " naming the parent's author.
      const body = r.text.replace(/^@[a-z]+\d* /, '');
      const parts = body.split(/(?<=[.?]) |\n\n/);
      assert.ok(parts.length >= 1 && parts.length <= 4 && parts.every((p) => all.has(p)), r.text);
      assert.ok(Number.isInteger(r.likes) && r.likes >= 0);
    }
    assert.ok(list.length <= THREAD_SIZE.max);
  }
  // Every thread but the last few (cut short at the end) has at least the minimum size.
  const sizes = [...threads.values()].map((l) => l.length);
  assert.ok(sizes.slice(0, -3).every((n) => n >= THREAD_SIZE.min));
  // Threads interleave a little: some comment follows one of another thread that is not finished.
  const switches = records.filter((r, i) => i > 0 && r.thread !== records[i - 1]!.thread).length;
  assert.ok(switches > threads.size * 2, `threads interleave (${switches} switches, ${threads.size} threads)`);
  assert.ok(records.some((r) => r.text.startsWith('@')));
});

test('author names are distinct for every index', () => {
  const names = Array.from({ length: 5000 }, (_, i) => authorName(i));
  assert.equal(new Set(names).size, 5000);
  assert.deepEqual([authorName(0), authorName(255), authorName(256), authorName(4097)], ['quietfalcon', 'deepember', 'quietfalcon1', 'redfalcon16']);
});

test('sentences split at their ends, not after initials, months or inside U.S.', () => {
  assert.deepEqual(splitSentences('Colin P. Clarke told the paper. The U.S. said so! On Dec. 19 it rained… Really?\n\nNew para.  Done'), [
    'Colin P. Clarke told the paper.',
    'The U.S. said so!',
    'On Dec. 19 it rained…',
    'Really?',
    'New para.',
    'Done',
  ]);
  assert.deepEqual(usableSentences(['Yes', 'Yes it is.', 'Yes it is.', 'x '.repeat(400)]), ['Yes it is.']);
});

const MB = 2 ** 20;
const figures: BenchFigures = {
  comments: 100_000,
  rssComments: 1_000_000,
  workers: 2,
  hasJobs: true,
  readdoc: 8000,
  vader: 4000,
  jobs1: 6000,
  jobsN: 9000,
  rateBasis: 'analyzeMs',
  startupMs: 700,
  startupExact: true,
  rss: { jobs1Small: { bytes: 200 * MB, lowerBound: false }, jobsNSmall: { bytes: 300 * MB, lowerBound: false }, jobs1Large: { bytes: 240 * MB, lowerBound: false }, jobsNLarge: { bytes: 420 * MB, lowerBound: false } },
};
const statuses = (f: BenchFigures): string[] => evaluateTargets(f).map((t) => `${t.measured} ${t.status}`);

test('targets: each is met or not met with the measured value', () => {
  assert.equal(ratio(6000, 8000), 0.75);
  assert.equal(ratio(6000, undefined), undefined);
  assert.deepEqual(growth({ bytes: 200, lowerBound: false }, { bytes: 250, lowerBound: true }), { value: 0.25, lowerBound: true });
  assert.deepEqual(statuses(figures), ['0.75× met', '1.50× met', '1.50× not met', '240 MB met', '420 MB not met', '+20.0% met', '+40.0% not met', '700 ms met']);
  assert.deepEqual(evaluateTargets(figures).slice(2, 4).map((t) => t.target), ['2 workers ÷ 1 worker, 100,000 comments', 'peak RSS, 1M comments, 1 worker']);
});

test("c/a's note: what the target leaves for the rules beyond threadstance's reading with no rules", () => {
  // readDoc 8,000/s (125 µs), reading 10,000/s (100 µs), one worker 4,000/s (250 µs): for 0.75× a
  // comment may take 166.7 µs, 66.7 of them beyond the reading; it takes 150 beyond it.
  const f: BenchFigures = { ...figures, jobs1: 4000, reading: 10_000 };
  const b = rulesBudget(f)!;
  assert.equal(b.readingRatio, 1.25);
  assert.equal(b.allowedUs.toFixed(3), '66.667');
  assert.equal(b.takenUs, 150);
  const target = evaluateTargets(f)[0]!;
  assert.equal(`${target.measured} ${target.status}`, '0.50× not met');
  assert.equal(target.note, "threadstance's reading with no rules (token view and CSV row) runs at 1.25× readDoc's rate; for 0.75× the rest of a comment's time (rules, reading the input, writing) may be 67 µs, and is 150 µs");
  // A reading slower than 0.75× readDoc leaves nothing; without its rate there is no note.
  assert.match(evaluateTargets({ ...f, reading: 5000 })[0]!.note!, /may be nothing: the reading alone is slower than that, and is 50 µs$/);
  assert.equal(rulesBudget(figures), undefined);
  assert.equal(evaluateTargets(figures)[0]!.note, undefined);
});

test('the one-worker rate pools the runs before and after the N-worker run: comments over their time together', () => {
  // 100,000 comments in 25 s and in 20 s: 200,000 in 45 s.
  assert.equal(pooledRate([4000, 5000]), 200_000 / 45);
  assert.equal(pooledRate([4000, undefined]), 4000);
  assert.equal(pooledRate([undefined, undefined]), undefined);
  assert.equal(pooledRate([]), undefined);
});

test('targets: missing runs, lower bounds and upper bounds are never reported as met without proof', () => {
  const f: BenchFigures = {
    ...figures,
    hasJobs: false,
    jobsN: undefined,
    rateBasis: 'wall',
    startupMs: 1200,
    startupExact: false,
    rss: { jobs1Small: { bytes: 1000 * MB, lowerBound: false }, jobs1Large: { bytes: 2048 * MB, lowerBound: true } },
  };
  const result = evaluateTargets(f);
  assert.deepEqual(result.map((t) => `${t.measured} ${t.status}`), ['0.75× met', '1.50× met', '— not available', '≥ 2048 MB not met', '— not available', '≥ +104.8% not met', '— not available', '≤ 1200 ms not available']);
  assert.match(result[0]!.note!, /wall time/);
  assert.match(result[2]!.note!, /no --jobs option/);
  assert.equal(result[4]!.note, 'the CLI has no --jobs option yet');
  // A stopped run below the limit proves nothing.
  const low = evaluateTargets({ ...f, rss: { jobs1Small: { bytes: 100 * MB, lowerBound: false }, jobs1Large: { bytes: 110 * MB, lowerBound: true } } });
  assert.deepEqual([low[3]!.status, low[5]!.status], ['not available', 'not available']);
  // A short corpus or no million-comment run: the size-bound targets are not evaluated.
  const quick = evaluateTargets({ ...figures, comments: 20_000, rssComments: 0 });
  assert.deepEqual(quick.map((t) => t.status), ['met', 'met', 'not available', 'not available', 'not available', 'not available', 'not available', 'met']);
  assert.equal(quick[3]!.note, 'needs runs on 1,000,000 comments (this run: none)');
});

test('other load: busy ticks of /proc/stat, cores other processes took, and the note on a disturbed ratio', () => {
  // user nice system idle iowait irq softirq steal guest guest_nice
  assert.equal(busyTicks('cpu  1092277 1128 83299 6263887 2580 0 526 993 0 0'), 1092277 + 1128 + 83299 + 526 + 993);
  assert.equal(busyTicks('cpu  10 0 5 100 0 0 0'), 15);
  assert.equal(busyTicks('cpu0 10 0 5 100 0 0 0 0'), undefined);
  assert.equal(busyTicks('cpu  10 x 5 100 0 0 0 0'), undefined);
  // 20 s of wall: the machine was busy 41 s, the measured child took 36 s and the benchmark 1 s: 4 s of others = 0.2 cores.
  assert.equal(otherCores(41_000, 36_000, 1_000, 20_000), 0.2);
  // Counters tick at 10 ms: a measured time a little above the machine's is no load, not a negative one.
  assert.equal(otherCores(36_000, 36_010, 5, 20_000), 0);
  assert.equal(disturbed({ '1-worker': 0.02, '2-worker': 0.1 }), undefined);
  assert.equal(disturbed({ '1-worker': 0.35, '2-worker': undefined }), "disturbed: other processes used 0.35 cores on average during the 1-worker run, so that run's rate is low");
  const notes = evaluateTargets({ ...figures, load: { jobs1: 0.01, jobsN: 0.42 } }).map((t) => t.note);
  assert.deepEqual(notes.slice(0, 4), [undefined, undefined, "disturbed: other processes used 0.42 cores on average during the 2-worker run, so that run's rate is low", undefined]);
  // The measured status stays what was measured.
  assert.equal(evaluateTargets({ ...figures, load: { jobsN: 0.42 } })[2]!.status, 'not met');
});

test('GNU time: peak RSS and CPU time from the last line, after a line about the exit status', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-time-'));
  try {
    const file = path.join(dir, 'time.txt');
    fs.writeFileSync(file, 'Command exited with non-zero status 1\n335444 35.34 2.07\n');
    assert.deepEqual(gnuTime(file), { kb: 335444, cpuMs: 37410 });
    fs.writeFileSync(file, 'Command terminated by signal 9\n0 0.00 0.00\n');
    assert.deepEqual(gnuTime(file), { cpuMs: 0 });
    assert.deepEqual(gnuTime(path.join(dir, 'missing.txt')), {});
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a CLI run at low priority runs under nice and is measured like any other', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nice-'));
  try {
    const corpus = path.join(dir, 'c.jsonl');
    const records = ['ISIS claimed it.', 'The Kremlin blamed Ukraine.', 'No police for an hour.'].map((text, i) => JSON.stringify({ thread: 't1', id: `c${i + 1}`, parent_id: i ? 'c1' : '', author: `a${i}`, likes: i, text }));
    fs.writeFileSync(corpus, records.join('\n') + '\n');
    const bin = path.join(ROOT, 'dist/src/bin.js');
    const run = await runCli({ bin, corpus, comments: 3, jobs: 1, dir, timeoutMs: 60_000, rssCeilingBytes: 2 ** 31, lowPriority: true });
    assert.equal(run.status, 'ok', run.reason);
    assert.equal(run.stats?.comments, 3);
    const nice = fs.existsSync('/usr/bin/nice') || fs.existsSync('/bin/nice');
    assert.equal(run.lowPriority, nice ? true : undefined);
    assert.equal(run.command.startsWith(nice ? 'nice -n 19 node ' : 'node '), true, run.command);
    assert.ok(run.maxRssBytes! > 20 * 2 ** 20, `peak RSS ${run.maxRssBytes}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
